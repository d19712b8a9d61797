// Checks a screenshot for the GUI smoke test: the PNG exists and decodes, has the
// expected size, and is a picture rather than a blank frame: at least three colours
// each cover 1% of it (background, ocean, land) and anti-aliasing or text gives many
// more distinct colours.
//   gui_png_check FILE WIDTH HEIGHT   exit 0 when the file passes, 1 when not
//   gui_png_check --self-test         checks that blank and flat images are rejected
#include <png.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

// Empty when `rgb` (width x height, 3 bytes per pixel) looks like a rendered map,
// else why not.
std::string check_pixels(const std::vector<uint8_t>& rgb, long width, long height) {
    std::unordered_map<uint32_t, size_t> histogram;
    const size_t count = static_cast<size_t>(width) * static_cast<size_t>(height);
    for (size_t i = 0; i < count; ++i) {
        const uint8_t* p = &rgb[i * 3];
        ++histogram[(uint32_t{p[0]} << 16) | (uint32_t{p[1]} << 8) | p[2]];
    }
    size_t large = 0;
    for (const auto& entry : histogram) large += entry.second * 100 >= count;
    std::printf("%ldx%ld, %zu distinct colours, %zu of them cover >= 1%% each\n", width, height,
                histogram.size(), large);
    if (large < 3) return "fewer than 3 large areas of one colour: not a map";
    if (histogram.size() < 64) {
        return "only " + std::to_string(histogram.size()) +
               " colours: no anti-aliased borders or text";
    }
    return {};
}

int self_test() {
    const long w = 200, h = 100;
    std::vector<uint8_t> img(static_cast<size_t>(w * h * 3), 0xf4);
    int failures = 0;
    auto expect = [&](bool pass, const char* what) {
        const bool passed = check_pixels(img, w, h).empty();
        if (passed != pass) {
            std::fprintf(stderr, "FAIL self-test: %s was %s\n", what,
                         passed ? "accepted" : "rejected");
            ++failures;
        }
    };
    expect(false, "a blank image");
    // Three flat bands: large areas but no anti-aliasing.
    for (long y = 0; y < h; ++y) {
        for (long x = 0; x < w; ++x) {
            uint8_t* p = &img[static_cast<size_t>((y * w + x) * 3)];
            p[0] = p[1] = p[2] = static_cast<uint8_t>(x < 70 ? 40 : x < 140 ? 120 : 200);
        }
    }
    expect(false, "three flat bands");
    // The same bands with a ramp of anti-aliased edge pixels.
    for (long y = 0; y < h; ++y) {
        uint8_t* p = &img[static_cast<size_t>((y * w + 69) * 3)];
        p[0] = static_cast<uint8_t>(y);
        p[1] = static_cast<uint8_t>(2 * y);
    }
    expect(true, "bands with soft edges");
    return failures == 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::strcmp(argv[1], "--self-test") == 0) return self_test();
    if (argc != 4) {
        std::fprintf(stderr, "usage: gui_png_check FILE WIDTH HEIGHT | --self-test\n");
        return 2;
    }
    const char* path = argv[1];
    const long want_w = std::strtol(argv[2], nullptr, 10);
    const long want_h = std::strtol(argv[3], nullptr, 10);

    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&image, path)) {
        std::fprintf(stderr, "FAIL %s: cannot read PNG (%s)\n", path, image.message);
        return 1;
    }
    image.format = PNG_FORMAT_RGB;
    std::vector<uint8_t> pixels(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr)) {
        std::fprintf(stderr, "FAIL %s: cannot decode PNG (%s)\n", path, image.message);
        return 1;
    }
    if (static_cast<long>(image.width) != want_w || static_cast<long>(image.height) != want_h) {
        std::fprintf(stderr, "FAIL %s: size %ux%u, expected %ldx%ld\n", path, image.width,
                     image.height, want_w, want_h);
        return 1;
    }
    std::printf("%s: ", path);
    const std::string problem = check_pixels(pixels, want_w, want_h);
    if (!problem.empty()) {
        std::fprintf(stderr, "FAIL %s: %s\n", path, problem.c_str());
        return 1;
    }
    return 0;
}
