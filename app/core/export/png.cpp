// PNG encoding with libpng (see png.hpp). libpng reports errors by longjmp, so the
// encoder runs in a function that owns no C++ objects with destructors across setjmp.
#include "core/export/png.hpp"

#include <png.h>
#include <zlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <string>

#include "core/export/temp_files.hpp"

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

// Checks the arguments; throws PngError naming `what` (the file, or "PNG").
void check_arguments(const std::string& what, std::span<const uint8_t> pixels, int width,
                     int height, int channels) {
    if (width <= 0 || height <= 0) {
        throw PngError(what + ": image size " + std::to_string(width) + "x" +
                       std::to_string(height) + " must be positive");
    }
    if (channels != 3 && channels != 4) {
        throw PngError(what + ": " + std::to_string(channels) + " channels (3 or 4 expected)");
    }
    const size_t needed = static_cast<size_t>(width) * static_cast<size_t>(height) *
                          static_cast<size_t>(channels);
    if (pixels.size() < needed) {
        throw PngError(what + ": " + std::to_string(pixels.size()) + " bytes of pixels, " +
                       std::to_string(needed) + " needed");
    }
}

// Encodes into `sink`; returns true on success, else false with failure->message set.
// No C++ object with a destructor lives in this frame (longjmp would skip it).
bool encode(Sink* sink, Failure* failure, const uint8_t* pixels, int width, int height,
            int channels, bool drop_alpha, png_text* texts, int text_count) {
    png_structp png =
        png_create_write_struct(PNG_LIBPNG_VER_STRING, failure, on_error, on_warning);
    if (png == nullptr) {
        std::snprintf(failure->message, sizeof(failure->message), "out of memory");
        return false;
    }
    png_infop info = png_create_info_struct(png);
    if (info == nullptr) {
        png_destroy_write_struct(&png, nullptr);
        std::snprintf(failure->message, sizeof(failure->message), "out of memory");
        return false;
    }
    if (setjmp(failure->jump) != 0) {
        png_destroy_write_struct(&png, &info);
        return false;
    }
    png_set_write_fn(png, sink, on_write, on_flush);
    png_set_compression_level(png, 1);
    // Run-length matches only: a map is long runs of flat colour, and after the "up"
    // filter mostly zeros. Measured on an 8K map: 13% smaller and slightly faster than
    // the default strategy at level 1.
    png_set_compression_strategy(png, Z_RLE);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_UP);
    png_set_IHDR(png, info, static_cast<png_uint_32>(width), static_cast<png_uint_32>(height), 8,
                 channels == 4 && !drop_alpha ? PNG_COLOR_TYPE_RGBA : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_BASE, PNG_FILTER_TYPE_BASE);
    if (text_count > 0) png_set_text(png, info, texts, text_count);
    png_write_info(png, info);
    // RGBA rows written as RGB: libpng skips the fourth byte of each pixel.
    if (channels == 4 && drop_alpha) png_set_filler(png, 0, PNG_FILLER_AFTER);
    const size_t stride = static_cast<size_t>(width) * static_cast<size_t>(channels);
    for (int y = 0; y < height; ++y) {
        png_write_row(png, pixels + static_cast<size_t>(y) * stride);
    }
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return true;
}

// Runs encode() with tEXt chunks built from `text`; throws PngError on failure.
void encode_to(Sink& sink, const std::string& what, std::span<const uint8_t> pixels, int width,
               int height, int channels, bool drop_alpha, const std::vector<PngText>& text) {
    std::vector<png_text> chunks;
    for (const PngText& t : text) {
        if (t.key.empty() || t.key.size() > 79) {
            throw PngError(what + ": PNG text keyword '" + t.key + "' must have 1-79 characters");
        }
        png_text chunk{};
        chunk.compression = PNG_TEXT_COMPRESSION_NONE;
        chunk.key = const_cast<char*>(t.key.c_str());
        chunk.text = const_cast<char*>(t.value.c_str());
        chunk.text_length = t.value.size();
        chunks.push_back(chunk);
    }
    Failure failure;
    if (!encode(&sink, &failure, pixels.data(), width, height, channels, drop_alpha, chunks.data(),
                static_cast<int>(chunks.size()))) {
        if (sink.write_error != 0) {
            throw PngError("cannot write " + what + ": " + std::strerror(sink.write_error));
        }
        throw PngError(what + ": PNG encoding failed: " + failure.message);
    }
}

}  // namespace

std::vector<uint8_t> encode_png(std::span<const uint8_t> pixels, int width, int height,
                                int channels, const std::vector<PngText>& text, bool drop_alpha) {
    check_arguments("PNG", pixels, width, height, channels);
    std::vector<uint8_t> out;
    Sink sink;
    sink.memory = &out;
    encode_to(sink, "PNG", pixels, width, height, channels, drop_alpha, text);
    return out;
}

void write_png(const std::string& path, std::span<const uint8_t> pixels, int width, int height,
               int channels, const std::vector<PngText>& text, bool drop_alpha) {
    check_arguments(path, pixels, width, height, channels);
    if (path.empty()) throw PngError("no output file given");
    // The temporary file lives next to the target so rename() stays on one file system.
    const size_t slash = path.rfind('/');
    const std::string folder = slash == std::string::npos ? "." : path.substr(0, slash + 1);
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    if (base.empty()) throw PngError(path + ": is a folder, not a file name");
    std::string temp = (slash == std::string::npos ? std::string() : folder) + "." + base +
                       ".tmp-XXXXXX";
    const int fd = create_temp_file(temp);
    if (fd < 0) {
        throw PngError("cannot write " + path + ": " + std::strerror(errno));
    }
    const TempRegistration registration(temp);  // removed on SIGTERM/SIGINT/SIGHUP
    // mkstemp creates the file 0600; give it the usual permissions.
    const mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    std::FILE* file = fdopen(fd, "wb");
    if (file == nullptr) {
        const int error = errno;
        close(fd);
        unlink(temp.c_str());
        throw PngError("cannot write " + path + ": " + std::strerror(error));
    }
    Sink sink;
    sink.file = file;
    try {
        encode_to(sink, path, pixels, width, height, channels, drop_alpha, text);
    } catch (...) {
        std::fclose(file);
        unlink(temp.c_str());
        throw;
    }
    const bool flushed = std::fflush(file) == 0 && !std::ferror(file);
    const int flush_error = errno;
    if (std::fclose(file) != 0 || !flushed) {
        unlink(temp.c_str());
        throw PngError("cannot write " + path + ": " +
                       std::strerror(flushed ? errno : flush_error));
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        const int error = errno;
        unlink(temp.c_str());
        throw PngError("cannot write " + path + ": " + std::strerror(error));
    }
}

}  // namespace deportmap::exporter
