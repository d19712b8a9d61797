// PNG encoding with libpng (see png.hpp). libpng reports errors by longjmp, so the
// encoder runs in a function that owns no C++ objects with destructors across setjmp.
#include "export/png.hpp"

#include <png.h>
#include <zlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <csetjmp>
#include <cstdio>
#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>
#include <string>

#include "export/temp_files.hpp"

namespace deportmap::exporter {
namespace {

// Where encoded bytes go: a FILE or a memory buffer.
struct Sink {
    std::FILE* file = nullptr;
    std::vector<uint8_t>* memory = nullptr;
    int write_error = 0;  // errno of a failed write, 0 when none failed
};

// libpng's error state for one encode: the message of the first error.
struct Failure {
    std::jmp_buf jump;
    char message[256] = {0};
};

void on_error(png_structp png, png_const_charp message) {
    auto* failure = static_cast<Failure*>(png_get_error_ptr(png));
    std::snprintf(failure->message, sizeof(failure->message), "%s", message);
    std::longjmp(failure->jump, 1);
}

void on_warning(png_structp, png_const_charp) {}

void on_write(png_structp png, png_bytep data, size_t length) {
    auto* sink = static_cast<Sink*>(png_get_io_ptr(png));
    if (sink->memory != nullptr) {
        sink->memory->insert(sink->memory->end(), data, data + length);
    } else if (std::fwrite(data, 1, length, sink->file) != length) {
        sink->write_error = errno != 0 ? errno : EIO;
        png_error(png, "write failed");
    }
}

void on_flush(png_structp png) {
    auto* sink = static_cast<Sink*>(png_get_io_ptr(png));
    if (sink->file != nullptr) std::fflush(sink->file);
}

// Checks the size and channel count; throws PngError naming `what`.
void check_size(const std::string& what, int width, int height, int channels) {
    if (width <= 0 || height <= 0) {
        throw PngError(what + ": image size " + std::to_string(width) + "x" +
                       std::to_string(height) + " must be positive");
    }
    if (channels != 3 && channels != 4) {
        throw PngError(what + ": " + std::to_string(channels) + " channels (3 or 4 expected)");
    }
}

// Checks the arguments; throws PngError naming `what` (the file, or "PNG").
void check_arguments(const std::string& what, std::span<const uint8_t> pixels, int width,
                     int height, int channels) {
    check_size(what, width, height, channels);
    const size_t needed = static_cast<size_t>(width) * static_cast<size_t>(height) *
                          static_cast<size_t>(channels);
    if (pixels.size() < needed) {
        throw PngError(what + ": " + std::to_string(pixels.size()) + " bytes of pixels, " +
                       std::to_string(needed) + " needed");
    }
}

// One encoder's libpng state. libpng reports errors by longjmp, so each step below is a
// plain function that sets the jump point itself and owns no C++ object with a
// destructor across it.
struct Encoder {
    Sink sink;
    Failure failure;
    png_structp png = nullptr;
    png_infop info = nullptr;
    int width = 0;
    int height = 0;
    int channels = 0;
    int rows_written = 0;
};

// Creates the libpng writer and writes the header and text chunks; false on failure
// (failure.message says why).
bool encode_begin(Encoder* e, bool drop_alpha, png_text* texts, int text_count, double dpi) {
    e->png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &e->failure, on_error, on_warning);
    if (e->png != nullptr) e->info = png_create_info_struct(e->png);
    if (e->png == nullptr || e->info == nullptr) {
        std::snprintf(e->failure.message, sizeof(e->failure.message), "out of memory");
        return false;
    }
    if (setjmp(e->failure.jump) != 0) return false;
    png_set_write_fn(e->png, &e->sink, on_write, on_flush);
    png_set_compression_level(e->png, 1);
    // Run-length matches only: a map is long runs of flat colour, and after the "up"
    // filter mostly zeros (smaller and faster than the default strategy at level 1).
    png_set_compression_strategy(e->png, Z_RLE);
    png_set_filter(e->png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_set_IHDR(e->png, e->info, static_cast<png_uint_32>(e->width),
                 static_cast<png_uint_32>(e->height), 8,
                 e->channels == 4 && !drop_alpha ? PNG_COLOR_TYPE_RGBA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    if (text_count > 0) png_set_text(e->png, e->info, texts, text_count);
    if (dpi > 0) {
        // pHYs counts pixels per metre: 300 dpi is 11811.
        const auto per_metre = static_cast<png_uint_32>(std::lround(dpi / 0.0254));
        png_set_pHYs(e->png, e->info, per_metre, per_metre, PNG_RESOLUTION_METER);
    }
    png_write_info(e->png, e->info);
    // RGBA rows written as RGB: libpng skips the fourth byte of each pixel.
    if (e->channels == 4 && drop_alpha) png_set_filler(e->png, 0, PNG_FILLER_AFTER);
    return true;
}

// Writes `count` rows (top-down, tightly packed); false on failure.
bool encode_rows(Encoder* e, const uint8_t* pixels, int count) {
    if (setjmp(e->failure.jump) != 0) return false;
    const size_t stride = static_cast<size_t>(e->width) * static_cast<size_t>(e->channels);
    for (int y = 0; y < count; ++y) png_write_row(e->png, pixels + static_cast<size_t>(y) * stride);
    e->rows_written += count;
    return true;
}

// Writes the end of the image; false on failure.
bool encode_end(Encoder* e) {
    if (setjmp(e->failure.jump) != 0) return false;
    png_write_end(e->png, e->info);
    return true;
}

void encode_free(Encoder* e) {
    if (e->png != nullptr) png_destroy_write_struct(&e->png, e->info != nullptr ? &e->info : nullptr);
    e->png = nullptr;
    e->info = nullptr;
}

// tEXt chunks for `text`, pointing into its strings; throws PngError naming `what` for
// a keyword libpng would refuse.
std::vector<png_text> text_chunks(const std::string& what, const std::vector<PngText>& text) {
    std::vector<png_text> chunks;
    for (const PngText& t : text) {
        if (t.key.empty() || t.key.size() > 79) {
            throw PngError(what + ": PNG text keyword '" + t.key + "' must have 1-79 characters");
        }
        png_text chunk{};
        chunk.key = const_cast<char*>(t.key.c_str());
        chunk.text = const_cast<char*>(t.value.c_str());
        // tEXt is Latin-1: text with any byte past ASCII (UTF-8 names, dashes) goes in
        // an iTXt chunk, which is UTF-8.
        const bool ascii = std::all_of(t.value.begin(), t.value.end(), [](char c) { return (c & 0x80) == 0; });
        if (ascii) {
            chunk.compression = PNG_TEXT_COMPRESSION_NONE;
            chunk.text_length = t.value.size();
        } else {
            chunk.compression = PNG_ITXT_COMPRESSION_NONE;
            chunk.itxt_length = t.value.size();
            chunk.lang = const_cast<char*>("");
            chunk.lang_key = const_cast<char*>("");
        }
        chunks.push_back(chunk);
    }
    return chunks;
}

// The PngError for a failed step of `e`, writing to `what`.
PngError encode_error(const Encoder& e, const std::string& what) {
    if (e.sink.write_error != 0) {
        return PngError("cannot write " + what + ": " + std::strerror(e.sink.write_error));
    }
    return PngError(what + ": PNG encoding failed: " + e.failure.message);
}


}  // namespace

struct PngFileWriter::State {
    std::string path;
    std::string temp;
    std::FILE* file = nullptr;
    std::optional<TempRegistration> registration;  // removed on SIGTERM/SIGINT/SIGHUP
    Encoder encoder;
    bool done = false;
};

PngFileWriter::PngFileWriter(const std::string& path, int width, int height, int channels,
                             const PngMetadata& meta, bool drop_alpha)
    : s_(std::make_unique<State>()) {
    check_size(path, width, height, channels);
    if (path.empty()) throw PngError("no output file given");
    std::vector<png_text> chunks = text_chunks(path, meta.text);
    // The temporary file lives next to the target so rename() stays on one file system.
    const size_t slash = path.rfind('/');
    const std::string folder = slash == std::string::npos ? "." : path.substr(0, slash + 1);
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    if (base.empty()) throw PngError(path + ": is a folder, not a file name");
    s_->path = path;
    s_->temp = (slash == std::string::npos ? std::string() : folder) + "." + base + ".tmp-XXXXXX";
    const int fd = create_temp_file(s_->temp);
    if (fd < 0) throw PngError("cannot write " + path + ": " + std::strerror(errno));
    s_->registration.emplace(s_->temp);
    // mkstemp creates the file 0600; give it the usual permissions.
    const mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    s_->file = fdopen(fd, "wb");
    if (s_->file == nullptr) {
        const int error = errno;
        close(fd);
        unlink(s_->temp.c_str());
        throw PngError("cannot write " + path + ": " + std::strerror(error));
    }
    Encoder& e = s_->encoder;
    e.sink.file = s_->file;
    e.width = width;
    e.height = height;
    e.channels = channels;
    if (!encode_begin(&e, drop_alpha, chunks.data(), static_cast<int>(chunks.size()), meta.dots_per_inch)) {
        const PngError error = encode_error(e, path);
        abandon();
        throw error;
    }
}

PngFileWriter::~PngFileWriter() { abandon(); }

void PngFileWriter::abandon() {
    if (!s_ || s_->done) return;
    encode_free(&s_->encoder);
    if (s_->file != nullptr) std::fclose(s_->file);
    s_->file = nullptr;
    unlink(s_->temp.c_str());
    s_->done = true;
}

void PngFileWriter::write_rows(std::span<const uint8_t> pixels, int rows) {
    Encoder& e = s_->encoder;
    if (s_->done) throw PngError(s_->path + ": rows written after the PNG was finished");
    const size_t needed = static_cast<size_t>(e.width) * static_cast<size_t>(e.channels) *
                          static_cast<size_t>(std::max(0, rows));
    if (rows < 0 || e.rows_written + rows > e.height || pixels.size() < needed) {
        abandon();
        throw PngError(s_->path + ": " + std::to_string(rows) + " rows of " +
                       std::to_string(pixels.size()) + " bytes do not fit the image");
    }
    if (!encode_rows(&e, pixels.data(), rows)) {
        const PngError error = encode_error(e, s_->path);
        abandon();
        throw error;
    }
}

void PngFileWriter::finish() {
    Encoder& e = s_->encoder;
    if (s_->done) throw PngError(s_->path + ": the PNG was already finished");
    if (e.rows_written != e.height) {
        const std::string message = s_->path + ": " + std::to_string(e.rows_written) + " of " +
                                    std::to_string(e.height) + " rows written";
        abandon();
        throw PngError(message);
    }
    if (!encode_end(&e)) {
        const PngError error = encode_error(e, s_->path);
        abandon();
        throw error;
    }
    encode_free(&e);
    std::FILE* file = s_->file;
    s_->file = nullptr;
    const bool flushed = std::fflush(file) == 0 && !std::ferror(file);
    const int flush_error = errno;
    if (std::fclose(file) != 0 || !flushed) {
        const int error = flushed ? errno : flush_error;
        s_->done = true;
        unlink(s_->temp.c_str());
        throw PngError("cannot write " + s_->path + ": " + std::strerror(error));
    }
    s_->done = true;
    if (std::rename(s_->temp.c_str(), s_->path.c_str()) != 0) {
        const int error = errno;
        unlink(s_->temp.c_str());
        throw PngError("cannot write " + s_->path + ": " + std::strerror(error));
    }
}

std::vector<uint8_t> encode_png(std::span<const uint8_t> pixels, int width, int height,
                                int channels, const PngMetadata& meta, bool drop_alpha) {
    check_arguments("PNG", pixels, width, height, channels);
    std::vector<png_text> chunks = text_chunks("PNG", meta.text);
    std::vector<uint8_t> out;
    Encoder e;
    e.sink.memory = &out;
    e.width = width;
    e.height = height;
    e.channels = channels;
    const bool ok = encode_begin(&e, drop_alpha, chunks.data(), static_cast<int>(chunks.size()), meta.dots_per_inch) &&
                    encode_rows(&e, pixels.data(), height) && encode_end(&e);
    encode_free(&e);
    if (!ok) throw encode_error(e, "PNG");
    return out;
}

void write_png(const std::string& path, std::span<const uint8_t> pixels, int width, int height,
               int channels, const PngMetadata& meta, bool drop_alpha) {
    check_arguments(path, pixels, width, height, channels);
    PngFileWriter writer(path, width, height, channels, meta, drop_alpha);
    writer.write_rows(pixels, height);
    writer.finish();
}

}  // namespace deportmap::exporter
