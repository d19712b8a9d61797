// Composition of the page around the map, and the logo reader (see compose.hpp).
#include "export/compose.hpp"

#include <algorithm>
#include <cmath>

#include "export/font.hpp"

#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#include <stb/stb_image.h>
#pragma GCC diagnostic pop

#include "core/patterns.hpp"

namespace deportmap::exporter {

Image load_image(const std::string& path) {
    int w = 0, h = 0, n = 0;
    unsigned char* data = stbi_load(path.c_str(), &w, &h, &n, 4);
    if (data == nullptr) {
        const char* why = stbi_failure_reason();
        throw ExportError("cannot read logo " + path + ": " + (why ? why : "unknown error"));
    }
    Image image;
    image.width = w;
    image.height = h;
    image.rgba.assign(data, data + static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
    stbi_image_free(data);
    if (w <= 0 || h <= 0) throw ExportError("cannot read logo " + path + ": empty image");
    return image;
}

Image resize_image(const Image& src, int width, int height) {
    Image out;
    out.width = std::max(1, width);
    out.height = std::max(1, height);
    out.rgba.resize(static_cast<size_t>(out.width) * static_cast<size_t>(out.height) * 4);
    const double sx = static_cast<double>(src.width) / out.width;
    const double sy = static_cast<double>(src.height) / out.height;
    for (int y = 0; y < out.height; ++y) {
        const int y0 = static_cast<int>(std::floor(y * sy));
        const int y1 = std::max(y0 + 1, std::min(src.height, static_cast<int>(std::ceil((y + 1) * sy))));
        for (int x = 0; x < out.width; ++x) {
            const int x0 = static_cast<int>(std::floor(x * sx));
            const int x1 = std::max(x0 + 1, std::min(src.width, static_cast<int>(std::ceil((x + 1) * sx))));
            // Alpha-weighted average so transparent pixels do not darken edges.
            double r = 0, g = 0, b = 0, a = 0;
            int n = 0;
            for (int j = y0; j < y1; ++j) {
                for (int i = x0; i < x1; ++i) {
                    const uint8_t* p = &src.rgba[(static_cast<size_t>(j) * static_cast<size_t>(src.width) + static_cast<size_t>(i)) * 4];
                    r += p[0] * p[3];
                    g += p[1] * p[3];
                    b += p[2] * p[3];
                    a += p[3];
                    ++n;
                }
            }
            uint8_t* d = &out.rgba[(static_cast<size_t>(y) * static_cast<size_t>(out.width) + static_cast<size_t>(x)) * 4];
            if (a > 0) {
                d[0] = static_cast<uint8_t>(std::lround(r / a));
                d[1] = static_cast<uint8_t>(std::lround(g / a));
                d[2] = static_cast<uint8_t>(std::lround(b / a));
            }
            d[3] = static_cast<uint8_t>(std::lround(a / std::max(1, n)));
        }
    }
    return out;
}

bool on_hatch_stripe(int x, int y, int height, double period) {
    if (!(period > 0)) return false;
    // fill.frag: mod(gl_FragCoord.x + gl_FragCoord.y, period) < 0.35 period, with GL's
    // window coordinates (origin bottom-left, pixel centres at .5).
    const double d = std::fmod((x + 0.5) + (height - y - 0.5), period);
    return d < period * 0.35;
}

void hatch_rect(Canvas& canvas, int x0, int y0, int x1, int y1, double period, Color color) {
    x0 = std::max(0, x0);
    y0 = std::max(canvas.band_top(), y0);
    x1 = std::min(canvas.width(), x1);
    y1 = std::min(canvas.band_top() + canvas.band_rows(), y1);
    for (int y = y0; y < y1; ++y) {
        for (int x = x0; x < x1; ++x) {
            if (on_hatch_stripe(x, y, canvas.height(), period)) canvas.blend(x, y, color, 0.5f);
        }
    }
}

Color pattern_mark(Color fill) {
    // The shader's rule, on the 8-bit values as the shader sees them: dark marks on light
    // colours, light marks on dark ones.
    const double lum = (0.2126 * fill.r + 0.7152 * fill.g + 0.0722 * fill.b) / 255.0;
    return lum > 0.45 ? Color{0, 0, 0, 128} : Color{255, 255, 255, 140};
}

void pattern_rect(Canvas& canvas, int x0, int y0, int x1, int y1, int pattern, double period, Color fill) {
    x0 = std::max(0, x0);
    y0 = std::max(canvas.band_top(), y0);
    x1 = std::min(canvas.width(), x1);
    y1 = std::min(canvas.band_top() + canvas.band_rows(), y1);
    const Color mark = pattern_mark(fill);
    for (int y = y0; y < y1; ++y) {
        for (int x = x0; x < x1; ++x) {
            if (on_pattern(pattern, x + 0.5, canvas.height() - y - 0.5, period)) {
                canvas.blend(x, y, {mark.r, mark.g, mark.b, 255}, mark.a / 255.0f);
            }
        }
    }
}

void draw_page(Canvas& canvas, const PageLayout& layout, const PageColors& colors,
               const Image* logo) {
    for (const SwatchItem& s : layout.swatches) {
        canvas.fill_rect(s.rect.x, s.rect.y, s.rect.x + s.rect.w, s.rect.y + s.rect.h, s.color);
        if (s.pattern != 0 && s.pattern_px > 0) {
            const auto x0 = static_cast<int>(s.rect.x), y0 = static_cast<int>(s.rect.y);
            pattern_rect(canvas, x0, y0, x0 + static_cast<int>(s.rect.w), y0 + static_cast<int>(s.rect.h), s.pattern,
                         s.pattern_px, s.color);
        }
        if (s.hatch > 0) {
            const auto x0 = static_cast<int>(s.rect.x), y0 = static_cast<int>(s.rect.y);
            hatch_rect(canvas, x0, y0, x0 + static_cast<int>(s.rect.w), y0 + static_cast<int>(s.rect.h),
                       s.hatch, colors.background);
        }
        if (s.outline > 0) {
            canvas.stroke_rect(s.rect.x, s.rect.y, s.rect.x + s.rect.w, s.rect.y + s.rect.h,
                               s.outline, colors.outline);
        }
    }
    for (const TextItem& t : layout.texts) {
        const text::Font& font = t.bold ? text::Font::bold() : text::Font::regular();
        const double x = t.anchor_end ? t.x - font.measure(t.text, t.size) : t.x;
        font.draw(canvas, x, t.baseline, t.text, t.size, t.muted ? colors.muted : colors.text);
    }
    if (logo != nullptr && layout.logo && canvas.rows_in_band(layout.logo->y, layout.logo->y + layout.logo->h)) {
        const Rect& r = *layout.logo;
        const Image scaled = resize_image(*logo, static_cast<int>(r.w), static_cast<int>(r.h));
        canvas.blit(scaled.rgba, scaled.width, scaled.height, static_cast<int>(r.x),
                    static_cast<int>(r.y));
    }
}

}  // namespace deportmap::exporter
