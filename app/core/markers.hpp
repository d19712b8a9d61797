// Small-country markers: which countries get a circle at their label point because
// their filled shape would be too small to see at the current view. Pure rule (no GL),
// shared by the window's overlay renderer and the exporter, so both show the same marks.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "core/geo/mesh.hpp"
#include "core/view.hpp"

namespace deportmap {

struct MarkerRule {
    // A country whose shape covers fewer than this many pixels² on screen gets a marker.
    double max_area_px2 = 120.0;
    double radius_px = 4.5;  // marker radius in pixels (scale by content scale / DPI)
};

struct Marker {
    int country = -1;   // index into World::countries
    geo::Vec2 center;   // pixels, origin top-left (the shape's label point)
    float radius_px = 0.0f;
};

// Markers for a view: every country i with has_status[i] true (indices past the span's
// end count as without status) whose ProjectedShape at that level is non-empty and whose
// on-screen area (area × scale_x × scale_y) is below rule.max_area_px2, and whose marker
// centre lies within the width x height viewport grown by the radius. Ordered by country
// index, so the result is deterministic.
std::vector<Marker> compute_markers(std::span<const geo::ProjectedShape> shapes,
                                    std::span<const uint8_t> has_status,
                                    const ViewTransform& view, double width, double height,
                                    const MarkerRule& rule = {});

// Where a shape lands on screen: its label point in pixels (origin top-left) and its
// on-screen area in pixels². nullopt: not shown (e.g. on the far side of the globe).
struct ShapeOnScreen {
    geo::Vec2 center;
    double area_px2 = 0.0;
};
using ShapeToScreen = std::function<std::optional<ShapeOnScreen>(const geo::ProjectedShape&)>;

// The same rule for any mapping onto the screen (the orthographic globe): shapes that
// `to_screen` shows, with an area below rule.max_area_px2 and a centre within the
// viewport grown by the radius.
std::vector<Marker> compute_markers(std::span<const geo::ProjectedShape> shapes,
                                    std::span<const uint8_t> has_status,
                                    const ShapeToScreen& to_screen, double width, double height,
                                    const MarkerRule& rule = {});

}  // namespace deportmap
