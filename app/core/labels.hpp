// Country labels without overlaps: a greedy placement by priority that rejects any label
// whose box would overlap one already placed. Pure layout (no GL, no fonts): text sizes
// come from a callback, so the window (ImGui font) and the exporter (its own text
// renderer) share the rule.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "core/geo/types.hpp"

namespace deportmap {

struct LabelCandidate {
    int country = -1;
    std::string text;
    geo::Vec2 anchor;      // pixels, origin top-left: the label's centre
    double priority = 0;   // higher is placed first (e.g. on-screen area)
    // Tried when `text` does not fit ("DR Congo" for "Democratic Republic of the
    // Congo"); empty: none. With `keep_left` the short text keeps the long one's left edge
    // (a label beside a marker).
    std::string short_text{};
    bool keep_left = false;
};

struct PlacedLabel {
    int country = -1;
    std::string text;
    geo::BBox box;  // pixels: the text's box, centred on the anchor (padding not included)
};

struct LabelOptions {
    double padding_px = 2.0;  // extra gap kept between two labels' boxes
    double margin_px = 0.0;   // labels must lie this far inside the viewport
};

// Text width and height in pixels for a label's text.
using MeasureText = std::function<geo::Vec2(const std::string&)>;

// Places candidates in order of decreasing priority (ties: lower country index first);
// a label is kept when its box, grown by padding, lies inside the width x height viewport
// (less margin) and overlaps no kept label; when the text does not fit, its short text is
// tried in the same place. Returns the kept labels in placement order.
// The name a map label uses for a country (assets/label_names.csv: common English short
// names, "South Sudan", "Eswatini"), with its shorter form for tight spots; `fallback`
// (the boundaries' name) and no short form when the table has no row for `iso3`.
struct LabelName {
    std::string text;
    std::string short_text{};
};
LabelName label_name(const std::string& iso3, const std::string& fallback);

std::vector<PlacedLabel> place_labels(std::vector<LabelCandidate> candidates,
                                      const MeasureText& measure, double width,
                                      double height, const LabelOptions& options = {});

}  // namespace deportmap
