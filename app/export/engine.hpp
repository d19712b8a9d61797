// The export engine: one request in, files out. Used by `deportmap export` (which only
// turns argv into a request and prints the result) and called directly by the tests.
// Steps (engine.cpp): check the parameters, read data and boundaries on workers while
// the GL context starts, lay the page out, then draw each frame (PNG band by band
// through tiles, SVG without GL, animation frames into ffmpeg) and write the sidecar.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/geo/projection.hpp"
#include "core/geo/world.hpp"
#include "export/inputs.hpp"
#include "export/params.hpp"
#include "export/stage_timer.hpp"

namespace deportmap::exporter {

struct ExportRequest {
    ExportParams params;
    // A sidecar to repeat: the parameters come from it (`params` is ignored), with
    // `out_override` (when set) as the output instead of the recorded one.
    std::string from;
    std::string out_override;
    int tile_limit = 0;  // pixels a side of a map tile; 0: the driver's limit (at most 8192)
    bool allow_large = false;  // a sidecar may ask for pages and batches past the limits
};

struct ExportResult {
    std::vector<std::string> outputs;  // every file written, the sidecar not included
    std::string sidecar;
    std::string sources_list;  // OUT.sources.csv: the sources of the facts shown (full pages only)
    std::vector<std::string> extras;  // OUT.alt.txt and OUT.csv of each output (unless --no-extras)
    std::string animation;  // the mp4/gif, or empty
    size_t frames = 0;
    int width = 0;
    int height = 0;
    geo::ProjectionKind projection = geo::ProjectionKind::EqualEarth;
    geo::Lod lod = geo::Lod::k110m;
    std::vector<StageTimer::Stage> stages;  // the main thread's stage times
};

enum class ExportErrorKind {
    Usage,   // the request is wrong (an option, a value, a combination)
    Input,   // a file it names cannot be read or used (data, boundaries, logo, sidecar)
    Failed,  // the export itself failed (writing, rendering, encoding)
};

struct ExportFailure {
    ExportErrorKind kind = ExportErrorKind::Failed;
    std::string message;  // one line for the user
};

struct ExportCallbacks {
    // After each frame: frames done, frames in all, the file just written.
    std::function<void(size_t done, size_t total, const std::string& file)> progress;
    NoteFn note;  // one-line notes ("3 bad rows left out ...")
};

struct ExportOutcome {
    std::optional<ExportResult> result;
    std::optional<ExportFailure> failure;
    bool ok() const { return result.has_value(); }
};

// Runs the export; never throws for a bad request or file (the failure says why).
ExportOutcome run_export(const ExportRequest& request, const ExportCallbacks& callbacks = {});

// The same, throwing UsageError, ExportError, SidecarError, geo::GeoError or
// std::runtime_error.
ExportResult run_export_or_throw(const ExportRequest& request, const ExportCallbacks& callbacks = {});

// Sidecars read with `from` follow export/sidecar_trust.hpp.

}  // namespace deportmap::exporter
