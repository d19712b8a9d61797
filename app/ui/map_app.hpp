// The interactive map's UI: the data model, the Scene, and the panels around the map
// (timeline, legend and headline, details, search, problems, shortcuts, the Story
// panel: map_app_story.cpp), plus map
// hover/click picking, the camera's fly-to animation, the colour cross-fade, global
// shortcuts, scripted actions (--actions) and the state dump (--dump-state). The window
// (app/cli/window.cpp) owns the GL side and calls frame() between ImGui's NewFrame and
// Render; nothing here touches GL.
#pragma once
#include <filesystem>
#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/geo/globe.hpp"
#include "core/geo/mesh.hpp"
#include "core/markers.hpp"
#include "core/geo/world.hpp"
#include "core/scene.hpp"
#include "core/story/editor.hpp"
#include "core/view.hpp"
#include "ui/app_data.hpp"
#include "ui/color_fade.hpp"
#include "ui/details_panel.hpp"
#include "ui/errors_panel.hpp"
#include "ui/export_panel.hpp"
#include "ui/legend_panel.hpp"
#include "ui/presenter.hpp"
#include "ui/search_panel.hpp"
#include "ui/settings.hpp"
#include "ui/shortcuts_panel.hpp"
#include "ui/story_panel.hpp"
#include "ui/timeline_panel.hpp"

struct ImFont;

namespace deportmap::ui {

// One scripted step (see parse_actions).
struct Action {
    std::string verb;  // select, fly, step, date, hover-legend, hide, play, pause, theme,
                       // speed, search, labels, open-export, export (export:FILE), key,
                       // and the story editor's story, story-add, story-select, ...
    std::string arg;
};
// Parses "select:RWA;step:+1;hover-legend:receiving". Throws UsageError (one line naming
// the bad step) on an unknown verb or a missing argument.
std::vector<Action> parse_actions(const std::string& text);
// The story editor's verbs (story, story-add, story-select:N, story-caption:TEXT, ...):
// they need a frame (the view, the window's size), so apply_actions runs them, and every
// step after the first of them, one per frame in order.
bool is_story_verb(const std::string& verb);
// story-select's step number (from 1); throws UsageError for anything else.
int story_step_number(const std::string& arg);

// The camera that centres `box` (projected units) in a width x height viewport, sized
// to fill about 45% of `fit_width` (the part panels leave free; 0: the whole width) and
// of the height, with the zoom clamped to [1, 400].
Camera camera_for_box(const geo::BBox& box, const geo::BBox& world, double width,
                      double height, double fit_width = 0.0);

struct FrameArgs {
    const geo::World& world;
    const geo::ProjectedWorld& projected;
    Camera& camera;
    int fb_width = 0;
    int fb_height = 0;
    double now_s = 0.0;   // monotonic seconds
    double dt_s = 0.0;    // since the previous frame (0 on the first)
    ImFont* large_font = nullptr;
    std::optional<geo::Lod> pick_lod;  // level to pick on (the one drawn)
    bool camera_moved_by_user = false;  // MapInput changed the camera this frame
    // Small-country markers drawn last frame (framebuffer pixels): hovering or clicking
    // one picks its country, before the polygons under it.
    const std::vector<Marker>* markers = nullptr;
    // When set (the globe), picks the country under a framebuffer pixel instead of the
    // flat view's inverse transform; returns a World index or -1.
    std::function<int(geo::Vec2)> pick_pixel{};
    // When set, the orthographic globe is shown (`projected` holds the Equirectangular
    // levels): a fly-to turns this view instead of moving `camera`.
    geo::GlobeView* globe = nullptr;
};

struct FrameResult {
    bool colors_changed = false;  // upload colors() to the renderer
    bool animating = false;       // playing, fading or flying: keep drawing frames
    float bottom_left_y = 0.0f;   // where the status overlay may sit (above the timeline)
    bool flight_started = false;  // a fly-to began this frame (stop the globe's spin)
    std::optional<bool> fullscreen;  // presenter mode began (true) or ended (false)
    bool toggle_presenter_view = false;  // P in presenter mode
};

class MapApp {
public:
    // Loads the data (throws std::runtime_error for an unusable status table).
    MapApp(const std::vector<std::string>& data_files, const std::string& statuses_path,
           const geo::World& world);

    Scene& scene() { return scene_; }
    const Scene& scene() const { return scene_; }
    AppData& data() { return data_; }
    TimelinePanel& timeline() { return timeline_; }
    ExportPanel& export_panel() { return export_; }
    PanelVisibility& panels() { return panels_; }
    // The user's text and panel size (Ctrl+= / Ctrl+- / Ctrl+0, the F1 panel's slider).
    float ui_scale() const { return ui_scale_; }
    void set_ui_scale(float s) { ui_scale_ = clamp_ui_scale(s); }
    // Where the window program drew the projection switch this frame (for --dump-state's
    // layout and the covered countries).
    void set_switch_rect(const PanelRect& r) { switch_rect_ = r; }
    // Current per-country fill colours (World order), mid-fade while one runs.
    const std::vector<Color>& colors() const { return fade_.current(); }
    // Milliseconds the last frame spent computing new target colours (a date, theme,
    // highlight or data change); 0 when it computed none.
    double recolour_ms() const { return recolour_ms_; }

    // Resolves a country by code or name to a World index; -1 with `error` set.
    int find_country(const std::string& text, std::string& error) const;
    // Selects and, with `fly`, flies the camera to the country over ~0.6 s (on the globe:
    // turns it until the country faces the viewer, zoomed to fit).
    void select(int world_index, bool fly);
    // Applies scripted actions (before the first frame's panels). Throws UsageError for
    // an unknown country or status.
    void apply_actions(const std::vector<Action>& actions, const geo::World& world);
    // Scripted steps still to run (from the first story verb or export on, one a frame;
    // an export waits for a fly-to in progress), or the open Export dialog's thumbnail
    // still behind its settings: --frames keeps the window going for them.
    bool script_pending() const { return !deferred_.empty() || export_.thumbnail_settling(); }

    // New boundaries were loaded: remap countries, drop the selection.
    void world_changed(const geo::World& world);
    // Adds a dropped events file. Returns false (with a message in messages()) on failure.
    void add_events_file(const std::string& path);
    // Watches the data files and the story file; true when something was reloaded.
    bool poll_files(double now_s);
    // A message for the problems panel (failed drop, settings file, ...).
    void add_message(std::string message);

    // Presenter mode (presenter.hpp). Without a story file the default story (one step
    // per event day) is presented. load_story() reports problems as messages and keeps
    // the last good story when the file cannot be read.
    Presenter& presenter() { return presenter_; }
    bool presenting() const { return presenter_.active(); }
    void load_story(const std::string& path);
    // Enters presenter mode at the next frame (--present), optionally autoplaying.
    void present(bool autoplay, bool loop);
    // A key pressed in another window (the presenter view), handled like a scripted
    // key:NAME action at the next frame (GLFW key code).
    void queue_key(int key);
    // The fill colours of the story's step `index` (its date and highlight), as the map
    // will show them there; for the presenter view's preview of the next step.
    std::vector<Color> step_colors(size_t index) const;
    // The story being edited in the Story panel (F6). The presenter shows it once it has
    // a file or steps; the file watcher never replaces unsaved edits.
    const story::StoryEditor& story_editor() const { return editor_; }

    // Runs the panels, input and animations for one frame.
    FrameResult frame(FrameArgs& args);
    // URLs the user clicked this frame (the window opens them); cleared by the call.
    std::vector<std::string> take_open_requests();

    // The UI state as JSON (selected country, date, legend counts and hover, the detail
    // panel's status and since, ...), for --dump-state and tests.
    std::string state_json(const geo::World& world) const;

private:
    void shortcuts(FrameArgs& args);
    // A frame in presenter mode: keys, the step's date and flight, the overlay.
    // `entering`: the frame that entered (its F5 is not read again as "leave").
    FrameResult present_frame(FrameArgs& args, bool entering = false);
    void ensure_story(double now_s);
    // Story editing (map_app_story.cpp).
    void apply_action(const Action& action);
    void apply_story_action(const Action& action, const FrameArgs& args);
    void run_deferred_action(const FrameArgs& args);
    void sync_story(double now_s);
    bool poll_story_file(double now_s);
    void reload_story_file(double now_s);
    void story_panel(const PanelContext& ctx, const FrameArgs& args);
    story::CurrentView current_view(const FrameArgs& args);
    const geo::Projector* story_projector(geo::ProjectionKind kind);  // null when PROJ fails
    void add_view_step(const FrameArgs& args);
    void show_story_step(int index);
    void fly_to_story_step(const FrameArgs& args);
    void save_story_edits(const std::optional<std::string>& as);
    std::string story_state_json() const;
    void map_pointer(FrameArgs& args);
    // Moves the flat camera or the globe one frame along a fly-to; true when one started.
    bool fly_step(FrameArgs& args);
    bool update_colors(double now_s, bool instant);

    double recolour_ms_ = 0.0;
    AppData data_;
    Scene scene_;
    PanelVisibility panels_;
    float ui_scale_ = 1.0f;
    // The panels' rectangles in the last frame and what is needed to tell the countries
    // whose label point lies under one of them (ISO3), for --dump-state: a layout test
    // reads them.
    PanelRect switch_rect_, timeline_rect_, details_rect_;
    struct LayoutFrame {
        const geo::ProjectedWorld* projected = nullptr;  // the last frame's (the session's)
        ViewTransform view;
        bool globe = false;
        float fb_scale = 1.0f;
        std::array<float, 2> display{};  // ImGui's display size
    } layout_frame_;
    std::vector<std::string> covered_countries(const geo::World& world) const;
    TimelinePanel timeline_;
    LegendPanel legend_;
    DetailsPanel details_;
    SearchPanel search_;
    ErrorsPanel errors_;
    ShortcutsPanel help_;
    ExportPanel export_;
    ColorFade fade_;
    std::vector<std::string> messages_;
    std::vector<std::string> open_requests_;
    Presenter presenter_;
    bool story_from_file_ = false;
    std::string story_path_;                  // --story FILE, watched while the window runs
    std::filesystem::file_time_type story_mtime_{};
    double next_story_poll_s_ = 0.0;
    uint64_t story_generation_ = UINT64_MAX;  // data generation the default story was made for
    std::vector<int> pending_keys_;           // --actions key:NAME, one per frame
    bool present_pending_ = false, autoplay_pending_ = false, loop_ = false;
    story::StoryEditor editor_;
    StoryPanel story_panel_;
    uint64_t presented_revision_ = 0;      // the editor's revision the presenter has
    std::vector<Action> deferred_;          // scripted steps from the first story verb on
    int pending_step_view_ = -1;            // a story step to show once the frame's size is known
    std::unique_ptr<geo::Projector> story_projector_;  // for bbox focus and the view's box

    // Inputs of the last colour computation, to recompute only on change.
    struct ColorKey {
        data::Day date = 0;
        Theme theme = Theme::Light;
        int highlighted = -1;
        std::vector<bool> hidden;
        uint64_t generation = 0;
        size_t countries = 0;
        std::vector<int> emphasised;
        bool operator==(const ColorKey&) const = default;
    };
    std::optional<ColorKey> color_key_;

    // Fly-to animation.
    struct Flight {
        Camera from, to;
        double start_s = -1.0;  // < 0: start on the next frame
    };
    std::optional<Flight> flight_;
    struct GlobeFlight {
        geo::GlobeView from, to;
        double start_s = 0.0;
    };
    std::optional<GlobeFlight> globe_flight_;
    std::optional<geo::GlobeView> last_globe_;  // the globe's view last frame, for state_json
    int pending_fly_ = -1;  // World index to fly to once the frame's size is known
    bool pressed_on_map_ = false;
    // The map's area left free by the panels last frame (ImGui x coordinates).
    float last_left_ = 0.0f, last_right_ = 0.0f;
    float last_top_ = 0.0f, last_bottom_ = 0.0f;  // and its top and the timeline's top edge
};

// Seconds the fly-to animation takes.
inline constexpr double kFlySeconds = 0.6;

}  // namespace deportmap::ui
