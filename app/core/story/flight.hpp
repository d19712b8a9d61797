// Camera flights between story steps: the zoom-out / pan / zoom-in path of van Wijk and
// Nuij, "Smooth and efficient zooming and panning" (IEEE InfoVis 2003), walked with an
// ease-in-out so it starts and stops gently. The path is parametrised by its length S
// (in their metric, with rho = sqrt(2)); the flight's duration grows with S, from about
// a second for a neighbour to at most three seconds across the world. The globe flies the
// same way with its centre moving the short way round in longitude.
// Also the fades: colours cross-fade per country and captions fade in and out.
#pragma once
#include <vector>

#include "core/color.hpp"
#include "core/geo/globe.hpp"
#include "core/view.hpp"

namespace deportmap::story {

inline constexpr double kMinFlightSeconds = 0.8;
inline constexpr double kMaxFlightSeconds = 3.0;
inline constexpr double kFadeSeconds = 0.6;  // colours and captions

// One view on the optimal path: centre (u along the straight line) and visible width w.
struct ZoomPan {
    double c0x = 0, c0y = 0, c1x = 0, c1y = 0;  // centres
    double w0 = 1, w1 = 1;                      // visible widths, > 0
    // Path length S (0 for identical views).
    double length() const;
    // The centre and width a fraction `s` (0..1) of the way along the path's length;
    // exactly the start at 0 and the end at 1.
    void at(double s, double& cx, double& cy, double& w) const;
};

// The flight's duration for a path of length S: 0 when S is ~0, else within
// [kMinFlightSeconds, kMaxFlightSeconds].
double flight_seconds(double length);

// Cubic ease-in-out of t in [0, 1] (clamped).
double ease_in_out(double t);

class CameraFlight {
public:
    // A flight on the flat map; `world_width` is the world's projected width (zoom 1
    // shows it all), which turns zooms into visible widths.
    CameraFlight(const Camera& from, const Camera& to, double world_width);
    double seconds() const { return seconds_; }
    // The camera `t` seconds after the start: `from` at t <= 0, exactly `to` at t >= seconds().
    Camera at(double t) const;

private:
    Camera from_, to_;
    double world_width_ = 1.0;
    ZoomPan path_;
    double seconds_ = 0.0;
};

class GlobeFlight {
public:
    GlobeFlight(const geo::GlobeView& from, const geo::GlobeView& to);
    double seconds() const { return seconds_; }
    geo::GlobeView at(double t) const;

private:
    geo::GlobeView from_, to_;
    double dlon_ = 0.0;  // the short way round, degrees in [-180, 180]
    ZoomPan path_;
    double seconds_ = 0.0;
};

// Colour per country `t` seconds into a cross-fade from `from` to `to` (kFadeSeconds).
void cross_fade(const std::vector<Color>& from, const std::vector<Color>& to, double t,
                std::vector<Color>& out);

// Caption opacity (0..1) `t` seconds after its step began: fades in over kFadeSeconds.
double caption_alpha(double t);

}  // namespace deportmap::story
