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

// Mean of the last few frames' work times for the overlay. The first frame (shader
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
    ui::MapInput input;
    ui::OverlayPanel overlay;
    Camera camera = ui::home_camera(session.projected().world_bounds);
    std::vector<std::string> errors;
    RecentMean work_ms;
    long long frames_drawn = 0;
    platform::RgbaPixels screenshot;

    using Clock = std::chrono::steady_clock;
    for (;;) {
        window->poll_events();
        const bool closing = window->should_close();
        const platform::PixelSize fb = window->framebuffer_size();
        if (fb.width <= 0 || fb.height <= 0) {  // minimised: nothing to draw
            if (closing) break;
            window->wait_events(0.1);
            continue;
        }
        const auto work_start = Clock::now();

        // Finished background work: a new projection or the 10m level.
        ui::MapSession::Changes changes = session.poll();
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
        imgui.set_scale(scale);
        imgui.begin_frame();
        const geo::BBox& bounds = session.projected().world_bounds;
        input.apply(camera, bounds, fb.width, fb.height);
        ViewTransform view = camera.transform(bounds, fb.width, fb.height);
        const geo::Lod wanted = ui::lod_for_world_width(view.scale_x * bounds.width());

        ui::OverlayInfo info;
        info.frame_ms = imgui.frame_ms();
        info.work_ms = work_ms.value();
        info.lod = renderer.level_for(wanted);
        info.ready = session.projected().ready;
        info.shown = session.projected().projection;
        info.requested = session.requested_projection();
        info.busy = session.busy();
        info.zoom = camera.zoom;
        info.cursor_lonlat = cursor_lonlat(session, view);
        info.errors = &errors;
        const ui::OverlayActions actions = overlay.draw(info);
        if (actions.projection) session.request_projection(*actions.projection);
        if (actions.reset_view) {
            camera = ui::home_camera(bounds);
            view = camera.transform(bounds, fb.width, fb.height);
        }
        imgui.end_frame();

        // The map fills the framebuffer; ImGui draws over it.
        render::DrawParams params;
        params.width = fb.width;
        params.height = fb.height;
        params.view = view;
        params.lod = wanted;
        params.style.border_width_px *= scale;
        renderer.draw(params);
        imgui.draw();
        ++frames_drawn;

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
