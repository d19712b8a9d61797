// Cross-fades the per-country fill colours when they change (a status change on the
// timeline, a theme switch, a highlighted legend entry): each country moves from the
// colour it shows now to its new colour over a short time. Pure CPU; the window uploads
// current() (one small colour table) while a fade runs.
#pragma once
#include <vector>

#include "core/color.hpp"

namespace deportmap::ui {

inline constexpr double kColorFadeSeconds = 0.3;

class ColorFade {
public:
    // New target colours at time `now` (seconds). A country whose target differs starts
    // fading from the colour it shows at `now`; with `instant` (first colours, a new
    // dataset, a scripted frame) every country jumps to its target.
    void set_targets(const std::vector<Color>& targets, double now, bool instant = false);
    // Advances to `now`; returns true when current() changed.
    bool update(double now);
    const std::vector<Color>& current() const { return current_; }
    const std::vector<Color>& targets() const { return to_; }
    // True while at least one country is still fading.
    bool active() const { return active_; }

private:
    std::vector<Color> from_, to_, current_;
    std::vector<double> start_;  // fade start per country; < 0 when settled
    bool active_ = false;
};

// Linear blend of two colours, t in [0, 1].
Color blend(Color a, Color b, double t);

}  // namespace deportmap::ui
