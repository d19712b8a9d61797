// Tests for greedy label placement (core/labels.hpp).
#include <gtest/gtest.h>

#include "core/labels.hpp"

using namespace deportmap;

namespace {
geo::Vec2 eight_per_char(const std::string& s) { return {8.0 * static_cast<double>(s.size()), 10.0}; }
}  // namespace

TEST(Labels, HigherPriorityWinsOverlap) {
    std::vector<LabelCandidate> c{{1, "Small", {100, 100}, 1.0},
                                  {2, "Bigger", {110, 102}, 5.0},
                                  {3, "Far", {300, 300}, 0.5}};
    const auto placed = place_labels(c, eight_per_char, 400, 400);
    ASSERT_EQ(placed.size(), 2u);
    EXPECT_EQ(placed[0].country, 2);
    EXPECT_EQ(placed[1].country, 3);
    EXPECT_DOUBLE_EQ(placed[0].box.min_x, 110 - 24);
    EXPECT_DOUBLE_EQ(placed[0].box.max_y, 107);
}

TEST(Labels, NoTwoPlacedBoxesOverlapAndAllInside) {
    std::vector<LabelCandidate> c;
    for (int i = 0; i < 200; ++i)
        c.push_back({i, "Country" + std::to_string(i),
                     {static_cast<double>((i * 37) % 500), static_cast<double>((i * 53) % 300)},
                     static_cast<double>(i % 7)});
    const auto placed = place_labels(c, eight_per_char, 500, 300, {2.0, 1.0});
    ASSERT_GT(placed.size(), 5u);
    ASSERT_LT(placed.size(), 200u);
    for (size_t a = 0; a < placed.size(); ++a) {
        const auto& A = placed[a].box;
        EXPECT_GE(A.min_x, 1.0);
        EXPECT_LE(A.max_x, 499.0);
        for (size_t b = a + 1; b < placed.size(); ++b) {
            const auto& B = placed[b].box;
            const bool sep = A.max_x + 2.0 <= B.min_x || B.max_x + 2.0 <= A.min_x ||
                             A.max_y + 2.0 <= B.min_y || B.max_y + 2.0 <= A.min_y;
            EXPECT_TRUE(sep) << placed[a].text << " vs " << placed[b].text;
        }
    }
}

TEST(Labels, TiesByCountryIndexAndEmptyTextSkipped) {
    std::vector<LabelCandidate> c{{7, "Seven", {50, 50}, 1.0}, {3, "Three", {52, 50}, 1.0},
                                  {1, "", {200, 50}, 9.0}};
    const auto placed = place_labels(c, eight_per_char, 300, 100);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].country, 3);
}

TEST(Labels, TheShortNameIsTriedWhereTheLongOneDoesNotFit) {
    // "Democratic Republic of the Congo" (256 px) runs off a 200 px map; "DR Congo" fits.
    LabelCandidate c{7, "Democratic Republic of the Congo", {100, 50}, 1.0};
    c.short_text = "DR Congo";
    auto placed = place_labels({c}, eight_per_char, 200, 100);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].text, "DR Congo");
    // Where the long one fits, it is used.
    c.anchor = {200, 50};
    placed = place_labels({c}, eight_per_char, 400, 100);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].text, "Democratic Republic of the Congo");
    // Beside a marker the short text keeps the long one's left edge (150 - 128).
    c.anchor = {150, 50};
    c.keep_left = true;
    placed = place_labels({c}, eight_per_char, 260, 100);
    ASSERT_EQ(placed.size(), 1u);
    EXPECT_EQ(placed[0].text, "DR Congo");
    EXPECT_DOUBLE_EQ(placed[0].box.min_x, 150 - 128);
}

TEST(Labels, CommonShortNamesComeFromTheTable) {
    EXPECT_EQ(label_name("SSD", "S. Sudan").text, "South Sudan");
    EXPECT_EQ(label_name("SWZ", "eSwatini").text, "Eswatini");
    EXPECT_EQ(label_name("COD", "Dem. Rep. Congo").short_text, "DR Congo");
    EXPECT_EQ(label_name("ATG", "Antigua and Barb.").text, "Antigua and Barbuda");
    // A country the table does not list keeps the boundaries' name.
    EXPECT_EQ(label_name("FRA", "France").text, "France");
    EXPECT_TRUE(label_name("FRA", "France").short_text.empty());
}
