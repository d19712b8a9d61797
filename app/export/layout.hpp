// Page layout of a composed export: title, subtitle and date on top, the map, a legend
// (colour, label, count on the date), notes, and a source line with an optional logo at
// the bottom. Pure geometry in output pixels, computed once and used by the PNG composer
// and the SVG writer alike, so both files show the same page. Every size scales with
// the type unit, so a 1080p image and an 8K poster look the same in proportion.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/color.hpp"
#include "core/paint.hpp"

namespace deportmap::exporter {

struct Rect {
    double x = 0, y = 0, w = 0, h = 0;
};

using deportmap::LegendEntry;  // core/paint.hpp: the same entries as the window's legend

// Stripe period of approximate dates, in type units (the window draws 7 px at scale 1).
inline constexpr double kHatchUnits = 7.0;
// Country label size in type units (em size).
inline constexpr double kLabelUnits = 16.0;

// What the page says; empty strings leave their element out.
struct PageText {
    std::string title;
    std::string subtitle;
    std::string date_line;  // "As of 1 July 2025"
    std::string source;     // the footer line as drawn: the credit, then data_footnote()
    std::string credit;     // the credit alone (--source or the outlets), for metadata
    std::string notes;
    std::vector<LegendEntry> legend;
    // The map described in words for a screen reader (OUT.alt.txt, the PNG's
    // Description, the SVG's <desc>): data::map_description.
    std::string description;
};

struct PageOptions {
    int width = 1920;
    int height = 1080;
    // The type unit in pixels per "1080p pixel": 1 at 1920x1080. See type_unit().
    double unit = 1.0;
    bool full = true;  // false: map-only (the map fills the page, nothing else)
    // Logo size in pixels (0 x 0: none); it is scaled into the footer keeping its aspect.
    int logo_width = 0;
    int logo_height = 0;
    // The map's aspect (width / height of what it shows; 0: unknown). When the map's slot is
    // taller than that, the slot shrinks to the map and the header and footer close in by
    // half the difference each, so a square page has no empty bands above and below the map.
    double map_aspect = 0;
    // Frames of a batch close in by the reserved layout's amount (PageLayout::closed_in),
    // so every frame's header and footer sit where the reserved map expects them.
    std::optional<double> closed_in;
};

// The type unit for a page: min(width, height) / 1080 times `scale`, or, with a dpi,
// dpi / 150 times `scale` (legend text about 10.5 pt in print).
double type_unit(int width, int height, double scale, std::optional<double> dpi);

struct TextItem {
    std::string text;
    double x = 0;         // left end of the baseline (anchor start) or right end (end)
    double baseline = 0;
    double size = 0;      // em size in pixels
    bool bold = false;
    bool muted = false;   // secondary colour (subtitle, notes, source)
    bool anchor_end = false;
};

struct SwatchItem {
    Rect rect;
    Color color;
    double outline = 0;  // outline width in pixels (drawn in the border colour)
    double hatch = 0;    // stripe period in pixels (the map's stripes); 0: plain
    int pattern = 0;     // the status's pattern (core/patterns.hpp), at pattern_period(hatch period)
    double pattern_px = 0;
};

struct PageLayout {
    int width = 0, height = 0;
    double unit = 1.0;
    Rect map;                   // where the map goes (whole pixels)
    std::vector<TextItem> texts;
    std::vector<SwatchItem> swatches;
    std::optional<Rect> logo;   // where the logo goes (whole pixels)
    double closed_in = 0;       // pixels taken out of the map's slot (see PageOptions)
};

// Lays out `text` on a page; measures with text::Font (Noto Sans). Deterministic.
PageLayout compute_layout(const PageText& text, const PageOptions& options);

}  // namespace deportmap::exporter
