// Font loading, measuring and rasterising with stb_truetype (see font.hpp).
#include "export/font.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

#define STBTT_STATIC
#define STB_TRUETYPE_IMPLEMENTATION
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include <stb/stb_truetype.h>
#pragma GCC diagnostic pop

namespace deportmap::text {

struct Font::Impl {
    std::vector<unsigned char> bytes;
    stbtt_fontinfo info{};
    int ascent = 0, descent = 0, line_gap = 0;
};

Font::Font(const std::string& path) : impl_(std::make_unique<Impl>()) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FontError("cannot read font " + path + " (install fonts-noto-core)");
    impl_->bytes.assign(std::istreambuf_iterator<char>(in), {});
    const int offset = stbtt_GetFontOffsetForIndex(impl_->bytes.data(), 0);
    if (impl_->bytes.size() < 12 || offset < 0 ||
        !stbtt_InitFont(&impl_->info, impl_->bytes.data(), offset)) {
        throw FontError(path + ": not a TrueType font");
    }
    stbtt_GetFontVMetrics(&impl_->info, &impl_->ascent, &impl_->descent, &impl_->line_gap);
}

Font::~Font() = default;

const Font& Font::regular() {
    static const Font font(kRegularPath);
    return font;
}

const Font& Font::bold() {
    static const Font font(kBoldPath);
    return font;
}

std::vector<uint32_t> decode_utf8(std::string_view s) {
    std::vector<uint32_t> out;
    out.reserve(s.size());
    size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        const int n = c < 0x80 ? 0 : (c >> 5) == 6 ? 1 : (c >> 4) == 14 ? 2 : (c >> 3) == 30 ? 3 : -1;
        if (n < 0 || i + static_cast<size_t>(n) >= s.size()) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        uint32_t cp = n == 0 ? c : n == 1 ? (c & 0x1Fu) : n == 2 ? (c & 0x0Fu) : (c & 0x07u);
        bool ok = true;
        for (int k = 1; k <= n; ++k) {
            const auto cc = static_cast<unsigned char>(s[i + static_cast<size_t>(k)]);
            if ((cc & 0xC0) != 0x80) {
                ok = false;
                break;
            }
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        if (!ok) {
            out.push_back(0xFFFD);
            ++i;
            continue;
        }
        out.push_back(cp);
        i += static_cast<size_t>(n) + 1;
    }
    return out;
}

double Font::measure(std::string_view utf8, double px) const {
    const float scale = stbtt_ScaleForMappingEmToPixels(&impl_->info, static_cast<float>(px));
    const std::vector<uint32_t> cps = decode_utf8(utf8);
    double x = 0;
    int prev = 0;
    for (const uint32_t cp : cps) {
        const int glyph = stbtt_FindGlyphIndex(&impl_->info, static_cast<int>(cp));
        if (prev) x += scale * stbtt_GetGlyphKernAdvance(&impl_->info, prev, glyph);
        int advance = 0, lsb = 0;
        stbtt_GetGlyphHMetrics(&impl_->info, glyph, &advance, &lsb);
        x += scale * advance;
        prev = glyph;
    }
    return x;
}

double Font::ascent(double px) const {
    return stbtt_ScaleForMappingEmToPixels(&impl_->info, static_cast<float>(px)) * impl_->ascent;
}

double Font::descent(double px) const {
    return -stbtt_ScaleForMappingEmToPixels(&impl_->info, static_cast<float>(px)) * impl_->descent;
}

void Font::draw(exporter::Canvas& canvas, double x, double baseline, std::string_view utf8,
                double px, Color color) const {
    const float scale = stbtt_ScaleForMappingEmToPixels(&impl_->info, static_cast<float>(px));
    const std::vector<uint32_t> cps = decode_utf8(utf8);
    const double base_floor = std::floor(baseline);
    const float shift_y = static_cast<float>(baseline - base_floor);
    std::vector<unsigned char> bitmap;
    double pen = x;
    int prev = 0;
    for (const uint32_t cp : cps) {
        const int glyph = stbtt_FindGlyphIndex(&impl_->info, static_cast<int>(cp));
        if (prev) pen += scale * stbtt_GetGlyphKernAdvance(&impl_->info, prev, glyph);
        const double pen_floor = std::floor(pen);
        const float shift_x = static_cast<float>(pen - pen_floor);
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        stbtt_GetGlyphBitmapBoxSubpixel(&impl_->info, glyph, scale, scale, shift_x, shift_y, &x0,
                                        &y0, &x1, &y1);
        const int w = x1 - x0, h = y1 - y0;
        const double top = base_floor + y0;
        // Glyphs wholly outside the canvas's band (a page drawn band by band) are skipped.
        if (w > 0 && h > 0 && canvas.rows_in_band(top, top + h)) {
            bitmap.assign(static_cast<size_t>(w) * static_cast<size_t>(h), 0);
            stbtt_MakeGlyphBitmapSubpixel(&impl_->info, bitmap.data(), w, h, w, scale, scale,
                                          shift_x, shift_y, glyph);
            const int ox = static_cast<int>(pen_floor) + x0;
            const int oy = static_cast<int>(base_floor) + y0;
            for (int j = 0; j < h; ++j) {
                for (int i = 0; i < w; ++i) {
                    const unsigned char v = bitmap[static_cast<size_t>(j) * static_cast<size_t>(w) + static_cast<size_t>(i)];
                    if (v) canvas.blend(ox + i, oy + j, color, v / 255.0f);
                }
            }
        }
        int advance = 0, lsb = 0;
        stbtt_GetGlyphHMetrics(&impl_->info, glyph, &advance, &lsb);
        pen += scale * advance;
        prev = glyph;
    }
}

std::vector<std::string> wrap_text(const Font& font, std::string_view utf8, double px,
                                   double max_width) {
    std::vector<std::string> lines;
    size_t start = 0;
    while (start <= utf8.size()) {
        const size_t nl = utf8.find('\n', start);
        const std::string_view para =
            utf8.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
        std::string line;
        size_t i = 0;
        while (i < para.size()) {
            const size_t sp = para.find(' ', i);
            const std::string_view word =
                para.substr(i, sp == std::string_view::npos ? std::string_view::npos : sp - i);
            i = sp == std::string_view::npos ? para.size() : sp + 1;
            if (word.empty()) continue;
            std::string candidate = line.empty() ? std::string(word) : line + " " + std::string(word);
            if (!line.empty() && font.measure(candidate, px) > max_width) {
                lines.push_back(line);
                line = std::string(word);
            } else {
                line = std::move(candidate);
            }
        }
        lines.push_back(line);
        if (nl == std::string_view::npos) break;
        start = nl + 1;
    }
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    return lines;
}

}  // namespace deportmap::text
