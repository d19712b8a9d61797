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

namespace deportmap::exporter {

// Everything that decides an export's bytes. Strings are as the user gave them, except
// where noted; an empty string means "the default".
struct ExportParams {
    std::string out;
    std::string date;        // YYYY, YYYY-MM or YYYY-MM-DD; empty: the data's last event day
    std::string preset;      // 1080p, 4k, 8k, square, social, a4-300dpi, letter-300dpi
    int width = 0;           // 0: from the preset or the default 1920x1080
    int height = 0;
    double scale = 1.0;      // multiplies the type unit
    double size_scale = 1.0; // multiplies the pixel size (previews, tests): same page, smaller
    std::optional<double> dpi;
    std::string projection = "equal-earth";
    std::optional<std::array<double, 4>> bounds;  // min lon, min lat, max lon, max lat
    std::vector<std::string> focus;               // ISO3 codes
    std::string title;
    std::string subtitle;
    std::optional<std::string> source;  // nullopt: built from the data's publishers
    std::string notes;
    std::string logo;        // file path
    std::string theme = "light";
    bool transparent = false;
    std::string layout = "full";  // full | map-only
    std::string lod = "auto";
    std::optional<double> border_width;  // pixels; nullopt: scales with the type unit
    bool labels = false;     // country names for countries with a status
    bool markers = true;
    // What the window's view stands out with: countries outlined in the highlight colour
    // (the selection), statuses drawn as no data and left out of the legend, and one
    // status whose countries stand out while the others are dimmed (legend hover).
    std::vector<std::string> highlight;    // ISO3 codes
    std::vector<std::string> hide_status;  // status keys
    std::string highlight_status;          // status key; empty: none
    std::vector<std::string> data;  // events files; empty: the bundled data
    std::string statuses;           // status table; empty: the bundled one
    std::string boundaries;         // empty: the bundled boundaries
    std::string id_field;
    std::string name_field;
    // Batches and animation.
    bool each_event = false;
    std::string dates;       // FROM..TO
    std::string step;        // 1d, 1w, 1m ...
    std::string animate;     // OUT.mp4 | OUT.gif
    int fps = 2;
    double hold_last = 0.0;  // seconds
};

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

// The sidecar document (pretty-printed JSON, stable key order, ends with a newline).
std::string sidecar_json(const ExportParams& params, const std::vector<InputHash>& inputs,
                         const std::string& version, const std::vector<std::string>& outputs);
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
