// MapRenderer and OffscreenTarget on a hand-made world (three squares, one inside
// another's hole): fills from the colour table, holes, ocean and background, borders
// of a width in pixels without double darkening, image orientation, MSAA, limits and
// named shader errors. Headless through EGL.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <utility>
#include <vector>

#include "gl_fixture.hpp"
#include "render/gl/objects.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_map.hpp"
#include "render/offscreen_target.hpp"
#include "render_fixtures.hpp"

namespace deportmap {
namespace {

using test::add_rect;
using test::add_rect_line;
using test::eight_px_view;
using test::GlTest;
using test::Pixels;

constexpr int kWidth = 200;
constexpr int kHeight = 100;

// Country 0: [-8,-2]x[-4,4] with a hole [-6,-4]x[-1,1]; country 1: [2,8]x[-4,4];
// country 2 fills country 0's hole (Lesotho in South Africa). Globe outline:
// [-10,10]x[-5,5]. Everything in level 110m.
geo::ProjectedWorld make_world() {
    geo::MapMesh mesh;
    // Country 0 around its hole, as four rectangles.
    add_rect(mesh, -8, -4, -2, -1, 0);
    add_rect(mesh, -8, 1, -2, 4, 0);
    add_rect(mesh, -8, -1, -6, 1, 0);
    add_rect(mesh, -4, -1, -2, 1, 0);
    add_rect(mesh, 2, -4, 8, 4, 1);
    add_rect(mesh, -6, -1, -4, 1, 2);
    add_rect_line(mesh, -8, -4, -2, 4, 0);
    add_rect_line(mesh, -6, -1, -4, 1, 0);  // country 0's hole ...
    add_rect_line(mesh, -6, -1, -4, 1, 2);  // ... is country 2's outline: drawn twice
    add_rect_line(mesh, 2, -4, 8, 4, 1);
    return test::world_of(std::move(mesh));
}

Pixels render(render::MapRenderer& renderer, const render::MapStyle& style,
              int samples = 4) {
    return test::draw_offscreen(kWidth, kHeight, samples, [&] {
        render::DrawParams params;
        params.width = kWidth;
        params.height = kHeight;
        params.view = eight_px_view();
        params.style = style;
        renderer.draw(params);
    });
}

const Color kRed{200, 40, 40, 255};
const Color kGreen{40, 160, 60, 255};

render::MapStyle no_border_style() {
    render::MapStyle style;
    style.border_width_px = 0.0f;
    return style;
}

TEST_F(GlTest, FillsHolesOceanAndBackground) {
    render::MapRenderer renderer;
    renderer.upload(make_world());
    const std::array<Color, 2> colors{kRed, kGreen};  // country 2 has no entry
    renderer.set_country_colors(colors);
    const render::MapStyle style = no_border_style();
    const Pixels image = render(renderer, style);

    EXPECT_EQ(image.at(5, 5), style.background);     // outside the globe outline
    EXPECT_EQ(image.at(100, 50), style.ocean);       // (0, 0): between the countries
    EXPECT_EQ(image.at(44, 26), kRed);               // (-7, 3): country 0, upper part
    EXPECT_EQ(image.at(140, 50), kGreen);            // (5, 0): country 1
    EXPECT_EQ(image.at(60, 50), style.no_data);      // (-5, 0): country 2 in the hole
    // Orientation: positive y is up, so country 0's top edge (y = 4) is row 18.
    EXPECT_EQ(image.at(44, 19), kRed);
    EXPECT_EQ(image.at(44, 16), style.ocean);
}

TEST_F(GlTest, ColourTableChangesWithoutReupload) {
    render::MapRenderer renderer;
    renderer.upload(make_world());
    const render::MapStyle style = no_border_style();
    const std::array<Color, 3> first{kRed, kGreen, kRed};
    renderer.set_country_colors(first);
    EXPECT_EQ(render(renderer, style).at(60, 50), kRed);
    const std::array<Color, 3> second{kGreen, kRed, Color{10, 20, 30, 255}};
    renderer.set_country_colors(second);
    const Pixels image = render(renderer, style);
    EXPECT_EQ(image.at(60, 50), (Color{10, 20, 30, 255}));
    EXPECT_EQ(image.at(44, 26), kGreen);
    renderer.set_country_colors({});
    EXPECT_EQ(render(renderer, style).at(44, 26), style.no_data);
}

TEST_F(GlTest, ImageIsOpaqueWithTranslucentColours) {
    render::MapRenderer renderer;
    renderer.upload(make_world());
    const std::array<Color, 2> colors{Color{200, 40, 40, 100}, Color{40, 160, 60, 30}};
    renderer.set_country_colors(colors);
    render::MapStyle style;
    style.border = Color{0, 0, 0, 128};
    style.border_width_px = 2.0f;
    const Pixels image = render(renderer, style);
    for (size_t i = 3; i < image.rgba.size(); i += 4) ASSERT_EQ(image.rgba[i], 255) << i / 4;
}

// Darkest value of channel r along row 50 between columns [x0, x1).
int darkest(const Pixels& image, int x0, int x1) {
    int best = 255;
    for (int x = x0; x < x1; ++x) best = std::min<int>(best, image.at(x, 50).r);
    return best;
}

// Columns of row 50 in [x0, x1) whose red channel is below `level`.
int dark_columns(const Pixels& image, int x0, int x1, int level) {
    int n = 0;
    for (int x = x0; x < x1; ++x) n += image.at(x, 50).r < level ? 1 : 0;
    return n;
}

TEST_F(GlTest, BordersHaveTheirPixelWidthAndNeverDoubleDarken) {
    render::MapRenderer renderer;
    renderer.upload(make_world());
    // Everything the same grey except the border, so pixels measure border coverage.
    const Color grey{200, 200, 200, 255};
    render::MapStyle style;
    style.background = style.ocean = style.no_data = grey;
    style.border = Color{0, 0, 0, 255};

    style.border_width_px = 0.0f;
    const Pixels none = render(renderer, style);
    EXPECT_EQ(darkest(none, 0, kWidth), 200);

    // Country 1's left edge x = 2 is pixel column 116 (a single border); country 2's
    // right edge x = -4 is column 68, where country 0's hole and country 2 share a
    // border drawn twice. Both lie on a pixel boundary, so equal coverage is expected.
    style.border_width_px = 0.6f;
    const Pixels thin = render(renderer, style);
    const int single = darkest(thin, 110, 122);
    const int shared = darkest(thin, 62, 74);
    EXPECT_LT(single, 200);
    EXPECT_GT(single, 60);  // 0.6 px: partial coverage, never solid black
    EXPECT_EQ(shared, single);

    // Lines centred on a pixel boundary: 2 px covers two columns fully and leaves
    // the neighbours untouched; 4 px covers four.
    style.border_width_px = 2.0f;
    const Pixels two = render(renderer, style);
    EXPECT_EQ(darkest(two, 110, 122), 0);
    EXPECT_EQ(dark_columns(two, 110, 122, 199), 2);
    EXPECT_EQ(dark_columns(two, 62, 74, 199), 2);
    style.border_width_px = 4.0f;
    const Pixels four = render(renderer, style);
    EXPECT_EQ(dark_columns(four, 110, 122, 1), 4);
    EXPECT_EQ(dark_columns(four, 110, 122, 199), 4);
}

TEST_F(GlTest, MultisamplingSmoothsEdges) {
    render::MapRenderer renderer;
    geo::ProjectedWorld world;
    // One diagonal triangle: its long edge crosses many pixels at partial coverage.
    geo::MapMesh& mesh = world.meshes[0];
    mesh.fill_xy = {-9.0f, -4.0f, 9.0f, -4.0f, -9.0f, 4.3f};
    mesh.fill_country = {0, 0, 0};
    mesh.fill_indices = {0, 1, 2};
    world.ready[0] = true;
    renderer.upload(world);
    const std::array<Color, 1> black{Color{0, 0, 0, 255}};
    renderer.set_country_colors(black);
    render::MapStyle style = no_border_style();
    style.background = Color{255, 255, 255, 255};

    const render::GlLimits limits = render::query_limits();
    const auto intermediate = [](const Pixels& image) {
        int n = 0;
        for (size_t i = 0; i < image.rgba.size(); i += 4) {
            n += image.rgba[i] > 0 && image.rgba[i] < 255 ? 1 : 0;
        }
        return n;
    };
    const Pixels aliased = render(renderer, style, 1);
    EXPECT_EQ(intermediate(aliased), 0);
    if (limits.max_samples < 4) GTEST_SKIP() << "the driver has no 4x MSAA";
    render::OffscreenTarget target(kWidth, kHeight, 4);
    EXPECT_EQ(target.samples(), 4);
    const Pixels smooth = render(renderer, style, 4);
    EXPECT_GT(intermediate(smooth), 100);
}

TEST_F(GlTest, SamplesAreClampedToTheDriver) {
    const render::GlLimits limits = render::query_limits();
    render::OffscreenTarget target(16, 16, 64);
    EXPECT_EQ(target.samples(), std::min(64, limits.max_samples));
    render::OffscreenTarget single(16, 16, 0);
    EXPECT_EQ(single.samples(), 1);
}

TEST_F(GlTest, SizesBeyondTheLimitsAreOneLineErrors) {
    const render::GlLimits limits = render::query_limits();
    ASSERT_GT(limits.max_width(), 0);
    const auto message = [](int w, int h) -> std::string {
        try {
            render::OffscreenTarget target(w, h);
        } catch (const render::RenderError& e) {
            return e.what();
        }
        return "";
    };
    EXPECT_NE(message(limits.max_width() + 1, 10).find("exceeds this OpenGL driver's limit"),
              std::string::npos);
    EXPECT_NE(message(10, limits.max_height() + 1).find("limit"), std::string::npos);
    EXPECT_NE(message(0, 10).find("must be positive"), std::string::npos);
    EXPECT_NE(message(10, -3).find("must be positive"), std::string::npos);
    EXPECT_EQ(message(limits.max_width() + 1, 10).find('\n'), std::string::npos);
    EXPECT_THROW(render::check_image_size(limits.max_width() + 1, 1), render::RenderError);
    EXPECT_NO_THROW(render::check_image_size(100, 100));
}

TEST_F(GlTest, ShaderErrorsNameTheShader) {
    try {
        render::gl::Shader shader(GL_FRAGMENT_SHADER, "broken.frag",
                                  "#version 330 core\nvoid main() { this is not glsl }\n");
        FAIL() << "a broken shader compiled";
    } catch (const render::RenderError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("broken.frag"), std::string::npos) << what;
        EXPECT_NE(what.find("failed to compile"), std::string::npos) << what;
        EXPECT_EQ(what.find('\n'), std::string::npos) << what;
    }
    EXPECT_THROW(render::gl::load_program("missing.vert", "fill.frag"), render::RenderError);
}

TEST_F(GlTest, MissingLevelsFallBackToTheNearestUploaded) {
    render::MapRenderer renderer;
    EXPECT_FALSE(renderer.level_for(geo::Lod::k110m).has_value());
    geo::ProjectedWorld world = make_world();
    world.meshes[1] = world.meshes[0];
    world.ready = {false, true, false};
    renderer.upload(world);
    EXPECT_FALSE(renderer.has_level(geo::Lod::k110m));
    EXPECT_TRUE(renderer.has_level(geo::Lod::k50m));
    EXPECT_EQ(renderer.level_for(geo::Lod::k110m), geo::Lod::k50m);
    EXPECT_EQ(renderer.level_for(geo::Lod::k10m), geo::Lod::k50m);
    EXPECT_EQ(renderer.level_stats(geo::Lod::k50m).fill_triangles, 12u);
    EXPECT_EQ(renderer.level_stats(geo::Lod::k50m).border_segments, 16u);
    EXPECT_EQ(renderer.level_stats(geo::Lod::k110m).fill_triangles, 0u);
    // Drawing 110m uses 50m: the countries appear.
    const std::array<Color, 2> colors{kRed, kGreen};
    renderer.set_country_colors(colors);
    EXPECT_EQ(render(renderer, no_border_style()).at(140, 50), kGreen);
}

TEST_F(GlTest, MapImageRendersTheRequestedView) {
    render::MapImageRequest request;
    request.width = kWidth;
    request.height = kHeight;
    request.view = eight_px_view();
    request.style = no_border_style();
    const std::array<Color, 3> colors{kRed, kGreen, kRed};
    const render::RgbaImage image = render::render_map_image(make_world(), request, colors);
    ASSERT_EQ(image.rgba.size(), size_t{kWidth} * kHeight * 4);
    const Pixels pixels{kWidth, kHeight, image.rgba};
    EXPECT_EQ(pixels.at(140, 50), kGreen);
    EXPECT_EQ(pixels.at(60, 50), kRed);
    EXPECT_EQ(pixels.at(100, 50), request.style.ocean);
}

TEST_F(GlTest, PreparedOffscreenMapRendersLikeAOneShot) {
    render::MapImageRequest request;
    request.width = kWidth;
    request.height = kHeight;
    request.view = eight_px_view();
    const std::array<Color, 3> colors{kRed, kGreen, kRed};
    // Prepared first (with its placeholder warm-up draw), then given the world.
    render::OffscreenMap map(kWidth, kHeight);
    const render::RgbaImage prepared = map.render(make_world(), request, colors);
    const render::RgbaImage one_shot = render::render_map_image(make_world(), request, colors);
    EXPECT_EQ(prepared.rgba, one_shot.rgba);
    // Nothing of the placeholder remains: its triangle would sit at the centre.
    EXPECT_EQ((Pixels{kWidth, kHeight, prepared.rgba}.at(100, 50)), request.style.ocean);
    request.width = kWidth + 1;
    EXPECT_THROW(map.render(make_world(), request, colors), render::RenderError);
}

TEST_F(GlTest, ReadPixelUsesTopLeftOrigin) {
    render::MapRenderer renderer;
    renderer.upload(make_world());
    render::OffscreenTarget target(kWidth, kHeight, 4);
    target.bind();
    render::DrawParams params;
    params.width = kWidth;
    params.height = kHeight;
    params.view = eight_px_view();
    params.style = no_border_style();
    const std::array<Color, 2> colors{kRed, kGreen};
    renderer.set_country_colors(colors);
    renderer.draw(params);
    target.resolve();
    const auto red = target.read_pixel(44, 26);
    EXPECT_EQ((Color{red[0], red[1], red[2], red[3]}), kRed);
    const auto corner = target.read_pixel(0, 0);
    EXPECT_EQ((Color{corner[0], corner[1], corner[2], corner[3]}), params.style.background);
    const auto outside = target.read_pixel(kWidth, 0);
    EXPECT_EQ(outside[3], 0);
}

TEST_F(GlTest, BadMeshIndicesAreDroppedNotDrawn) {
    geo::ProjectedWorld world = make_world();
    world.meshes[0].fill_indices.insert(world.meshes[0].fill_indices.end(), {0, 1, 999999});
    world.meshes[0].fill_indices.push_back(2);  // a dangling partial triangle
    render::MapRenderer renderer;
    renderer.upload(world);
    EXPECT_EQ(renderer.level_stats(geo::Lod::k110m).fill_triangles, 12u);
    EXPECT_EQ(render(renderer, no_border_style()).at(100, 50), render::MapStyle{}.ocean);
}

// The window clears to the ocean and paints the background around a convex outline
// (from a simplified copy of it); the pixels match the ocean polygon drawn over the
// background, apart from a few along the edge (a quarter pixel at most).
TEST_F(GlTest, BackgroundAroundTheOutlineMatchesTheOceanPolygon) {
    geo::ProjectedWorld world;
    world.ready[0] = true;
    for (int i = 0; i < 720; ++i) {
        const double a = 2.0 * M_PI * i / 720.0;
        world.outline.push_back({10.0 * std::cos(a), 5.0 * std::sin(a)});
    }
    world.world_bounds.add(geo::Vec2{-10, -5});
    world.world_bounds.add(geo::Vec2{10, 5});
    render::MapRenderer renderer;
    renderer.upload(world);
    render::MapStyle style = no_border_style();
    const Pixels inverted = render(renderer, style, 0);
    style.background.a = 254;  // a translucent background keeps the ocean polygon
    const Pixels polygon = render(renderer, style, 0);
    EXPECT_EQ(inverted.at(100, 50), style.ocean);
    EXPECT_EQ(inverted.at(2, 2), (Color{style.background.r, style.background.g, style.background.b, 255}));
    EXPECT_EQ(inverted.at(100, 3), inverted.at(2, 2));  // above the ellipse's top
    EXPECT_EQ(inverted.at(25, 20), inverted.at(2, 2));  // in a corner of its box
    size_t differ = 0;
    for (int y = 0; y < kHeight; ++y) {
        for (int x = 0; x < kWidth; ++x) {
            const Color a = inverted.at(x, y), b = polygon.at(x, y);
            if (a.r != b.r || a.g != b.g || a.b != b.b) ++differ;
        }
    }
    EXPECT_LE(differ, 12u);  // of about 380 pixels along the edge
}

}  // namespace
}  // namespace deportmap
