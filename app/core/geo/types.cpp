// Plain geometry helpers on rings and polygons: shoelace area and even-odd containment.
#include "core/geo/types.hpp"

#include <cmath>

namespace deportmap::geo {

double signed_area(const Ring& ring) {
    const size_t n = ring.size();
    if (n < 3) return 0.0;
    // Shoelace relative to the first vertex keeps the products small for projected
    // coordinates far from the origin.
    const Vec2 o = ring[0];
    double sum = 0.0;
    for (size_t i = 1; i + 1 < n; ++i) {
        const double ax = ring[i].x - o.x, ay = ring[i].y - o.y;
        const double bx = ring[i + 1].x - o.x, by = ring[i + 1].y - o.y;
        sum += ax * by - ay * bx;
    }
    return 0.5 * sum;
}

double polygon_area(const Polygon& polygon) {
    if (polygon.rings.empty()) return 0.0;
    double area = std::abs(signed_area(polygon.rings[0]));
    for (size_t i = 1; i < polygon.rings.size(); ++i) area -= std::abs(signed_area(polygon.rings[i]));
    return area;
}

bool point_in_polygon(const Polygon& polygon, Vec2 p) {
    bool inside = false;
    for (const Ring& ring : polygon.rings) {
        const size_t n = ring.size();
        if (n < 3) continue;
        for (size_t i = 0, j = n - 1; i < n; j = i++) {
            const Vec2& a = ring[i];
            const Vec2& b = ring[j];
            if ((a.y > p.y) != (b.y > p.y)) {
                const double x = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
                if (p.x < x) inside = !inside;
            }
        }
    }
    return inside;
}

}  // namespace deportmap::geo
