// The longitude/latitude box of what a view shows, for a story step added "from the
// current view" (editor.hpp). The view's pixels are sampled on a grid (edges included),
// each turned back into longitude/latitude (the flat map through the projection's
// inverse, the globe through globe_from_pixel); points off the map are skipped. The box
// is rounded outwards to a hundredth of a degree. A story's bbox cannot wrap round the
// antimeridian, so a globe view across it gets every longitude.
#pragma once
#include <array>
#include <optional>

#include "core/geo/globe.hpp"
#include "core/geo/projection.hpp"
#include "core/view.hpp"

namespace deportmap::story {

// A rectangle of framebuffer pixels (origin top-left): the part of the window the map
// is seen in (the panels left out).
struct PixelRect {
    double x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0;
};

using LonLatBox = std::array<double, 4>;  // min_lon, min_lat, max_lon, max_lat

// Spans above these count as the whole world (the step's focus is then "world").
inline constexpr double kWorldLonSpan = 300.0;
inline constexpr double kWorldLatSpan = 120.0;

// What the flat map shows inside `rect` with `camera` over a fb_width x fb_height
// framebuffer; nullopt when that is (nearly) the whole world or no map at all.
std::optional<LonLatBox> flat_view_box(const Camera& camera, const geo::BBox& world_bounds, int fb_width,
                                       int fb_height, const PixelRect& rect, const geo::Projector& projector);
// The same for the orthographic globe.
std::optional<LonLatBox> globe_view_box(const geo::GlobeView& view, int fb_width, int fb_height,
                                        const PixelRect& rect);

}  // namespace deportmap::story
