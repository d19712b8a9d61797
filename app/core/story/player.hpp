// The presenter's step state machine: which step is shown, the black or white screen, a
// number being typed to jump to, and autoplay. Time is passed in (seconds on any
// monotonic clock, or a frame number over the frame rate for a video), never read here,
// so tests and exports drive it exactly.
#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace deportmap::story {

enum class Blank { None, Black, White };
std::string_view blank_name(Blank b);  // "none", "black", "white"

class StoryPlayer {
public:
    // `steps` steps (0 is allowed: nothing to show).
    explicit StoryPlayer(size_t steps = 0) : steps_(steps) {}

    size_t steps() const { return steps_; }
    size_t current() const { return current_; }  // 0-based; 0 when there are no steps
    // True when the step changed since the last take_changed() (a flight should start).
    bool take_changed();
    // The time the current step began (set by the moves below, from `now`).
    double step_started() const { return started_; }

    // Moves; each returns true when the step changed. At the ends, next/prev stay put.
    bool next(double now);
    bool prev(double now);
    bool first(double now);
    bool last(double now);
    bool jump(size_t one_based, double now);  // out of range: no change

    // A number typed on a clicker's keypad, then Enter: jump_typed() goes there (and
    // false with nothing typed, so Enter means next).
    void type_digit(int digit);
    bool typed() const { return typed_ > 0; }
    size_t typed_number() const { return typed_; }  // 0: nothing typed
    bool jump_typed(double now);
    void clear_typed() { typed_ = 0; }

    // B / W: black or white screen; the same key again returns to the map.
    void toggle_blank(Blank b) { blank_ = blank_ == b ? Blank::None : b; }
    Blank blank() const { return blank_; }

    // A new story (the file reloaded): the same step when it still exists, else the last.
    void set_steps(size_t steps, double now);

    // Autoplay: each step holds for its duration (`seconds[i]`, after `lead_in[i]` of
    // flight), then the next; with `loop` the last goes back to the first.
    void start_autoplay(double now, bool loop);
    void stop_autoplay() { autoplay_ = false; }
    bool autoplaying() const { return autoplay_; }
    // Advances autoplay to `now`; true when the step changed.
    bool tick(double now, const std::vector<double>& seconds, const std::vector<double>& lead_in);

private:
    bool go(size_t index, double now);

    size_t steps_ = 0;
    size_t current_ = 0;
    double started_ = 0.0;
    bool changed_ = true;
    Blank blank_ = Blank::None;
    size_t typed_ = 0;
    bool autoplay_ = false;
    bool loop_ = false;
};

}  // namespace deportmap::story
