// Draws a composed page's non-map parts (texts, legend swatches, logo) onto a Canvas
// that already holds the background and the map. No GL. Also the logo reader (PNG, JPEG
// or anything stb_image reads).
#pragma once
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/color.hpp"
#include "export/canvas.hpp"
#include "export/layout.hpp"

namespace deportmap::exporter {

// Thrown for export input that cannot be used (e.g. a logo); what() is one line.
struct ExportError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct Image {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgba;  // straight alpha, rows top-down
};

// Reads an image file as RGBA; throws ExportError naming the file when it cannot.
Image load_image(const std::string& path);

// Resamples `image` to width x height (area average; both at least 1).
Image resize_image(const Image& image, int width, int height);

struct PageColors {
    Color text;
    Color muted;
    Color outline;  // legend swatch outlines
    Color background{255, 255, 255, 255};  // the page's: mixed into stripes, label halos
};

// Stripes over approximate statuses, as the map shader draws them: pixel (x, y) of an
// image `height` pixels tall lies on a stripe of period `period` when this is true
// (diagonal, top-left to bottom-right; a stripe is 0.35 of the period wide).
bool on_hatch_stripe(int x, int y, int height, double period);

// Mixes `color` 50 % into the pixels of [x0, x1) x [y0, y1) that lie on a stripe
// (phase as on_hatch_stripe with the page's height).
void hatch_rect(Canvas& canvas, int x0, int y0, int x1, int y1, double period, Color color);
// The colour and opacity (alpha) of a pattern's marks over `fill`, as the map shader
// mixes them: black at one half on light colours, white at 0.55 on dark ones.
Color pattern_mark(Color fill);
// Marks `pattern` (core/patterns.hpp) over a rectangle of `fill`.
void pattern_rect(Canvas& canvas, int x0, int y0, int x1, int y1, int pattern, double period, Color fill);

// Draws the layout's texts, swatches and (when given and placed) the logo.
void draw_page(Canvas& canvas, const PageLayout& layout, const PageColors& colors,
               const Image* logo);

}  // namespace deportmap::exporter
