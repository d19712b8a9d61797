// Camera flights and fades (see flight.hpp).
#include "core/story/flight.hpp"

#include <algorithm>
#include <cmath>

namespace deportmap::story {
namespace {

constexpr double kRho = 1.4142135623730951;  // sqrt(2): van Wijk and Nuij's recommended value
constexpr double kRho2 = 2.0;
constexpr double kRho4 = 4.0;
// The globe's visible width at zoom 1, in degrees (the disc shows a hemisphere).
constexpr double kGlobeWidthDeg = 180.0;

double wrap180(double d) {
    d = std::fmod(d + 180.0, 360.0);
    if (d < 0) d += 360.0;
    return d - 180.0;
}

}  // namespace

double ZoomPan::length() const {
    const double d = std::hypot(c1x - c0x, c1y - c0y);
    if (d < 1e-9 * std::max(w0, w1)) return std::fabs(std::log(w1 / w0)) / kRho;
    const double b0 = (w1 * w1 - w0 * w0 + kRho4 * d * d) / (2.0 * w0 * kRho2 * d);
    const double b1 = (w1 * w1 - w0 * w0 - kRho4 * d * d) / (2.0 * w1 * kRho2 * d);
    // r = ln(-b + sqrt(b^2 + 1)) = -asinh(b), without the cancellation.
    return (-std::asinh(b1) + std::asinh(b0)) / kRho;
}

void ZoomPan::at(double s, double& cx, double& cy, double& w) const {
    s = std::clamp(s, 0.0, 1.0);
    if (s >= 1.0) {
        cx = c1x, cy = c1y, w = w1;
        return;
    }
    if (s <= 0.0) {
        cx = c0x, cy = c0y, w = w0;
        return;
    }
    const double d = std::hypot(c1x - c0x, c1y - c0y);
    const double S = length();
    double u = 0.0;  // distance along the straight line from c0
    if (d < 1e-9 * std::max(w0, w1)) {
        // Zoom only: the width changes exponentially.
        w = w0 * std::exp(std::log(w1 / w0) * s);
        u = d * s;
    } else {
        const double b0 = (w1 * w1 - w0 * w0 + kRho4 * d * d) / (2.0 * w0 * kRho2 * d);
        const double r0 = -std::asinh(b0);
        const double arc = s * S;
        u = w0 / kRho2 * std::cosh(r0) * std::tanh(kRho * arc + r0) - w0 / kRho2 * std::sinh(r0);
        w = w0 * std::cosh(r0) / std::cosh(kRho * arc + r0);
        u = std::clamp(u, 0.0, d);
    }
    const double f = d > 0.0 ? u / d : 0.0;
    cx = c0x + (c1x - c0x) * f;
    cy = c0y + (c1y - c0y) * f;
}

double flight_seconds(double length) {
    if (!(length > 1e-6)) return 0.0;
    return std::clamp(0.5 + 0.45 * length, kMinFlightSeconds, kMaxFlightSeconds);
}

double ease_in_out(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t < 0.5 ? 4.0 * t * t * t : 1.0 - std::pow(-2.0 * t + 2.0, 3) / 2.0;
}

CameraFlight::CameraFlight(const Camera& from, const Camera& to, double world_width)
    : from_(from), to_(to), world_width_(world_width > 0.0 ? world_width : 1.0) {
    path_.c0x = from.center.x;
    path_.c0y = from.center.y;
    path_.c1x = to.center.x;
    path_.c1y = to.center.y;
    path_.w0 = world_width_ / std::max(from.zoom, 1e-9);
    path_.w1 = world_width_ / std::max(to.zoom, 1e-9);
    seconds_ = flight_seconds(path_.length());
}

Camera CameraFlight::at(double t) const {
    if (t <= 0.0) return from_;
    if (t >= seconds_) return to_;
    double cx, cy, w;
    path_.at(ease_in_out(t / seconds_), cx, cy, w);
    Camera c;
    c.center = {cx, cy};
    c.zoom = world_width_ / w;
    return c;
}

GlobeFlight::GlobeFlight(const geo::GlobeView& from, const geo::GlobeView& to) : from_(from), to_(to) {
    dlon_ = wrap180(to.center_lon - from.center_lon);
    path_.c0x = 0.0;
    path_.c0y = from.center_lat;
    path_.c1x = dlon_;
    path_.c1y = to.center_lat;
    path_.w0 = kGlobeWidthDeg / std::max(from.zoom, 1e-9);
    path_.w1 = kGlobeWidthDeg / std::max(to.zoom, 1e-9);
    seconds_ = flight_seconds(path_.length());
}

geo::GlobeView GlobeFlight::at(double t) const {
    if (t <= 0.0) return from_;
    if (t >= seconds_) return to_;
    double cx, cy, w;
    path_.at(ease_in_out(t / seconds_), cx, cy, w);
    geo::GlobeView v;
    v.center_lon = wrap180(from_.center_lon + cx);
    v.center_lat = std::clamp(cy, -89.0, 89.0);
    v.zoom = kGlobeWidthDeg / w;
    return v;
}

void cross_fade(const std::vector<Color>& from, const std::vector<Color>& to, double t, std::vector<Color>& out) {
    const double f = ease_in_out(t / kFadeSeconds);
    out.resize(to.size());
    for (size_t i = 0; i < to.size(); ++i) {
        if (f >= 1.0 || i >= from.size()) {
            out[i] = to[i];
            continue;
        }
        const Color a = from[i], b = to[i];
        auto m = [f](uint8_t x, uint8_t y) {
            return static_cast<uint8_t>(std::lround(static_cast<double>(x) + (static_cast<double>(y) - x) * f));
        };
        // The stripes' alpha marker is not blended: it follows the target.
        out[i] = {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), b.a};
    }
}

double caption_alpha(double t) { return ease_in_out(t / kFadeSeconds); }

}  // namespace deportmap::story
