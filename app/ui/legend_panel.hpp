// The legend and the headline (top left). The headline says in words how many countries
// hold each status on the current date, and puts the report's stated figure (58, with
// its source) beside the number of countries the data names, how many statuses rest only
// on weak sources, and the date the data runs through. The legend lists each
// status with its colour, label and count; hovering an entry highlights its countries
// (Scene::highlighted_status), clicking hides or shows them (Scene::hidden_statuses).
#pragma once
#include <string>
#include <vector>

#include <imgui.h>

#include "core/data/statuses.hpp"
#include "ui/panel_context.hpp"

namespace deportmap::ui {

// The legend's width in font heights with the summary shown, and compact (the default:
// the data's title and one line per status).
inline constexpr float kLegendWidthEm = 21.0f;
inline constexpr float kLegendCompactWidthEm = 14.0f;


class LegendPanel {
public:
    // Draws the legend (with the summary when `summary`; its button flips `summary`) and
    // updates the scene's highlight and hidden statuses. Returns the bottom edge (ImGui
    // coordinates) of what it drew.
    float draw(PanelContext& ctx, bool& summary);
    // Its width in ImGui pixels as last drawn (compact or with the summary).
    float width_px() const;
    // Where it was drawn in the last frame.
    const PanelRect& rect() const { return rect_; }

    // Scripted hover (tests, --actions hover-legend:KEY): the entry stays hovered as if
    // the mouse were on it; kNoStatus clears it.
    void force_hover(data::StatusIndex status) { forced_hover_ = status; }
    // The entry hovered in the last frame (mouse or scripted), or kNoStatus.
    data::StatusIndex hovered() const { return hovered_; }
    // Counts per status (StatusIndex order) on the last drawn date.
    const std::vector<int>& counts() const { return counts_; }
    // The headline as drawn in the last frame.
    const std::string& headline() const { return headline_; }

private:
    void draw_summary(PanelContext& ctx);
    void draw_entries(PanelContext& ctx, float row_w);
    void draw_stripes_key();
    static void draw_pattern_swatch(ImDrawList* dl, ImVec2 at, float size, int pattern, Color fill);

    bool summary_ = false;
    PanelRect rect_;
    data::StatusIndex forced_hover_ = data::kNoStatus;
    data::StatusIndex hovered_ = data::kNoStatus;
    std::vector<int> counts_;
    std::string headline_;
};

// The headline sentence for `counts` on `day` (exposed for tests).
std::string headline_text(const data::StatusTable& table, const std::vector<int>& counts,
                          data::Day day, int weak_only = 0);

}  // namespace deportmap::ui
