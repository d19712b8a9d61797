// Canvas: blending and rectangles on an RGBA page (see canvas.hpp).
#include "export/canvas.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace deportmap::exporter {

Canvas::Canvas(int width, int height, Color fill) : Canvas(width, height, fill, 0, height) {}

Canvas::Canvas(int width, int height, Color fill, int band_top, int band_rows)
    : width_(std::max(0, width)), height_(std::max(0, height)) {
    band_top_ = std::clamp(band_top, 0, height_);
    band_rows_ = std::clamp(band_rows, 0, height_ - band_top_);
    // One row of the fill, appended row by row: each byte of a big page is written once
    // (resize() would zero it first).
    std::vector<uint8_t> row(static_cast<size_t>(width_) * 4);
    for (size_t i = 0; i < row.size(); i += 4) {
        row[i] = fill.r;
        row[i + 1] = fill.g;
        row[i + 2] = fill.b;
        row[i + 3] = fill.a;
    }
    rgba_.reserve(row.size() * static_cast<size_t>(band_rows_));
    for (int y = 0; y < band_rows_; ++y) rgba_.insert(rgba_.end(), row.begin(), row.end());
}

namespace {

// Straight-alpha "over" of (r, g, b) with alpha `a` (0..1) onto `dst`.
void over(uint8_t* dst, float r, float g, float b, float a) {
    if (a <= 0.0f) return;
    const float da = dst[3] / 255.0f;
    const float oa = a + da * (1.0f - a);
    if (oa <= 0.0f) return;
    const float k = da * (1.0f - a);
    dst[0] = static_cast<uint8_t>(std::lround((r * a + dst[0] * k) / oa));
    dst[1] = static_cast<uint8_t>(std::lround((g * a + dst[1] * k) / oa));
    dst[2] = static_cast<uint8_t>(std::lround((b * a + dst[2] * k) / oa));
    dst[3] = static_cast<uint8_t>(std::lround(oa * 255.0f));
}

}  // namespace

void Canvas::blend(int x, int y, Color color, float coverage) {
    if (x < 0 || y < band_top_ || x >= width_ || y >= band_top_ + band_rows_) return;
    const float a = std::clamp(coverage, 0.0f, 1.0f) * (color.a / 255.0f);
    uint8_t* p = &rgba_[index(x, y)];
    over(p, color.r, color.g, color.b, a);
}

void Canvas::fill_rect(double x0, double y0, double x1, double y1, Color color) {
    const int ix0 = std::max(0, static_cast<int>(std::floor(x0)));
    const int iy0 = std::max(band_top_, static_cast<int>(std::floor(y0)));
    const int ix1 = std::min(width_, static_cast<int>(std::ceil(x1)));
    const int iy1 = std::min(band_top_ + band_rows_, static_cast<int>(std::ceil(y1)));
    for (int y = iy0; y < iy1; ++y) {
        const double cy = std::min<double>(y + 1, y1) - std::max<double>(y, y0);
        for (int x = ix0; x < ix1; ++x) {
            const double cx = std::min<double>(x + 1, x1) - std::max<double>(x, x0);
            blend(x, y, color, static_cast<float>(std::clamp(cx * cy, 0.0, 1.0)));
        }
    }
}

void Canvas::stroke_rect(double x0, double y0, double x1, double y1, double w, Color color) {
    fill_rect(x0, y0, x1, y0 + w, color);
    fill_rect(x0, y1 - w, x1, y1, color);
    fill_rect(x0, y0 + w, x0 + w, y1 - w, color);
    fill_rect(x1 - w, y0 + w, x1, y1 - w, color);
}

void Canvas::fill_circle(double cx, double cy, double r, Color color) {
    if (r <= 0) return;
    const int x0 = static_cast<int>(std::floor(cx - r - 1)), x1 = static_cast<int>(std::ceil(cx + r + 1));
    const int y0 = std::max(band_top_, static_cast<int>(std::floor(cy - r - 1)));
    const int y1 = std::min(band_top_ + band_rows_ - 1, static_cast<int>(std::ceil(cy + r + 1)));
    for (int y = y0; y <= y1; ++y) {
        for (int x = x0; x <= x1; ++x) {
            const double d = std::hypot(x + 0.5 - cx, y + 0.5 - cy);
            const double cover = std::clamp(r - d + 0.5, 0.0, 1.0);
            if (cover > 0) blend(x, y, color, static_cast<float>(cover));
        }
    }
}

void Canvas::blit(std::span<const uint8_t> rgba, int width, int height, int x, int y) {
    for (int row = 0; row < height; ++row) {
        const int ty = y + row;
        if (ty < band_top_ || ty >= band_top_ + band_rows_) continue;
        for (int col = 0; col < width; ++col) {
            const int tx = x + col;
            if (tx < 0 || tx >= width_) continue;
            const uint8_t* s = &rgba[(static_cast<size_t>(row) * static_cast<size_t>(width) + static_cast<size_t>(col)) * 4];
            uint8_t* d = &rgba_[index(tx, ty)];
            if (s[3] == 255) {
                std::memcpy(d, s, 4);
            } else {
                over(d, s[0], s[1], s[2], s[3] / 255.0f);
            }
        }
    }
}

void Canvas::copy(std::span<const uint8_t> rgba, int width, int height, int x, int y) {
    const int c0 = std::max(0, -x);
    const int c1 = std::min(width, width_ - x);
    if (c1 <= c0) return;
    for (int row = 0; row < height; ++row) {
        const int ty = y + row;
        if (ty < band_top_ || ty >= band_top_ + band_rows_) continue;
        std::memcpy(&rgba_[index(x + c0, ty)],
                    &rgba[(static_cast<size_t>(row) * static_cast<size_t>(width) + static_cast<size_t>(c0)) * 4],
                    static_cast<size_t>(c1 - c0) * 4);
    }
}

}  // namespace deportmap::exporter
