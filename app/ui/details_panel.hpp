// The detail panel (right side) for the selected country: its name, its status on the
// current date as a coloured chip with "since" (as precise as the source: "1 July 2025",
// "June 2025", "2025"), totals to date, then its whole history in date order — date,
// status, numbers, summary, and every source (outlet, publisher, date, tier, link; a
// fact resting only on weak sources is marked "single weak source"). A country
// without events says so. The close button (or Esc) clears the selection.
#pragma once
#include <string>

#include "ui/panel_context.hpp"

namespace deportmap::ui {

// What the panel shows about a country on a day; also written by --dump-state.
struct DetailSummary {
    std::string iso3;
    std::string name;
    std::string status;  // status key, empty when none
    std::string since;   // format_date of the setting event, empty when none
    int history = 0;     // number of events
    bool weak_only = false;  // the setting event rests only on weak sources
    int sources = 0;         // sources of the setting event
};
DetailSummary detail_summary(const PanelContext& ctx, int world_index);

class DetailsPanel {
public:
    // Draws the panel when a country is selected; returns its left edge (ctx.right when
    // nothing is drawn).
    float draw(PanelContext& ctx);

private:
    int scrolled_for_ = -1;  // selection the history scroll position belongs to
};

}  // namespace deportmap::ui
