// Every tolerance an image comparison in the render tests uses, in one place: one row
// per golden file under tests/render/golden/ (render/test_goldens.cpp checks that the
// rows and the files match one to one), and one row per comparison between two renders
// made by the test itself. A test names the row; it never writes a tolerance itself.
//
// A tolerance has two parts: `channel`, the largest difference of any one channel (0 to
// 255) for which two pixels still count as the same, and `share`, the largest share of
// the pixels (0 to 1) allowed to differ by more than that. {0, 0.0} is exact.
//
// UPDATE=1 rewrites golden files only (check_golden, check_text_golden in
// image_check.hpp); a comparison between two renders always compares.
#pragma once
#include <string_view>

namespace deportmap::test {

struct Tolerance {
    int channel = 0;
    double share = 0.0;
};

enum class GoldenKind {
    Png,   // compared pixel by pixel with the tolerance
    Text,  // compared byte for byte (SVG): no tolerance
};

struct Golden {
    std::string_view file;  // its name under tests/render/golden/
    GoldenKind kind;
    Tolerance llvmpipe;   // drawn by Mesa's llvmpipe (Debian 12's, the project's renderer)
    Tolerance other_gpu;  // drawn by another driver, where the test can tell which drew it
    std::string_view why;
};

inline constexpr Tolerance kExact{0, 0.0};

// The export presets' goldens are drawn by the binary, whose driver the test cannot ask;
// llvmpipe is deterministic, so they are exact on the project's machine.
inline constexpr std::string_view kExactOnLlvmpipe =
    "exact: Debian 12's llvmpipe gives the same bytes on every run and machine; the "
    "binary's renderer is not known to the test, so no other tolerance applies";

inline constexpr Golden kGoldens[] = {
    {"equirectangular_720x360.png",
     GoldenKind::Png,
     kExact,
     {8, 0.002},
     "exact on llvmpipe (deterministic). Another driver may round the coverage of edge "
     "pixels differently: 8 levels on 0.2% of the pixels is a margin set when the test "
     "was written, not measured on a GPU"},
    {"export_1080p.png", GoldenKind::Png, kExact, kExact, kExactOnLlvmpipe},
    {"export_4k.png", GoldenKind::Png, kExact, kExact, kExactOnLlvmpipe},
    {"export_8k.png", GoldenKind::Png, kExact, kExact, kExactOnLlvmpipe},
    {"export_square.png", GoldenKind::Png, kExact, kExact, kExactOnLlvmpipe},
    {"export_social.png", GoldenKind::Png, kExact, kExact, kExactOnLlvmpipe},
    {"export_a4-300dpi.png", GoldenKind::Png, kExact, kExact, kExactOnLlvmpipe},
    {"export_letter-300dpi.png", GoldenKind::Png, kExact, kExact, kExactOnLlvmpipe},
    {"export_dark_transparent.png", GoldenKind::Png, kExact, kExact, kExactOnLlvmpipe},
    {"export_view.png", GoldenKind::Png, kExact, kExact, kExactOnLlvmpipe},
    {"story_720p_step3.png", GoldenKind::Png, kExact, kExact, kExactOnLlvmpipe},
    {"story_720p_last.png", GoldenKind::Png, kExact, kExact, kExactOnLlvmpipe},
    {"export_central.svg", GoldenKind::Text, kExact, kExact,
     "text written by the exporter without a GPU: byte for byte everywhere"},
    {"export_view.svg", GoldenKind::Text, kExact, kExact,
     "text written by the exporter without a GPU: byte for byte everywhere"},
};

struct Comparison {
    std::string_view name;
    Tolerance tolerance;
    std::string_view why;
};

// Two renders of the same page compared with each other (no file; UPDATE=1 changes
// nothing here).
inline constexpr Comparison kComparisons[] = {
    {"tiled_vs_whole",
     {2, 0.001},
     "llvmpipe rounds a few edge pixels differently per tile origin: measured 28 of "
     "280,000 pixels, by 1 level; allowed 2 levels on 0.1%"},
    {"inkscape_vs_png",
     {48, 0.05},
     "two rasterisers (Inkscape's and the exporter's): anti-aliased edges and glyph "
     "shapes differ, the page does not; allowed 48 levels on 5% of the pixels"},
};

// The row of golden `file`, or nullptr when it has none.
inline const Golden* find_golden(std::string_view file) {
    for (const Golden& g : kGoldens) {
        if (g.file == file) return &g;
    }
    return nullptr;
}

// The row of comparison `name`, or nullptr when it has none.
inline const Comparison* find_comparison(std::string_view name) {
    for (const Comparison& c : kComparisons) {
        if (c.name == name) return &c;
    }
    return nullptr;
}

}  // namespace deportmap::test
