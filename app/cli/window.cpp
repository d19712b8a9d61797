// The default command: the interactive map window. Decides it is headless before
// creating anything, loads the world, opens the GLFW window, then runs the frame loop
// (input -> camera, background work -> renderer, map + ImGui overlay, optional
// screenshot of the last frame).
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "core/export/png.hpp"
#include "core/geo/world.hpp"
#include "core/view.hpp"
#include "platform/framebuffer_readback.hpp"
#include "platform/glfw_window.hpp"
#include "render/map_renderer.hpp"
#include "ui/imgui_layer.hpp"
#include "ui/map_input.hpp"
#include "ui/map_session.hpp"
#include "ui/overlay_panel.hpp"
#include "ui/window_options.hpp"

namespace deportmap::cli {
namespace {

constexpr const char* kHeadlessHint =
    "use 'deportmap export --out map.png' to render without a window";
constexpr size_t kMaxShownErrors = 3;
// Frames still drawn after the last change (ImGui settles hover and release states),
// then the loop sleeps, waking at least this often.
constexpr int kSettleFrames = 3;
constexpr double kIdleWakeSeconds = 2.0;

std::string window_title(geo::ProjectionKind kind) {
    return "deportmap \xE2\x80\x94 " + std::string(geo::projection_label(kind));
}

// The cursor's longitude/latitude when it is over the globe, else nullopt.
std::optional<geo::Vec2> cursor_lonlat(const ui::MapSession& session, const ViewTransform& view) {
    const auto px = ui::map_cursor_pixel();
    if (!px) return std::nullopt;
    const geo::Vec2 xy = view.to_map(*px);
    const geo::ProjectedWorld& pw = session.projected();
    if (!pw.outline.empty()) {
        geo::Polygon globe;
        globe.rings.push_back(pw.outline);
        if (!geo::point_in_polygon(globe, xy)) return std::nullopt;
    }
    auto ll = session.projector().inverse(xy);
    if (!ll || !std::isfinite(ll->x) || !std::isfinite(ll->y) || std::fabs(ll->x) > 180.0 ||
        std::fabs(ll->y) > 90.0) {
        return std::nullopt;
    }
    return ll;
}

// Mean of the last few samples (frame times, work times) for the overlay. The first frame (shader
// compilation, first uploads) is left out so it does not dominate the readout.
class RecentMean {
public:
    void add(double sample) {
        if (!skipped_first_) {
            skipped_first_ = true;
            return;
        }
        samples_[next_ % samples_.size()] = sample;
        ++next_;
    }
    double value() const {
        const size_t n = std::min(next_, samples_.size());
        if (n == 0) return 0.0;
        double sum = 0.0;
        for (size_t i = 0; i < n; ++i) sum += samples_[i];
        return sum / static_cast<double>(n);
    }

private:
    std::array<double, 30> samples_{};
    size_t next_ = 0;
    bool skipped_first_ = false;
};

}  // namespace

int run_window(const Argv& args) {
    const ui::WindowOptions options = ui::parse_window_options(args);
    if (options.help) {
        std::puts(ui::window_usage());
        return 0;
    }
    // Decide headless before creating anything (no window, no GL, no data loading).
    if (auto reason = platform::missing_display_reason()) {
        std::fprintf(stderr, "deportmap: no display available (%s); %s\n", reason->c_str(),
                     kHeadlessHint);
        return 1;
    }

    std::shared_ptr<const geo::World> world;
    try {
        world = std::make_shared<const geo::World>(geo::load_world(options.boundaries));
    } catch (const geo::GeoError& e) {
        std::fprintf(stderr, "deportmap: %s\n", e.what());
        return 1;
    }
    ui::MapSession session(world, options.projection);

    platform::WindowConfig config;
    config.title = window_title(options.projection);
    config.width = options.width;
    config.height = options.height;
    config.scale_to_monitor = !options.size_given;
    std::unique_ptr<platform::GlfwWindow> window;
    try {
        window = std::make_unique<platform::GlfwWindow>(config);
    } catch (const platform::DisplayUnavailable& e) {
        std::fprintf(stderr, "deportmap: %s; %s\n", e.what(), kHeadlessHint);
        return 1;
    }

    render::MapRenderer renderer;
    renderer.upload(session.projected());
    ui::ImGuiLayer imgui(window->handle(), window->content_scale());
    // Finished background work wakes the loop while it sleeps; the guard stops that
    // before the window (and GLFW) go away.
    session.set_wake_callback(platform::post_empty_event);
    struct WakeGuard {
        ui::MapSession& session;
        ~WakeGuard() { session.set_wake_callback({}); }
    } wake_guard{session};

    ui::MapInput input;
    ui::OverlayPanel overlay;
    Camera camera = ui::home_camera(session.projected().world_bounds);
    std::vector<std::string> errors;
    RecentMean work_ms;
    RecentMean frame_ms;
    long long frames_drawn = 0;
    int quiet_frames = 0;  // frames in a row in which nothing changed
    platform::PixelSize last_fb;
    float last_scale = 0.0f;
    platform::RgbaPixels screenshot;

    using Clock = std::chrono::steady_clock;
    auto last_frame_start = Clock::now();
    for (;;) {
        // Redraw continuously while something changes; when idle, sleep until an
        // event (input, expose, finished background work) or the timeout.
        const bool sleep = !options.frames && quiet_frames >= kSettleFrames;
        if (sleep) {
            window->wait_events(kIdleWakeSeconds);
        } else {
            window->poll_events();
        }
        const bool closing = window->should_close();
        const platform::PixelSize fb = window->framebuffer_size();
        if (fb.width <= 0 || fb.height <= 0) {  // minimised: nothing to draw
            if (closing) break;
            window->wait_events(kIdleWakeSeconds);
            quiet_frames = 0;
            continue;
        }
        const auto work_start = Clock::now();
        // Time between frame starts, counted only while frames follow each other.
        if (!sleep && frames_drawn > 0) {
            frame_ms.add(std::chrono::duration<double, std::milli>(work_start - last_frame_start)
                             .count());
        }
        last_frame_start = work_start;
        bool changed = fb.width != last_fb.width || fb.height != last_fb.height;
        last_fb = fb;

        // Finished background work: a new projection or the 10m level.
        ui::MapSession::Changes changes = session.poll();
        changed = changed || changes.any();
        if (changes.projection_changed) {
            renderer.upload(session.projected());
            if (changes.previous) {
                ui::carry_camera(camera, *changes.previous, session.projector(),
                                 session.projected().world_bounds);
            }
            window->set_title(window_title(session.projected().projection));
        } else {
            for (int i = 0; i < geo::kLodCount; ++i) {
                if (changes.levels_added[static_cast<size_t>(i)]) {
                    renderer.upload_level(session.projected(), static_cast<geo::Lod>(i));
                }
            }
        }
        for (std::string& e : changes.errors) {
            std::fprintf(stderr, "deportmap: %s\n", e.c_str());
            errors.push_back(std::move(e));
        }
        if (errors.size() > kMaxShownErrors) {
            errors.erase(errors.begin(), errors.end() - kMaxShownErrors);
        }

        // UI and input. The content scale follows the monitor the window is on.
        const float scale = window->content_scale();
        changed = changed || scale != last_scale;
        last_scale = scale;
        imgui.set_scale(scale);
        imgui.begin_frame();
        changed = changed || imgui.had_input();
        const geo::BBox& bounds = session.projected().world_bounds;
        input.apply(camera, bounds, fb.width, fb.height);
        ViewTransform view = camera.transform(bounds, fb.width, fb.height);

        ui::OverlayInfo info;
        info.frame_ms = frame_ms.value();
        info.work_ms = work_ms.value();
        info.lod = renderer.level_for(ui::lod_for_world_width(view.scale_x * bounds.width()));
        info.ready = session.projected().ready;
        info.shown = session.projected().projection;
        info.requested = session.requested_projection();
        info.busy = session.busy();
        info.zoom = camera.zoom;
        info.cursor_lonlat = cursor_lonlat(session, view);
        info.errors = &errors;
        const ui::OverlayActions actions = overlay.draw(info);
        if (actions.projection) {
            session.request_projection(*actions.projection);
            changed = true;
        }
        if (actions.reset_view) {
            camera = ui::home_camera(bounds);
            view = camera.transform(bounds, fb.width, fb.height);
            changed = true;
        }
        imgui.end_frame();

        // The map fills the framebuffer; ImGui draws over it.
        render::DrawParams params;
        params.width = fb.width;
        params.height = fb.height;
        params.view = view;
        params.lod = ui::lod_for_world_width(view.scale_x * bounds.width());
        params.style.border_width_px *= scale;
        renderer.draw(params);
        imgui.draw();
        ++frames_drawn;
        quiet_frames = changed ? 0 : quiet_frames + 1;

        const bool last = closing || (options.frames && frames_drawn >= *options.frames);
        if (last && !options.screenshot_path.empty()) {
            screenshot = platform::read_back_buffer(fb.width, fb.height);
        }
        work_ms.add(std::chrono::duration<double, std::milli>(Clock::now() - work_start).count());
        window->swap_buffers();
        if (last) break;
    }

    if (!options.screenshot_path.empty()) {
        if (screenshot.rgba.empty()) {
            std::fprintf(stderr, "deportmap: %s: no frame could be read back for the screenshot\n",
                         options.screenshot_path.c_str());
            return 1;
        }
        try {
            exporter::write_png(options.screenshot_path, screenshot.rgba, screenshot.width,
                                screenshot.height, 4);
        } catch (const exporter::PngError& e) {
            std::fprintf(stderr, "deportmap: %s\n", e.what());
            return 1;
        }
    }
    return 0;
}

}  // namespace deportmap::cli
