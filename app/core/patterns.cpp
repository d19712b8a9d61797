// The status patterns (see patterns.hpp); shaders/fill.frag has the same arithmetic.
#include "core/patterns.hpp"

#include <cmath>

namespace deportmap {
namespace {

double wrap(double v, double period) {
    const double m = std::fmod(v, period);
    return m < 0 ? m + period : m;
}

bool dot(double x, double y, double period, double radius) {
    const double dx = wrap(x, period) - period * 0.5, dy = wrap(y, period) - period * 0.5;
    return dx * dx + dy * dy < radius * radius * period * period;
}

}  // namespace

bool on_pattern(int pattern, double x, double y, double period) {
    if (!(period > 0)) return false;
    switch (pattern) {
        case 1: return wrap(y, period) < period * 0.28;                                    // horizontal lines
        case 2: return dot(x, y, period, 0.2);                                             // dots
        case 3: return wrap(x, period) < period * 0.28;                                    // vertical lines
        case 4: return wrap(x - y, period) < period * 0.28;                                // back diagonals
        case 5: return wrap(x, period) < period * 0.18 || wrap(y, period) < period * 0.18;  // grid
        case 6: return (static_cast<long>(std::floor(x / (period * 0.5))) +
                        static_cast<long>(std::floor(y / (period * 0.5)))) % 2 == 0;         // checks
        case 7: return dot(x, y, period * 1.5, 0.3);                                       // large dots
        default: return false;
    }
}

const char* pattern_name(int pattern) {
    switch (pattern) {
        case 1: return "horizontal lines";
        case 2: return "dots";
        case 3: return "vertical lines";
        case 4: return "back diagonals";
        case 5: return "grid";
        case 6: return "checks";
        case 7: return "large dots";
        default: return "none";
    }
}

}  // namespace deportmap
