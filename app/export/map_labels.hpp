// Country labels and highlight outlines of exported maps, computed once for the PNG
// composer and the SVG writer: labels for countries with a status are placed without
// overlaps by the window's rule (core/labels.hpp), measured with the export font (Noto
// Sans); outlines are the countries' rings in page pixels. No GL.
#pragma once
#include <string>
#include <vector>

#include "core/color.hpp"
#include "core/data/statuses.hpp"
#include "export/canvas.hpp"
#include "core/geo/mesh.hpp"
#include "core/geo/world.hpp"
#include "core/view.hpp"

namespace deportmap::exporter {

struct MapLabel {
    int country = -1;       // World index
    std::string text;       // the country's name
    double x = 0;           // page pixels: left end of the baseline
    double baseline = 0;
    double size = 0;        // em size in pixels
};

struct MapLabelInput {
    const geo::World* world = nullptr;
    const std::vector<geo::ProjectedShape>* shapes = nullptr;  // parallel to world->countries
    std::vector<data::StatusIndex> statuses;  // per World country; kNoStatus: no label
    std::vector<int> markers;                 // World indices with a marker circle
    double marker_radius = 0;                 // their labels sit right of the circle
    ViewTransform view;                       // projected -> map-area pixels
    double map_x = 0, map_y = 0;              // the map area's top-left on the page
    int map_width = 0, map_height = 0;
    double unit = 1.0;                        // type unit: label size kLabelUnits x unit
};

// Labels for the countries with a status, largest on-screen area first, each kept only
// when it lies inside the map area and overlaps no label already kept. Deterministic.
std::vector<MapLabel> place_map_labels(const MapLabelInput& input);

// Draws labels onto a page in `text` over a halo of `halo` (the page background).
void draw_map_labels(Canvas& canvas, const std::vector<MapLabel>& labels, Color text, Color halo);

// Rings of `shape` in page pixels (view then offset), for outlines.
std::vector<std::vector<geo::Vec2>> shape_rings_px(const geo::ProjectedShape& shape,
                                                   const ViewTransform& view, double offset_x,
                                                   double offset_y);

// Strokes closed `rings` (page pixels) `width` pixels wide in `color`, anti-aliased and
// clipped to the pixels [clip_x0, clip_x1) x [clip_y0, clip_y1) (the map area); where
// segments overlap (joins) the coverage is the largest, not a sum, so joins are not darker.
void stroke_rings(Canvas& canvas, const std::vector<std::vector<geo::Vec2>>& rings, double width,
                  Color color, int clip_x0, int clip_y0, int clip_x1, int clip_y1);

}  // namespace deportmap::exporter
