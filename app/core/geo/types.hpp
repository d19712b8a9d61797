// Plain geometry types shared by every layer: points, boxes, rings, polygons.
// Geographic data uses x = longitude, y = latitude in degrees; projected data uses the
// projection's plane units (metres for PROJ projections).
#pragma once
#include <algorithm>
#include <cstddef>
#include <limits>
#include <vector>

namespace deportmap::geo {

struct Vec2 {
    double x = 0.0;
    double y = 0.0;
};

struct BBox {
    double min_x = std::numeric_limits<double>::infinity();
    double min_y = std::numeric_limits<double>::infinity();
    double max_x = -std::numeric_limits<double>::infinity();
    double max_y = -std::numeric_limits<double>::infinity();

    bool empty() const { return !(min_x <= max_x && min_y <= max_y); }
    void add(Vec2 p) {
        min_x = std::min(min_x, p.x);
        min_y = std::min(min_y, p.y);
        max_x = std::max(max_x, p.x);
        max_y = std::max(max_y, p.y);
    }
    void add(const BBox& b) {
        if (b.empty()) return;
        add(Vec2{b.min_x, b.min_y});
        add(Vec2{b.max_x, b.max_y});
    }
    bool contains(Vec2 p) const {
        return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y;
    }
    double width() const { return empty() ? 0.0 : max_x - min_x; }
    double height() const { return empty() ? 0.0 : max_y - min_y; }
    Vec2 center() const { return {(min_x + max_x) * 0.5, (min_y + max_y) * 0.5}; }
};

// A closed ring; the last point is NOT a repeat of the first.
using Ring = std::vector<Vec2>;

// rings[0] is the outer boundary, the rest are holes.
struct Polygon {
    std::vector<Ring> rings;
};

// Signed area of a ring (shoelace); positive when counter-clockwise.
double signed_area(const Ring& ring);
// Area of a polygon: |outer| minus |holes|.
double polygon_area(const Polygon& polygon);
// Even-odd point-in-polygon test over all rings of a polygon.
bool point_in_polygon(const Polygon& polygon, Vec2 p);

}  // namespace deportmap::geo
