// Fonts for export text: loads a TrueType file (stb_truetype), measures UTF-8 strings and
// rasterises them onto a Canvas. Sizes are em sizes in pixels, the same meaning as SVG's
// font-size, so the PNG and SVG layouts agree. The export font is Noto Sans (Debian
// fonts-noto-core), Regular and Bold.
#pragma once
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/color.hpp"
#include "export/canvas.hpp"

namespace deportmap::text {

// Thrown when a font file cannot be read or parsed; what() is one line naming the file.
struct FontError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Font {
public:
    // Reads and parses `path`; throws FontError.
    explicit Font(const std::string& path);
    ~Font();
    Font(const Font&) = delete;
    Font& operator=(const Font&) = delete;

    // Noto Sans Regular / Bold, loaded once (thread-safe); throw FontError when the
    // Debian package fonts-noto-core is missing.
    static const Font& regular();
    static const Font& bold();
    // The family name written into SVG files.
    static constexpr const char* kFamily = "Noto Sans";
    // The font files (Debian fonts-noto-core); the PDF back end embeds the same ones.
    static constexpr const char* kRegularPath = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
    static constexpr const char* kBoldPath = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";

    // Advance width of `utf8` at em size `px` (kerning included).
    double measure(std::string_view utf8, double px) const;
    // Distance from the baseline up to the tallest glyph, and down to the lowest (>= 0).
    double ascent(double px) const;
    double descent(double px) const;
    // Draws `utf8` with its baseline's left end at (x, baseline), blending `color`.
    void draw(exporter::Canvas& canvas, double x, double baseline, std::string_view utf8,
              double px, Color color) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Splits `utf8` into lines no wider than `max_width` at em size `px`, breaking at spaces
// (a single word wider than the limit stays whole on its own line). Explicit '\n' breaks.
std::vector<std::string> wrap_text(const Font& font, std::string_view utf8, double px,
                                   double max_width);

// Decodes UTF-8 into code points; malformed bytes become U+FFFD.
std::vector<uint32_t> decode_utf8(std::string_view utf8);

}  // namespace deportmap::text
