// Small-country marker rule (see markers.hpp).
#include "core/markers.hpp"

#include <cmath>

namespace deportmap {

std::vector<Marker> compute_markers(std::span<const geo::ProjectedShape> shapes,
                                    std::span<const uint8_t> has_status,
                                    const ViewTransform& view, double width, double height,
                                    const MarkerRule& rule) {
    std::vector<Marker> out;
    const double px2_per_unit = std::abs(view.scale_x * view.scale_y);
    const double r = rule.radius_px;
    for (size_t i = 0; i < shapes.size() && i < has_status.size(); ++i) {
        if (!has_status[i]) continue;
        const geo::ProjectedShape& s = shapes[i];
        if (s.polygons.empty()) continue;
        if (!(s.area * px2_per_unit < rule.max_area_px2)) continue;
        const geo::Vec2 c = view.to_pixel(s.label_point);
        if (c.x < -r || c.y < -r || c.x > width + r || c.y > height + r) continue;
        out.push_back({static_cast<int>(i), c, static_cast<float>(r)});
    }
    return out;
}

}  // namespace deportmap
