// Camera and view transforms (see view.hpp).
#include "core/view.hpp"

#include <algorithm>

namespace deportmap {

ViewTransform fit_bounds(const geo::BBox& bounds, double width, double height,
                         double margin_px) {
    ViewTransform t;
    const double w = std::max(1.0, width - 2.0 * margin_px);
    const double h = std::max(1.0, height - 2.0 * margin_px);
    const double bw = std::max(bounds.width(), 1e-12);
    const double bh = std::max(bounds.height(), 1e-12);
    const double s = std::min(w / bw, h / bh);
    t.scale_x = t.scale_y = s;
    const geo::Vec2 c = bounds.center();
    t.offset_x = width * 0.5 - c.x * s;
    t.offset_y = height * 0.5 + c.y * s;
    return t;
}

ViewTransform stretch_bounds(const geo::BBox& bounds, double width, double height) {
    ViewTransform t;
    t.scale_x = width / std::max(bounds.width(), 1e-12);
    t.scale_y = height / std::max(bounds.height(), 1e-12);
    t.offset_x = -bounds.min_x * t.scale_x;
    t.offset_y = bounds.max_y * t.scale_y;
    return t;
}

ViewTransform Camera::transform(const geo::BBox& world, double width, double height) const {
    ViewTransform t = fit_bounds(world, width, height);
    const double s = t.scale_x * zoom;
    t.scale_x = t.scale_y = s;
    t.offset_x = width * 0.5 - center.x * s;
    t.offset_y = height * 0.5 + center.y * s;
    return t;
}

void Camera::zoom_about(double factor, geo::Vec2 anchor_px, const geo::BBox& world,
                        double width, double height) {
    const geo::Vec2 before = transform(world, width, height).to_map(anchor_px);
    zoom = std::clamp(zoom * factor, 0.5, 2000.0);
    const geo::Vec2 after = transform(world, width, height).to_map(anchor_px);
    center.x += before.x - after.x;
    center.y += before.y - after.y;
}

void Camera::pan_pixels(geo::Vec2 delta_px, const geo::BBox& world, double width,
                        double height) {
    const ViewTransform t = transform(world, width, height);
    center.x -= delta_px.x / t.scale_x;
    center.y += delta_px.y / t.scale_y;
}

}  // namespace deportmap
