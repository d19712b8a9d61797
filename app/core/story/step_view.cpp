// Step framing (see step_view.hpp).
#include "core/story/step_view.hpp"

#include <algorithm>
#include <cmath>

namespace deportmap::story {

std::vector<int> focus_countries(const Step& step, const geo::World& world) {
    std::vector<int> out;
    if (step.focus != FocusKind::Countries) return out;
    for (const std::string& code : step.iso3) {
        for (size_t i = 0; i < world.countries.size(); ++i) {
            if (world.countries[i].iso3 == code) {
                out.push_back(static_cast<int>(i));
                break;
            }
        }
    }
    return out;
}

StepBox step_box(const Step& step, const geo::World& world, const geo::ProjectedWorld& projected,
                 const geo::Projector& projector) {
    StepBox r;
    if (step.focus == FocusKind::BBox) {
        // The box's edges, densified, through the projection.
        std::vector<geo::Vec2> pts;
        const auto& b = step.bbox;
        for (int k = 0; k <= 16; ++k) {
            const double f = k / 16.0;
            const double lon = b[0] + (b[2] - b[0]) * f, lat = b[1] + (b[3] - b[1]) * f;
            pts.push_back({lon, b[1]});
            pts.push_back({lon, b[3]});
            pts.push_back({b[0], lat});
            pts.push_back({b[2], lat});
        }
        projector.forward(pts);
        for (const geo::Vec2& p : pts) {
            if (std::isfinite(p.x) && std::isfinite(p.y)) r.box.add(p);
        }
        r.label = r.box.empty() ? geo::Vec2{} : r.box.center();
        return r;
    }
    const std::vector<int> ids = focus_countries(step, world);
    double best_area = -1.0;
    for (int l = geo::kLodCount - 1; l >= 0 && r.box.empty(); --l) {
        const auto& shapes = projected.shapes[static_cast<size_t>(l)];
        if (!projected.ready[static_cast<size_t>(l)]) continue;
        for (const int w : ids) {
            if (static_cast<size_t>(w) >= shapes.size() || shapes[static_cast<size_t>(w)].bbox.empty()) continue;
            const geo::ProjectedShape& s = shapes[static_cast<size_t>(w)];
            r.box.add(s.bbox);
            if (s.area > best_area) {
                best_area = s.area;
                r.label = s.label_point;
            }
        }
    }
    return r;
}

Camera step_camera(const geo::BBox& box, const geo::BBox& world_bounds, double width, double height, double fill) {
    Camera c;
    c.center = world_bounds.center();
    if (box.empty() || width <= 0 || height <= 0) return c;
    c.center = box.center();
    const ViewTransform base = Camera{c.center, 1.0}.transform(world_bounds, width, height);
    const double bw = std::max(box.width() * base.scale_x, 1e-9);
    const double bh = std::max(box.height() * base.scale_y, 1e-9);
    c.zoom = std::clamp(std::min(fill * width / bw, fill * height / bh), 1.0, kMaxStepZoom);
    if (c.zoom <= 1.0) c.center = world_bounds.center();
    return c;
}

geo::GlobeView step_globe(const StepBox& box, int width, int height, double fallback_lon) {
    if (box.box.empty()) {
        geo::GlobeView v;
        v.center_lon = fallback_lon;
        return v;
    }
    geo::GlobeView v = geo::globe_view_for_box(box.box, box.label, width, height);
    v.zoom = std::min(v.zoom, kMaxStepGlobeZoom);
    return v;
}

}  // namespace deportmap::story
