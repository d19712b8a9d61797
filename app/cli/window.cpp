// The default command: the interactive map window. Decides it is headless before
// creating anything, loads the world, opens the GLFW window, then runs the frame loop
// (input -> camera, background work -> renderer, map + ImGui overlay, optional
// screenshot of the last frame).
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "core/export/png.hpp"
#include "core/geo/globe.hpp"
#include "core/geo/world.hpp"
#include "core/view.hpp"
#include "core/util/args.hpp"
#include <glad/gl.h>
#include <malloc.h>

#include "platform/framebuffer_readback.hpp"
#include "platform/glfw_window.hpp"
#include "platform/open_url.hpp"
#include "platform/window_extras.hpp"
#include "render/globe_renderer.hpp"
#include "render/map_renderer.hpp"
#include "render/overlay_renderer.hpp"
#include "ui/imgui_layer.hpp"
#include "ui/app_data.hpp"
#include "ui/frame_bench.hpp"
#include "ui/globe_input.hpp"
#include "ui/map_app.hpp"
#include "ui/map_input.hpp"
#include "ui/map_overlay.hpp"
#include "ui/map_session.hpp"
#include "ui/overlay_panel.hpp"
#include "ui/settings.hpp"
#include "ui/window_options.hpp"

namespace deportmap::cli {
namespace {

constexpr const char* kHeadlessHint =
    "use 'deportmap export --out map.png' to render without a window";
constexpr size_t kMaxShownErrors = 3;
// Frames still drawn after the last change (ImGui settles hover and release states),
// then the loop sleeps, waking at least this often.
constexpr int kSettleFrames = 3;
constexpr double kIdleWakeSeconds = 1.0;  // also the data files' mtime poll

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

// CPU time of the whole process so far, milliseconds.
double process_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
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
    ui::WindowOptions options = ui::parse_window_options(args);
    if (options.help) {
        std::puts(ui::window_usage());
        return 0;
    }
    const std::vector<ui::Action> actions = ui::parse_actions(options.actions);
    // Decide headless before creating anything (no window, no GL, no data loading).
    if (auto reason = platform::missing_display_reason()) {
        std::fprintf(stderr, "deportmap: no display available (%s); %s\n", reason->c_str(),
                     kHeadlessHint);
        return 1;
    }

    // One malloc arena: the worker thread that builds the 1:10m level would otherwise
    // get its own, and the two arenas' free space added ~9 MB to the peak (302 -> 293 MB
    // with all three levels loaded, measured under Xvfb). The frame loop barely allocates.
    mallopt(M_ARENA_MAX, 1);
    // (A fixed 1 MiB mmap threshold took the peak from 298 to 296 MB but made every frame
    // map and fault llvmpipe's scene memory afresh: world frames 25 -> 60 ms. Not used.)

    // Settings from the last interactive run; the command line wins over them.
    ui::Settings settings;
    const std::string settings_file = options.use_settings() ? ui::settings_path() : "";
    std::string settings_message;
    if (!settings_file.empty()) {
        settings = ui::load_settings(settings_file, settings_message);
        if (!settings_message.empty()) {
            std::fprintf(stderr, "deportmap: %s\n", settings_message.c_str());
        }
        if (!options.size_given && settings.width && settings.height) {
            options.width = *settings.width;
            options.height = *settings.height;
            options.size_given = true;
        }
        if (!options.projection_given) {
            options.projection = settings.globe ? geo::ProjectionKind::Equirectangular
                                                : settings.projection;
            options.globe = settings.globe;
        }
    }

    std::shared_ptr<const geo::World> world;
    try {
        world = std::make_shared<const geo::World>(geo::load_world(options.boundaries));
    } catch (const geo::GeoError& e) {
        std::fprintf(stderr, "deportmap: %s\n", e.what());
        return 1;
    }
    std::unique_ptr<ui::MapApp> app;
    try {
        app = std::make_unique<ui::MapApp>(options.data_files, options.statuses_path, *world);
    } catch (const std::runtime_error& e) {
        std::fprintf(stderr, "deportmap: %s\n", e.what());
        return 1;
    }
    if (!settings_message.empty()) app->add_message(settings_message);
    app->export_panel().set_inputs({options.data_files, options.statuses_path, options.boundaries.path,
                                    options.boundaries.id_field, options.boundaries.name_field});
    Scene& scene = app->scene();
    if (!settings_file.empty()) {
        scene.theme = settings.theme;
        scene.labels = settings.labels;
        app->panels() = settings.panels;
        app->timeline().set_speed_index(settings.speed_index);
    }
    if (options.theme) scene.theme = *parse_theme(*options.theme);
    if (options.labels) scene.labels = true;
    if (options.date) app->timeline().go_to(scene, data::query_day(*data::parse_date(*options.date)));
    if (!options.select.empty()) {
        std::string error;
        const int w = app->find_country(options.select, error);
        if (w < 0) throw UsageError("option --select: " + error);
        app->select(w, false);
    }
    app->apply_actions(actions, *world);
    scene.projection = options.projection;
    if (options.play) app->apply_actions({ui::Action{"play", ""}}, *world);

    auto session = std::make_unique<ui::MapSession>(world, options.projection);

    platform::WindowConfig config;
    config.title = window_title(options.projection);
    config.width = options.width;
    config.height = options.height;
    config.scale_to_monitor = !options.size_given;
    if (options.bench_frames) config.vsync = false;  // time the work, not the refresh
    std::unique_ptr<platform::GlfwWindow> window;
    try {
        window = std::make_unique<platform::GlfwWindow>(config);
    } catch (const platform::DisplayUnavailable& e) {
        std::fprintf(stderr, "deportmap: %s; %s\n", e.what(), kHeadlessHint);
        return 1;
    }
    if (!settings_file.empty() && settings.x && settings.y) {
        platform::set_window_pos(window->handle(), {*settings.x, *settings.y});
    }
    platform::install_file_drop(window->handle());

    render::MapRenderer renderer;
    renderer.upload(session->projected());
    session->release_screen_copies();
    render::OverlayRenderer overlay_renderer;
    // The orthographic globe (--projection orthographic, or chosen in the overlay): drawn
    // from the session's Equirectangular levels once they are the ones shown.
    bool globe = options.globe;
    geo::GlobeView globe_view;
    if (!settings_file.empty()) globe_view = settings.globe_view;
    ui::GlobeInput globe_input;
    render::GlobeRenderer globe_renderer;
    bool globe_uploaded = false;
    ui::MapOverlay map_overlay;
    ui::ImGuiLayer imgui(window->handle(), window->content_scale());
    if (!settings_file.empty()) imgui.set_ini_path(ui::imgui_ini_path());
    // Finished background work wakes the loop while it sleeps; the guard stops that
    // before the window (and GLFW) go away.
    session->set_wake_callback(platform::post_empty_event);
    struct WakeGuard {
        std::unique_ptr<ui::MapSession>& session;
        ~WakeGuard() {
            if (session) session->set_wake_callback({});
        }
    } wake_guard{session};

    ui::MapInput input;
    ui::OverlayPanel overlay;
    Camera camera = ui::home_camera(session->projected().world_bounds);
    if (!options.zoom_to.empty()) {
        const platform::PixelSize size = window->framebuffer_size();
        std::string error;
        auto c = ui::zoom_to_camera(options.zoom_to, *app, session->projected(),
                                    session->projector(), size.width, size.height, error);
        if (!c) throw UsageError("option --zoom-to: " + error);
        camera = *c;
    }
    ui::FrameBench bench(options.bench_frames.value_or(0));
    int bench_warm_frames = 0;  // frames drawn since all background work finished
    std::vector<std::string> errors;
    RecentMean work_ms;
    RecentMean frame_ms;
    long long frames_drawn = 0;
    int quiet_frames = 0;  // frames in a row in which nothing changed
    platform::PixelSize last_fb;
    float last_scale = 0.0f;
    platform::RgbaPixels screenshot;

    using Clock = std::chrono::steady_clock;
    const auto t0 = Clock::now();
    auto last_frame_start = Clock::now();
    for (;;) {
        // Redraw continuously while something changes; when idle, sleep until an
        // event (input, expose, finished background work) or the timeout.
        const bool sleep =
            !options.frames && !options.bench_frames && quiet_frames >= kSettleFrames;
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
        const double cpu_at_start = options.bench_frames ? process_cpu_ms() : 0.0;
        const double now_s = std::chrono::duration<double>(work_start - t0).count();
        const double dt_s =
            frames_drawn > 0
                ? std::min(0.25, std::chrono::duration<double>(work_start - last_frame_start).count())
                : 0.0;
        // Time between frame starts, counted only while frames follow each other.
        if (!sleep && frames_drawn > 0) {
            frame_ms.add(std::chrono::duration<double, std::milli>(work_start - last_frame_start)
                             .count());
        }
        last_frame_start = work_start;
        bool changed = fb.width != last_fb.width || fb.height != last_fb.height;
        last_fb = fb;

        // Files dropped onto the window: events tables or boundaries.
        for (const std::string& path : platform::take_dropped_files()) {
            changed = true;
            switch (ui::classify_drop(path)) {
                case ui::DropKind::Events:
                    app->add_events_file(path);
                    break;
                case ui::DropKind::Boundaries: {
                    geo::LoadOptions lo;
                    lo.path = path;
                    try {
                        world = std::make_shared<const geo::World>(geo::load_world(lo));
                    } catch (const geo::GeoError& e) {
                        app->add_message(e.what());
                        break;
                    }
                    session->set_wake_callback({});
                    session = std::make_unique<ui::MapSession>(world, session->requested_projection());
                    session->set_wake_callback(platform::post_empty_event);
                    renderer.upload(session->projected());
                    session->release_screen_copies();
                    overlay_renderer.invalidate();
                    app->world_changed(*world);
                    camera = ui::home_camera(session->projected().world_bounds);
                    app->add_message("boundaries loaded from " + path + " (" +
                                     std::to_string(world->countries.size()) + " countries)");
                    break;
                }
                case ui::DropKind::Unknown:
                    app->add_message(path + ": not an events table (CSV, XLSX, ODS) or a "
                                            "boundaries file (GeoPackage, Shapefile, GeoJSON)");
                    break;
            }
        }
        // Data files changed on disk (checked once a second).
        if (app->poll_files(now_s)) changed = true;

        // Finished background work: a new projection or the 10m level.
        ui::MapSession::Changes changes = session->poll();
        changed = changed || changes.any();
        if (changes.projection_changed || changes.any()) overlay_renderer.invalidate();
        if (changes.projection_changed) {
            renderer.upload(session->projected());
            if (changes.previous) {
                ui::carry_camera(camera, *changes.previous, session->projector(),
                                 session->projected().world_bounds);
            }
            window->set_title(window_title(session->projected().projection));
        } else {
            for (int i = 0; i < geo::kLodCount; ++i) {
                if (changes.levels_added[static_cast<size_t>(i)]) {
                    renderer.upload_level(session->projected(), static_cast<geo::Lod>(i));
                }
            }
        }
        if (changes.any()) session->release_screen_copies();
        // The globe draws the Equirectangular levels; the session's worker has usually
        // prepared them for it already, leaving only the GL uploads for this thread.
        const auto upload_globe_level = [&](int i) {
            const auto lod = static_cast<geo::Lod>(i);
            const render::GlobeLevelPrep* prep = session->globe_prep(lod);
            if (prep != nullptr && session->projected().ready[static_cast<size_t>(i)]) {
                globe_renderer.upload_level(lod, session->projected().meshes[static_cast<size_t>(i)], *prep);
            } else {
                globe_renderer.upload_level(session->projected(), lod);
            }
        };
        if (session->projected().projection == geo::ProjectionKind::Equirectangular &&
            (!globe_uploaded || changes.projection_changed)) {
            for (int i = 0; i < geo::kLodCount; ++i) upload_globe_level(i);
            globe_uploaded = true;
        } else if (session->projected().projection == geo::ProjectionKind::Equirectangular) {
            // A level that became ready: only that one (1:10m alone is most of the work).
            for (int i = 0; i < geo::kLodCount; ++i) {
                if (changes.levels_added[static_cast<size_t>(i)]) upload_globe_level(i);
            }
        } else if (changes.projection_changed) {
            globe_uploaded = false;
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
        imgui.set_dark(scene.theme == Theme::Dark);
        imgui.begin_frame();
        changed = changed || imgui.had_input();
        const geo::BBox& bounds = session->projected().world_bounds;
        const bool globe_active =
            globe && session->projected().projection == geo::ProjectionKind::Equirectangular;
        const bool moved = globe_active
                               ? globe_input.apply(globe_view, fb.width, fb.height, dt_s)
                               : input.apply(camera, bounds, fb.width, fb.height);
        changed = changed || moved;
        // The globe's level follows the length of its equator on screen.
        const geo::Lod globe_lod = ui::lod_for_world_width(
            2.0 * 3.141592653589793 * globe_view.radius_px(fb.width, fb.height));

        const auto pick_lod = globe_active ? globe_renderer.level_for(globe_lod) : renderer.level_for(
            ui::lod_for_world_width(camera.transform(bounds, fb.width, fb.height).scale_x *
                                    bounds.width()));
        ui::FrameArgs frame_args{*world,  session->projected(), camera, fb.width,
                                 fb.height, now_s,  dt_s,   imgui.large_font(),
                                 pick_lod, moved,  &map_overlay.markers()};
        if (globe_active) frame_args.globe = &globe_view;
        if (globe_active && pick_lod) {
            // Inverse orthographic, then the Equirectangular shapes of the level drawn.
            const geo::ProjectedWorld& pw = session->projected();
            const geo::Lod lod = *pick_lod;
            frame_args.pick_pixel = [&pw, lod, &globe_view, &fb](geo::Vec2 px) {
                const auto ll = geo::globe_from_pixel(globe_view, px, fb.width, fb.height);
                if (!ll) return -1;
                constexpr double kRad = 3.141592653589793 / 180.0;
                return pw.pick({ll->x * kRad * geo::kEqcUnitsPerRadian,
                                ll->y * kRad * geo::kEqcUnitsPerRadian},
                               lod);
            };
        }
        const ui::FrameResult frame = app->frame(frame_args);
        changed = changed || frame.animating || frame.colors_changed;
        if (frame.flight_started) globe_input.stop();  // a fly-to replaces the spin
        if (frame.colors_changed) {
            const auto upload_start = Clock::now();
            renderer.set_country_colors(app->colors());
            globe_renderer.set_country_colors(app->colors());
            // With --bench-frames: a date change's new colours plus their upload.
            if (options.bench_frames && app->recolour_ms() > 0.0 && !session->busy()) {
                bench.add_recolour(app->recolour_ms() +
                                   std::chrono::duration<double, std::milli>(Clock::now() - upload_start).count());
            }
        }
        for (const std::string& url : app->take_open_requests()) {
            std::string error;
            if (!platform::open_url(url, error)) app->add_message(error);
        }

        ViewTransform view = camera.transform(bounds, fb.width, fb.height);
        if (app->panels().overlay) {
            ui::OverlayInfo info;
            info.frame_ms = frame_ms.value();
            info.work_ms = work_ms.value();
            info.lod = renderer.level_for(ui::lod_for_world_width(view.scale_x * bounds.width()));
            info.ready = session->projected().ready;
            info.shown = session->projected().projection;
            info.requested = session->requested_projection();
            info.busy = session->busy();
            info.zoom = camera.zoom;
            info.globe = globe;
            if (globe_active) {
                const auto px = ui::map_cursor_pixel();
                if (px) info.cursor_lonlat = geo::globe_from_pixel(globe_view, *px, fb.width, fb.height);
                info.zoom = globe_view.zoom;
                info.lod = globe_renderer.level_for(globe_lod);
            } else {
                info.cursor_lonlat = cursor_lonlat(*session, view);
            }
            info.errors = &errors;
            info.bottom = frame.bottom_left_y;
            const ui::OverlayActions overlay_actions = overlay.draw(info);
            if (overlay_actions.globe) {
                globe = *overlay_actions.globe;
                if (globe) {
                    session->request_projection(geo::ProjectionKind::Equirectangular);
                    scene.projection = geo::ProjectionKind::Equirectangular;
                }
                changed = true;
            }
            if (overlay_actions.projection) {
                session->request_projection(*overlay_actions.projection);
                scene.projection = *overlay_actions.projection;
                changed = true;
            }
            if (overlay_actions.reset_view) {
                camera = ui::home_camera(bounds);
                view = camera.transform(bounds, fb.width, fb.height);
                globe_view = geo::GlobeView{};
                globe_input.stop();
                changed = true;
            }
        }
        const std::optional<geo::Lod> drawn_lod =
            renderer.level_for(ui::lod_for_world_width(view.scale_x * bounds.width()));
        if (globe_active) {  // the globe's label points on the hemisphere facing the viewer
            map_overlay.update_globe(scene, app->data(), session->projected(),
                                     globe_renderer.level_for(globe_lod), globe_view, fb.width,
                                     fb.height, scale);
        } else {
            map_overlay.update(scene, app->data(), session->projected(), drawn_lod, view, fb.width,
                               fb.height, scale);
        }
        map_overlay.draw_labels(scene, *world, fb.width, fb.height);
        imgui.end_frame();

        // The map fills the framebuffer; ImGui draws over it.
        const ThemeColors& theme = theme_colors(scene.theme);
        render::DrawParams params;
        params.width = fb.width;
        params.height = fb.height;
        params.view = view;
        params.lod = ui::lod_for_world_width(view.scale_x * bounds.width());
        params.style.background = theme.background;
        params.style.ocean = theme.ocean;
        params.style.border = theme.border;
        params.style.no_data = theme.no_data;
        params.style.border_width_px *= scale;
        params.direct_borders = true;  // cheaper on software renderers; exports keep coverage
        params.hatch_px = 7.0f * scale;  // approximate dates striped (core/scene.hpp)
        // With --bench-frames, each stage is finished and timed on its own.
        auto stage_start = work_start;
        const auto stage_mark = [&](int stage) {
            if (!options.bench_frames) return;
            glFinish();
            const auto now = Clock::now();
            bench.add_stage(stage, std::chrono::duration<double, std::milli>(now - stage_start).count());
            stage_start = now;
        };
        stage_mark(0);
        if (globe_active) {
            render::GlobeDrawParams gp;
            gp.width = fb.width;
            gp.height = fb.height;
            gp.view = globe_view;
            gp.lod = globe_lod;
            gp.style = params.style;
            gp.direct_borders = params.direct_borders;
            gp.hatch_px = params.hatch_px;
            gp.hovered = scene.hovered;
            gp.selected = scene.selected;
            gp.highlight = theme.highlight;
            gp.hover_width_px = 1.8f * scale;
            gp.selected_width_px = 3.0f * scale;
            globe_renderer.draw(gp);
        } else {
            renderer.draw(params);
        }
        stage_mark(1);
        if (drawn_lod && !globe_active) {
            // Selection (stronger) over hover; markers on top so small countries show.
            const geo::MapMesh& mesh = session->projected().meshes[static_cast<size_t>(*drawn_lod)];
            render::OutlineStyle outline;
            outline.color = theme.highlight;
            if (scene.hovered >= 0 && scene.hovered != scene.selected) {
                outline.width_px = 1.8f * scale;
                outline.color.a = 200;
                overlay_renderer.draw_outline(0, mesh, scene.hovered, view, fb.width, fb.height,
                                              outline);
            }
            if (scene.selected >= 0) {
                outline.width_px = 3.0f * scale;
                outline.color.a = 255;
                overlay_renderer.draw_outline(1, mesh, scene.selected, view, fb.width, fb.height,
                                              outline);
            }
            render::MarkerStyle marker_style;
            marker_style.ring = theme.border;
            marker_style.ring_width_px = 1.0f * scale;
            overlay_renderer.draw_markers(map_overlay.markers(), app->colors(), fb.width,
                                          fb.height, marker_style);
        }
        if (globe_active) {  // outlines are drawn by the globe renderer; markers on top
            render::MarkerStyle marker_style;
            marker_style.ring = theme.border;
            marker_style.ring_width_px = 1.0f * scale;
            overlay_renderer.draw_markers(map_overlay.markers(), app->colors(), fb.width,
                                          fb.height, marker_style);
        }
        stage_mark(2);
        imgui.draw();
        stage_mark(3);
        ++frames_drawn;
        quiet_frames = changed ? 0 : quiet_frames + 1;

        const bool last = closing || (options.frames && frames_drawn >= *options.frames);
        if (last && !options.screenshot_path.empty()) {
            screenshot = platform::read_back_buffer(fb.width, fb.height);
        }
        work_ms.add(std::chrono::duration<double, std::milli>(Clock::now() - work_start).count());
        window->swap_buffers();
        if (options.bench_frames) {
            // Honest frame time: wait for the GPU (or llvmpipe) to finish this frame.
            glFinish();
            stage_mark(4);
            bench_warm_frames = session->busy() ? 0 : bench_warm_frames + 1;
            if (bench_warm_frames <= 3) bench.drop_stages();
            const double cpu_now = process_cpu_ms();
            if (bench_warm_frames > 3) {
                bench.add(std::chrono::duration<double, std::milli>(Clock::now() - work_start)
                              .count(),
                          cpu_now - cpu_at_start);
            }
            if (bench.full()) {
                // Hover picking: the level drawn, at a grid of points over the window.
                if (pick_lod) {
                    const ViewTransform pick_view = camera.transform(bounds, fb.width, fb.height);
                    for (int gy = 0; gy < 24; ++gy) {
                        for (int gx = 0; gx < 40; ++gx) {
                            const geo::Vec2 px{(gx + 0.5) * fb.width / 40.0, (gy + 0.5) * fb.height / 24.0};
                            const auto start = Clock::now();
                            volatile int picked = frame_args.pick_pixel
                                                      ? frame_args.pick_pixel(px)
                                                      : session->projected().pick(pick_view.to_map(px), *pick_lod);
                            (void)picked;
                            bench.add_pick(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
                        }
                    }
                }
                std::printf("%s\n%s\n%s\n%s\n", bench.stage_summary().c_str(),
                            bench.cpu_summary().c_str(), bench.interaction_summary().c_str(),
                            bench.summary().c_str());
                std::fflush(stdout);
                break;
            }
        }
        if (last) break;
    }

    if (!settings_file.empty()) {
        const platform::PixelSize size = window->window_size();
        const platform::WindowPos pos = platform::window_pos(window->handle());
        settings.width = size.width;
        settings.height = size.height;
        settings.x = pos.x;
        settings.y = pos.y;
        settings.theme = scene.theme;
        settings.projection = session->requested_projection();
        settings.globe = globe;
        settings.globe_view = globe_view;
        settings.labels = scene.labels;
        settings.panels = app->panels();
        settings.speed_index = app->timeline().speed_index();
        std::string error;
        if (!ui::save_settings(settings_file, settings, error)) {
            std::fprintf(stderr, "deportmap: settings not saved: %s\n", error.c_str());
        }
    }
    if (!options.dump_state_path.empty()) {
        std::ofstream out(options.dump_state_path, std::ios::binary | std::ios::trunc);
        out << app->state_json(*world) << '\n';
        if (!out) {
            std::fprintf(stderr, "deportmap: %s: cannot be written\n",
                         options.dump_state_path.c_str());
            return 1;
        }
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
