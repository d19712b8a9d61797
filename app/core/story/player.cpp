// The presenter's step state machine (see player.hpp).
#include "core/story/player.hpp"

namespace deportmap::story {

std::string_view blank_name(Blank b) {
    switch (b) {
        case Blank::Black: return "black";
        case Blank::White: return "white";
        case Blank::None: break;
    }
    return "none";
}

bool StoryPlayer::take_changed() {
    const bool c = changed_;
    changed_ = false;
    return c;
}

bool StoryPlayer::go(size_t index, double now) {
    if (steps_ == 0 || index >= steps_ || index == current_) return false;
    current_ = index;
    started_ = now;
    changed_ = true;
    return true;
}

bool StoryPlayer::next(double now) { return current_ + 1 < steps_ && go(current_ + 1, now); }
bool StoryPlayer::prev(double now) { return current_ > 0 && go(current_ - 1, now); }
bool StoryPlayer::first(double now) { return go(0, now); }
bool StoryPlayer::last(double now) { return steps_ > 0 && go(steps_ - 1, now); }

bool StoryPlayer::jump(size_t one_based, double now) {
    if (one_based == 0 || one_based > steps_) return false;
    return go(one_based - 1, now);
}

void StoryPlayer::type_digit(int digit) {
    if (digit < 0 || digit > 9) return;
    if (typed_ > 100000) typed_ = 0;  // a stuck key cannot overflow
    typed_ = typed_ * 10 + static_cast<size_t>(digit);
}

bool StoryPlayer::jump_typed(double now) {
    if (typed_ == 0) return false;
    const size_t n = typed_;
    typed_ = 0;
    jump(n, now);
    return true;  // the Enter was used for the number, even one out of range
}

void StoryPlayer::set_steps(size_t steps, double now) {
    steps_ = steps;
    if (steps_ == 0) {
        current_ = 0;
    } else if (current_ >= steps_) {
        current_ = steps_ - 1;
        started_ = now;
        changed_ = true;
    }
}

void StoryPlayer::start_autoplay(double now, bool loop) {
    autoplay_ = true;
    loop_ = loop;
    started_ = now;
}

bool StoryPlayer::tick(double now, const std::vector<double>& seconds, const std::vector<double>& lead_in) {
    if (!autoplay_ || steps_ == 0) return false;
    bool moved = false;
    // Several steps may pass in one long gap (a stalled frame); at most one lap.
    for (size_t guard = 0; guard <= steps_; ++guard) {
        const double hold = current_ < seconds.size() ? seconds[current_] : 5.0;
        const double lead = current_ < lead_in.size() ? lead_in[current_] : 0.0;
        const double ends = started_ + lead + hold;
        if (now < ends) break;
        if (current_ + 1 < steps_) {
            current_ += 1;
        } else if (loop_) {
            current_ = 0;
        } else {
            autoplay_ = false;
            break;
        }
        started_ = ends;
        changed_ = true;
        moved = true;
    }
    return moved;
}

}  // namespace deportmap::story
