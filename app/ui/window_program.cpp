// The window program's start and shutdown steps (see window_program.hpp); the frame's
// steps are in window_frame.cpp.
#include "ui/window_program.hpp"

#include <malloc.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/util/args.hpp"
#include "export/png.hpp"
#include "render/gl/objects.hpp"
#include "platform/window_extras.hpp"
#include "ui/window_frame.hpp"

namespace deportmap::ui {
namespace {

constexpr const char* kHeadlessHint = "use 'deportmap export --out map.png' to render without a window";

}  // namespace

void RecentMean::add(double sample) {
    if (!skipped_first_) {
        skipped_first_ = true;
        return;
    }
    samples_[next_ % samples_.size()] = sample;
    ++next_;
}

double RecentMean::value() const {
    const size_t n = std::min(next_, samples_.size());
    if (n == 0) return 0.0;
    double sum = 0.0;
    for (size_t i = 0; i < n; ++i) sum += samples_[i];
    return sum / static_cast<double>(n);
}

WindowProgram::WindowProgram(WindowOptions options)
    : options_(std::move(options)), bench_(options_.bench_frames.value_or(0)) {}

WindowProgram::~WindowProgram() {
    // Finished background work wakes the loop while it sleeps: stop that before the
    // window (and GLFW) go away.
    if (session_) session_->set_wake_callback({});
}

int WindowProgram::run() {
    if (!start()) return 1;
    while (frame()) {
    }
    return shutdown();
}

// Headless first (no window, no GL, no data loading), then the model, then the window.
bool WindowProgram::start() {
    actions_ = parse_actions(options_.actions);
    if (auto reason = platform::missing_display_reason()) {
        std::fprintf(stderr, "deportmap: no display available (%s); %s\n", reason->c_str(), kHeadlessHint);
        return false;
    }
    // One malloc arena: the worker that builds the 1:10m level would otherwise get its
    // own, and the two arenas' free space raise the peak (docs/map-drawing.md).
    mallopt(M_ARENA_MAX, 1);
    load_settings();
    if (!load_model()) return false;
    apply_options_to_scene();
    session_ = std::make_unique<MapSession>(world_, options_.projection);
    if (!open_window()) return false;
    create_renderers();
    return true;
}

// Settings from the last interactive run; the command line wins over them.
void WindowProgram::load_settings() {
    settings_file_ = options_.use_settings() ? settings_path() : "";
    if (settings_file_.empty()) return;
    settings_ = ui::load_settings(settings_file_, settings_message_);
    if (!settings_message_.empty()) std::fprintf(stderr, "deportmap: %s\n", settings_message_.c_str());
    if (!options_.size_given && settings_.width && settings_.height) {
        options_.width = *settings_.width;
        options_.height = *settings_.height;
        options_.size_given = true;
    }
    if (!options_.projection_given) {
        options_.projection = settings_.globe ? geo::ProjectionKind::Equirectangular : settings_.projection;
        options_.globe = settings_.globe;
    }
}

bool WindowProgram::load_model() {
    try {
        world_ = std::make_shared<const geo::World>(geo::load_world(options_.boundaries));
        app_ = std::make_unique<MapApp>(options_.data_files, options_.statuses_path, *world_);
    } catch (const std::runtime_error& e) {  // geo::GeoError and data errors
        std::fprintf(stderr, "deportmap: %s\n", e.what());
        return false;
    }
    if (!settings_message_.empty()) app_->add_message(settings_message_);
    for (const std::string& line : world_->skipped) {
        std::fprintf(stderr, "deportmap: note: %s\n", line.c_str());
        app_->add_message(line);
    }
    app_->export_panel().enable_thumbnail();
    app_->export_panel().set_inputs({options_.data_files, options_.statuses_path, options_.boundaries.path,
                                     options_.boundaries.id_field, options_.boundaries.name_field});
    return true;
}

void WindowProgram::apply_options_to_scene() {
    Scene& scene = app_->scene();
    if (!settings_file_.empty()) {
        scene.theme = settings_.theme;
        scene.labels = settings_.labels;
        scene.patterns = settings_.patterns;
        app_->panels() = settings_.panels;
        app_->timeline().set_speed_index(settings_.speed_index);
        globe_view() = settings_.globe_view;
        app_->set_ui_scale(settings_.ui_scale);
    }
    if (options_.ui_scale) app_->set_ui_scale(*options_.ui_scale);
    if (options_.bench_frames) app_->panels().diagnostics = true;  // the timings on screen too
    if (options_.theme) scene.theme = *parse_theme(*options_.theme);
    if (options_.labels) scene.labels = true;
    if (options_.patterns) scene.patterns = true;
    if (options_.date) app_->timeline().go_to(scene, data::query_day(*data::parse_date(*options_.date)));
    if (!options_.select.empty()) {
        std::string error;
        const int w = app_->find_country(options_.select, error);
        if (w < 0) throw UsageError("option --select: " + error);
        app_->select(w, false);
    }
    if (!options_.story_path.empty()) app_->load_story(options_.story_path);
    if (options_.present || options_.autoplay) app_->present(options_.autoplay, options_.loop);
    view_wanted_ = options_.presenter_view;
    app_->apply_actions(actions_, *world_);
    scene.projection = options_.projection;
    // --bench-frames times playback once the background work is done (bench_after_swap),
    // so that a slow build still measures date changes rather than a finished timeline.
    if (options_.play && !options_.bench_frames) app_->apply_actions({Action{"play", ""}}, *world_);
    bench_play_pending_ = options_.play && options_.bench_frames;
    orthographic() = options_.globe;
}

bool WindowProgram::open_window() {
    platform::WindowConfig config;
    config.title = window_title(options_.projection);
    config.width = options_.width;
    config.height = options_.height;
    config.scale_to_monitor = !options_.size_given;
    if (options_.bench_frames) config.vsync = false;  // time the work, not the refresh
    try {
        window_ = std::make_unique<platform::GlfwWindow>(config);
    } catch (const platform::DisplayUnavailable& e) {
        std::fprintf(stderr, "deportmap: %s; %s\n", e.what(), kHeadlessHint);
        return false;
    }
    if (!settings_file_.empty() && settings_.x && settings_.y) {
        platform::set_window_pos(window_->handle(), {*settings_.x, *settings_.y});
    }
    platform::install_file_drop(window_->handle());
    return true;
}

void WindowProgram::create_renderers() {
    renderer_ = std::make_unique<render::MapRenderer>();
    renderer_->upload(session_->projected());
    session_->release_pyramids();
    overlay_renderer_ = std::make_unique<render::OverlayRenderer>();
    // The orthographic globe: drawn from the session's Equirectangular levels once they
    // are the ones shown.
    globe_renderer_ = std::make_unique<render::GlobeRenderer>();
    imgui_ = std::make_unique<ImGuiLayer>(window_->handle(), window_->content_scale());
    if (!settings_file_.empty()) imgui_->set_ini_path(imgui_ini_path());
    session_->set_wake_callback(platform::post_empty_event);
    camera() = home_camera(session_->projected().world_bounds);
    if (!options_.zoom_to.empty()) {
        const platform::PixelSize size = window_->framebuffer_size();
        std::string error;
        auto c = zoom_to_camera(options_.zoom_to, *app_, session_->projected(), session_->projector(),
                                size.width, size.height, error);
        if (!c) throw UsageError("option --zoom-to: " + error);
        camera() = *c;
    }
    t0_ = last_frame_start_ = Clock::now();
}

int WindowProgram::shutdown() {
    app_->export_panel().release_gl();  // while the window's context is current
    if (!settings_file_.empty()) save_window_settings();
    if (!options_.dump_state_path.empty()) {
        std::ofstream out(options_.dump_state_path, std::ios::binary | std::ios::trunc);
        nlohmann::json state = nlohmann::json::parse(app_->state_json(*world_));
        state["gl_objects"] = render::gl::live_objects();  // flat over a soak (bench/soak_presenter.sh)
        out << state.dump() << '\n';
        if (!out) {
            std::fprintf(stderr, "deportmap: %s: cannot be written\n", options_.dump_state_path.c_str());
            return 1;
        }
    }
    if (!write_screenshot(options_.screenshot_path, screenshot_)) return 1;
    if (!write_screenshot(options_.view_screenshot_path, view_screenshot_)) return 1;
    return 0;
}

// A --screenshot or --view-screenshot PNG; true when none was asked for.
bool WindowProgram::write_screenshot(const std::string& path, const platform::RgbaPixels& pixels) {
    if (path.empty()) return true;
    if (pixels.rgba.empty()) {
        std::fprintf(stderr, "deportmap: %s: no frame could be read back for the screenshot\n", path.c_str());
        return false;
    }
    try {
        exporter::write_png(path, pixels.rgba, pixels.width, pixels.height, 4);
    } catch (const exporter::PngError& e) {
        std::fprintf(stderr, "deportmap: %s\n", e.what());
        return false;
    }
    return true;
}

void WindowProgram::save_window_settings() {
    const platform::PixelSize size = window_->window_size();
    const platform::WindowPos pos = platform::window_pos(window_->handle());
    settings_.width = size.width;
    settings_.height = size.height;
    settings_.x = pos.x;
    settings_.y = pos.y;
    settings_.theme = app_->scene().theme;
    settings_.projection = session_->requested_projection();
    settings_.globe = orthographic();
    settings_.globe_view = globe_view();
    settings_.labels = app_->scene().labels;
    settings_.patterns = app_->scene().patterns;
    settings_.panels = app_->panels();
    settings_.speed_index = app_->timeline().speed_index();
    settings_.ui_scale = app_->ui_scale();
    std::string error;
    if (!save_settings(settings_file_, settings_, error)) {
        std::fprintf(stderr, "deportmap: settings not saved: %s\n", error.c_str());
    }
}

}  // namespace deportmap::ui
