// A sidecar is a file someone may have sent: `export --from FILE.json` takes its
// parameters, but not its say over where files go or how big they are.
//   - Input paths (data, statuses, boundaries, logo) inside the sidecar's folder are
//     recorded relative to it (others absolute), resolved against it when read back,
//     and must exist.
//   - A path with a ".." part is refused outright.
//   - Without --out, the output goes into the current folder under the sidecar's own
//     base name ("map.png.json" -> "./map.png"), and never over an existing file.
//   - Pages over kSidecarMaxSide pixels a side or kSidecarMaxPixels in all, and batches
//     of more than kSidecarMaxFrames frames, need --allow-large.
// Nothing from a sidecar is passed to a shell (ffmpeg is started with an argv).
#pragma once
#include <string>
#include <vector>

#include "export/inputs.hpp"
#include "export/params.hpp"

namespace deportmap::exporter {

inline constexpr int kSidecarMaxSide = 16384;
inline constexpr double kSidecarMaxPixels = 100e6;
inline constexpr size_t kSidecarMaxFrames = 1000;

// How a sidecar records a file: relative to `sidecar_folder` when it is inside it, else by
// its name alone, so a sidecar never holds a path of the machine that wrote it.
std::string portable_path(const std::string& path, const std::string& sidecar_folder);
// The parameters as the sidecar at `path` should have them written: input paths as
// portable_path gives them, outputs by their file names alone.
ExportParams params_for_sidecar(const ExportParams& params, const std::string& sidecar_folder);
// The input hashes as recorded: the program's own files as "(bundled) assets/...", the
// others as portable_path gives them.
std::vector<InputHash> inputs_for_sidecar(std::vector<InputHash> inputs, const std::string& sidecar_folder);

// The parameters of sidecar `path` under the rules above; `out_override` is --out. A
// changed input is a note. Throws SidecarError or ExportError naming the file and field.
ExportParams params_from_sidecar(const std::string& path, const std::string& out_override, const NoteFn& note);

// Throws UsageError when a sidecar's page or frame count passes the limits above.
void check_sidecar_size(const std::string& path, int width, int height, size_t frames);

}  // namespace deportmap::exporter
