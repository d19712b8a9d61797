// Mouse and keyboard on the map: drag pans, the wheel zooms about the cursor, +/- zoom,
// Shift+arrows (and Up/Down) pan, R resets (Left/Right and Home/End belong to the
// timeline). Input that ImGui wants (a click on a
// panel, typing in a field) is left to ImGui. Reads ImGui's input state only.
#pragma once
#include <optional>

#include "core/geo/projection.hpp"
#include "core/geo/types.hpp"
#include "core/view.hpp"

namespace deportmap::ui {

// Wheel zoom per notch, and the keyboard's zoom and pan steps.
inline constexpr double kWheelZoomStep = 1.2;
inline constexpr double kKeyZoomStep = 1.25;
inline constexpr double kKeyPanFraction = 0.1;  // of the viewport per key press

struct MapInput {
    bool dragging = false;  // a left-button drag that started on the map

    // Applies this frame's input to `camera` for a framebuffer of width x height
    // pixels showing `world` bounds. Call between ImGui::NewFrame and ImGui::Render.
    // Returns true when the camera changed.
    bool apply(Camera& camera, const geo::BBox& world, int width, int height);
};

// The camera showing the whole world, centred.
Camera home_camera(const geo::BBox& world);
// The world fitted into the band of a width x height viewport from its top down to
// `free_bottom` pixels (above the timeline), centred in it; at least half the height.
Camera home_camera(const geo::BBox& world, double width, double height, double free_bottom);
// Keeps the camera's centre inside the world's bounds, so the map cannot be lost.
void clamp_camera(Camera& camera, const geo::BBox& world);
// After a change of projection: centres the new map on the same longitude/latitude
// and keeps the zoom; falls back to the home view when the old centre has no
// geographic position (outside the globe).
void carry_camera(Camera& camera, const geo::Projector& from, const geo::Projector& to,
                  const geo::BBox& to_world);

// The mouse position in framebuffer pixels, or nullopt when it is outside the window
// or over an ImGui panel.
std::optional<geo::Vec2> map_cursor_pixel();

}  // namespace deportmap::ui
