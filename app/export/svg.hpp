// The SVG back end: the same composed page as the PNG, as vectors and without GL. Each
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
#include "export/drawing.hpp"
#include "export/map_labels.hpp"
#include "core/geo/mesh.hpp"
#include "core/geo/world.hpp"
#include "core/view.hpp"

namespace deportmap::exporter {

// The SVG back end of the page's display list is svg_document() (export/drawing.hpp).

// XML-escapes text for element content and attribute values.
std::string xml_escape(std::string_view text);

}  // namespace deportmap::exporter
