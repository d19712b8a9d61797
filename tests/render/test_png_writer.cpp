// The PNG writer (export/png.*): pixels survive a round trip through a decoder,
// tEXt chunks are written, files appear atomically (no temporary left behind, a failed
// write keeps the previous file) and bad paths or arguments are one-line errors.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "export/png.hpp"
#include "image_check.hpp"
#include "scratch.hpp"

namespace deportmap {
namespace {

namespace fs = std::filesystem;

std::vector<uint8_t> gradient(int width, int height, int channels) {
    std::vector<uint8_t> pixels(static_cast<size_t>(width) * height * channels);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            uint8_t* p = &pixels[(static_cast<size_t>(y) * width + x) * channels];
            p[0] = static_cast<uint8_t>(x * 7);
            p[1] = static_cast<uint8_t>(y * 13);
            p[2] = static_cast<uint8_t>((x ^ y) * 3);
            if (channels == 4) p[3] = static_cast<uint8_t>(255 - x);
        }
    }
    return pixels;
}

TEST(PngWriter, RgbaRoundTrip) {
    const fs::path dir = test::fresh_scratch_dir("rgba");
    const std::vector<uint8_t> pixels = gradient(37, 23, 4);
    exporter::write_png((dir / "a.png").string(), pixels, 37, 23, 4);
    int channels = 0;
    const auto image = test::load_png((dir / "a.png").string(), &channels);
    ASSERT_TRUE(image.has_value());
    EXPECT_EQ(channels, 4);
    EXPECT_EQ(image->width, 37);
    EXPECT_EQ(image->height, 23);
    EXPECT_EQ(image->rgba, pixels);
}

TEST(PngWriter, RgbRoundTripAndTextChunks) {
    const fs::path dir = test::fresh_scratch_dir("rgb");
    const std::vector<uint8_t> pixels = gradient(16, 9, 3);
    exporter::write_png((dir / "b.png").string(), pixels, 16, 9, 3,
                        {{"Software", "deportmap test"}, {"Source", "Natural Earth"}});
    int channels = 0;
    const auto image = test::load_png((dir / "b.png").string(), &channels);
    ASSERT_TRUE(image.has_value());
    EXPECT_EQ(channels, 3);
    for (size_t i = 0; i < 16 * 9; ++i) {
        ASSERT_EQ(image->rgba[i * 4], pixels[i * 3]);
        ASSERT_EQ(image->rgba[i * 4 + 1], pixels[i * 3 + 1]);
        ASSERT_EQ(image->rgba[i * 4 + 2], pixels[i * 3 + 2]);
        ASSERT_EQ(image->rgba[i * 4 + 3], 255);
    }
    const std::string bytes = test::slurp(dir / "b.png");
    EXPECT_NE(bytes.find(std::string("tEXtSoftware\0deportmap test", 27)), std::string::npos);
    EXPECT_NE(bytes.find(std::string("tEXtSource\0Natural Earth", 24)), std::string::npos);
    // Encoding to memory gives the same bytes as the file.
    const std::vector<uint8_t> memory = exporter::encode_png(
        pixels, 16, 9, 3, {{"Software", "deportmap test"}, {"Source", "Natural Earth"}});
    EXPECT_EQ(std::string(memory.begin(), memory.end()), bytes);
}

// A print page carries its resolution: pHYs in pixels per metre (300 dpi = 11811), which
// print and layout tools read back as 300 dpi; without a resolution there is no chunk.
TEST(PngWriter, ResolutionIsWrittenAsPhys) {
    const fs::path dir = test::fresh_scratch_dir("phys");
    const std::vector<uint8_t> pixels = gradient(8, 8, 3);
    exporter::PngMetadata meta;
    meta.dots_per_inch = 300;
    exporter::write_png((dir / "print.png").string(), pixels, 8, 8, 3, meta);
    exporter::write_png((dir / "screen.png").string(), pixels, 8, 8, 3);
    const std::string print = test::slurp(dir / "print.png");
    const std::string phys("pHYs\x00\x00\x2e\x23\x00\x00\x2e\x23\x01", 13);
    EXPECT_NE(print.find(phys), std::string::npos);
    EXPECT_EQ(test::slurp(dir / "screen.png").find("pHYs"), std::string::npos);
}

TEST(PngWriter, RgbaWrittenAsRgbWhenAlphaIsDropped) {
    const fs::path dir = test::fresh_scratch_dir("drop-alpha");
    const std::vector<uint8_t> rgba = gradient(16, 9, 4);
    const std::string path = (dir / "c.png").string();
    exporter::write_png(path, rgba, 16, 9, 4, {}, true);
    int channels = 0;
    const auto image = test::load_png(path, &channels);
    ASSERT_TRUE(image.has_value());
    EXPECT_EQ(channels, 3);  // an RGB file: no alpha channel at all
    for (size_t i = 0; i < 16 * 9; ++i) {
        ASSERT_EQ(image->rgba[i * 4], rgba[i * 4]);
        ASSERT_EQ(image->rgba[i * 4 + 1], rgba[i * 4 + 1]);
        ASSERT_EQ(image->rgba[i * 4 + 2], rgba[i * 4 + 2]);
        ASSERT_EQ(image->rgba[i * 4 + 3], 255);
    }
    // The same as encoding the RGB bytes themselves.
    std::vector<uint8_t> rgb;
    for (size_t i = 0; i < rgba.size(); i += 4) rgb.insert(rgb.end(), {rgba[i], rgba[i + 1], rgba[i + 2]});
    const std::vector<uint8_t> expected = exporter::encode_png(rgb, 16, 9, 3);
    const std::vector<uint8_t> dropped = exporter::encode_png(rgba, 16, 9, 4, {}, true);
    EXPECT_EQ(dropped, expected);
    EXPECT_EQ(test::slurp(dir / "c.png"), std::string(expected.begin(), expected.end()));
}

TEST(PngWriter, BandByBandWritesTheSameFile) {
    const fs::path dir = test::fresh_scratch_dir("bands");
    const std::vector<uint8_t> rgba = gradient(20, 13, 4);
    const std::string whole = (dir / "whole.png").string();
    const std::string banded = (dir / "banded.png").string();
    exporter::write_png(whole, rgba, 20, 13, 4, {{"Title", "t"}}, true);
    {
        exporter::PngFileWriter writer(banded, 20, 13, 4, {{"Title", "t"}}, true);
        const size_t row = 20 * 4;
        for (int y = 0; y < 13; y += 5) {
            const int rows = std::min(5, 13 - y);
            writer.write_rows(std::span<const uint8_t>(&rgba[static_cast<size_t>(y) * row], rows * row), rows);
        }
        writer.finish();
    }
    EXPECT_EQ(test::slurp(banded), test::slurp(whole));
    // Abandoned half way: the old file stays and no temporary is left behind.
    {
        exporter::PngFileWriter writer(banded, 20, 13, 4);
        writer.write_rows(rgba, 6);
    }
    EXPECT_EQ(test::slurp(banded), test::slurp(whole));
    // Too many rows, or finishing early, are one-line errors that leave nothing behind.
    {
        exporter::PngFileWriter writer((dir / "over.png").string(), 20, 13, 4);
        EXPECT_THROW(writer.write_rows(rgba, 14), exporter::PngError);
    }
    {
        exporter::PngFileWriter writer((dir / "short.png").string(), 20, 13, 4);
        writer.write_rows(rgba, 3);
        try {
            writer.finish();
            ADD_FAILURE() << "finish() with 3 of 13 rows should throw";
        } catch (const exporter::PngError& e) {
            EXPECT_NE(std::string(e.what()).find("3 of 13 rows"), std::string::npos) << e.what();
        }
    }
    EXPECT_FALSE(fs::exists(dir / "over.png"));
    EXPECT_FALSE(fs::exists(dir / "short.png"));
    for (const auto& entry : fs::directory_iterator(dir)) {
        EXPECT_EQ(entry.path().filename().string().find(".tmp-"), std::string::npos) << entry.path();
    }
}

TEST(PngWriter, ReplacesAtomicallyAndLeavesNoTemporaryFile) {
    const fs::path dir = test::fresh_scratch_dir("atomic");
    const std::string path = (dir / "map.png").string();
    exporter::write_png(path, gradient(8, 8, 4), 8, 8, 4);
    exporter::write_png(path, gradient(4, 2, 4), 4, 2, 4);
    const auto image = test::load_png(path);
    ASSERT_TRUE(image.has_value());
    EXPECT_EQ(image->width, 4);
    int entries = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        (void)entry;
        ++entries;
    }
    EXPECT_EQ(entries, 1);
    // Permissions follow the umask, not mkstemp's 0600.
    struct stat info {};
    ASSERT_EQ(::stat(path.c_str(), &info), 0);
    EXPECT_NE(info.st_mode & S_IRGRP, 0u);
    // A failed write (bad arguments) leaves the previous file as it was.
    EXPECT_THROW(exporter::write_png(path, gradient(4, 2, 4), 4, 3, 4), exporter::PngError);
    EXPECT_EQ(test::load_png(path)->height, 2);
}

// The message of the PngError a call throws, or "" when it does not throw.
template <typename F>
std::string error_of(F&& f) {
    try {
        f();
    } catch (const exporter::PngError& e) {
        return e.what();
    }
    return "";
}

TEST(PngWriter, BadPathsAndArgumentsAreOneLineErrors) {
    const std::vector<uint8_t> pixels = gradient(4, 4, 4);
    const std::string missing = "/nonexistent-folder-deportmap/x.png";
    const std::string e1 = error_of([&] { exporter::write_png(missing, pixels, 4, 4, 4); });
    EXPECT_NE(e1.find("cannot write " + missing), std::string::npos) << e1;
    EXPECT_NE(e1.find("No such file or directory"), std::string::npos) << e1;
    EXPECT_EQ(e1.find('\n'), std::string::npos);
    if (::geteuid() != 0) {
        const std::string e2 = error_of([&] { exporter::write_png("/proc/x.png", pixels, 4, 4, 4); });
        EXPECT_NE(e2.find("cannot write /proc/x.png"), std::string::npos) << e2;
    }
    const fs::path dir = test::fresh_scratch_dir("bad");
    EXPECT_NE(error_of([&] { exporter::write_png((dir / "").string(), pixels, 4, 4, 4); })
                  .find("folder"),
              std::string::npos);
    EXPECT_NE(error_of([&] { exporter::write_png((dir / "z.png").string(), pixels, 0, 4, 4); })
                  .find("must be positive"),
              std::string::npos);
    EXPECT_NE(error_of([&] { exporter::write_png((dir / "z.png").string(), pixels, 4, 4, 2); })
                  .find("channels"),
              std::string::npos);
    EXPECT_NE(error_of([&] { exporter::write_png((dir / "z.png").string(), pixels, 5, 5, 4); })
                  .find("needed"),
              std::string::npos);
    EXPECT_NE(error_of([&] {
                  exporter::write_png((dir / "z.png").string(), pixels, 4, 4, 4,
                                      {{"", "empty keyword"}});
              }).find("keyword"),
              std::string::npos);
    EXPECT_FALSE(fs::exists(dir / "z.png"));
    EXPECT_TRUE(fs::is_empty(dir));
}

}  // namespace
}  // namespace deportmap
