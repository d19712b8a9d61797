// The golden table (goldens.hpp) and the comparisons of image_check.hpp: every file
// under tests/render/golden/ has exactly one row and every row a file; a tolerance
// counts the pixels beyond its channel limit against its share; and UPDATE=1 rewrites
// goldens only, never turning a comparison of two renders into a pass.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <set>
#include <string>

#include "goldens.hpp"
#include "image_check.hpp"
#include "scratch.hpp"

namespace deportmap {
namespace {

namespace fs = std::filesystem;

const fs::path kGoldenFolder = fs::path(DEPORTMAP_TEST_SOURCE_DIR) / "tests/render/golden";

// A 10x10 opaque grey image.
test::Image grey() {
    test::Image image;
    image.width = image.height = 10;
    image.rgba.assign(10 * 10 * 4, 128);
    for (size_t i = 3; i < image.rgba.size(); i += 4) image.rgba[i] = 255;
    return image;
}

// Sets UPDATE for the life of the object, then puts back what was there.
class UpdateSet {
public:
    UpdateSet() {
        const char* old = std::getenv("UPDATE");
        if (old != nullptr) saved_ = old;
        ::setenv("UPDATE", "1", 1);
    }
    ~UpdateSet() {
        if (saved_) {
            ::setenv("UPDATE", saved_->c_str(), 1);
        } else {
            ::unsetenv("UPDATE");
        }
    }
    UpdateSet(const UpdateSet&) = delete;
    UpdateSet& operator=(const UpdateSet&) = delete;

private:
    std::optional<std::string> saved_;
};

TEST(Goldens, EveryFileHasOneRowAndEveryRowAFile) {
    std::set<std::string> rows;
    for (const test::Golden& g : test::kGoldens) {
        const std::string file(g.file);
        EXPECT_TRUE(rows.insert(file).second) << file << " has two rows";
        EXPECT_TRUE(fs::exists(kGoldenFolder / file)) << file << " has a row but no file";
        const bool png = fs::path(file).extension() == ".png";
        EXPECT_EQ(g.kind == test::GoldenKind::Png, png) << file << ": kind and extension disagree";
        EXPECT_FALSE(g.why.empty()) << file << " does not say why its tolerance is what it is";
        if (g.kind == test::GoldenKind::Text) {
            EXPECT_EQ(g.llvmpipe.channel, 0) << file;
            EXPECT_EQ(g.llvmpipe.share, 0.0) << file;
        }
    }
    for (const auto& entry : fs::directory_iterator(kGoldenFolder)) {
        const std::string file = entry.path().filename().string();
        EXPECT_NE(test::find_golden(file), nullptr)
            << file << " has no row in tests/render/goldens.hpp";
    }
    for (const test::Comparison& c : test::kComparisons) {
        EXPECT_EQ(test::find_golden(c.name), nullptr)
            << c.name << " is both a golden and a comparison";
        EXPECT_FALSE(c.why.empty()) << c.name;
    }
}

TEST(Goldens, ToleranceCountsPixelsBeyondTheChannelLimit) {
    const test::Image expected = grey();
    test::Image actual = grey();
    actual.rgba[0] = 131;  // one pixel of 100, by 3 levels
    EXPECT_TRUE(test::compare_images(expected, "grey", actual, {3, 0.0}));
    EXPECT_TRUE(test::compare_images(expected, "grey", actual, {2, 0.01}));
    EXPECT_FALSE(test::compare_images(expected, "grey", actual, {2, 0.009}));
    EXPECT_FALSE(test::compare_images(expected, "grey", actual, test::kExact));
    test::Image wider = grey();
    wider.width = 5;
    wider.height = 20;
    EXPECT_FALSE(test::compare_images(expected, "grey", wider, {255, 1.0}));
}

TEST(Goldens, UpdateRewritesGoldensOnlyNeverARenderComparison) {
    const fs::path first = test::scratch() / "first.png";
    test::save_png(first.string(), grey());
    const std::string before = test::slurp(first);
    test::Image other = grey();
    for (size_t i = 0; i < other.rgba.size(); i += 4) other.rgba[i] = 0;  // every pixel differs
    {
        const UpdateSet update;
        EXPECT_FALSE(test::check_same_render("tiled_vs_whole", first, other))
            << "UPDATE=1 made a comparison of two renders pass";
    }
    EXPECT_EQ(test::slurp(first), before) << "a comparison of two renders rewrote its file";
    // Unknown names are failures, not silent passes.
    EXPECT_FALSE(test::check_same_render("no-such-comparison", first, grey()));
    EXPECT_FALSE(test::check_golden("no-such-golden.png", grey()));
}

}  // namespace
}  // namespace deportmap
