// Greedy label placement (see labels.hpp). Boxes are few (one per country with a status,
// at most a few hundred), so the overlap test is a plain scan over kept boxes.
#include "core/labels.hpp"

#include <algorithm>

namespace deportmap {

static bool overlaps(const geo::BBox& a, const geo::BBox& b) {
    return a.min_x < b.max_x && b.min_x < a.max_x && a.min_y < b.max_y && b.min_y < a.max_y;
}

std::vector<PlacedLabel> place_labels(std::vector<LabelCandidate> candidates,
                                      const MeasureText& measure, double width,
                                      double height, const LabelOptions& options) {
    std::stable_sort(candidates.begin(), candidates.end(),
                     [](const LabelCandidate& a, const LabelCandidate& b) {
                         if (a.priority != b.priority) return a.priority > b.priority;
                         return a.country < b.country;
                     });
    std::vector<PlacedLabel> placed;
    std::vector<geo::BBox> grown;
    const double pad = options.padding_px * 0.5;
    for (LabelCandidate& c : candidates) {
        if (c.text.empty()) continue;
        const geo::Vec2 size = measure(c.text);
        if (!(size.x > 0.0) || !(size.y > 0.0)) continue;
        geo::BBox box;
        box.add(geo::Vec2{c.anchor.x - size.x * 0.5, c.anchor.y - size.y * 0.5});
        box.add(geo::Vec2{c.anchor.x + size.x * 0.5, c.anchor.y + size.y * 0.5});
        if (box.min_x < options.margin_px || box.min_y < options.margin_px ||
            box.max_x > width - options.margin_px || box.max_y > height - options.margin_px)
            continue;
        geo::BBox g = box;
        g.min_x -= pad;
        g.min_y -= pad;
        g.max_x += pad;
        g.max_y += pad;
        if (std::any_of(grown.begin(), grown.end(),
                        [&](const geo::BBox& o) { return overlaps(o, g); }))
            continue;
        grown.push_back(g);
        placed.push_back({c.country, std::move(c.text), box});
    }
    return placed;
}

}  // namespace deportmap
