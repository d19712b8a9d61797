// Mouse and keyboard on the orthographic globe: a left-button drag rotates it (the
// point under the cursor follows the cursor, one radius of drag turning it by one
// radian), releasing keeps it spinning with inertia that decays by 0.9 per 16 ms, the
// wheel zooms (x1.2 per notch, 0.5x to 40x), R resets. Input ImGui wants is left to it.
#pragma once
#include "core/geo/globe.hpp"

namespace deportmap::ui {

inline constexpr double kGlobeInertiaPer16ms = 0.9;

struct GlobeInput {
    bool dragging = false;
    double spin_lon = 0.0;  // degrees per second, while coasting after a drag
    double spin_lat = 0.0;

    // Applies this frame's input (dt_s seconds since the last frame) to `view` for a
    // width x height framebuffer. Call between ImGui::NewFrame and ImGui::Render.
    // Returns true when the view changed (keep drawing frames while it does).
    bool apply(geo::GlobeView& view, int width, int height, double dt_s);
    // Stops any spin (e.g. on a reset).
    void stop() { spin_lon = spin_lat = 0.0; }
};

}  // namespace deportmap::ui
