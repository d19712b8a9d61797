// Helpers shared by the fuzz targets in this folder (see README.md, "Fuzzing"). Each
// target is one LLVMFuzzerTestOneInput; with clang and DEPORTMAP_FUZZ=ON it links
// libFuzzer, otherwise replay_main.cpp runs it over its committed corpus.
#pragma once
#include <cpl_error.h>
#include <cpl_vsi.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>

#include "core/util/gdal_init.hpp"

namespace deportmap::fuzz {

// Inputs above this many bytes are skipped: every target stays fast and small per run.
inline constexpr size_t kMaxInput = 64 * 1024;

// A property the target checks did not hold: report it and abort, so libFuzzer (or the
// replay runner) records the input as a crash.
[[noreturn]] inline void fail(const char* what) {
    std::fprintf(stderr, "fuzz check failed: %s\n", what);
    std::abort();
}

// Registers GDAL's drivers and silences its error output, once per process.
inline void quiet_gdal() {
    static const bool done = [] {
        ensure_gdal_registered();
        CPLSetErrorHandler(CPLQuietErrorHandler);
        return true;
    }();
    (void)done;
}

// A folder of this process's own under the temp dir, removed at exit. Readers that open
// files with fopen/ifstream get the input through a real file there.
inline const std::filesystem::path& scratch_dir() {
    static const std::filesystem::path dir = [] {
        auto d = std::filesystem::temp_directory_path() /
                 ("deportmap_fuzz_" + std::to_string(::getpid()));
        std::filesystem::create_directories(d);
        std::atexit([] {
            std::error_code ec;
            std::filesystem::remove_all(std::filesystem::temp_directory_path() /
                                            ("deportmap_fuzz_" + std::to_string(::getpid())),
                                        ec);
        });
        return d;
    }();
    return dir;
}

// Writes the input to scratch_dir()/name (replacing the last one) and returns its path.
inline std::string write_scratch(const std::string& name, const uint8_t* data, size_t size) {
    const std::string path = (scratch_dir() / name).string();
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) fail("cannot write the scratch file");
    if (size > 0 && std::fwrite(data, 1, size, f) != size) fail("short write to the scratch file");
    std::fclose(f);
    return path;
}

// The input as a GDAL in-memory file at `path` (/vsimem/...), removed when this goes away.
class MemFile {
public:
    MemFile(std::string path, const uint8_t* data, size_t size) : path_(std::move(path)) {
        VSILFILE* f = VSIFOpenL(path_.c_str(), "wb");  // GDAL keeps its own copy
        if (!f) fail("cannot create the /vsimem/ file");
        if (size > 0 && VSIFWriteL(data, 1, size, f) != size) fail("short write to /vsimem/");
        VSIFCloseL(f);
    }
    ~MemFile() { VSIUnlink(path_.c_str()); }
    MemFile(const MemFile&) = delete;
    MemFile& operator=(const MemFile&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

inline std::string_view as_text(const uint8_t* data, size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace deportmap::fuzz
