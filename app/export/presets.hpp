// The export size presets, declared once: `export --preset`, its help line and the
// window's Export dialog read this table.
#pragma once
#include <string_view>

namespace deportmap::exporter {

struct Preset {
    const char* name;
    int width;
    int height;
    double dpi;  // 0: none; print presets imply 300
};

// Print presets are landscape: a world map is wider than tall.
inline constexpr Preset kPresets[] = {
    {"1080p", 1920, 1080, 0},  {"4k", 3840, 2160, 0},    {"8k", 7680, 4320, 0},
    {"square", 1080, 1080, 0}, {"social", 1200, 675, 0}, {"a4-300dpi", 3508, 2480, 300},
    {"letter-300dpi", 3300, 2550, 300},
};

inline const Preset* find_preset(std::string_view name) {
    for (const Preset& p : kPresets) {
        if (name == p.name) return &p;
    }
    return nullptr;
}

}  // namespace deportmap::exporter
