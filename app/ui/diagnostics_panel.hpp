// The window's small overlay above the timeline: the projection and globe switch, and
// with F4 the developer's readout (frame time and rate, the level of detail drawn, zoom,
// the cursor's position, hints); errors from background work show either way. Holds
// only its own UI state.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/geo/projection.hpp"
#include "core/geo/types.hpp"
#include "core/geo/world.hpp"
#include "ui/panel_context.hpp"

namespace deportmap::ui {

// What the overlay shows; filled by the window each frame (read-only here).
struct DiagnosticsInfo {
    // The F4 readout (frame time, level, zoom, cursor, hints) around the projection
    // switch; off: the switch alone, which a user always needs.
    bool readout = true;
    double frame_ms = 0.0;  // mean time between consecutive frames (not idle sleeps)
    double work_ms = 0.0;   // time to prepare and draw a frame, without waiting for vsync
    std::optional<geo::Lod> lod;  // level drawn (nullopt: nothing drawn yet)
    std::array<bool, geo::kLodCount> ready{};
    geo::ProjectionKind shown = geo::ProjectionKind::EqualEarth;
    geo::ProjectionKind requested = geo::ProjectionKind::EqualEarth;
    bool busy = false;  // background preparation running
    bool globe = false;  // the orthographic globe is shown
    double zoom = 1.0;
    std::optional<geo::Vec2> cursor_lonlat;  // degrees, when over the globe
    const std::vector<std::string>* errors = nullptr;  // latest first or last; shown as is
    // Where to put the panel: its bottom-left corner at (left, bottom) in ImGui
    // coordinates; a negative bottom puts it at the top-left of the window.
    float left = 0.0f;
    float bottom = -1.0f;
};

// What the user asked for this frame.
struct DiagnosticsActions {
    std::optional<geo::ProjectionKind> projection;
    std::optional<bool> globe;  // true: switch to the globe; false: back to the flat map
    bool reset_view = false;
    PanelRect rect;  // where the overlay was drawn (empty when it was not)
};

class DiagnosticsPanel {
public:
    // Draws the panel; call between ImGui::NewFrame and ImGui::Render.
    DiagnosticsActions draw(const DiagnosticsInfo& info);

private:
    bool show_help_ = true;  // the controls' reminder line, until dismissed
};

}  // namespace deportmap::ui
