// One frame's working state in the window program (window_frame.cpp), and the small
// helpers its steps share.
#pragma once
#include <chrono>
#include <optional>
#include <string>

#include "core/geo/projection.hpp"
#include "core/view.hpp"
#include "platform/glfw_window.hpp"
#include "render/map_renderer.hpp"
#include "ui/map_app.hpp"
#include "ui/window_program.hpp"

namespace deportmap::ui {

// "deportmap — Equal Earth".
std::string window_title(geo::ProjectionKind kind);

struct WindowProgram::Frame {
    Clock::time_point work_start;
    Clock::time_point stage_start;  // --bench-frames: the current stage's start
    double cpu_at_start = 0.0;      // process CPU ms (--bench-frames)
    double now_s = 0.0;
    double dt_s = 0.0;
    bool sleep = false;    // this frame waited for an event
    bool closing = false;  // the window was asked to close
    bool changed = false;  // something changed: keep drawing
    platform::PixelSize fb;
    float scale = 1.0f;
    bool globe_active = false;
    geo::Lod globe_lod = geo::Lod::k110m;
    std::optional<geo::Lod> pick_lod;  // the level picked on (the one drawn)
    std::optional<geo::Lod> drawn_lod;
    ViewTransform view;
    std::optional<FrameArgs> args;
    FrameResult result;
    render::DrawParams params;
};

}  // namespace deportmap::ui
