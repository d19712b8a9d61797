// The status overlay panel (see diagnostics_panel.hpp).
#include "ui/diagnostics_panel.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>
#include <string>

namespace deportmap::ui {
namespace {

// "12.3° N, 45.6° W" for the cursor readout.
std::string format_lonlat(geo::Vec2 lonlat) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f\xC2\xB0 %c, %.2f\xC2\xB0 %c", std::fabs(lonlat.y),
                  lonlat.y >= 0 ? 'N' : 'S', std::fabs(lonlat.x), lonlat.x >= 0 ? 'E' : 'W');
    return buf;
}

std::string level_text(const DiagnosticsInfo& info) {
    std::string text = info.lod ? std::string("1:") + geo::lod_name(*info.lod) : "none";
    if (!info.ready[static_cast<size_t>(geo::Lod::k10m)]) text += "  (10m loading\xE2\x80\xA6)";
    return text;
}

}  // namespace

DiagnosticsActions DiagnosticsPanel::draw(const DiagnosticsInfo& info) {
    DiagnosticsActions actions;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const float pad = ImGui::GetStyle().WindowPadding.x;
    if (info.bottom >= 0.0f) {
        ImGui::SetNextWindowPos(ImVec2(info.left + pad, info.bottom - pad), ImGuiCond_Always,
                                ImVec2(0.0f, 1.0f));
    } else {
        ImGui::SetNextWindowPos(ImVec2(viewport->WorkPos.x + pad, viewport->WorkPos.y + pad),
                                ImGuiCond_Always);
    }
    ImGui::SetNextWindowBgAlpha(0.88f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration |
                                   ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoMove;
    if (!ImGui::Begin("##overlay", nullptr, flags)) {
        ImGui::End();
        return actions;
    }

    if (info.readout) {
        const double fps = info.frame_ms > 0.0 ? 1000.0 / info.frame_ms : 0.0;
        ImGui::Text("%.1f ms/frame (%.0f fps), work %.1f ms", info.frame_ms, fps, info.work_ms);
        ImGui::TextUnformatted("Detail");
        ImGui::SameLine();
        ImGui::TextUnformatted(level_text(info).c_str());
        ImGui::SameLine();
        ImGui::Text("  zoom %.1fx", info.zoom);
    }

    // Projection switcher: every projection the core offers, then the globe.
    const std::string current = info.globe ? std::string("Orthographic globe")
                                           : std::string(geo::projection_label(info.requested));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 11.0f);
    if (ImGui::BeginCombo("Projection", current.c_str())) {
        for (geo::ProjectionKind kind : geo::all_projections()) {
            const std::string label(geo::projection_label(kind));
            ImGui::PushID(static_cast<int>(kind));
            const bool selected = !info.globe && kind == info.requested;
            if (ImGui::Selectable(label.c_str(), selected) && !selected) {
                if (kind != info.requested) actions.projection = kind;
                if (info.globe) actions.globe = false;
            }
            if (selected) ImGui::SetItemDefaultFocus();
            ImGui::PopID();
        }
        if (ImGui::Selectable("Orthographic globe", info.globe) && !info.globe) {
            actions.globe = true;
        }
        ImGui::EndCombo();
    }
    if (!info.globe && info.requested != info.shown) {
        ImGui::SameLine();
        ImGui::TextDisabled("preparing\xE2\x80\xA6");
    }

    // Without the readout: the switch alone (background errors below still show).
    if (info.readout && info.cursor_lonlat) {
        ImGui::TextUnformatted(format_lonlat(*info.cursor_lonlat).c_str());
    } else if (info.readout) {
        ImGui::TextDisabled("\xE2\x80\x94");
    }

    if (show_help_ && info.readout) {
        ImGui::Separator();
        ImGui::TextDisabled("Drag to pan, wheel to zoom, R to reset, ? for keys");
        ImGui::SameLine();
        if (ImGui::SmallButton("Reset")) actions.reset_view = true;
        ImGui::SameLine();
        if (ImGui::SmallButton("Hide")) show_help_ = false;
    }

    if (info.errors != nullptr && !info.errors->empty()) {
        ImGui::Separator();
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.70f, 0.10f, 0.10f, 1.0f));
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        for (const std::string& e : *info.errors) ImGui::TextUnformatted(e.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
    }
    const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    actions.rect = {pos.x, pos.y, pos.x + size.x, pos.y + size.y};
    ImGui::End();
    return actions;
}

}  // namespace deportmap::ui
