// What a Scene paints, decided once for every output: the window's map and legend, the
// PNG and SVG exports and the Export dialog's preview all take their fill colours,
// stripes, counts and legend entries from paint_scene() and legend_entries(), so they
// cannot disagree (tests/gui/test_paint_agreement.cpp renders one Scene both ways).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/color.hpp"
#include "core/data/statuses.hpp"
#include "core/data/timeline.hpp"
#include "core/scene.hpp"

namespace deportmap {

struct LegendEntry {
    std::string key;    // status key ("none" for countries without a status)
    std::string label;  // "Agreed"
    Color color;
    int count = 0;      // countries with this status on the date
    // A key rather than a status: a striped swatch (the map's stripes over countries
    // whose status date is known only to the month or year) and no count.
    bool hatched = false;
    int pattern = 0;    // the status's pattern when the scene has patterns (core/patterns.hpp)
    bool operator==(const LegendEntry&) const = default;
};

// Per World country on the scene's date.
struct ScenePaint {
    std::vector<data::StatusIndex> statuses;  // as drawn: kNoStatus where none or hidden
    // Fill colour: the status colour or the theme's no-data colour, dimmed when another
    // status is highlighted; alpha carries the stripe and pattern flags (flags_alpha).
    std::vector<Color> fill;
    // Striped: the status was set by an event dated only to the month or year, and the
    // country is neither hidden nor dimmed by a highlighted status.
    std::vector<uint8_t> striped;
    // The status's pattern (0: none) where the scene has patterns and the country is not
    // dimmed.
    std::vector<uint8_t> pattern;
    // Per StatusIndex: the data's countries holding it on the date, as the window's legend
    // counts them (Timeline::counts_at): hidden statuses and countries the boundaries lack
    // are counted too, so a page and the window never disagree.
    std::vector<int> counts;
    int unmarked = 0;  // World countries with no status on the date (hidden ones excepted)
};

void paint_scene(const Scene& scene, const data::Timeline& timeline,
                 const std::vector<int>& world_to_data, ScenePaint& out);

// The legend of a ScenePaint: each legend status that is not hidden with its count,
// "No known request" with paint.unmarked, and the stripes' key when `stripes_key`.
std::vector<LegendEntry> legend_entries(const Scene& scene, const data::StatusTable& table,
                                        const ScenePaint& paint, bool stripes_key);

// The pattern of status `s` in `table` (by its place in the legend), 0 for none.
int status_pattern(const data::StatusTable& table, data::StatusIndex s);

// A status's fill colour in a theme.
Color status_fill(const data::Status& status, Theme theme);

}  // namespace deportmap
