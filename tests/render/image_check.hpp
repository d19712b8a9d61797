// Image helpers for the render tests: load a PNG (stb_image), and check_image(), the one
// way every golden image is compared. On a mismatch it writes actual.png and diff.png
// under <test working folder>/render-output/<suite>.<test>/ and prints their paths;
// with UPDATE=1 in the environment it rewrites the expected file instead.
// Each tests/render/test_*.cpp is its own executable: include this header from exactly
// one source file per executable (it holds stb_image's implementation).
#pragma once
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
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
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = info != nullptr
                           ? std::string(info->test_suite_name()) + "." + info->name()
                           : std::string("unknown");
    std::replace(name.begin(), name.end(), '/', '_');
    return std::filesystem::absolute(std::filesystem::current_path() / "render-output" / name);
}

inline bool update_requested() {
    const char* update = std::getenv("UPDATE");
    return update != nullptr && std::string(update) == "1";
}

// Compares `actual` with the PNG at `expected_path`. A pixel differs when any channel
// differs by more than `pixel_threshold`; the check passes when at most
// `max_diff_fraction` of the pixels differ (0, 0 = exact). On failure writes
// actual.png and diff.png (differing pixels red over a faded copy of the expectation)
// and names them in the message. UPDATE=1 rewrites the expectation and passes.
inline ::testing::AssertionResult check_image(const std::string& expected_path,
                                              const Image& actual, double max_diff_fraction,
                                              int pixel_threshold) {
    if (update_requested()) {
        std::filesystem::create_directories(std::filesystem::path(expected_path).parent_path());
        save_png(expected_path, actual);
        std::printf("UPDATE=1: wrote %s\n", expected_path.c_str());
        return ::testing::AssertionSuccess();
    }
    const std::filesystem::path folder = output_folder();
    std::filesystem::create_directories(folder);
    const std::string actual_path = (folder / "actual.png").string();
    const std::string diff_path = (folder / "diff.png").string();
    save_png(actual_path, actual);

    const std::optional<Image> expected = load_png(expected_path);
    if (!expected) {
        return ::testing::AssertionFailure()
               << "cannot read the expected image " << expected_path
               << " (run with UPDATE=1 to create it); actual image: " << actual_path;
    }
    if (expected->width != actual.width || expected->height != actual.height) {
        return ::testing::AssertionFailure()
               << "size " << actual.width << "x" << actual.height << " differs from "
               << expected_path << " (" << expected->width << "x" << expected->height
               << "); actual image: " << actual_path;
    }
    Image diff = *expected;
    size_t differing = 0;
    int worst = 0;
    const size_t pixels = static_cast<size_t>(actual.width) * static_cast<size_t>(actual.height);
    for (size_t i = 0; i < pixels; ++i) {
        const uint8_t* e = &expected->rgba[i * 4];
        const uint8_t* a = &actual.rgba[i * 4];
        int delta = 0;
        for (int c = 0; c < 4; ++c) delta = std::max(delta, std::abs(int(e[c]) - int(a[c])));
        worst = std::max(worst, delta);
        uint8_t* d = &diff.rgba[i * 4];
        if (delta > pixel_threshold) {
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
    if (fraction <= max_diff_fraction) {
        std::filesystem::remove(actual_path);
        return ::testing::AssertionSuccess();
    }
    save_png(diff_path, diff);
    std::printf("image mismatch: actual %s, diff %s\n", actual_path.c_str(), diff_path.c_str());
    return ::testing::AssertionFailure()
           << differing << " of " << pixels << " pixels (" << fraction * 100.0
           << "%) differ from " << expected_path << " by more than " << pixel_threshold
           << " (largest difference " << worst << "; allowed " << max_diff_fraction * 100.0
           << "%); actual: " << actual_path << ", diff: " << diff_path
           << " (UPDATE=1 rewrites the expectation)";
}

}  // namespace deportmap::test
