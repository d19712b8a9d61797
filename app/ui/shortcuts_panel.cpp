// Keyboard shortcuts window (see shortcuts_panel.hpp).
#include "ui/shortcuts_panel.hpp"

#include <imgui.h>

namespace deportmap::ui {
namespace {

struct Shortcut {
    const char* keys;
    const char* does;
};
constexpr Shortcut kShortcuts[] = {
    {"Space", "play or pause the timeline"},
    {"Left / Right, , / .", "previous / next event day"},
    {"Home / End", "first event / latest date"},
    {"Ctrl+F or /", "find a country"},
    {"Ctrl+E", "export the view (PNG, SVG, PDF or HTML)"},
    {"Ctrl+= / Ctrl+- / Ctrl+0", "larger, smaller or the usual text and panels"},
    {"Esc", "clear the selection (or close the search)"},
    {"click a country", "select it: details on the right"},
    {"drag, wheel", "pan, zoom about the cursor"},
    {"+ / -", "zoom in / out"},
    {"Shift + arrows", "pan"},
    {"R", "reset the view"},
    {"T", "light or dark theme"},
    {"L", "labels on or off"},
    {"F2 / F3 / F4", "legend / timeline / status overlay on or off"},
    {"F5", "presenter mode (PageDown / PageUp step, B black, W white, Esc leaves)"},
    {"P", "in presenter mode: the presenter view (notes, next step, timer)"},
    {"F6", "the Story panel: add the view as a step, edit, reorder, save"},
    {"Ctrl+S", "save the story (while the Story panel is open)"},
    {"?  or F1", "this list"},
    {"drop a file", "CSV/XLSX/ODS: add events; GeoPackage/Shapefile/GeoJSON: boundaries"},
};

}  // namespace

void ShortcutsPanel::draw(Scene& scene, PanelVisibility& panels, float& ui_scale) {
    if (!open_) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f,
                                   vp->WorkPos.y + vp->WorkSize.y * 0.45f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("Keyboard shortcuts and view###shortcuts", &open_,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove)) {
        if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
            for (const Shortcut& s : kShortcuts) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(s.keys);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(s.does);
            }
            ImGui::EndTable();
        }
        ImGui::Separator();
        bool dark = scene.theme == Theme::Dark;
        if (ImGui::Checkbox("Dark theme", &dark)) scene.theme = dark ? Theme::Dark : Theme::Light;
        ImGui::SameLine();
        ImGui::Checkbox("Labels", &scene.labels);
        ImGui::SameLine();
        ImGui::Checkbox("Patterns (greyscale print)", &scene.patterns);
        ImGui::TextUnformatted("Panels:");
        ImGui::SameLine();
        ImGui::Checkbox("Legend", &panels.legend);
        ImGui::SameLine();
        ImGui::Checkbox("Timeline", &panels.timeline);
        ImGui::SameLine();
        ImGui::Checkbox("Details", &panels.details);
        ImGui::SameLine();
        ImGui::Checkbox("Diagnostics (F4)", &panels.diagnostics);
        ImGui::SameLine();
        ImGui::Checkbox("Story (F6)", &panels.story);
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
        ImGui::SliderFloat("Text and panel size (Ctrl+= / Ctrl+-)", &ui_scale, kMinUiScale, kMaxUiScale, "%.2fx");
        ui_scale = clamp_ui_scale(ui_scale);
    }
    ImGui::End();
}

}  // namespace deportmap::ui
