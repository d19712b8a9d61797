// Fill colours, stripes, counts and legend entries of a Scene (see paint.hpp).
#include "core/paint.hpp"

#include <algorithm>

#include "core/patterns.hpp"

namespace deportmap {

int status_pattern(const data::StatusTable& table, data::StatusIndex s) {
    const std::vector<data::StatusIndex> order = table.legend();
    const auto it = std::find(order.begin(), order.end(), s);
    return it == order.end() ? 0 : pattern_for_legend_position(static_cast<int>(it - order.begin()));
}

Color status_fill(const data::Status& status, Theme theme) {
    return theme == Theme::Dark ? status.colour_dark : status.colour_light;
}

void paint_scene(const Scene& scene, const data::Timeline& timeline,
                 const std::vector<int>& world_to_data, ScenePaint& out) {
    world_statuses(scene, timeline, world_to_data, out.statuses);
    world_colors(scene, timeline, world_to_data, out.fill);
    std::vector<bool> approximate;
    world_approximate(scene, timeline, world_to_data, approximate);
    out.striped.assign(out.statuses.size(), 0);
    out.pattern.assign(out.statuses.size(), 0);
    for (size_t i = 0; i < out.statuses.size(); ++i) {
        const bool dimmed = scene_dims(scene, out.statuses[i]);
        out.striped[i] = approximate[i] && !dimmed;
        if (scene.patterns && !dimmed && out.statuses[i] != data::kNoStatus) {
            out.pattern[i] = static_cast<uint8_t>(status_pattern(timeline.statuses(), out.statuses[i]));
        }
        // The map shader reads the stripes and the pattern from the alpha.
        out.fill[i].a = flags_alpha(out.striped[i] != 0, out.pattern[i]);
    }
    timeline.counts_at(scene.date, out.counts);
    out.counts.resize(timeline.statuses().size(), 0);
    // The map's countries without a status; hidden statuses are not "no request".
    Scene every = scene;
    every.hidden_statuses.clear();
    std::vector<data::StatusIndex> all;
    world_statuses(every, timeline, world_to_data, all);
    out.unmarked = static_cast<int>(std::count(all.begin(), all.end(), data::kNoStatus));
}

std::vector<LegendEntry> legend_entries(const Scene& scene, const data::StatusTable& table,
                                        const ScenePaint& paint, bool stripes_key) {
    const ThemeColors& colors = theme_colors(scene.theme);
    std::vector<LegendEntry> legend;
    for (const data::StatusIndex s : table.legend()) {
        const size_t i = static_cast<size_t>(s);
        const int n = i < paint.counts.size() ? paint.counts[i] : 0;
        if (i < scene.hidden_statuses.size() && scene.hidden_statuses[i]) continue;  // not on the map
        LegendEntry entry{table[i].key, table[i].label, status_fill(table[i], scene.theme), n};
        if (scene.patterns) entry.pattern = status_pattern(table, s);
        legend.push_back(entry);
    }
    legend.push_back({"none", "No known request", colors.no_data, std::max(0, paint.unmarked)});
    if (stripes_key) {
        LegendEntry key{"approximate", "Date known only to the month or year", colors.muted_text, 0};
        key.hatched = true;
        legend.push_back(key);
    }
    return legend;
}

}  // namespace deportmap
