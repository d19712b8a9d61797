// Presenter mode (F5, --present): the map full screen with no working panels, stepping
// through a story with the keys a presentation clicker sends. What stays on screen: the
// map, the step's date set large (7% of the screen height), the legend with counts on
// that date, the step's caption, a small source line (the outlets of the facts the step
// shows) and the step counter ("3 / 12"). B or '.' blacks the screen, W or ',' whitens
// it (the same key again returns). Between steps the camera flies (core/story/flight.hpp)
// and the colours cross-fade (MapApp's fade). The state machine is core's StoryPlayer;
// this class turns keys into its moves, frames each step (core/story/step_view.hpp) and
// draws the overlay. Nothing here touches GL.
#pragma once
#include <memory>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/geo/globe.hpp"
#include "core/geo/mesh.hpp"
#include "core/geo/projection.hpp"
#include "core/story/flight.hpp"
#include "core/story/player.hpp"
#include "core/story/step_view.hpp"
#include "core/story/story.hpp"
#include "ui/panel_context.hpp"

struct ImFont;

namespace deportmap::ui {

// A key by its GLFW name for --actions key:NAME ("PageDown", "Right", "b", "F5",
// "Escape", "5", "period"); -1 when unknown.
int glfw_key_from_name(const std::string& name);

// What the presenter asks of the app after a key or a frame.
struct PresenterRequest {
    std::optional<data::Day> date;   // go to this date (a step began)
    std::optional<std::vector<int>> emphasised;  // the step's highlight: status indices (empty: none)
    bool leave = false;              // Esc / F5: leave presenter mode
    bool toggle_view = false;        // P: open or close the presenter view
};

class Presenter {
public:
    // The story to present; `steps` problems are the caller's to report.
    void set_story(story::Story story, double now_s);
    const story::Story& story() const { return story_; }
    bool has_story() const { return !story_.steps.empty(); }
    // Counts set_story() calls: what was made from one story knows when it changed.
    uint64_t story_version() const { return story_version_; }

    bool active() const { return active_; }
    // The step shown (0-based; 0 with no story) and the digits typed for a jump.
    size_t current_step() const { return player_.current(); }
    std::string typed_digits() const;
    story::Blank blank() const { return player_.blank(); }
    // Seconds since presenter mode was first entered, and on the current step.
    double elapsed_s(double now_s) const { return entered_once_ ? now_s - first_entered_s_ : 0.0; }
    double step_elapsed_s(double now_s) const { return now_s - player_.step_started(); }
    // Step `index`'s focus box, through the projection of `projected` (for a preview).
    story::StepBox step_box(size_t index, const geo::World& world, const geo::ProjectedWorld& projected);
    // Whether the presenter view is open (for --dump-state; set by the window).
    void set_view_open(bool open) { view_open_ = open; }
    // Enters at the current step (the first time: the first step) and flies there.
    void enter(double now_s);
    void leave() { active_ = false; player_.stop_autoplay(); }
    void start_autoplay(double now_s, bool loop) { player_.start_autoplay(now_s, loop); }

    // One key press (a GLFW key code) while presenting.
    PresenterRequest press(int key, double now_s);
    // The keys ImGui saw this frame.
    PresenterRequest keys_from_imgui(double now_s);

    struct FrameInput {
        const geo::World& world;
        const geo::ProjectedWorld& projected;
        Camera& camera;
        geo::GlobeView* globe = nullptr;  // set on the globe
        int fb_width = 0, fb_height = 0;
        double now_s = 0.0;
        const data::StatusTable& statuses;
    };
    // Autoplay and the step's flight: moves `camera` (or the globe); returns what the
    // app should change (a new step's date and highlight).
    PresenterRequest frame(FrameInput& in);
    bool animating() const { return flight_.has_value() || globe_flight_.has_value() || player_.autoplaying(); }

    // The overlay, over the whole screen.
    void draw(const PanelContext& ctx, ImFont* large_font, double now_s);


    // --dump-state's "presenter" object: active, step (1-based), steps, blank, caption,
    // date_text_px (the date's text height in framebuffer pixels as last drawn).
    std::string state_json() const;

private:
    void begin_flight(FrameInput& in);
    const geo::Projector* projector_for(geo::ProjectionKind kind);
    // The step's outlets; recomputed only when the step, the date or the data change (it
    // lists and ranks every source, too much for every frame).
    const std::string& source_line(const PanelContext& ctx);

    story::Story story_;
    story::StoryPlayer player_;
    bool active_ = false;
    bool entered_once_ = false;
    double first_entered_s_ = 0.0;
    bool view_open_ = false;
    uint64_t story_version_ = 0;
    std::optional<story::CameraFlight> flight_;
    std::optional<story::GlobeFlight> globe_flight_;
    double flight_start_ = 0.0;
    double flight_seconds_ = 0.0;
    std::unique_ptr<geo::Projector> projector_;  // for bbox focus, made when needed
    float date_text_px_ = 0.0f;
    struct SourceKey {
        size_t step = 0;
        data::Day date = 0;
        const data::Timeline* timeline = nullptr;
        uint64_t generation = 0;
        bool operator==(const SourceKey&) const = default;
    };
    std::optional<SourceKey> source_key_;
    std::string source_line_;
    double last_mouse_move_ = 0.0;
};

}  // namespace deportmap::ui
