// Map navigation from ImGui's input state (see map_input.hpp).
#include "ui/map_input.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key codes: ImGui 1.86 indexes io.KeysDown by GLFW key
#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace deportmap::ui {
namespace {

geo::Vec2 to_framebuffer(ImVec2 p) {
    const ImGuiIO& io = ImGui::GetIO();
    return {static_cast<double>(p.x) * io.DisplayFramebufferScale.x,
            static_cast<double>(p.y) * io.DisplayFramebufferScale.y};
}

bool pressed(int key) { return ImGui::IsKeyPressed(key, true); }

}  // namespace

Camera home_camera(const geo::BBox& world) {
    Camera c;
    if (!world.empty()) c.center = world.center();
    c.zoom = 1.0;
    return c;
}

Camera home_camera(const geo::BBox& world, double width, double height, double free_bottom) {
    Camera c = home_camera(world);
    if (world.empty() || !(width > 0.0) || !(height > 0.0)) return c;
    const double band = std::clamp(free_bottom, height * 0.5, height);
    const ViewTransform full = fit_bounds(world, width, height);
    const ViewTransform part = fit_bounds(world, width, band);
    c.zoom = part.scale_x / full.scale_x;
    // The world's centre at the middle of the band: py = height/2 + (centre.y - y) * s.
    c.center.y = world.center().y - (height - band) * 0.5 / part.scale_x;
    return c;
}

void clamp_camera(Camera& camera, const geo::BBox& world) {
    if (world.empty()) return;
    camera.center.x = std::clamp(camera.center.x, world.min_x, world.max_x);
    camera.center.y = std::clamp(camera.center.y, world.min_y, world.max_y);
}

void carry_camera(Camera& camera, const geo::Projector& from, const geo::Projector& to,
                  const geo::BBox& to_world) {
    const double zoom = camera.zoom;
    const auto lonlat = from.inverse(camera.center);
    if (!lonlat || !std::isfinite(lonlat->x) || !std::isfinite(lonlat->y)) {
        camera = home_camera(to_world);
        return;
    }
    const geo::Vec2 xy = to.forward(*lonlat);
    if (!std::isfinite(xy.x) || !std::isfinite(xy.y)) {
        camera = home_camera(to_world);
        return;
    }
    camera.center = xy;
    camera.zoom = zoom;
    clamp_camera(camera, to_world);
}

std::optional<geo::Vec2> map_cursor_pixel() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantCaptureMouse || !ImGui::IsMousePosValid(&io.MousePos)) return std::nullopt;
    if (io.MousePos.x < 0 || io.MousePos.y < 0 || io.MousePos.x >= io.DisplaySize.x ||
        io.MousePos.y >= io.DisplaySize.y) {
        return std::nullopt;
    }
    return to_framebuffer(io.MousePos);
}

bool MapInput::apply(Camera& camera, const geo::BBox& world, int width, int height) {
    if (width <= 0 || height <= 0 || world.empty()) return false;
    const ImGuiIO& io = ImGui::GetIO();
    const double w = width, h = height;
    bool changed = false;

    // Mouse: a drag belongs to the map only when it started outside ImGui's panels.
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !io.WantCaptureMouse) dragging = true;
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) dragging = false;
    if (dragging && (io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f) &&
        ImGui::IsMousePosValid(&io.MousePos)) {
        camera.pan_pixels(to_framebuffer(io.MouseDelta), world, w, h);
        changed = true;
    }
    if (!io.WantCaptureMouse && io.MouseWheel != 0.0f) {
        if (auto anchor = map_cursor_pixel()) {
            camera.zoom_about(std::pow(kWheelZoomStep, static_cast<double>(io.MouseWheel)),
                              *anchor, world, w, h);
            changed = true;
        }
    }

    // Keyboard, unless a text field or panel has it (Ctrl with + and - sizes the UI).
    if (!io.WantCaptureKeyboard && !io.KeyCtrl) {
        const geo::Vec2 middle{w * 0.5, h * 0.5};
        if (pressed(GLFW_KEY_R)) {
            camera = home_camera(world);
            dragging = false;
            changed = true;
        }
        if (pressed(GLFW_KEY_EQUAL) || pressed(GLFW_KEY_KP_ADD)) {
            camera.zoom_about(kKeyZoomStep, middle, world, w, h);
            changed = true;
        }
        if (pressed(GLFW_KEY_MINUS) || pressed(GLFW_KEY_KP_SUBTRACT)) {
            camera.zoom_about(1.0 / kKeyZoomStep, middle, world, w, h);
            changed = true;
        }
        // Shift+arrows pan (plain Left/Right step the timeline); Up/Down pan either way.
        const double step = kKeyPanFraction * std::min(w, h);
        geo::Vec2 pan{0.0, 0.0};
        if (io.KeyShift && pressed(GLFW_KEY_LEFT)) pan.x += step;
        if (io.KeyShift && pressed(GLFW_KEY_RIGHT)) pan.x -= step;
        if (pressed(GLFW_KEY_UP)) pan.y += step;
        if (pressed(GLFW_KEY_DOWN)) pan.y -= step;
        if (pan.x != 0.0 || pan.y != 0.0) {
            camera.pan_pixels(pan, world, w, h);
            changed = true;
        }
    }
    if (changed) clamp_camera(camera, world);
    return changed;
}

}  // namespace deportmap::ui
