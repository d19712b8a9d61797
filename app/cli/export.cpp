// The 'export' command: argv into an export request for the engine (export/engine.hpp),
// a progress bar on a terminal, and the result or failure as one line and an exit code
// (2 for a usage error, 1 for any other failure). See docs/export.md.
#include <unistd.h>

#include <cstdio>
#include <string>

#include "cli/commands.hpp"
#include "core/util/args.hpp"
#include "export/engine.hpp"
#include "export/options.hpp"
#include "export/temp_files.hpp"

namespace deportmap::cli {
namespace {

// A progress bar on stderr when it is a terminal and there is more than one frame.
void show_progress(size_t done, size_t total, const std::string& what) {
    if (total <= 1 || !::isatty(2)) return;
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(kWidth * done / total);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.resize(kWidth, '.');
    std::fprintf(stderr, "\r[%s] %zu/%zu %s\x1b[K", bar.c_str(), done, total, what.c_str());
    if (done == total) std::fputc('\n', stderr);
    std::fflush(stderr);
}

void print_note(const std::string& note) { std::fprintf(stderr, "deportmap: note: %s\n", note.c_str()); }

void print_timings(const exporter::ExportResult& r) {
    for (const exporter::StageTimer::Stage& s : r.stages) {
        std::fprintf(stderr, "export: %-6s %-9s %7.1f ms %7ld page faults\n", "main", s.name, s.ms, s.faults);
    }
}

void print_summary(const exporter::ExportResult& r) {
    const std::string projection(geo::projection_label(r.projection));
    if (r.outputs.size() == 1 || r.frames == 1) {
        std::printf("wrote %s (%dx%d, %s, %s)\n", r.outputs.front().c_str(), r.width, r.height,
                    projection.c_str(), geo::lod_name(r.lod));
    } else {
        std::printf("wrote %zu frames%s%s (%dx%d, %s, %s)\n", r.frames, r.animation.empty() ? "" : " into ",
                    r.animation.c_str(), r.width, r.height, projection.c_str(), geo::lod_name(r.lod));
    }
}

exporter::ExportRequest request_from_args(const Args& args) {
    if (!args.positional().empty()) {
        throw UsageError("export: unexpected argument '" + args.positional().front() + "'");
    }
    exporter::ExportRequest request;
    if (const auto from = args.get("from")) {
        if (const char* other = exporter::first_recorded_option(args)) {
            throw UsageError(std::string("--from takes its parameters from ") + *from +
                             "; only --out may be given with it (not --" + other + ")");
        }
        request.from = *from;
        request.out_override = args.get_or("out", "");
        request.allow_large = args.has("allow-large");
    } else {
        request.params = exporter::params_from_args(args);
    }
    if (const auto t = args.get_int("max-tile")) {
        if (*t < 16 || *t > 16384) throw UsageError("--max-tile must be 16..16384 pixels");
        request.tile_limit = static_cast<int>(*t);
    }
    return request;
}

}  // namespace

int run_export(const Argv& argv) {
    const Args args(argv, exporter::export_value_option_names(), exporter::export_flag_names());
    if (args.has("help")) {
        std::puts(exporter::export_help().c_str());
        return 0;
    }
    // SIGTERM, SIGINT or SIGHUP during an export removes the temporary file being written
    // (and stops ffmpeg) before the process dies: no hidden partial file is left behind.
    exporter::install_temp_cleanup_handlers();
    const exporter::ExportRequest request = request_from_args(args);
    const bool quiet = args.has("quiet");
    exporter::ExportCallbacks callbacks;
    if (!quiet) callbacks.progress = show_progress;
    callbacks.note = print_note;
    const exporter::ExportOutcome outcome = exporter::run_export(request, callbacks);
    if (!outcome.ok()) {
        std::fprintf(stderr, "deportmap: %s\n", outcome.failure->message.c_str());
        return outcome.failure->kind == exporter::ExportErrorKind::Usage ? 2 : 1;
    }
    if (args.has("timings")) print_timings(*outcome.result);
    if (!quiet) print_summary(*outcome.result);
    return 0;
}

}  // namespace deportmap::cli
