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
// (less margin) and overlaps no kept label. Returns the kept labels in placement order.
std::vector<PlacedLabel> place_labels(std::vector<LabelCandidate> candidates,
                                      const MeasureText& measure, double width,
                                      double height, const LabelOptions& options = {});

}  // namespace deportmap
