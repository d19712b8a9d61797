// Export parameters and the sidecar file (FILE.json) written next to every export: every
// parameter, the SHA-256 of the data and boundary files and the program's version, so
// `deportmap export --from FILE.json` reproduces the same bytes. Also the small file
// helpers exports share: SHA-256 (nettle), atomic writes (temp file + rename).
#pragma once
#include <array>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "export/params.hpp"

namespace deportmap::exporter {

struct InputHash {
    std::string role;  // data, statuses, boundaries, logo
    std::string path;  // absolute
    std::string sha256;
};

// Thrown for a sidecar that cannot be read or used; what() is one line naming the file
// (and the field).
struct SidecarError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The sidecar path for an output: OUT + ".json" ("map.png" -> "map.png.json").
std::string sidecar_path(const std::string& out);

// One frame as the sidecar lists it: the date drawn ("2025-01-31") and, in an animation,
// how many video frames it lasts (0: not an animation).
struct SidecarFrame {
    std::string date;
    int video_frames = 0;
};

// The sidecar document (pretty-printed JSON, stable key order, ends with a newline).
std::string sidecar_json(const ExportParams& params, const std::vector<InputHash>& inputs,
                         const std::string& version, const std::vector<std::string>& outputs,
                         const std::vector<SidecarFrame>& frames = {});
// Reads the parameters back (inputs are returned in `inputs` when given). Throws
// SidecarError naming the file and field.
ExportParams read_sidecar(const std::string& path, std::vector<InputHash>* inputs = nullptr);

// Lower-case hex SHA-256 of a file's bytes; throws SidecarError when unreadable.
std::string sha256_file(const std::string& path);
std::string sha256_hex(const void* data, size_t size);

// Writes `bytes` to `path` through a temporary file in the same folder, renamed over
// `path` when complete (fsync'd); throws std::runtime_error with one line naming the
// file. A failure leaves any previous file intact and no temporary behind.
void write_file_atomic(const std::string& path, const std::string& bytes);

}  // namespace deportmap::exporter
