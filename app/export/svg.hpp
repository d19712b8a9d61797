// The SVG writer: the same composed page as the PNG, as vectors and without GL. Each
// country is one <path id="ISO3" data-status="KEY">, grouped per status
// (<g id="status-agreed">); legend and text are <text> in Noto Sans; coordinates are
// rounded to 0.1 px (what anti-aliasing can show at any output size).
#pragma once
#include <string>
#include <vector>

#include "core/color.hpp"
#include "core/data/statuses.hpp"
#include "export/compose.hpp"
#include "export/layout.hpp"
#include "export/map_labels.hpp"
#include "core/geo/mesh.hpp"
#include "core/geo/world.hpp"
#include "core/view.hpp"

namespace deportmap::exporter {

struct SvgMap {
    const geo::World* world = nullptr;
    const std::vector<geo::ProjectedShape>* shapes = nullptr;  // parallel to world->countries
    const geo::Ring* outline = nullptr;  // the globe's outline (ocean), projected
    ViewTransform view;                  // projected -> page pixels
    std::vector<data::StatusIndex> statuses;  // per World country
    const data::StatusTable* table = nullptr;
    bool dark = false;  // which status colour column
    Color background, ocean, border, no_data;
    double border_width = 0.6;
    bool transparent = false;
    // Small countries with a status: a circle of this radius (pixels) at the label point.
    std::vector<int> markers;  // World indices
    double marker_radius = 0;
    // Countries whose status date is known only to the month or year (per World country,
    // 1 = striped): their shapes again, filled with a stripe pattern of period hatch_px
    // mixing the background in, as the PNG's map shader does.
    std::vector<uint8_t> approximate;
    double hatch_px = 0;
    // A status whose countries stand out: every other country's fill (and marker) is
    // mixed 65 % towards the background, as in the window's legend hover. -1: none.
    int highlighted_status = -1;
    // Countries outlined in `highlight_color`, `highlight_width` pixels wide (World indices).
    std::vector<int> highlight;
    Color highlight_color;
    double highlight_width = 3;
    // Country labels (page pixels), drawn in the page's text colour over a halo.
    std::vector<MapLabel> labels;
};

// The whole document. `logo_file_bytes` (the logo file as read, PNG or JPEG) is embedded
// as a data URI where the layout places a logo; `logo_mime` names its type.
std::string write_svg(const PageLayout& layout, const SvgMap& map, const PageColors& colors,
                      const std::string& logo_file_bytes = {},
                      const std::string& logo_mime = "image/png");

// XML-escapes text for element content and attribute values.
std::string xml_escape(std::string_view text);

}  // namespace deportmap::exporter
