// The interactive map window as a program with clear steps (docs/architecture.md):
//   start     headless check, settings, the model (world, data, Scene), the window and
//             its GL context, the renderers;
//   frame     input and waiting, dropped files and reloads, finished background work,
//             the UI, the map, the overlays, swap (plus the benchmark and screenshot
//             hooks);
//   shutdown  settings saved, state dumped, screenshot written.
// `deportmap` (app/cli/window.cpp) parses the options and calls run().
#pragma once
#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/geo/globe.hpp"
#include "core/geo/world.hpp"
#include "core/view.hpp"
#include "platform/framebuffer_readback.hpp"
#include "platform/glfw_window.hpp"
#include "render/globe_renderer.hpp"
#include "render/map_renderer.hpp"
#include "render/overlay_renderer.hpp"
#include "ui/frame_bench.hpp"
#include "ui/globe_input.hpp"
#include "ui/imgui_layer.hpp"
#include "ui/map_app.hpp"
#include "ui/map_input.hpp"
#include "ui/map_overlay.hpp"
#include "ui/map_session.hpp"
#include "ui/presenter_view.hpp"
#include "render/offscreen_target.hpp"
#include "ui/diagnostics_panel.hpp"
#include "ui/settings.hpp"
#include "ui/window_options.hpp"

namespace deportmap::ui {

// Mean of the last few samples (frame and work times) for the overlay; the first frame
// (shader compilation, first uploads) is left out.
class RecentMean {
public:
    void add(double sample);
    double value() const;

private:
    std::vector<double> samples_ = std::vector<double>(30, 0.0);
    size_t next_ = 0;
    bool skipped_first_ = false;
};

class WindowProgram {
public:
    explicit WindowProgram(WindowOptions options);
    ~WindowProgram();
    WindowProgram(const WindowProgram&) = delete;
    WindowProgram& operator=(const WindowProgram&) = delete;

    // Runs the window until it closes (or --frames / --bench-frames end it); the exit
    // code. Throws UsageError for options that name what the data does not have.
    int run();

private:
    using Clock = std::chrono::steady_clock;
    struct Frame;  // one frame's working state (window_program.cpp)

    // start
    bool start();
    void load_settings();
    bool load_model();
    void apply_options_to_scene();
    bool open_window();
    void create_renderers();
    // frame
    bool frame();
    bool wait_for_work(Frame& f);
    void take_dropped_files(Frame& f);
    void load_dropped_boundaries(const std::string& path);
    void take_background_work(Frame& f);
    void upload_globe_levels(const MapSession::Changes& changes);
    void run_ui(Frame& f);
    void run_diagnostics_panel(Frame& f);
    render::DrawParams flat_params(int width, int height, const ViewTransform& view, float scale) const;
    render::GlobeDrawParams globe_params(int width, int height, const geo::GlobeView& view, float scale) const;
    void draw_map(Frame& f);
    void draw_overlays(Frame& f);
    void end_frame(Frame& f);
    bool last_frame(const Frame& f) const;
    void stage_mark(Frame& f, int stage);
    // presenter view (window_presenter_view.cpp)
    void run_presenter_view(Frame& f, bool last);
    bool open_presenter_view();
    void mirror_audience_frame(const Frame& f);
    void render_next_preview(const Frame& f);
    PresenterViewContent presenter_view_content(const Frame& f) const;
    // benchmark
    bool bench_after_swap(Frame& f);
    void bench_hover_picks(const Frame& f);
    // The view lives in the Scene (core/scene.hpp), the window's and the exports' alike.
    Camera& camera() { return app_->scene().camera; }
    void fit_home_view(Frame& f, const geo::BBox& bounds);
    std::optional<Camera> fitted_home_;  // the home view as last fitted above the timeline
    geo::GlobeView& globe_view() { return app_->scene().globe_view; }
    bool& orthographic() { return app_->scene().orthographic; }
    // shutdown
    int shutdown();
    void save_window_settings();
    static bool write_screenshot(const std::string& path, const platform::RgbaPixels& pixels);

    WindowOptions options_;
    std::vector<Action> actions_;
    Settings settings_;
    std::string settings_file_;
    std::string settings_message_;
    std::shared_ptr<const geo::World> world_;
    std::unique_ptr<MapApp> app_;
    std::unique_ptr<MapSession> session_;
    std::unique_ptr<platform::GlfwWindow> window_;
    std::unique_ptr<render::MapRenderer> renderer_;
    std::unique_ptr<render::OverlayRenderer> overlay_renderer_;
    std::unique_ptr<render::GlobeRenderer> globe_renderer_;
    std::unique_ptr<ImGuiLayer> imgui_;
    bool globe_uploaded_ = false;
    GlobeInput globe_input_;
    MapOverlay map_overlay_;
    MapInput input_;
    DiagnosticsPanel overlay_;
    FrameBench bench_{0};
    int bench_warm_frames_ = 0;  // frames drawn since all background work finished
    bool bench_play_pending_ = false;  // --bench-frames --play: starts when the work is done
    std::vector<std::string> errors_;
    RecentMean work_ms_;
    RecentMean frame_ms_;
    long long frames_drawn_ = 0;
    int quiet_frames_ = 0;  // frames in a row in which nothing changed
    platform::PixelSize last_fb_;
    float last_scale_ = 0.0f;
    platform::RgbaPixels screenshot_;
    // The presenter view: wanted (--presenter-view, P), open while presenting.
    bool view_wanted_ = false;
    std::unique_ptr<PresenterView> view_;
    std::unique_ptr<render::OffscreenTarget> mirror_;   // the audience's frame, copied
    std::unique_ptr<render::OffscreenTarget> preview_;  // the next step's map
    struct PreviewKey {
        size_t step = 0;
        uint64_t story = 0, data = 0;
        Theme theme = Theme::Light;
        int width = 0, height = 0;
        geo::ProjectionKind projection = geo::ProjectionKind::EqualEarth;
        bool globe = false;
        std::array<bool, geo::kLodCount> ready{};
        bool operator==(const PreviewKey&) const = default;
    };
    std::optional<PreviewKey> preview_key_;
    platform::RgbaPixels view_screenshot_;
    Clock::time_point t0_ = Clock::now();
    Clock::time_point last_frame_start_ = Clock::now();
};

}  // namespace deportmap::ui
