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

Vec2 eqc_to_lonlat(Vec2 eqc) {
    return {eqc.x / kEqcUnitsPerRadian / kDeg, eqc.y / kEqcUnitsPerRadian / kDeg};
}

Vec2 lonlat_to_eqc(Vec2 lonlat) {
    return {lonlat.x * kDeg * kEqcUnitsPerRadian, lonlat.y * kDeg * kEqcUnitsPerRadian};
}

std::optional<GlobeScreenShape> globe_screen_shape(const GlobeView& view, Vec2 eqc_point,
                                                   double eqc_area, int width, int height) {
    const Vec2 ll = eqc_to_lonlat(eqc_point);
    const double lon = ll.x * kDeg, lat = ll.y * kDeg;
    const double p[3] = {std::cos(lat) * std::sin(lon), std::sin(lat), std::cos(lat) * std::cos(lon)};
    const auto m = globe_rotation(view);
    const double x = m[0] * p[0] + m[1] * p[1] + m[2] * p[2];
    const double y = m[3] * p[0] + m[4] * p[1] + m[5] * p[2];
    const double z = m[6] * p[0] + m[7] * p[1] + m[8] * p[2];
    if (!(z > 0.0)) return std::nullopt;
    const double r = view.radius_px(width, height);
    GlobeScreenShape s;
    s.pixel = {width * 0.5 + r * x, height * 0.5 - r * y};
    const double unit_area = eqc_area / (kEqcUnitsPerRadian * kEqcUnitsPerRadian);
    s.area_px2 = std::abs(unit_area) * std::cos(lat) * z * r * r;
    s.depth = z;
    return s;
}

GlobeView globe_view_for_box(const BBox& eqc_box, Vec2 eqc_label, int width, int height,
                             double fit_width, double shift_px) {
    GlobeView v;
    const Vec2 centre = eqc_to_lonlat(eqc_label);
    v.center_lon = centre.x;
    v.center_lat = centre.y;
    if (fit_width <= 0.0) fit_width = width;
    const double r1 = v.radius_px(width, height);  // the radius at zoom 1
    if (!eqc_box.empty() && r1 > 0.0) {
        // The box's angular size (radians) at its middle latitude; sin() keeps large
        // boxes from asking for a zoom below the whole globe.
        const double lat_mid = (eqc_box.min_y + eqc_box.max_y) * 0.5 / kEqcUnitsPerRadian;
        const double w = std::min(std::numbers::pi / 2, eqc_box.width() / kEqcUnitsPerRadian *
                                                          std::cos(lat_mid) * 0.5);
        const double h = std::min(std::numbers::pi / 2,
                                  eqc_box.height() / kEqcUnitsPerRadian * 0.5);
        const double bw = std::max(2.0 * std::sin(w) * r1, 1e-9);
        const double bh = std::max(2.0 * std::sin(h) * r1, 1e-9);
        v.zoom = std::clamp(std::min(0.45 * fit_width / bw, 0.45 * height / bh), 1.0, 40.0);
    }
    // Turning the globe by d radians of longitude moves the centre's meridian by about
    // r cos(lat) d pixels.
    const double r = v.radius_px(width, height);
    const double shift = std::clamp(shift_px, -r / 3.0, r / 3.0);
    const double c = std::max(0.2, std::cos(v.center_lat * kDeg));
    if (r > 0.0) v.center_lon -= shift / (r * c) / kDeg;
    normalize_globe(v);
    return v;
}

GlobeView interpolate_globe(const GlobeView& from, const GlobeView& to, double t) {
    t = std::clamp(t, 0.0, 1.0);
    double dlon = std::fmod(to.center_lon - from.center_lon, 360.0);
    if (dlon > 180.0) dlon -= 360.0;
    if (dlon < -180.0) dlon += 360.0;
    GlobeView v;
    v.center_lon = from.center_lon + dlon * t;
    v.center_lat = from.center_lat + (to.center_lat - from.center_lat) * t;
    const double z0 = std::max(from.zoom, 1e-6), z1 = std::max(to.zoom, 1e-6);
    v.zoom = std::exp(std::log(z0) + (std::log(z1) - std::log(z0)) * t);
    normalize_globe(v);
    return v;
}

}  // namespace deportmap::geo
