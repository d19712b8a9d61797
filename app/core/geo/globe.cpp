// The orthographic globe's view maths (see globe.hpp).
#include "core/geo/globe.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace deportmap::geo {
namespace {

constexpr double kDeg = std::numbers::pi / 180.0;

}  // namespace

double GlobeView::radius_px(int width, int height) const {
    return 0.45 * std::min(width, height) * zoom;
}

std::array<double, 9> globe_rotation(const GlobeView& view) {
    // Rotate about +y by -lon0 (the centre meridian to z), then about +x by lat0 (the
    // centre parallel to the middle of the disc).
    const double cl = std::cos(view.center_lon * kDeg), sl = std::sin(view.center_lon * kDeg);
    const double cp = std::cos(view.center_lat * kDeg), sp = std::sin(view.center_lat * kDeg);
    // Ry(-lon0): x1 = x cl - z sl, y1 = y, z1 = x sl + z cl
    // Rx(lat0):  x' = x1, y' = y1 cp - z1 sp, z' = y1 sp + z1 cp
    return {cl,       0.0, -sl,       //
            -sl * sp, cp,  -cl * sp,  //
            sl * cp,  sp,  cl * cp};
}

std::optional<Vec2> globe_to_pixel(const GlobeView& view, Vec2 lonlat, int width, int height) {
    const auto m = globe_rotation(view);
    const double lon = lonlat.x * kDeg, lat = lonlat.y * kDeg;
    const double p[3] = {std::cos(lat) * std::sin(lon), std::sin(lat), std::cos(lat) * std::cos(lon)};
    const double x = m[0] * p[0] + m[1] * p[1] + m[2] * p[2];
    const double y = m[3] * p[0] + m[4] * p[1] + m[5] * p[2];
    const double z = m[6] * p[0] + m[7] * p[1] + m[8] * p[2];
    if (z < 0.0) return std::nullopt;
    const double r = view.radius_px(width, height);
    return Vec2{width * 0.5 + r * x, height * 0.5 - r * y};
}

std::optional<Vec2> globe_from_pixel(const GlobeView& view, Vec2 pixel, int width, int height) {
    const double r = view.radius_px(width, height);
    if (!(r > 0.0)) return std::nullopt;
    const double x = (pixel.x - width * 0.5) / r;
    const double y = (height * 0.5 - pixel.y) / r;
    const double d2 = x * x + y * y;
    if (!(d2 <= 1.0)) return std::nullopt;
    const double z = std::sqrt(1.0 - d2);
    const auto m = globe_rotation(view);
    // The inverse of a rotation is its transpose.
    const double px = m[0] * x + m[3] * y + m[6] * z;
    const double py = m[1] * x + m[4] * y + m[7] * z;
    const double pz = m[2] * x + m[5] * y + m[8] * z;
    return Vec2{std::atan2(px, pz) / kDeg, std::asin(std::clamp(py, -1.0, 1.0)) / kDeg};
}

void normalize_globe(GlobeView& view) {
    if (!std::isfinite(view.center_lon)) view.center_lon = 0.0;
    if (!std::isfinite(view.center_lat)) view.center_lat = 0.0;
    view.center_lon = std::fmod(view.center_lon + 180.0, 360.0);
    if (view.center_lon < 0.0) view.center_lon += 360.0;
    view.center_lon -= 180.0;
    view.center_lat = std::clamp(view.center_lat, -89.0, 89.0);
}

}  // namespace deportmap::geo
