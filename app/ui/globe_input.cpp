// Globe navigation from ImGui's input state (see globe_input.hpp).
#include "ui/globe_input.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key codes: ImGui 1.86 indexes io.KeysDown by GLFW key
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace deportmap::ui {

bool GlobeInput::apply(geo::GlobeView& view, int width, int height, double dt_s) {
    const ImGuiIO& io = ImGui::GetIO();
    bool changed = false;
    const double radius = std::max(1.0, view.radius_px(width, height));
    const double deg_per_px = 180.0 / std::numbers::pi / radius;

    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !io.WantCaptureMouse) {
        dragging = true;
        stop();
    }
    if (dragging && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) dragging = false;
    if (dragging) {
        const double dx = static_cast<double>(io.MouseDelta.x) * io.DisplayFramebufferScale.x;
        const double dy = static_cast<double>(io.MouseDelta.y) * io.DisplayFramebufferScale.y;
        if (ImGui::IsMousePosValid() && (dx != 0.0 || dy != 0.0)) {
            const double dlon = -dx * deg_per_px, dlat = dy * deg_per_px;
            view.center_lon += dlon;
            view.center_lat += dlat;
            changed = true;
            if (dt_s > 0.0) {
                // Smoothed velocity, so the last jittery frame does not decide the spin.
                spin_lon = 0.5 * spin_lon + 0.5 * dlon / dt_s;
                spin_lat = 0.5 * spin_lat + 0.5 * dlat / dt_s;
            }
        } else if (dt_s > 0.0) {
            // Holding still before the release: the spin dies out.
            spin_lon *= 0.5;
            spin_lat *= 0.5;
        }
    } else if (spin_lon != 0.0 || spin_lat != 0.0) {
        view.center_lon += spin_lon * dt_s;
        view.center_lat += spin_lat * dt_s;
        const double decay = std::pow(kGlobeInertiaPer16ms, dt_s / 0.016);
        spin_lon *= decay;
        spin_lat *= decay;
        if (std::hypot(spin_lon, spin_lat) < 0.5) stop();
        changed = true;
    }

    if (!io.WantCaptureMouse && io.MouseWheel != 0.0f) {
        view.zoom = std::clamp(view.zoom * std::pow(1.2, static_cast<double>(io.MouseWheel)), 0.5,
                               40.0);
        changed = true;
    }
    if (!io.WantCaptureKeyboard && !io.KeyCtrl && !io.KeyAlt) {
        if (ImGui::IsKeyPressed(GLFW_KEY_R, false)) {
            view = geo::GlobeView{};
            stop();
            changed = true;
        }
        if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL, true) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD, true)) {
            view.zoom = std::min(40.0, view.zoom * 1.25);
            changed = true;
        }
        if (ImGui::IsKeyPressed(GLFW_KEY_MINUS, true) ||
            ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT, true)) {
            view.zoom = std::max(0.5, view.zoom / 1.25);
            changed = true;
        }
    }
    geo::normalize_globe(view);
    return changed;
}

}  // namespace deportmap::ui
