// The data problems panel (see errors_panel.hpp).
#include "ui/errors_panel.hpp"

#include <imgui.h>

namespace deportmap::ui {

void ErrorsPanel::draw(PanelContext& ctx, const std::vector<std::string>& extra) {
    // Warnings (facts resting only on weak sources) are shown where the fact is, in the
    // details panel and the legend's headline; this panel is for errors.
    std::vector<const data::Problem*> problems;  // the errors, pointed at (not copied each frame)
    for (const data::Problem& p : ctx.data.dataset().problems()) {
        if (!p.warning) problems.push_back(&p);
    }
    const auto& notes = ctx.data.messages();
    const std::vector<int> not_drawn = countries_not_in_world(ctx.data.timeline(), ctx.data.world_to_data());
    const size_t total = problems.size() + notes.size() + extra.size() + not_drawn.size();
    if (total == 0) {
        open_ = false;
        return;
    }
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float font = ImGui::GetFontSize();
    const float pad = ImGui::GetStyle().WindowPadding.x;
    if (!open_) {
        // The notice: a button at the top centre.
        ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, ctx.top + pad),
                                ImGuiCond_Always, ImVec2(0.5f, 0.0f));
        ImGui::SetNextWindowBgAlpha(0.9f);
        if (ImGui::Begin("##problems_notice", nullptr,
                         kDockedPanelFlags | ImGuiWindowFlags_AlwaysAutoResize |
                             ImGuiWindowFlags_NoFocusOnAppearing)) {
            std::string label;
            if (!problems.empty()) {
                label = std::to_string(problems.size()) +
                        (problems.size() == 1 ? " problem" : " problems") + " in the data";
            } else {
                label = std::to_string(total) + (total == 1 ? " message" : " messages");
            }
            if (total > seen_) label += " (new)";
            ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.80f, 0.30f, 0.15f, 0.85f));
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.90f, 0.35f, 0.18f, 1.0f));
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
            if (ImGui::Button(label.c_str())) {
                open_ = true;
                seen_ = total;
            }
            ImGui::PopStyleColor(3);
        }
        ImGui::End();
        return;
    }
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, ctx.top + pad),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(std::min(font * 48.0f, vp->WorkSize.x - 2 * pad),
                                    std::min(font * 22.0f, ctx.bottom - ctx.top - 2 * pad)),
                             ImGuiCond_Appearing);
    if (ImGui::Begin("Problems with the data###problems", &open_, ImGuiWindowFlags_NoSavedSettings)) {
        ImGui::PushTextWrapPos(0.0f);
        if (!problems.empty()) {
            const std::string head = std::to_string(problems.size()) +
                                     " rows or fields were left out; every good row is loaded.";
            ImGui::TextUnformatted(head.c_str());
            ImGui::Separator();
            for (const data::Problem* p : problems) {
                const std::string line = p->to_string();
                ImGui::TextUnformatted(line.c_str());
            }
        }
        if (!not_drawn.empty()) {
            if (!problems.empty()) ImGui::Separator();
            const std::string head = std::to_string(not_drawn.size()) +
                                     (not_drawn.size() == 1 ? " country of the data is" : " countries of the data are") +
                                     " not in the boundaries: counted in the legend, not drawn.";
            ImGui::TextUnformatted(head.c_str());
            const std::string names = country_list_text(ctx.data.countries(), not_drawn);
            ImGui::TextUnformatted(names.c_str());
        }
        if (!notes.empty() || !extra.empty()) {
            if (!problems.empty() || !not_drawn.empty()) ImGui::Separator();
            ImGui::TextDisabled("Loading");
            for (const std::string& m : notes) ImGui::TextUnformatted(m.c_str());
            for (const std::string& m : extra) ImGui::TextUnformatted(m.c_str());
        }
        ImGui::PopTextWrapPos();
    }
    ImGui::End();
    if (!open_) seen_ = total;
}

}  // namespace deportmap::ui
