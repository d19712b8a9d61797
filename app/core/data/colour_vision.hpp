// Colour-vision-deficiency simulation and colour difference, so a status palette can be
// checked for colour-blind safety: Machado, Oliveira & Fernandes (2009) full-severity
// matrices for protanopia, deuteranopia and tritanopia, applied in linear sRGB, then
// CIEDE2000 colour difference in CIE L*a*b* (D65).
#pragma once
#include <array>
#include <string>
#include <vector>

#include "core/color.hpp"

namespace deportmap::data {

enum class Vision { Normal, Protanopia, Deuteranopia, Tritanopia };
const char* vision_name(Vision v);

struct Lab {
    double L = 0, a = 0, b = 0;
};

// Linear-light RGB in [0, 1] of an sRGB colour (alpha ignored).
std::array<double, 3> srgb_to_linear(Color c);
// The colour as a viewer with the given vision would see it, as linear RGB clamped to [0,1].
std::array<double, 3> simulate_vision(Color c, Vision v);
// CIE L*a*b* (D65 white) of linear RGB.
Lab linear_to_lab(const std::array<double, 3>& rgb);
// CIEDE2000 difference (kL = kC = kH = 1).
double delta_e_2000(const Lab& x, const Lab& y);

// The least-distinguishable pair of a palette over all four visions.
struct PaletteCheck {
    double min_delta_e = 0;  // smallest CIEDE2000 difference found
    size_t first = 0, second = 0;
    Vision vision = Vision::Normal;
};
// Compares every pair of `colours` under every Vision; needs at least two colours.
PaletteCheck check_palette(const std::vector<Color>& colours);
// The same under one vision only.
PaletteCheck check_palette(const std::vector<Color>& colours, Vision vision);

// WCAG 2 relative luminance (0 black .. 1 white) and the contrast ratio of two colours
// ((lighter + 0.05) / (darker + 0.05), 1 to 21), whichever is lighter.
double relative_luminance(Color c);
double contrast_ratio(Color x, Color y);

}  // namespace deportmap::data
