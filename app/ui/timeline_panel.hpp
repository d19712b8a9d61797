// The timeline bar across the bottom: play/pause, speed, previous/next event day, first
// and latest day, a typed date, the current date in large type, and the track — a tick
// per event day in its status colour, court rulings as diamonds above, a tooltip listing
// a day's events or giving a ruling. Clicking or dragging on the track moves the date.
// Keys (when no text field has focus): Space, Left/Right and , . (event days), Home/End.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/data/date.hpp"
#include "ui/panel_context.hpp"

namespace deportmap::ui {

struct PlaySpeed {
    double days_per_second;
    const char* label;
};
inline constexpr std::array<PlaySpeed, 5> kPlaySpeeds{{{1.0, "1 day/s"},
                                                       {7.0, "1 week/s"},
                                                       {30.4375, "1 month/s"},
                                                       {91.3125, "1 quarter/s"},
                                                       {365.25, "1 year/s"}}};

// The span the track shows: first event day to the latest event or source date, with a
// margin of 3% (at least a week) on each side.
struct TimelineRange {
    data::Day first_event = 0;  // Home
    data::Day latest = 0;       // End: the latest event day or source date
    data::Day start = 0;        // left edge of the track
    data::Day end = 0;          // right edge
};
TimelineRange timeline_range(const data::Timeline& timeline);

// The event day `steps` event days after (steps > 0) or before (steps < 0) `from`;
// `from` itself when there is none in that direction.
data::Day step_event_day(const std::vector<data::Day>& days, data::Day from, int steps);

class TimelinePanel {
public:
    // Draws the bar at the bottom of the screen, advances playback by `dt_s` seconds and
    // moves ctx.scene.date. Returns the bar's top edge (ImGui coordinates).
    float draw(PanelContext& ctx, double dt_s);
    // Keys and playback only (draw() calls it; call it instead when the bar is hidden,
    // so Space and the arrows still work and playback goes on).
    void tick(PanelContext& ctx, double dt_s);

    bool playing() const { return playing_; }
    // Scripted play/pause (--play, the "play" action). Playing from the last day starts
    // over from the first event, as Space and the Play button do (on the next tick,
    // once the track's span is known).
    void set_playing(bool on) {
        playing_ = on;
        restart_at_end_ = on;
    }
    int speed_index() const { return speed_; }
    void set_speed_index(int i);
    // Steps the scene's date by `steps` event days (scripted or from the keys).
    void step(PanelContext& ctx, int steps);
    // Puts the date on `day`, clamped to the track's span (the play position follows).
    void go_to(Scene& scene, data::Day day);
    // Builds the track's span and per-day event lists for a dataset generation (a no-op
    // when already built for it). draw() calls it; call it before go_to() otherwise.
    void rebuild(const data::Timeline& timeline, uint64_t generation);
    const TimelineRange& range() const { return range_; }

private:
    void keys(PanelContext& ctx);
    void draw_track(PanelContext& ctx, float height);
    void draw_tick_tooltip(const PanelContext& ctx, data::Day day, bool ruling) const;

    uint64_t built_generation_ = UINT64_MAX;
    TimelineRange range_;
    // Country events and global events (rulings) per first day.
    std::map<data::Day, std::vector<uint32_t>> day_events_;
    std::map<data::Day, std::vector<uint32_t>> day_rulings_;

    bool playing_ = false;
    bool restart_at_end_ = false;  // set_playing(true) not yet seen by tick()
    int speed_ = 1;
    double position_ = 0.0;  // fractional day while playing
    bool scrubbing_ = false;
    std::array<char, 32> date_text_{};
    std::string date_error_;
};

}  // namespace deportmap::ui
