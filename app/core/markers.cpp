// Small-country marker rule (see markers.hpp).
#include "core/markers.hpp"

#include <cmath>

namespace deportmap {

std::vector<Marker> compute_markers(std::span<const geo::ProjectedShape> shapes,
                                    std::span<const uint8_t> has_status,
                                    const ViewTransform& view, double width, double height,
                                    const MarkerRule& rule) {
    const double px2_per_unit = std::abs(view.scale_x * view.scale_y);
    return compute_markers(
        shapes, has_status,
        [&](const geo::ProjectedShape& s) -> std::optional<ShapeOnScreen> {
            return ShapeOnScreen{view.to_pixel(s.label_point), s.area * px2_per_unit};
        },
        width, height, rule);
}

std::vector<Marker> compute_markers(std::span<const geo::ProjectedShape> shapes,
                                    std::span<const uint8_t> has_status,
                                    const ShapeToScreen& to_screen, double width, double height,
                                    const MarkerRule& rule) {
    std::vector<Marker> out;
    const double r = rule.radius_px;
    for (size_t i = 0; i < shapes.size() && i < has_status.size(); ++i) {
        if (!has_status[i]) continue;
        const geo::ProjectedShape& s = shapes[i];
        if (s.polygons.empty()) continue;
        const std::optional<ShapeOnScreen> on = to_screen(s);
        if (!on || !(on->area_px2 < rule.max_area_px2)) continue;
        const geo::Vec2 c = on->center;
        if (c.x < -r || c.y < -r || c.x > width + r || c.y > height + r) continue;
        out.push_back({static_cast<int>(i), c, static_cast<float>(r)});
    }
    return out;
}

}  // namespace deportmap
