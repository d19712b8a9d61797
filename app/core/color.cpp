// Hex colour parsing and formatting.
#include "core/color.hpp"

#include <cstdio>

namespace deportmap {

namespace {
int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}
}  // namespace

std::optional<Color> parse_hex_color(std::string_view text) {
    if (!text.empty() && text.front() == '#') text.remove_prefix(1);
    if (text.size() != 6 && text.size() != 8) return std::nullopt;
    uint8_t bytes[4] = {0, 0, 0, 255};
    for (size_t i = 0; i < text.size(); i += 2) {
        const int hi = hex_digit(text[i]);
        const int lo = hex_digit(text[i + 1]);
        if (hi < 0 || lo < 0) return std::nullopt;
        bytes[i / 2] = static_cast<uint8_t>(hi * 16 + lo);
    }
    return Color{bytes[0], bytes[1], bytes[2], bytes[3]};
}

std::string to_hex(Color c) {
    char buf[10];
    if (c.a == 255) {
        std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
    } else {
        std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", c.r, c.g, c.b, c.a);
    }
    return buf;
}

}  // namespace deportmap
