// The second cue per status for greyscale print (--patterns, the window's switch): a
// pattern over the status colour, decided here once for the GL shader (shaders/fill.frag
// mirrors on_pattern), the PNG page's legend, the SVG and the window's legend.
//
// In the colour table a country's flags ride in its alpha, below 255: bit 0 the stripes
// of an approximate date, bits 1-3 the pattern (alpha = 255 - flags; 254 is "striped",
// as before patterns existed). Fill colours are opaque, so no real alpha is lost.
#pragma once
#include <cstdint>

namespace deportmap {

inline constexpr int kPatternCount = 8;  // 0 is "none"
inline constexpr int kMaxFlags = 15;

// The pattern of the status at `legend_position` (0 = first in the legend, Asked): the
// first has none, so the largest group stays plain; the others in a fixed order.
inline int pattern_for_legend_position(int legend_position) {
    return legend_position > 0 && legend_position < kPatternCount ? legend_position : 0;
}

inline uint8_t flags_alpha(bool striped, int pattern) {
    return static_cast<uint8_t>(255 - ((striped ? 1 : 0) | (pattern & 7) << 1));
}
inline bool alpha_striped(uint8_t alpha) { return alpha >= 255 - kMaxFlags && ((255 - alpha) & 1) != 0; }
inline int alpha_pattern(uint8_t alpha) { return alpha < 255 - kMaxFlags ? 0 : ((255 - alpha) >> 1) & 7; }

// The pattern's period in pixels for a stripe period (they scale together).
inline double pattern_period(double hatch_period) { return hatch_period * 1.4; }

// True when the pixel centred at (x, y), in GL window coordinates (origin bottom-left,
// x and y already + 0.5), is a mark of `pattern` with `period`.
bool on_pattern(int pattern, double x, double y, double period);

// Short names, for the docs and tests: "none", "horizontal lines", "dots", …
const char* pattern_name(int pattern);

}  // namespace deportmap
