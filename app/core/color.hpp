// 8-bit sRGB colours as used by the status table, themes, the renderer and exports.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace deportmap {

struct Color {
    uint8_t r = 0, g = 0, b = 0, a = 255;
    friend bool operator==(const Color&, const Color&) = default;
};

// Parses "#rrggbb" or "#rrggbbaa" (the '#' is optional); nullopt when malformed.
std::optional<Color> parse_hex_color(std::string_view text);
// "#rrggbb" (or "#rrggbbaa" when alpha is not 255), lower case.
std::string to_hex(Color c);

}  // namespace deportmap
