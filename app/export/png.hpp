// PNG encoding for exports (no GL: shared by the GPU exporter and any later CPU path).
// Tuned for big maps (docs/rendering.md, "PNG"): libpng with zlib level 1 and the "up" filter encodes
// an 8K map about ten times faster than stb_image_write and gives a smaller file.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace deportmap::exporter {

// Thrown when a PNG cannot be written; what() is one line naming the file.
struct PngError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// One tEXt chunk (Latin-1 keyword of 1-79 characters, any text).
struct PngText {
    std::string key;
    std::string value;
};

// What a PNG carries besides its pixels: text chunks and, for print, its resolution (a
// pHYs chunk, so layout and print tools read a 300-dpi page as 300 dpi).
struct PngMetadata {
    std::vector<PngText> text;
    double dots_per_inch = 0;  // 0: no pHYs chunk
    PngMetadata() = default;
    // Implicit on purpose: a list of text chunks is the common case.
    PngMetadata(std::vector<PngText> t) : text(std::move(t)) {}
    PngMetadata(std::initializer_list<PngText> t) : text(t) {}
};

// Writes an 8-bit image to `path`. `pixels` holds `height` rows top-down of `width`
// pixels with `channels` bytes each (3 = RGB, 4 = RGBA), tightly packed. The file is
// written to a temporary file in the same folder and renamed over `path` when complete,
// so readers never see a partial PNG and a failure leaves any previous file intact.
// With `channels` 4 and `drop_alpha`, the alpha bytes are skipped and the PNG is RGB:
// for pages known to be opaque (a quarter less to compress, a smaller file).
// Throws PngError for bad arguments, an unwritable path or an encoder failure.
void write_png(const std::string& path, std::span<const uint8_t> pixels, int width, int height,
               int channels, const PngMetadata& meta = {}, bool drop_alpha = false);

// The same written band by band, so a page never has to be whole in memory: rows are
// appended top-down with write_rows() and finish() renames the complete file over
// `path`. A writer destroyed (or failing) before finish() removes its temporary file
// and leaves any previous file at `path` untouched. Every failure throws PngError.
class PngFileWriter {
public:
    PngFileWriter(const std::string& path, int width, int height, int channels,
                  const PngMetadata& meta = {}, bool drop_alpha = false);
    ~PngFileWriter();
    PngFileWriter(const PngFileWriter&) = delete;
    PngFileWriter& operator=(const PngFileWriter&) = delete;

    // Appends `rows` rows of `pixels` (width x channels bytes each, tightly packed).
    void write_rows(std::span<const uint8_t> pixels, int rows);
    // Ends the image (all rows must be written) and renames it over the target.
    void finish();

private:
    void abandon();
    struct State;
    std::unique_ptr<State> s_;
};

// Encodes into memory instead (same format); throws PngError on bad arguments.
std::vector<uint8_t> encode_png(std::span<const uint8_t> pixels, int width, int height,
                                int channels, const PngMetadata& meta = {},
                                bool drop_alpha = false);

}  // namespace deportmap::exporter
