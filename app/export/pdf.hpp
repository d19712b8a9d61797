// The PDF back end: the page's display list (export/drawing.hpp) as vectors through
// Cairo's PDF surface (Debian libcairo2-dev): real text in Noto Sans, embedded and
// subset by Cairo; the countries as filled and stroked paths; stripes and status
// patterns as repeating vector patterns. The page is the image's size at its dpi (the
// print presets' 300 dpi give A4 and US Letter; without --dpi 150, the type unit's
// reference), so the PDF and the PNG are the same layout.
#pragma once
#include <string>

#include "export/drawing.hpp"

namespace deportmap::exporter {

// The PDF's bytes. `dpi` sets the page size (points = pixels x 72 / dpi); `date` (ISO)
// becomes its creation date, so the same export gives the same bytes.
std::string pdf_document(const PageDrawing& dr, double dpi, const std::string& date);

}  // namespace deportmap::exporter
