// Image helpers for the render tests: load a PNG (stb_image) and compare images, with
// the tolerances of goldens.hpp (never one written at the call):
//   check_golden(file, image)         against tests/render/golden/<file>; UPDATE=1 rewrites it
//   check_text_golden(file, path)     the same for a text golden (SVG), byte for byte
//   check_same_render(name, a, b)     two renders of the test's own; UPDATE=1 changes nothing
// On a mismatch actual.png and diff.png are written under
// <test working folder>/render-output/<suite>.<test>/ and their paths printed.
// Each tests/render/test_*.cpp is its own executable: include this header from exactly
// one source file per executable (it holds stb_image's implementation).
#pragma once
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wall"
#pragma GCC diagnostic ignored "-Wextra"
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wunused-but-set-variable"
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb/stb_image.h>
#pragma GCC diagnostic pop

#include "export/png.hpp"
#include "goldens.hpp"
#include "scratch.hpp"

namespace deportmap::test {

// An 8-bit RGBA image, rows top-down.
struct Image {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgba;

    const uint8_t* at(int x, int y) const {
        return rgba.data() + (static_cast<size_t>(y) * static_cast<size_t>(width) +
                              static_cast<size_t>(x)) * 4;
    }
};

// Reads any PNG as RGBA (alpha 255 when the file has none); nullopt when unreadable.
// `channels_in_file` receives the file's own channel count when not null.
inline std::optional<Image> load_png(const std::string& path, int* channels_in_file = nullptr) {
    int w = 0, h = 0, n = 0;
    stbi_uc* data = stbi_load(path.c_str(), &w, &h, &n, 4);
    if (data == nullptr) return std::nullopt;
    Image image;
    image.width = w;
    image.height = h;
    image.rgba.assign(data, data + static_cast<size_t>(w) * static_cast<size_t>(h) * 4);
    stbi_image_free(data);
    if (channels_in_file != nullptr) *channels_in_file = n;
    return image;
}

inline void save_png(const std::string& path, const Image& image) {
    exporter::write_png(path, image.rgba, image.width, image.height, 4);
}

// Folder for this test's failure artefacts: <cwd>/render-output/<suite>.<test>.
inline std::filesystem::path output_folder() {
    return std::filesystem::absolute(std::filesystem::current_path() / "render-output" /
                                     current_test_name());
}

inline bool update_requested() {
    const char* update = std::getenv("UPDATE");
    return update != nullptr && std::string(update) == "1";
}

inline std::string golden_path(std::string_view file) {
    return std::string(DEPORTMAP_TEST_SOURCE_DIR) + "/tests/render/golden/" + std::string(file);
}

// Compares `actual` with `expected` (called `expected_name` in messages). A pixel
// differs when any channel differs by more than `tolerance.channel`; the check passes
// when at most `tolerance.share` of the pixels differ. On failure writes actual.png and
// diff.png (differing pixels red over a faded copy of the expectation) and names them.
// Never writes the expectation, whatever UPDATE says.
inline ::testing::AssertionResult compare_images(const Image& expected,
                                                 const std::string& expected_name,
                                                 const Image& actual, Tolerance tolerance) {
    const std::filesystem::path folder = output_folder();
    std::filesystem::create_directories(folder);
    const std::string actual_path = (folder / "actual.png").string();
    const std::string diff_path = (folder / "diff.png").string();
    save_png(actual_path, actual);
    if (expected.width != actual.width || expected.height != actual.height) {
        return ::testing::AssertionFailure()
               << "size " << actual.width << "x" << actual.height << " differs from "
               << expected_name << " (" << expected.width << "x" << expected.height
               << "); actual image: " << actual_path;
    }
    Image diff = expected;
    size_t differing = 0;
    int worst = 0;
    const size_t pixels = static_cast<size_t>(actual.width) * static_cast<size_t>(actual.height);
    for (size_t i = 0; i < pixels; ++i) {
        const uint8_t* e = &expected.rgba[i * 4];
        const uint8_t* a = &actual.rgba[i * 4];
        int delta = 0;
        for (int c = 0; c < 4; ++c) delta = std::max(delta, std::abs(int(e[c]) - int(a[c])));
        worst = std::max(worst, delta);
        uint8_t* d = &diff.rgba[i * 4];
        if (delta > tolerance.channel) {
            ++differing;
            d[0] = 255;
            d[1] = 0;
            d[2] = 0;
        } else {
            const uint8_t grey = static_cast<uint8_t>(191 + (int(e[0]) + e[1] + e[2]) / 12);
            d[0] = d[1] = d[2] = grey;
        }
        d[3] = 255;
    }
    const double fraction = pixels > 0 ? static_cast<double>(differing) / pixels : 0.0;
    if (fraction <= tolerance.share) {
        std::filesystem::remove(actual_path);
        return ::testing::AssertionSuccess();
    }
    save_png(diff_path, diff);
    std::printf("image mismatch: actual %s, diff %s\n", actual_path.c_str(), diff_path.c_str());
    return ::testing::AssertionFailure()
           << differing << " of " << pixels << " pixels (" << fraction * 100.0 << "%) differ from "
           << expected_name << " by more than " << tolerance.channel << " (largest difference "
           << worst << "; allowed " << tolerance.share * 100.0 << "%); actual: " << actual_path
           << ", diff: " << diff_path;
}

// `actual` against golden `file` (tests/render/golden/) with the tolerance goldens.hpp
// gives it; `renderer` (GL_RENDERER, where the test knows which driver drew the image)
// picks the llvmpipe or the other-driver tolerance; "" means llvmpipe. UPDATE=1
// rewrites the golden and passes.
inline ::testing::AssertionResult check_golden(std::string_view file, const Image& actual,
                                               const std::string& renderer = "") {
    const Golden* golden = find_golden(file);
    if (golden == nullptr || golden->kind != GoldenKind::Png) {
        return ::testing::AssertionFailure()
               << "no PNG golden '" << file << "' in tests/render/goldens.hpp: add its row";
    }
    const std::string path = golden_path(file);
    if (update_requested()) {
        save_png(path, actual);
        std::printf("UPDATE=1: wrote %s\n", path.c_str());
        return ::testing::AssertionSuccess();
    }
    const std::optional<Image> expected = load_png(path);
    if (!expected) {
        return ::testing::AssertionFailure()
               << "cannot read the golden " << path << " (UPDATE=1 creates it)";
    }
    const bool llvmpipe = renderer.empty() || renderer.find("llvmpipe") != std::string::npos;
    ::testing::AssertionResult result =
        compare_images(*expected, path, actual, llvmpipe ? golden->llvmpipe : golden->other_gpu);
    if (!result) result << " (UPDATE=1 rewrites the golden)";
    return result;
}

// The text file at `actual_path` against text golden `file`, byte for byte. UPDATE=1
// rewrites the golden and passes.
inline ::testing::AssertionResult check_text_golden(std::string_view file,
                                                    const std::filesystem::path& actual_path) {
    const Golden* golden = find_golden(file);
    if (golden == nullptr || golden->kind != GoldenKind::Text) {
        return ::testing::AssertionFailure()
               << "no text golden '" << file << "' in tests/render/goldens.hpp: add its row";
    }
    const std::string path = golden_path(file);
    if (update_requested()) {
        std::filesystem::copy_file(actual_path, path,
                                   std::filesystem::copy_options::overwrite_existing);
        std::printf("UPDATE=1: wrote %s\n", path.c_str());
        return ::testing::AssertionSuccess();
    }
    if (!std::filesystem::exists(path)) {
        return ::testing::AssertionFailure()
               << "cannot read the golden " << path << " (UPDATE=1 creates it)";
    }
    if (slurp(actual_path) == slurp(path)) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "text differs from " << path
           << " (UPDATE=1 rewrites it); actual: " << actual_path.string();
}

// Two renders made by the test (the PNG at `expected_path` and `actual`) compared with
// the tolerance of comparison `name` in goldens.hpp. Not a golden: UPDATE=1 does not
// make it pass, and nothing is rewritten.
inline ::testing::AssertionResult check_same_render(std::string_view name,
                                                    const std::filesystem::path& expected_path,
                                                    const Image& actual) {
    const Comparison* comparison = find_comparison(name);
    if (comparison == nullptr) {
        return ::testing::AssertionFailure()
               << "no comparison '" << name << "' in tests/render/goldens.hpp: add its row";
    }
    const std::optional<Image> expected = load_png(expected_path.string());
    if (!expected) {
        return ::testing::AssertionFailure() << "cannot read " << expected_path.string();
    }
    return compare_images(*expected, expected_path.string(), actual, comparison->tolerance);
}

}  // namespace deportmap::test
