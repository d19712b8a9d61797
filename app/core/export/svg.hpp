// The SVG writer: the same composed page as the PNG, as vectors and without GL. Each
// country is one <path id="ISO3" data-status="KEY">, grouped per status
// (<g id="status-agreed">); legend and text are <text> in Noto Sans; coordinates are
// rounded to 0.1 px (what anti-aliasing can show at any output size).
#pragma once
#include <string>
#include <vector>

#include "core/color.hpp"
#include "core/data/statuses.hpp"
#include "core/export/compose.hpp"
#include "core/export/layout.hpp"
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
};

// The whole document. `logo_file_bytes` (the logo file as read, PNG or JPEG) is embedded
// as a data URI where the layout places a logo; `logo_mime` names its type.
std::string write_svg(const PageLayout& layout, const SvgMap& map, const PageColors& colors,
                      const std::string& logo_file_bytes = {},
                      const std::string& logo_mime = "image/png");

// XML-escapes text for element content and attribute values.
std::string xml_escape(std::string_view text);

}  // namespace deportmap::exporter
