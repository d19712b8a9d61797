// A page as a small display list: the map layer (the countries' shapes with their fills
// and stripes, the ocean, the borders), then shapes drawn over it (outlines, marker
// circles), text runs (map labels, the page's text), legend swatches and an image (the
// logo). The export engine builds one PageDrawing per frame from the Scene's paint
// (core/paint.hpp) and the page layout; each back end draws it:
//   draw_on_canvas  the PNG (and animation) page, band by band; the map layer itself is
//                   drawn by the caller first, through GL tiles (export/tiles.hpp);
//   svg_document    the SVG file (the coming PDF and HTML back ends read the same list).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/color.hpp"
#include "core/data/statuses.hpp"
#include "core/geo/mesh.hpp"
#include "core/geo/world.hpp"
#include "core/view.hpp"
#include "export/canvas.hpp"
#include "export/compose.hpp"
#include "export/layout.hpp"
#include "export/annotations.hpp"
#include "export/map_labels.hpp"

namespace deportmap::exporter {

struct MapLayer {
    Rect area;  // page pixels; nothing of the map is drawn outside it
    const geo::World* world = nullptr;
    const std::vector<geo::ProjectedShape>* shapes = nullptr;  // parallel to world->countries
    const geo::Ring* outline = nullptr;  // the globe's outline (the ocean), projected
    ViewTransform view;                  // projected -> page pixels
    ViewTransform area_view;             // projected -> pixels of the area (its top-left 0, 0)
    const data::StatusTable* table = nullptr;
    std::vector<data::StatusIndex> statuses;  // per country, as drawn (kNoStatus: none)
    std::vector<Color> fill;      // per country (dimmed by a highlighted status)
    std::vector<uint8_t> striped; // per country: stripes over the fill
    std::vector<uint8_t> pattern; // per country: the status pattern over the fill (0: none)
    double hatch_px = 0;          // stripe period
    Color background, ocean, border, no_data;
    double border_width = 0.6;
    bool transparent = false;  // no page background
};

struct OutlineItem {
    int country = -1;  // World index: its rings, stroked
    Color color;
    double width = 3;
};

struct CircleItem {
    int country = -1;  // the small country it marks
    geo::Vec2 anchor;  // projected (the country's label point): map.view places it
    double radius = 0;
    Color fill;
    Color ring;        // drawn ring_width beyond the radius
    double ring_width = 0;
};

struct PageDrawing {
    int width = 0, height = 0;
    std::string title, description;  // the SVG's <title> and <desc>
    int day = 0;                     // the date shown (data::Day)
    double unit = 1.0;
    bool full = true;  // page decorations (text, legend, logo) besides the map
    MapLayer map;
    std::vector<OutlineItem> outlines;  // under the markers, as in the window
    std::vector<CircleItem> markers;
    std::vector<MapLabel> labels;       // text runs over a halo
    std::vector<Callout> callouts;      // --annotate: notes with leader lines
    Color label_color, label_halo;
    std::vector<SwatchItem> swatches;
    std::vector<TextItem> texts;
    PageColors colors;
    std::optional<Rect> logo_rect;
    const Image* logo = nullptr;  // decoded, for raster back ends
    std::string logo_bytes;       // the file as read, for vector back ends
    std::string logo_mime;
};

// Everything over the map layer, drawn into `canvas` (a whole page or one band of it):
// outlines, markers, labels, then (full pages) swatches, texts and the logo.
void draw_on_canvas(Canvas& canvas, const PageDrawing& drawing);

// The whole SVG document.
std::string svg_document(const PageDrawing& drawing);

}  // namespace deportmap::exporter
