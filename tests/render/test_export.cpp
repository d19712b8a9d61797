// `deportmap export` end to end (the real binary, DEPORTMAP_BINARY): the golden
// equirectangular map-only image, compared exactly with tests/render/golden/ (UPDATE=1
// rewrites it); no stripe across the map; the image's edges are the lon/lat edges; the
// PNG is opaque; and every bad input is a one-line error with a non-zero exit.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/scene.hpp"
#include "gl_fixture.hpp"
#include "image_check.hpp"
#include "render/map_renderer.hpp"
#include "run_binary.hpp"
#include "scratch.hpp"

namespace deportmap {
namespace {

namespace fs = std::filesystem;

using test::expect_one_line_error;
using test::run_deportmap;
using test::RunResult;
using test::scratch;

class ExportTest : public test::GlTest {};

bool same_rgb(const uint8_t* p, Color c) { return p[0] == c.r && p[1] == c.g && p[2] == c.b; }

// Pixel column/row of a longitude/latitude in the 720x360 equirectangular export.
int column(double lon) { return static_cast<int>((lon + 180.0) * 2.0); }
int row(double lat) { return static_cast<int>((90.0 - lat) * 2.0); }

// Fraction of pixels of row `y` between longitudes [lon0, lon1) that are ocean.
double ocean_fraction(const test::Image& image, int y, double lon0, double lon1) {
    const Color ocean = theme_colors(Theme::Light).ocean;
    int n = 0, total = 0;
    for (int x = column(lon0); x < column(lon1); ++x, ++total) n += same_rgb(image.at(x, y), ocean);
    return total > 0 ? static_cast<double>(n) / total : 0.0;
}

TEST_F(ExportTest, EquirectangularGolden) {
    const fs::path png = scratch() / "equirectangular.png";
    const RunResult run =
        run_deportmap({"export", "--out", png.string(), "--width", "720", "--height", "360",
                       "--projection", "equirectangular", "--bounds", "-180,-90,180,90", "--layout",
                       "map-only", "--date", "2000"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    int channels = 0;
    const auto image = test::load_png(png.string(), &channels);
    ASSERT_TRUE(image.has_value());
    ASSERT_EQ(image->width, 720);
    ASSERT_EQ(image->height, 360);

    // Opaque: every alpha is 255.
    for (size_t i = 3; i < image->rgba.size(); i += 4) ASSERT_EQ(image->rgba[i], 255) << i / 4;

    // Exact on llvmpipe, a margin on other drivers (tests/render/goldens.hpp).
    EXPECT_TRUE(test::check_golden("equirectangular_720x360.png", *image, context().renderer()))
        << "renderer: " << context().renderer();

    const ThemeColors& style = theme_colors(Theme::Light);
    // No stripe: a row near the equator (1.5°S, clear of Baker Island and Jarvis) is
    // ocean across the open Pacific.
    const int equator = row(-1.5);
    for (int x = column(-178.0); x < column(-95.0); ++x) {
        ASSERT_TRUE(same_rgb(image->at(x, equator), style.ocean)) << "stripe at x=" << x;
    }
    // Fiji and Chukotka cross the antimeridian: the rows through them stay open ocean
    // in the middle of the Pacific (a stripe would paint them across the map).
    EXPECT_GT(ocean_fraction(*image, row(-17.0), -140.0, -90.0), 0.98);
    EXPECT_GT(ocean_fraction(*image, row(-17.0), 60.0, 110.0), 0.98);   // Indian Ocean
    EXPECT_GT(ocean_fraction(*image, row(68.0), -5.0, 8.0), 0.98);      // Norwegian Sea
    // Edges: the top row (89.5-90°N) is ocean, the bottom row (89.5-90°S) is
    // Antarctica from edge to edge, with no border along the pole or the ±180° cut.
    for (int x = 0; x < 720; ++x) {
        ASSERT_TRUE(same_rgb(image->at(x, 0), style.ocean)) << "top row, x=" << x;
        ASSERT_TRUE(same_rgb(image->at(x, 359), style.no_data)) << "bottom row, x=" << x;
    }
    // Chukotka reaches over 180°: land at both the left and the right edge at 67°N.
    EXPECT_TRUE(same_rgb(image->at(0, row(67.5)), style.no_data));
    EXPECT_TRUE(same_rgb(image->at(719, row(67.5)), style.no_data));
    // Lon/lat map linearly onto the image: land in the Congo basin, ocean in the Gulf
    // of Guinea and in the middle of the Atlantic.
    EXPECT_TRUE(same_rgb(image->at(column(22.0), row(-2.0)), style.no_data));
    EXPECT_TRUE(same_rgb(image->at(column(2.0), row(-2.0)), style.ocean));
    EXPECT_TRUE(same_rgb(image->at(column(-30.0), row(30.0)), style.ocean));
}

TEST_F(ExportTest, DefaultExportFitsTheWorldWithAMargin) {
    const fs::path png = scratch() / "world.png";
    const RunResult run =
        run_deportmap({"export", "--out", png.string(), "--width", "400", "--height", "300",
                       "--layout", "map-only", "--date", "2000"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.out.find("Equal Earth"), std::string::npos) << run.out;
    const auto image = test::load_png(png.string());
    ASSERT_TRUE(image.has_value());
    const ThemeColors& style = theme_colors(Theme::Light);
    // Corners are outside the globe's outline; the outline's centre is ocean.
    EXPECT_TRUE(same_rgb(image->at(0, 0), style.background));
    EXPECT_TRUE(same_rgb(image->at(399, 299), style.background));
    EXPECT_TRUE(same_rgb(image->at(200, 150), style.ocean));
}

TEST_F(ExportTest, OneSideGivenTheOtherFollowsTheAspect) {
    const fs::path png = scratch() / "half.png";
    const RunResult run =
        run_deportmap({"export", "--out", png.string(), "--width", "300", "--projection",
                       "equirectangular", "--bounds", "-180,-90,180,90", "--layout", "map-only"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto image = test::load_png(png.string());
    ASSERT_TRUE(image.has_value());
    EXPECT_EQ(image->width, 300);
    EXPECT_EQ(image->height, 150);
}

// The command's exit codes and one-line errors; each check's message is tested against
// the engine directly in tests/export/test_engine.cpp.
TEST_F(ExportTest, BadInputsAreOneLineErrors) {
    const std::string out = (scratch() / "bad.png").string();
    expect_one_line_error(run_deportmap({"export", "--out", out, "--width", "0", "--height", "10"}),
                          2, "--width must be a positive number of pixels");
    expect_one_line_error(run_deportmap({"export", "--out", out, "--projection", "gall"}), 2,
                          "unknown projection 'gall'");
    expect_one_line_error(run_deportmap({"export", "--out", "/nonexistent-deportmap-folder/map.png",
                                         "--width", "10", "--height", "10"}),
                          1, "cannot write /nonexistent-deportmap-folder/map.png");
    // No OpenGL at all: libglvnd finds no EGL vendor.
    test::RunOptions no_vendor;
    no_vendor.env = {"__EGL_VENDOR_LIBRARY_FILENAMES=/nonexistent.json"};
    expect_one_line_error(
        run_deportmap({"export", "--out", out, "--width", "10", "--height", "10"}, no_vendor), 1,
        "no headless OpenGL: ");
    EXPECT_FALSE(fs::exists(scratch() / "bad.png"));
}

}  // namespace
}  // namespace deportmap
