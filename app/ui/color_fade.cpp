// Per-country colour cross-fade (see color_fade.hpp).
#include "ui/color_fade.hpp"

#include <algorithm>
#include <cmath>

namespace deportmap::ui {

Color blend(Color a, Color b, double t) {
    t = std::clamp(t, 0.0, 1.0);
    auto m = [t](uint8_t x, uint8_t y) {
        return static_cast<uint8_t>(std::lround(x + (static_cast<double>(y) - x) * t));
    };
    // Alpha carries the map's stripe and pattern flags (core/patterns.hpp): the target's,
    // never a value between two flags.
    return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), b.a};
}

void ColorFade::set_targets(const std::vector<Color>& targets, double now, bool instant) {
    if (instant || current_.size() != targets.size()) {
        from_ = targets;
        to_ = targets;
        current_ = targets;
        start_.assign(targets.size(), -1.0);
        active_ = false;
        return;
    }
    for (size_t i = 0; i < targets.size(); ++i) {
        if (targets[i] == to_[i]) continue;
        from_[i] = current_[i];
        to_[i] = targets[i];
        start_[i] = now;
        active_ = true;
    }
}

bool ColorFade::update(double now) {
    if (!active_) return false;
    bool any = false;
    bool changed = false;
    for (size_t i = 0; i < current_.size(); ++i) {
        if (start_[i] < 0.0) continue;
        const double t = (now - start_[i]) / kColorFadeSeconds;
        Color c;
        if (t >= 1.0) {
            c = to_[i];
            start_[i] = -1.0;
        } else {
            // Smoothstep: eases in and out.
            const double s = std::max(0.0, t);
            c = blend(from_[i], to_[i], s * s * (3.0 - 2.0 * s));
            any = true;
        }
        if (!(c == current_[i])) {
            current_[i] = c;
            changed = true;
        }
    }
    active_ = any;
    return changed;
}

}  // namespace deportmap::ui
