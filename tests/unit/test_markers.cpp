// Tests for the small-country marker rule (core/markers.hpp).
#include <gtest/gtest.h>

#include "core/markers.hpp"

using namespace deportmap;

namespace {
geo::ProjectedShape square(double x, double y, double side) {
    geo::ProjectedShape s;
    geo::Polygon p;
    p.rings.push_back({{x, y}, {x + side, y}, {x + side, y + side}, {x, y + side}});
    s.polygons.push_back(p);
    s.area = side * side;
    s.bbox.add(geo::Vec2{x, y});
    s.bbox.add(geo::Vec2{x + side, y + side});
    s.label_point = {x + side / 2, y + side / 2};
    return s;
}
}  // namespace

TEST(Markers, OnlySmallCountriesWithStatusInView) {
    std::vector<geo::ProjectedShape> shapes{square(0, 0, 1), square(10, 10, 100),
                                            square(20, 0, 1), square(5000, 0, 1),
                                            geo::ProjectedShape{}};
    const std::vector<uint8_t> status{1, 1, 0, 1, 1};
    ViewTransform v;  // 2 px per unit; y flipped about 400
    v.scale_x = v.scale_y = 2.0;
    v.offset_y = 400;
    MarkerRule rule;
    rule.max_area_px2 = 100;  // square(…, 1) covers 4 px², square(…, 100) 40,000 px²
    rule.radius_px = 5;
    const auto m = compute_markers(shapes, status, v, 800, 400, rule);
    ASSERT_EQ(m.size(), 1u);  // 1 is big, 2 has no status, 3 is off screen, 4 empty
    EXPECT_EQ(m[0].country, 0);
    EXPECT_DOUBLE_EQ(m[0].center.x, 1.0);
    EXPECT_DOUBLE_EQ(m[0].center.y, 399.0);
    EXPECT_FLOAT_EQ(m[0].radius_px, 5.0f);
}

TEST(Markers, ZoomingInRemovesMarker) {
    std::vector<geo::ProjectedShape> shapes{square(0, 0, 1)};
    const std::vector<uint8_t> status{1};
    ViewTransform v;
    v.offset_x = v.offset_y = 50;
    EXPECT_EQ(compute_markers(shapes, status, v, 100, 100).size(), 1u);
    v.scale_x = v.scale_y = 20.0;  // 400 px² > default threshold
    EXPECT_TRUE(compute_markers(shapes, status, v, 100, 100).empty());
}

TEST(Markers, ShortStatusSpanMeansNoStatus) {
    std::vector<geo::ProjectedShape> shapes{square(0, 0, 1), square(2, 2, 1)};
    const std::vector<uint8_t> status{0};
    ViewTransform v;
    v.offset_x = v.offset_y = 50;
    EXPECT_TRUE(compute_markers(shapes, status, v, 100, 100).empty());
}

TEST(Markers, AnyScreenMappingWithHiddenShapes) {
    // The globe's case: a mapping that hides some shapes (the far side) and gives its own
    // areas; the same threshold and viewport rule apply.
    std::vector<geo::ProjectedShape> shapes{square(0, 0, 1), square(10, 0, 1), square(20, 0, 1),
                                            square(30, 0, 1)};
    const std::vector<uint8_t> status{1, 1, 1, 1};
    const ShapeToScreen to_screen = [](const geo::ProjectedShape& s) -> std::optional<ShapeOnScreen> {
        const double x = s.label_point.x;
        if (x > 25) return std::nullopt;                        // hidden
        if (x > 15) return ShapeOnScreen{{50.0, 50.0}, 500.0};  // too big on screen
        return ShapeOnScreen{{x * 9.6, 50.0}, 10.0};  // 4.8 and 100.8
    };
    MarkerRule rule;
    rule.radius_px = 3.0;
    const auto m = compute_markers(shapes, status, to_screen, 100, 100, rule);
    ASSERT_EQ(m.size(), 2u);
    EXPECT_EQ(m[0].country, 0);
    EXPECT_EQ(m[1].country, 1);
    EXPECT_DOUBLE_EQ(m[1].center.x, 10.5 * 9.6);  // within the viewport grown by the radius
    EXPECT_FLOAT_EQ(m[1].radius_px, 3.0f);
    // Without a status, no marker whatever the mapping says.
    const std::vector<uint8_t> none{0, 0, 0, 0};
    EXPECT_TRUE(compute_markers(shapes, none, to_screen, 100, 100, rule).empty());
}
