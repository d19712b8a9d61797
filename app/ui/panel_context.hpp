// What every panel gets each frame: the read-only model (data, boundaries), the Scene
// it may change (date, selection, highlight, hidden statuses), the screen areas other
// panels took, and the list of URLs to open. Panels keep their own UI state in their
// own objects; nothing here is static.
#pragma once
#include <string>
#include <vector>

#include "core/geo/world.hpp"
#include "core/scene.hpp"
#include "ui/app_data.hpp"

struct ImFont;

namespace deportmap::ui {

// A panel's rectangle in ImGui coordinates (all zero when it was not drawn).
struct PanelRect {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    bool contains(float x, float y) const { return x >= x0 && x < x1 && y >= y0 && y < y1; }
};

struct PanelContext {
    const AppData& data;
    const geo::World& world;
    Scene& scene;
    ImFont* large_font = nullptr;
    // Screen area the map keeps free of docked panels, in ImGui coordinates.
    float top = 0.0f;
    float bottom = 0.0f;  // the timeline's top edge
    float left = 0.0f;
    float right = 0.0f;
    std::vector<std::string>& open_requests;  // URLs the user clicked

    // The data index of a World country, or -1.
    int data_index(int world_index) const {
        const auto& m = data.world_to_data();
        return world_index >= 0 && static_cast<size_t>(world_index) < m.size()
                   ? m[static_cast<size_t>(world_index)]
                   : -1;
    }
};

// Panel windows' common flags: fixed place, no saved layout, no title bar.
inline constexpr int kDockedPanelFlags = 1 << 0 /*NoTitleBar*/ | 1 << 1 /*NoResize*/ |
                                         1 << 2 /*NoMove*/ | 1 << 5 /*NoCollapse*/ |
                                         1 << 8 /*NoSavedSettings*/;

}  // namespace deportmap::ui
