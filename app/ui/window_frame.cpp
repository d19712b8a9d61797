// The window program's frame: each step a method (see window_program.hpp).
#include <glad/gl.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "platform/open_url.hpp"
#include "platform/window_extras.hpp"
#include "ui/app_data.hpp"
#include "ui/window_frame.hpp"

namespace deportmap::ui {
namespace {

constexpr size_t kMaxShownErrors = 3;
// Frames still drawn after the last change (ImGui settles hover and release states),
// then the loop sleeps, waking at least this often.
constexpr int kSettleFrames = 3;
constexpr double kIdleWakeSeconds = 1.0;  // also the data files' mtime poll
constexpr double kPi = 3.141592653589793;

// The cursor's longitude/latitude when it is over the map's globe, else nullopt.
std::optional<geo::Vec2> cursor_lonlat(const MapSession& session, const ViewTransform& view) {
    const auto px = map_cursor_pixel();
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

double ms_between(std::chrono::steady_clock::time_point a, std::chrono::steady_clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

}  // namespace

std::string window_title(geo::ProjectionKind kind) {
    return "deportmap \xE2\x80\x94 " + std::string(geo::projection_label(kind));
}

// Closing, or --frames drawn and no scripted step still waiting (a fly-to before an
// export); a script that never finishes is cut off after kScriptWaitSeconds.
bool WindowProgram::last_frame(const Frame& f) const {
    constexpr double kScriptWaitSeconds = 60.0;
    if (f.closing) return true;
    if (!options_.frames || frames_drawn_ < *options_.frames) return false;
    return !app_->script_pending() || f.now_s > kScriptWaitSeconds;
}

// One frame; false when the program should stop.
bool WindowProgram::frame() {
    Frame f;
    if (!wait_for_work(f)) return !f.closing;
    take_dropped_files(f);
    if (app_->poll_files(f.now_s)) f.changed = true;  // data files changed on disk
    take_background_work(f);
    run_ui(f);
    draw_map(f);
    draw_overlays(f);
    end_frame(f);
    const bool last = last_frame(f);
    run_presenter_view(f, last);
    if (options_.bench_frames && bench_after_swap(f)) return false;
    return !last;
}

// Redraws continuously while something changes; when idle, sleeps until an event
// (input, expose, finished background work) or the timeout. False when minimised.
bool WindowProgram::wait_for_work(Frame& f) {
    f.sleep = !options_.frames && !options_.bench_frames && quiet_frames_ >= kSettleFrames;
    if (f.sleep) {
        window_->wait_events(kIdleWakeSeconds);
    } else {
        window_->poll_events();
    }
    f.closing = window_->should_close();
    f.fb = window_->framebuffer_size();
    if (f.fb.width <= 0 || f.fb.height <= 0) {  // minimised: nothing to draw
        if (!f.closing) window_->wait_events(kIdleWakeSeconds);
        quiet_frames_ = 0;
        return false;
    }
    f.work_start = f.stage_start = Clock::now();
    f.cpu_at_start = options_.bench_frames ? process_cpu_ms() : 0.0;
    f.now_s = std::chrono::duration<double>(f.work_start - t0_).count();
    f.dt_s = frames_drawn_ > 0 ? std::min(0.25, std::chrono::duration<double>(f.work_start - last_frame_start_).count())
                               : 0.0;
    // Time between frame starts, counted only while frames follow each other.
    if (!f.sleep && frames_drawn_ > 0) frame_ms_.add(ms_between(last_frame_start_, f.work_start));
    last_frame_start_ = f.work_start;
    f.changed = f.fb.width != last_fb_.width || f.fb.height != last_fb_.height;
    last_fb_ = f.fb;
    return true;
}

// Files dropped onto the window: events tables or boundaries.
void WindowProgram::take_dropped_files(Frame& f) {
    for (const std::string& path : platform::take_dropped_files()) {
        f.changed = true;
        switch (classify_drop(path)) {
            case DropKind::Events:
                app_->add_events_file(path);
                break;
            case DropKind::Boundaries:
                load_dropped_boundaries(path);
                break;
            case DropKind::Unknown:
                app_->add_message(path + ": not an events table (CSV, XLSX, ODS) or a "
                                         "boundaries file (GeoPackage, Shapefile, GeoJSON)");
                break;
        }
    }
}

void WindowProgram::load_dropped_boundaries(const std::string& path) {
    geo::LoadOptions lo;
    lo.path = path;
    try {
        world_ = std::make_shared<const geo::World>(geo::load_world(lo));
    } catch (const geo::GeoError& e) {
        app_->add_message(e.what());
        return;
    }
    for (const std::string& line : world_->skipped) app_->add_message(line);
    session_->set_wake_callback({});
    session_ = std::make_unique<MapSession>(world_, session_->requested_projection());
    session_->set_wake_callback(platform::post_empty_event);
    renderer_->upload(session_->projected());
    session_->release_pyramids();
    overlay_renderer_->invalidate();
    app_->world_changed(*world_);
    camera() = home_camera(session_->projected().world_bounds);
    app_->add_message("boundaries loaded from " + path + " (" + std::to_string(world_->countries.size()) +
                      " countries)");
}

// Finished background work: a new projection or another level of detail.
void WindowProgram::take_background_work(Frame& f) {
    MapSession::Changes changes = session_->poll();
    f.changed = f.changed || changes.any();
    if (changes.projection_changed || changes.any()) overlay_renderer_->invalidate();
    if (changes.projection_changed) {
        renderer_->upload(session_->projected());
        if (changes.previous) {
            carry_camera(camera(), *changes.previous, session_->projector(), session_->projected().world_bounds);
        }
        window_->set_title(window_title(session_->projected().projection));
    } else {
        for (int i = 0; i < geo::kLodCount; ++i) {
            if (changes.levels_added[static_cast<size_t>(i)]) {
                renderer_->upload_level(session_->projected(), static_cast<geo::Lod>(i));
            }
        }
    }
    if (changes.any()) session_->release_pyramids();
    upload_globe_levels(changes);
    for (std::string& e : changes.errors) {
        std::fprintf(stderr, "deportmap: %s\n", e.c_str());
        errors_.push_back(std::move(e));
    }
    if (errors_.size() > kMaxShownErrors) errors_.erase(errors_.begin(), errors_.end() - kMaxShownErrors);
}

// The globe draws the Equirectangular levels; the session's worker has usually prepared
// them already, leaving only the GL uploads for this thread.
void WindowProgram::upload_globe_levels(const MapSession::Changes& changes) {
    const auto upload = [&](int i) {
        const auto lod = static_cast<geo::Lod>(i);
        const render::GlobeLevelPrep* prep = session_->globe_prep(lod);
        if (prep != nullptr && session_->projected().ready[static_cast<size_t>(i)]) {
            globe_renderer_->upload_level(lod, session_->projected().meshes[static_cast<size_t>(i)], *prep);
        } else {
            globe_renderer_->upload_level(session_->projected(), lod);
        }
    };
    const bool equirectangular = session_->projected().projection == geo::ProjectionKind::Equirectangular;
    if (equirectangular && (!globe_uploaded_ || changes.projection_changed)) {
        for (int i = 0; i < geo::kLodCount; ++i) upload(i);
        globe_uploaded_ = true;
    } else if (equirectangular) {
        // A level that became ready: only that one (1:10m alone is most of the work).
        for (int i = 0; i < geo::kLodCount; ++i) {
            if (changes.levels_added[static_cast<size_t>(i)]) upload(i);
        }
    } else if (changes.projection_changed) {
        globe_uploaded_ = false;
    }
}

// Input, the panels (MapApp), the status overlay and the labels. The content scale
// follows the monitor the window is on.
void WindowProgram::run_ui(Frame& f) {
    f.scale = window_->content_scale();
    // The UI's size: the monitor's content scale times the user's choice (Ctrl+= / Ctrl+-).
    const float ui_scale = f.scale * app_->ui_scale();
    f.changed = f.changed || ui_scale != last_scale_;
    last_scale_ = ui_scale;
    imgui_->set_scale(ui_scale);
    imgui_->set_dark(app_->scene().theme == Theme::Dark);
    imgui_->begin_frame();
    f.changed = f.changed || imgui_->had_input();
    const geo::BBox& bounds = session_->projected().world_bounds;
    f.globe_active = orthographic() && session_->projected().projection == geo::ProjectionKind::Equirectangular;
    const bool moved = f.globe_active ? globe_input_.apply(globe_view(), f.fb.width, f.fb.height, f.dt_s)
                                      : input_.apply(camera(), bounds, f.fb.width, f.fb.height);
    f.changed = f.changed || moved;
    // The globe's level follows the length of its equator on screen.
    f.globe_lod = lod_for_world_width(2.0 * kPi * globe_view().radius_px(f.fb.width, f.fb.height));
    f.pick_lod = f.globe_active ? globe_renderer_->level_for(f.globe_lod)
                                : renderer_->level_for(lod_for_world_width(
                                      camera().transform(bounds, f.fb.width, f.fb.height).scale_x * bounds.width()));
    f.args.emplace(FrameArgs{*world_, session_->projected(), camera(), f.fb.width, f.fb.height, f.now_s, f.dt_s,
                             imgui_->large_font(), f.pick_lod, moved, &map_overlay_.markers()});
    if (f.globe_active) f.args->globe = &globe_view();
    if (f.globe_active && f.pick_lod) {
        // Inverse orthographic, then the Equirectangular shapes of the level drawn.
        const geo::ProjectedWorld& pw = session_->projected();
        f.args->pick_pixel = [this, &pw, lod = *f.pick_lod, fb = f.fb](geo::Vec2 px) {
            const auto ll = geo::globe_from_pixel(globe_view(), px, fb.width, fb.height);
            if (!ll) return -1;
            constexpr double kRad = kPi / 180.0;
            return pw.pick({ll->x * kRad * geo::kEqcUnitsPerRadian, ll->y * kRad * geo::kEqcUnitsPerRadian}, lod);
        };
    }
    f.result = app_->frame(*f.args);
    f.changed = f.changed || f.result.animating || f.result.colors_changed;
    if (f.result.flight_started) globe_input_.stop();  // a fly-to replaces the spin
    if (f.result.fullscreen) {
        if (*f.result.fullscreen) globe_input_.stop();
        platform::set_fullscreen(window_->handle(), *f.result.fullscreen, options_.monitor);
    }
    if (f.result.colors_changed) {
        const auto upload_start = Clock::now();
        renderer_->set_country_colors(app_->colors());
        globe_renderer_->set_country_colors(app_->colors());
        // With --bench-frames: a date change's new colours plus their upload.
        if (options_.bench_frames && app_->recolour_ms() > 0.0 && !session_->busy()) {
            bench_.add_recolour(app_->recolour_ms() + ms_between(upload_start, Clock::now()));
        }
    }
    for (const std::string& url : app_->take_open_requests()) {
        std::string error;
        if (!platform::open_url(url, error)) app_->add_message(error);
    }
    fit_home_view(f, bounds);
    f.view = camera().transform(bounds, f.fb.width, f.fb.height);
    // The projection switch is always there; F4 adds the developer's readout around it.
    if (!app_->presenting()) run_diagnostics_panel(f);
    f.drawn_lod = renderer_->level_for(lod_for_world_width(f.view.scale_x * bounds.width()));
    const Scene& scene = app_->scene();
    if (f.globe_active) {  // the globe's label points on the hemisphere facing the viewer
        map_overlay_.update_globe(scene, app_->data(), session_->projected(), globe_renderer_->level_for(f.globe_lod),
                                  globe_view(), f.fb.width, f.fb.height, f.scale);
    } else {
        map_overlay_.update(scene, app_->data(), session_->projected(), f.drawn_lod, f.view, f.fb.width,
                            f.fb.height, f.scale);
    }
    map_overlay_.draw_labels(scene, *world_, f.fb.width, f.fb.height);
    imgui_->end_frame();
}

// The home view (the world fitted to the window, as R and a new projection leave it) is
// fitted instead into the part of the window above the timeline, so that no country sits
// under it; a camera the user or a flight has moved is left alone.
void WindowProgram::fit_home_view(Frame& f, const geo::BBox& bounds) {
    if (f.globe_active || app_->presenting() || bounds.empty()) return;
    const Camera& now = camera();
    if (now != home_camera(bounds) && fitted_home_ != now) return;
    const double free_bottom = f.result.bottom_left_y * ImGui::GetIO().DisplayFramebufferScale.y;
    const Camera fitted = home_camera(bounds, f.fb.width, f.fb.height, free_bottom);
    if (fitted != now) {
        camera() = fitted;
        f.changed = true;
    }
    fitted_home_ = fitted;
}

// The projection and globe switch, with the F4 readout (frame times, level, cursor) when on.
void WindowProgram::run_diagnostics_panel(Frame& f) {
    const geo::BBox& bounds = session_->projected().world_bounds;
    DiagnosticsInfo info;
    info.readout = app_->panels().diagnostics;
    info.frame_ms = frame_ms_.value();
    info.work_ms = work_ms_.value();
    info.lod = renderer_->level_for(lod_for_world_width(f.view.scale_x * bounds.width()));
    info.ready = session_->projected().ready;
    info.shown = session_->projected().projection;
    info.requested = session_->requested_projection();
    info.busy = session_->busy();
    info.zoom = camera().zoom;
    info.globe = orthographic();
    if (f.globe_active) {
        const auto px = map_cursor_pixel();
        if (px) info.cursor_lonlat = geo::globe_from_pixel(globe_view(), *px, f.fb.width, f.fb.height);
        info.zoom = globe_view().zoom;
        info.lod = globe_renderer_->level_for(f.globe_lod);
    } else {
        info.cursor_lonlat = cursor_lonlat(*session_, f.view);
    }
    info.errors = &errors_;
    info.bottom = f.result.bottom_left_y;
    const DiagnosticsActions actions = overlay_.draw(info);
    app_->set_switch_rect(actions.rect);
    Scene& scene = app_->scene();
    if (actions.globe) {
        orthographic() = *actions.globe;
        if (orthographic()) {
            session_->request_projection(geo::ProjectionKind::Equirectangular);
            scene.projection = geo::ProjectionKind::Equirectangular;
        }
        f.changed = true;
    }
    if (actions.projection) {
        session_->request_projection(*actions.projection);
        scene.projection = *actions.projection;
        f.changed = true;
    }
    if (actions.reset_view) {
        camera() = home_camera(bounds);
        f.view = camera().transform(bounds, f.fb.width, f.fb.height);
        globe_view() = geo::GlobeView{};
        globe_input_.stop();
        f.changed = true;
    }
}

// With --bench-frames, each stage is finished and timed on its own.
void WindowProgram::stage_mark(Frame& f, int stage) {
    if (!options_.bench_frames) return;
    glFinish();
    const auto now = Clock::now();
    bench_.add_stage(stage, ms_between(f.stage_start, now));
    f.stage_start = now;
}

// The window's flat-map drawing parameters for a width x height target through `view`
// (the frame's, or the presenter view's next-step preview).
render::DrawParams WindowProgram::flat_params(int width, int height, const ViewTransform& view, float scale) const {
    const ThemeColors& theme = theme_colors(app_->scene().theme);
    const geo::BBox& bounds = session_->projected().world_bounds;
    render::DrawParams params;
    params.width = width;
    params.height = height;
    params.view = view;
    params.lod = lod_for_world_width(view.scale_x * bounds.width());
    params.style = render::map_style(theme);
    params.style.border_width_px *= scale;
    params.direct_borders = true;  // cheaper on software renderers; exports keep coverage
    params.hatch_px = 7.0f * scale;  // approximate dates striped (core/paint.hpp)
    return params;
}

// The same for the globe seen as `view`.
render::GlobeDrawParams WindowProgram::globe_params(int width, int height, const geo::GlobeView& view,
                                                    float scale) const {
    const render::DrawParams flat = flat_params(width, height, ViewTransform{}, scale);
    render::GlobeDrawParams gp;
    gp.width = width;
    gp.height = height;
    gp.view = view;
    gp.lod = lod_for_world_width(2.0 * kPi * view.radius_px(width, height));
    gp.style = flat.style;
    gp.direct_borders = flat.direct_borders;
    gp.hatch_px = flat.hatch_px;
    return gp;
}

// The map fills the framebuffer (flat map or globe); ImGui draws over it later.
void WindowProgram::draw_map(Frame& f) {
    const Scene& scene = app_->scene();
    f.params = flat_params(f.fb.width, f.fb.height, f.view, f.scale);
    stage_mark(f, 0);
    if (f.globe_active) {
        render::GlobeDrawParams gp = globe_params(f.fb.width, f.fb.height, globe_view(), f.scale);
        gp.lod = f.globe_lod;
        gp.hovered = scene.hovered;
        gp.selected = scene.selected;
        gp.highlight = theme_colors(scene.theme).highlight;
        gp.hover_width_px = 1.8f * f.scale;
        gp.selected_width_px = 3.0f * f.scale;
        globe_renderer_->draw(gp);
    } else {
        renderer_->draw(f.params);
    }
    stage_mark(f, 1);
}

// Selection (stronger) over hover on the flat map (the globe draws its own), then the
// small-country markers on top so small countries show.
void WindowProgram::draw_overlays(Frame& f) {
    const Scene& scene = app_->scene();
    const ThemeColors& theme = theme_colors(scene.theme);
    if (f.drawn_lod && !f.globe_active) {
        const geo::MapMesh& mesh = session_->projected().meshes[static_cast<size_t>(*f.drawn_lod)];
        render::OutlineStyle outline;
        outline.color = theme.highlight;
        if (scene.hovered >= 0 && scene.hovered != scene.selected) {
            outline.width_px = 1.8f * f.scale;
            outline.color.a = 200;
            overlay_renderer_->draw_outline(0, mesh, scene.hovered, f.view, f.fb.width, f.fb.height, outline);
        }
        if (scene.selected >= 0) {
            outline.width_px = 3.0f * f.scale;
            outline.color.a = 255;
            overlay_renderer_->draw_outline(1, mesh, scene.selected, f.view, f.fb.width, f.fb.height, outline);
        }
    }
    if (f.globe_active || f.drawn_lod) {
        render::MarkerStyle marker_style;
        marker_style.ring = theme.border;
        marker_style.ring_width_px = 1.0f * f.scale;
        overlay_renderer_->draw_markers(map_overlay_.markers(), app_->colors(), f.fb.width, f.fb.height,
                                        marker_style);
    }
    stage_mark(f, 2);
}

// ImGui over the map, the screenshot of the last frame, then the swap.
void WindowProgram::end_frame(Frame& f) {
    imgui_->draw();
    if (view_) mirror_audience_frame(f);
    stage_mark(f, 3);
    ++frames_drawn_;
    quiet_frames_ = f.changed ? 0 : quiet_frames_ + 1;
    const bool last = last_frame(f);
    if (last && !options_.screenshot_path.empty()) {
        screenshot_ = platform::read_back_buffer(f.fb.width, f.fb.height);
    }
    work_ms_.add(ms_between(f.work_start, Clock::now()));
    window_->swap_buffers();
}

// --bench-frames: the frame's honest time (waiting for the GPU or llvmpipe), counted
// once background work is done; when enough are in, the hover-pick figures and the
// summary are printed and the program stops (true).
bool WindowProgram::bench_after_swap(Frame& f) {
    glFinish();
    stage_mark(f, 4);
    bench_warm_frames_ = session_->busy() ? 0 : bench_warm_frames_ + 1;
    if (bench_play_pending_ && bench_warm_frames_ > 0) {
        app_->apply_actions({Action{"play", ""}}, *world_);
        bench_play_pending_ = false;
    }
    if (bench_warm_frames_ <= 3) bench_.drop_stages();
    if (bench_warm_frames_ > 3) bench_.add(ms_between(f.work_start, Clock::now()), process_cpu_ms() - f.cpu_at_start);
    if (!bench_.full()) return false;
    bench_hover_picks(f);
    std::printf("%s\n%s\n%s\n%s\n", bench_.stage_summary().c_str(), bench_.cpu_summary().c_str(),
                bench_.interaction_summary().c_str(), bench_.summary().c_str());
    std::fflush(stdout);
    return true;
}

// Hover picking on the level drawn, at a grid of points over the window.
void WindowProgram::bench_hover_picks(const Frame& f) {
    if (!f.pick_lod) return;
    const geo::BBox& bounds = session_->projected().world_bounds;
    const ViewTransform pick_view = camera().transform(bounds, f.fb.width, f.fb.height);
    for (int gy = 0; gy < 24; ++gy) {
        for (int gx = 0; gx < 40; ++gx) {
            const geo::Vec2 px{(gx + 0.5) * f.fb.width / 40.0, (gy + 0.5) * f.fb.height / 24.0};
            const auto start = Clock::now();
            volatile int picked = f.args->pick_pixel ? f.args->pick_pixel(px)
                                                     : session_->projected().pick(pick_view.to_map(px), *f.pick_lod);
            (void)picked;
            bench_.add_pick(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
        }
    }
}

}  // namespace deportmap::ui
