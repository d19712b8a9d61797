// Greedy label placement (see labels.hpp). Boxes are few (one per country with a status,
// at most a few hundred), so the overlap test is a plain scan over kept boxes.
#include "core/labels.hpp"

#include <algorithm>
#include <unordered_map>

#include "core/data/csv.hpp"
#include "core/data/text.hpp"
#include "core/util/paths.hpp"

namespace deportmap {

namespace {

// assets/label_names.csv (iso3,name,short), read once.
const std::unordered_map<std::string, LabelName>& label_table() {
    static const std::unordered_map<std::string, LabelName> table = [] {
        std::unordered_map<std::string, LabelName> t;
        std::string text, error;
        if (!data::read_text_file(data_path("assets/label_names.csv"), text, error)) return t;
        const data::CsvText csv = data::parse_csv(text);
        for (size_t r = 1; r < csv.records.size(); ++r) {
            const auto& f = csv.records[r].fields;
            if (f.size() < 3 || f[0].empty() || f[1].empty()) continue;
            t.emplace(std::string(data::trim(f[0])), LabelName{std::string(data::trim(f[1])), std::string(data::trim(f[2]))});
        }
        return t;
    }();
    return table;
}

}  // namespace

LabelName label_name(const std::string& iso3, const std::string& fallback) {
    const auto& t = label_table();
    const auto it = t.find(iso3);
    return it == t.end() ? LabelName{fallback, ""} : it->second;
}

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
    // The box `text` takes at `anchor`, grown by the padding, if it fits; else empty.
    auto try_place = [&](const std::string& text, geo::Vec2 anchor, geo::BBox& box, geo::BBox& g) {
        if (text.empty()) return false;
        const geo::Vec2 size = measure(text);
        if (!(size.x > 0.0) || !(size.y > 0.0)) return false;
        box = geo::BBox{};
        box.add(geo::Vec2{anchor.x - size.x * 0.5, anchor.y - size.y * 0.5});
        box.add(geo::Vec2{anchor.x + size.x * 0.5, anchor.y + size.y * 0.5});
        if (box.min_x < options.margin_px || box.min_y < options.margin_px ||
            box.max_x > width - options.margin_px || box.max_y > height - options.margin_px) {
            return false;
        }
        g = box;
        g.min_x -= pad;
        g.min_y -= pad;
        g.max_x += pad;
        g.max_y += pad;
        return !std::any_of(grown.begin(), grown.end(), [&](const geo::BBox& o) { return overlaps(o, g); });
    };
    for (LabelCandidate& c : candidates) {
        geo::BBox box, g;
        std::string* chosen = &c.text;
        if (!try_place(c.text, c.anchor, box, g)) {
            if (c.short_text.empty() || c.short_text == c.text) continue;
            geo::Vec2 anchor = c.anchor;
            if (c.keep_left && !c.text.empty()) anchor.x -= (measure(c.text).x - measure(c.short_text).x) * 0.5;
            if (!try_place(c.short_text, anchor, box, g)) continue;
            chosen = &c.short_text;
        }
        grown.push_back(g);
        placed.push_back({c.country, std::move(*chosen), box});
    }
    return placed;
}

}  // namespace deportmap
