// An RGBA page in memory (straight alpha, rows top-down) that the exporter composes:
// background, the rendered map, legend swatches, text and a logo. No GL; the PNG writer
// and the animation pipe take its bytes as they are.
#pragma once
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "core/color.hpp"

namespace deportmap::exporter {

class Canvas {
public:
    Canvas() = default;
    // A width x height page filled with `fill` (alpha 0 gives a transparent page).
    Canvas(int width, int height, Color fill);
    // Only rows [band_top, band_top + band_rows) of a width x height page, filled with
    // `fill`: everything is drawn in page coordinates and what falls outside the band is
    // dropped, so a page can be composed and written band by band with the same calls
    // (and the same pixels) as a whole one.
    Canvas(int width, int height, Color fill, int band_top, int band_rows);
    // Adopts `rgba` (width * height * 4 bytes) as the page.
    Canvas(int width, int height, std::vector<uint8_t>&& rgba)
        : width_(width), height_(height), band_rows_(height), rgba_(std::move(rgba)) {}

    int width() const { return width_; }
    int height() const { return height_; }  // the page's, not the band's
    int band_top() const { return band_top_; }
    int band_rows() const { return band_rows_; }
    // Whether any row of [y0, y1) lies in the band (callers skip work that would not).
    bool rows_in_band(double y0, double y1) const { return y1 > band_top_ && y0 < band_top_ + band_rows_; }
    // The band's pixels (the whole page's unless made as a band), rows top-down.
    std::vector<uint8_t>& rgba() { return rgba_; }
    const std::vector<uint8_t>& rgba() const { return rgba_; }
    // Pixel (x, y) in page coordinates; y must lie in the band.
    const uint8_t* pixel(int x, int y) const { return &rgba_[index(x, y)]; }

    // Blends `color` over pixel (x, y) with extra coverage `coverage` (0..1); pixels
    // outside the page are ignored. Straight-alpha "over".
    void blend(int x, int y, Color color, float coverage);
    // Fills the rectangle [x0, x1) x [y0, y1) (fractional edges anti-aliased) by blending.
    void fill_rect(double x0, double y0, double x1, double y1, Color color);
    // Strokes the rectangle's outline `width` pixels wide, inside the rectangle.
    void stroke_rect(double x0, double y0, double x1, double y1, double width, Color color);
    // Fills a disc of radius `r` centred at (cx, cy), edges anti-aliased (coverage from
    // the distance to the edge).
    void fill_circle(double cx, double cy, double r, Color color);
    // Blends an RGBA image (rows top-down, straight alpha) with its top-left at (x, y).
    void blit(std::span<const uint8_t> rgba, int width, int height, int x, int y);
    // Copies an RGBA image into the page as it is (no blending), clipped to the page.
    void copy(std::span<const uint8_t> rgba, int width, int height, int x, int y);

private:
    size_t index(int x, int y) const {
        return (static_cast<size_t>(y - band_top_) * static_cast<size_t>(width_) + static_cast<size_t>(x)) * 4;
    }
    int width_ = 0;
    int height_ = 0;
    int band_top_ = 0;
    int band_rows_ = 0;  // rows held: height_ unless made as a band
    std::vector<uint8_t> rgba_;
};

}  // namespace deportmap::exporter
