// What a view shows, in longitude/latitude (see view_box.hpp).
#include "core/story/view_box.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace deportmap::story {
namespace {

constexpr int kGrid = 33;  // samples each way, the rectangle's edges included

// Longitude/latitude of each sampled pixel that lies on the map.
std::vector<geo::Vec2> sample(const PixelRect& rect, const std::function<std::optional<geo::Vec2>(geo::Vec2)>& back) {
    std::vector<geo::Vec2> out;
    for (int j = 0; j < kGrid; ++j) {
        for (int i = 0; i < kGrid; ++i) {
            const double fx = i / double(kGrid - 1), fy = j / double(kGrid - 1);
            const geo::Vec2 px{rect.x0 + (rect.x1 - rect.x0) * fx, rect.y0 + (rect.y1 - rect.y0) * fy};
            if (auto ll = back(px)) out.push_back(*ll);
        }
    }
    return out;
}

// The box rounded outwards to 0.01 degrees, within the valid ranges, min below max.
std::optional<LonLatBox> finish(double min_lon, double min_lat, double max_lon, double max_lat) {
    if (max_lon - min_lon >= kWorldLonSpan && max_lat - min_lat >= kWorldLatSpan) return std::nullopt;
    LonLatBox b{std::floor(min_lon * 100.0) / 100.0, std::floor(min_lat * 100.0) / 100.0,
                std::ceil(max_lon * 100.0) / 100.0, std::ceil(max_lat * 100.0) / 100.0};
    b[0] = std::clamp(b[0], -180.0, 179.99);
    b[1] = std::clamp(b[1], -90.0, 89.99);
    b[2] = std::clamp(b[2], b[0] + 0.01, 180.0);
    b[3] = std::clamp(b[3], b[1] + 0.01, 90.0);
    return b;
}

bool usable(const PixelRect& r) { return r.x1 > r.x0 && r.y1 > r.y0; }

}  // namespace

std::optional<LonLatBox> flat_view_box(const Camera& camera, const geo::BBox& world_bounds, int fb_width,
                                       int fb_height, const PixelRect& rect, const geo::Projector& projector) {
    if (!usable(rect) || fb_width <= 0 || fb_height <= 0) return std::nullopt;
    const ViewTransform vt = camera.transform(world_bounds, fb_width, fb_height);
    const std::vector<geo::Vec2> pts =
        sample(rect, [&](geo::Vec2 px) { return projector.inverse(vt.to_map(px)); });
    if (pts.empty()) return std::nullopt;
    geo::BBox box;
    for (const geo::Vec2& p : pts) box.add(p);
    return finish(box.min_x, box.min_y, box.max_x, box.max_y);
}

std::optional<LonLatBox> globe_view_box(const geo::GlobeView& view, int fb_width, int fb_height,
                                        const PixelRect& rect) {
    if (!usable(rect) || fb_width <= 0 || fb_height <= 0) return std::nullopt;
    const std::vector<geo::Vec2> pts =
        sample(rect, [&](geo::Vec2 px) { return geo::globe_from_pixel(view, px, fb_width, fb_height); });
    if (pts.empty()) return std::nullopt;
    // Longitudes relative to the centre, so a view across the antimeridian is seen as one.
    double lo = 360.0, hi = -360.0, min_lat = 90.0, max_lat = -90.0;
    for (const geo::Vec2& p : pts) {
        const double d = std::remainder(p.x - view.center_lon, 360.0);
        lo = std::min(lo, d);
        hi = std::max(hi, d);
        min_lat = std::min(min_lat, p.y);
        max_lat = std::max(max_lat, p.y);
    }
    double min_lon = std::remainder(view.center_lon, 360.0) + lo, max_lon = std::remainder(view.center_lon, 360.0) + hi;
    if (min_lon < -180.0 || max_lon > 180.0) {
        min_lon = -180.0;
        max_lon = 180.0;
    }
    return finish(min_lon, min_lat, max_lon, max_lat);
}

}  // namespace deportmap::story
