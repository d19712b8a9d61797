// The 'export' command: composed, reproducible snapshots of the map without a display.
// PNG through GL (EGL surfaceless, offscreen MSAA, tiles beyond the driver's limits),
// SVG without GL from the same layout; a sidecar FILE.json with every parameter and
// input hash (`--from` reproduces the bytes); batches of dated frames with a progress
// bar; animations piped into ffmpeg. See docs/export.md.
#include <malloc.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "build_info.hpp"
#include "cli/commands.hpp"
#include "core/color.hpp"
#include "core/data/countries.hpp"
#include "core/data/date.hpp"
#include "core/data/events.hpp"
#include "core/data/stated_figures.hpp"
#include "core/data/statuses.hpp"
#include "core/data/timeline.hpp"
#include "core/export/canvas.hpp"
#include "core/export/compose.hpp"
#include "core/export/layout.hpp"
#include "core/export/map_labels.hpp"
#include "core/export/png.hpp"
#include "core/export/sidecar.hpp"
#include "core/export/svg.hpp"
#include "core/export/temp_files.hpp"
#include "core/geo/mesh.hpp"
#include "core/geo/projection.hpp"
#include "core/geo/world.hpp"
#include "core/markers.hpp"
#include "core/scene.hpp"
#include "core/util/args.hpp"
#include "core/util/paths.hpp"
#include "core/view.hpp"
#include "platform/egl_context.hpp"
#include "platform/ffmpeg_pipe.hpp"
#include "render/map_image.hpp"
#include "render/offscreen.hpp"

namespace deportmap::cli {
namespace {

namespace fs = std::filesystem;
using exporter::ExportParams;

constexpr int kDefaultWidth = 1920;
constexpr int kDefaultHeight = 1080;

void print_help() {
    std::puts(
        "usage: deportmap export --out FILE.png|FILE.svg [--date D]\n"
        "         [--preset P | --width W --height H] [--scale S | --dpi N]\n"
        "         [--projection P] [--bounds MINLON,MINLAT,MAXLON,MAXLAT | --focus ISO3,...]\n"
        "         [--title T] [--subtitle T] [--source T] [--notes T] [--logo FILE]\n"
        "         [--theme light|dark] [--transparent] [--layout full|map-only] [--no-markers]\n"
        "         [--labels] [--highlight ISO3,...] [--hide-status KEY,...] [--highlight-status KEY]\n"
        "         [--data FILE]... [--statuses FILE] [--boundaries FILE [--id-field F] [--name-field F]]\n"
        "         [--lod auto|110m|50m|10m] [--border-width PX]\n"
        "         [--each-event | --dates FROM..TO --step 1d|1w|1m] [--quiet]\n"
        "         [--animate OUT.mp4|OUT.gif --fps N [--hold-last S]]\n"
        "       deportmap export --from FILE.json [--out OTHER]\n"
        "Writes a composed map (title, legend with counts, date, source) without a display.\n"
        "  --preset      1080p, 4k, 8k, square (1080x1080), social (1200x675),\n"
        "                a4-300dpi (3508x2480), letter-300dpi (3300x2550)\n"
        "  --scale S     multiplies text and margins; --dpi N sizes type for print at N dpi\n"
        "  --size-scale F  the same page at F times the pixel size (0 < F <= 1; previews)\n"
        "  --date        YYYY, YYYY-MM or YYYY-MM-DD (default: the data's last event day)\n"
        "  --layout      full (default) or map-only (the map fills the image)\n"
        "  --transparent PNG with a transparent page (the ocean stays)\n"
        "  --labels      names of the countries with a status (placed without overlaps)\n"
        "  --highlight   outline these countries (as the window's selection)\n"
        "  --hide-status draw these statuses as no data and leave them out of the legend\n"
        "  --highlight-status KEY  dim every country without this status\n"
        "  --from F      repeat the export described by the sidecar F (every export writes\n"
        "                OUT.json next to OUT); the same inputs give identical bytes\n"
        "  --each-event  one frame per event day; --dates FROM..TO --step N(d|w|m): a range.\n"
        "                Frames are OUT-0001.png, OUT-0002.png, ...\n"
        "  --animate     encode the frames with ffmpeg (.mp4 or .gif) at --fps (default 2),\n"
        "                holding the last frame --hold-last seconds\n"
        "  --max-tile N  render the map in tiles of at most N pixels (default: the driver's\n"
        "                limit, at most 8192); the output is the same\n"
        "  --timings     print the time of each stage on stderr");
}

struct Preset {
    const char* name;
    int width;
    int height;
    double dpi;  // 0: none
};
// Print presets are landscape: a world map is wider than tall.
constexpr Preset kPresets[] = {
    {"1080p", 1920, 1080, 0},      {"4k", 3840, 2160, 0},         {"8k", 7680, 4320, 0},
    {"square", 1080, 1080, 0},     {"social", 1200, 675, 0},      {"a4-300dpi", 3508, 2480, 300},
    {"letter-300dpi", 3300, 2550, 300},
};

const Preset* find_preset(const std::string& name) {
    for (const Preset& p : kPresets) {
        if (name == p.name) return &p;
    }
    return nullptr;
}

// A --width/--height value: a positive whole number of pixels, or 0 when absent.
int parse_size(const Args& args, const std::string& name) {
    const std::optional<long long> value = args.get_int(name);
    if (!value) return 0;
    if (*value <= 0) {
        throw UsageError("--" + name + " must be a positive number of pixels, got " +
                         std::to_string(*value));
    }
    if (*value > 1000000) {
        throw UsageError("--" + name + " " + std::to_string(*value) + " is too large");
    }
    return static_cast<int>(*value);
}

geo::ProjectionKind parse_projection_name(const std::string& name) {
    if (const auto kind = geo::parse_projection(name)) return *kind;
    std::string known;
    for (const geo::ProjectionKind kind : geo::all_projections()) {
        if (!known.empty()) known += ", ";
        known += geo::projection_name(kind);
    }
    throw UsageError("unknown projection '" + name + "' (choose " + known + ")");
}

struct LonLatBounds {
    double min_lon, min_lat, max_lon, max_lat;
};

// Parses "minlon,minlat,maxlon,maxlat" in degrees.
std::array<double, 4> parse_bounds_text(const std::string& text) {
    const std::string bad = "--bounds expects MINLON,MINLAT,MAXLON,MAXLAT in degrees, got '" +
                            text + "'";
    std::array<double, 4> v{};
    size_t start = 0;
    for (size_t i = 0; i < 4; ++i) {
        const size_t comma = text.find(',', start);
        if ((i < 3) != (comma != std::string::npos)) throw UsageError(bad);
        const std::string part =
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        char* end = nullptr;
        errno = 0;
        v[i] = std::strtod(part.c_str(), &end);
        if (part.empty() || end != part.c_str() + part.size() || errno != 0 ||
            !std::isfinite(v[i])) {
            throw UsageError(bad);
        }
        start = comma + 1;
    }
    return v;
}

LonLatBounds check_bounds(const std::array<double, 4>& v) {
    const LonLatBounds b{v[0], v[1], v[2], v[3]};
    char text[160];
    std::snprintf(text, sizeof text, "%g,%g,%g,%g", v[0], v[1], v[2], v[3]);
    if (b.min_lon < -180 || b.max_lon > 180 || b.min_lat < -90 || b.max_lat > 90) {
        throw UsageError(std::string("--bounds ") + text +
                         ": longitudes must lie in -180..180 and latitudes in -90..90");
    }
    if (!(b.min_lon < b.max_lon) || !(b.min_lat < b.max_lat)) {
        throw UsageError(std::string("--bounds ") + text + ": the minimum must be below the maximum");
    }
    return b;
}

std::optional<geo::Lod> parse_lod_name(const std::string& name) {
    if (name == "auto") return std::nullopt;
    if (name == "110m") return geo::Lod::k110m;
    if (name == "50m") return geo::Lod::k50m;
    if (name == "10m") return geo::Lod::k10m;
    throw UsageError("unknown --lod '" + name + "' (choose auto, 110m, 50m or 10m)");
}

std::vector<std::string> split_commas(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t comma = text.find(',', start);
        std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!part.empty()) out.push_back(part);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

// Every option into ExportParams (no files are read here).
ExportParams params_from_args(const Args& args) {
    ExportParams p;
    p.out = args.get_or("out", "");
    p.date = args.get_or("date", "");
    p.preset = args.get_or("preset", "");
    p.width = parse_size(args, "width");
    p.height = parse_size(args, "height");
    if (const auto s = args.get_double("scale")) p.scale = *s;
    if (const auto s = args.get_double("size-scale")) p.size_scale = *s;
    p.dpi = args.get_double("dpi");
    p.projection = args.get_or("projection", "equal-earth");
    if (const auto b = args.get("bounds")) p.bounds = parse_bounds_text(*b);
    if (const auto f = args.get("focus")) p.focus = split_commas(*f);
    p.title = args.get_or("title", "");
    p.subtitle = args.get_or("subtitle", "");
    p.source = args.get("source");
    p.notes = args.get_or("notes", "");
    p.logo = args.get_or("logo", "");
    p.theme = args.get_or("theme", "light");
    p.transparent = args.has("transparent");
    p.layout = args.get_or("layout", "full");
    p.lod = args.get_or("lod", "auto");
    p.border_width = args.get_double("border-width");
    p.markers = !args.has("no-markers");
    p.labels = args.has("labels");
    if (const auto h = args.get("highlight")) p.highlight = split_commas(*h);
    if (const auto h = args.get("hide-status")) p.hide_status = split_commas(*h);
    p.highlight_status = args.get_or("highlight-status", "");
    p.data = args.get_all("data");
    p.statuses = args.get_or("statuses", "");
    p.boundaries = args.get_or("boundaries", "");
    p.id_field = args.get_or("id-field", "");
    p.name_field = args.get_or("name-field", "");
    p.each_event = args.has("each-event");
    p.dates = args.get_or("dates", "");
    p.step = args.get_or("step", "");
    p.animate = args.get_or("animate", "");
    if (const auto fps = args.get_int("fps")) {
        if (*fps < 1 || *fps > 120) throw UsageError("--fps must be between 1 and 120");
        p.fps = static_cast<int>(*fps);
    }
    if (const auto hold = args.get_double("hold-last")) p.hold_last = *hold;
    return p;
}

std::string lower_extension(const std::string& path) {
    const size_t slash = path.rfind('/');
    const size_t dot = path.rfind('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
    std::string ext = path.substr(dot + 1);
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return ext;
}

// Fails early, before any rendering, when a file cannot be created where asked.
void check_output_path(const std::string& path, const char* option) {
    std::error_code ec;
    if (path.empty() || path.back() == '/' || fs::is_directory(path, ec)) {
        throw UsageError(std::string(option) + " " + path + " is a folder, not a file");
    }
    const size_t slash = path.rfind('/');
    const std::string folder = slash == std::string::npos ? "." : path.substr(0, slash + 1);
    if (!fs::is_directory(folder, ec)) {
        throw exporter::ExportError("cannot write " + path + ": folder " + folder + " does not exist");
    }
    if (::access(folder.c_str(), W_OK) != 0) {
        throw exporter::ExportError("cannot write " + path + ": " + std::strerror(errno));
    }
}

// Frame file name in a batch: "dir/map.png" -> "dir/map-0007.png".
std::string frame_path(const std::string& out, size_t index) {
    const std::string ext = lower_extension(out);
    const std::string stem = ext.empty() ? out : out.substr(0, out.size() - ext.size() - 1);
    char number[32];
    std::snprintf(number, sizeof number, "-%04zu", index + 1);
    return stem + number + (ext.empty() ? "" : "." + out.substr(out.size() - ext.size()));
}

geo::BBox project_bounds(const geo::Projector& projector, const LonLatBounds& b) {
    constexpr int kSteps = 64;
    std::vector<geo::Vec2> points;
    for (int i = 0; i <= kSteps; ++i) {
        const double t = static_cast<double>(i) / kSteps;
        const double lon = b.min_lon + (b.max_lon - b.min_lon) * t;
        const double lat = b.min_lat + (b.max_lat - b.min_lat) * t;
        points.push_back({lon, b.min_lat});
        points.push_back({lon, b.max_lat});
        points.push_back({b.min_lon, lat});
        points.push_back({b.max_lon, lat});
    }
    projector.forward(points);
    geo::BBox box;
    for (const geo::Vec2& p : points) {
        if (std::isfinite(p.x) && std::isfinite(p.y)) box.add(p);
    }
    if (box.empty() || box.width() <= 0 || box.height() <= 0) {
        throw UsageError("--bounds cover no area in this projection");
    }
    return box;
}

// Minor page faults of the calling thread so far (first touches of memory: costly on
// some virtual machines).
long page_faults() {
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return usage.ru_minflt;
}

// Measures consecutive stages of one thread: wall time and page faults.
class StageTimer {
public:
    struct Stage {
        const char* name;
        double ms;
        long faults;
    };
    void lap(const char* name) {
        const auto now = std::chrono::steady_clock::now();
        const long faults = page_faults();
        const double ms = std::chrono::duration<double, std::milli>(now - last_).count();
        // A stage timed again (a page written band by band) adds up.
        auto same = std::find_if(stages_.begin(), stages_.end(),
                                 [&](const Stage& s) { return std::string_view(s.name) == name; });
        if (same != stages_.end()) {
            same->ms += ms;
            same->faults += faults - faults_;
        } else {
            stages_.push_back({name, ms, faults - faults_});
        }
        last_ = now;
        faults_ = faults;
    }
    const std::vector<Stage>& stages() const { return stages_; }
    // Prints the stages on stderr, prefixed with `thread`.
    void print(const char* thread) const {
        for (const Stage& s : stages_) {
            std::fprintf(stderr, "export: %-6s %-9s %7.1f ms %7ld page faults\n", thread, s.name,
                         s.ms, s.faults);
        }
    }

private:
    std::vector<Stage> stages_;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
    long faults_ = page_faults();
};

// What the worker thread prepares while the GL thread sets up: the boundaries and the
// chosen level, projected and tessellated.
struct Prepared {
    geo::World world;
    geo::ProjectedWorld projected;
    StageTimer timer;
};

// Page faults are expensive on some virtual machines: on the project's 2-core VM a
// first touch of a 4 KiB page costs 10-25 µs, and a 50m export at 1920x1080 made about
// 42,000 of them (framebuffers, llvmpipe's bins, buffers freed and refaulted), a large
// share of its time. The export is one short process, so it sets glibc's allocator
// up once: big blocks come from the heap rather than fresh mmaps, freed memory is kept
// for reuse rather than returned, and the heap is grown once by about what the image
// will need and marked for transparent huge pages (2 MiB faults). Documented glibc and
// Linux calls; where huge pages are off the advice is simply ignored. Measured: about
// 9,000 faults instead of 42,000 (docs/rendering.md).
void prepare_memory(int width, int height) {
    const size_t pixels = static_cast<size_t>(width) * static_cast<size_t>(height);
    // Sized when the whole image was held at 4x MSAA (colour, resolve, coverage,
    // readback: 26 B/pixel), plus room for the driver's bins and the meshes. Exports now
    // hold at most a 4 Mpx tile and two page bands, so most of this address range is
    // never touched, and an untouched range costs nothing; it was kept as it is because
    // the threshold below also decides which blocks come from the heap, and changing it
    // would need the timings re-measured.
    const size_t reserve = std::min<size_t>(pixels * 26 + (size_t{96} << 20), size_t{768} << 20);
    // Blocks below the threshold come from the heap: the reserve itself must too.
    mallopt(M_MMAP_THRESHOLD, static_cast<int>(reserve + (size_t{16} << 20)));
    mallopt(M_TRIM_THRESHOLD, static_cast<int>(size_t{1} << 30));
    mallopt(M_ARENA_MAX, 1);  // the worker thread shares the prepared heap
    void* block = std::malloc(reserve);
    if (block == nullptr) return;
    constexpr uintptr_t kHuge = uintptr_t{2} << 20;
    const auto begin = reinterpret_cast<uintptr_t>(block);
    const uintptr_t first = (begin + kHuge - 1) & ~(kHuge - 1);
    const uintptr_t last = (begin + reserve) & ~(kHuge - 1);
    if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
    std::free(block);
}


// The events data an export colours the map with.
struct DataInputs {
    std::shared_ptr<const data::CountryResolver> resolver;
    data::StatusTable statuses;
    data::Timeline timeline;
    std::vector<std::string> files;  // events files read
    std::string statuses_path;       // status table read
};

DataInputs load_data(const ExportParams& p) {
    DataInputs in;
    if (!p.statuses.empty()) {
        std::vector<data::Problem> problems;
        auto table = data::StatusTable::load(p.statuses, problems);
        if (!table) {
            throw exporter::ExportError(problems.empty() ? "cannot read " + p.statuses
                                                         : problems.front().to_string());
        }
        in.statuses = std::move(*table);
        in.statuses_path = p.statuses;
    } else {
        in.statuses = data::StatusTable::load_default();
        in.statuses_path = data_path("assets/statuses.csv");
    }
    in.resolver = std::make_shared<const data::CountryResolver>(data::CountryResolver::load_default());
    in.files = p.data.empty() ? std::vector<std::string>{data::default_events_path()} : p.data;
    data::ReadResult read = data::read_events(in.files, *in.resolver, in.statuses);
    if (!read.unreadable.empty()) {
        for (const data::Problem& problem : read.problems) {
            if (problem.file == read.unreadable.front()) throw exporter::ExportError(problem.to_string());
        }
        throw exporter::ExportError("cannot read " + read.unreadable.front());
    }
    if (read.bad_rows > 0) {
        std::fprintf(stderr, "deportmap: note: %zu bad rows left out (run deportmap validate)\n",
                     read.bad_rows);
    }
    in.timeline = data::Timeline(std::move(read.events), in.statuses, in.resolver->size());
    return in;
}

struct Frame {
    data::Date date;  // as shown ("As of ...")
    data::Day day;    // the day whose statuses are drawn
};

data::Date parse_date_option(const std::string& text, const char* option) {
    std::string why;
    const auto d = data::parse_date(text, &why);
    if (!d) throw UsageError(std::string(option) + " '" + text + "': " + why);
    return *d;
}

// The frames an export draws: one, each event day, or a date range with a step.
std::vector<Frame> plan_frames(const ExportParams& p, const data::Timeline& timeline,
                               const data::Date& single) {
    std::vector<Frame> frames;
    if (p.each_event) {
        for (const data::Day d : timeline.event_days()) frames.push_back({data::civil_from_days(d), d});
        if (frames.empty()) throw exporter::ExportError("--each-event: the data has no events");
        return frames;
    }
    if (!p.dates.empty()) {
        const size_t dots = p.dates.find("..");
        if (dots == std::string::npos) throw UsageError("--dates expects FROM..TO, got '" + p.dates + "'");
        const data::Date from = parse_date_option(p.dates.substr(0, dots), "--dates");
        const data::Date to = parse_date_option(p.dates.substr(dots + 2), "--dates");
        const std::string step = p.step.empty() ? "1m" : p.step;
        char unit = step.back();
        long n = 0;
        try {
            size_t used = 0;
            n = std::stol(step.substr(0, step.size() - 1), &used);
            if (used != step.size() - 1) n = 0;
        } catch (const std::exception&) {
            n = 0;
        }
        if (n <= 0 || (unit != 'd' && unit != 'w' && unit != 'm' && unit != 'y')) {
            throw UsageError("--step expects a count and d, w, m or y (e.g. 1d, 1w, 1m), got '" + step + "'");
        }
        const data::Day first = from.first_day(), last = to.last_day();
        if (last < first) throw UsageError("--dates " + p.dates + ": FROM is after TO");
        data::Date cur = data::civil_from_days(first);
        const int start_day = cur.day;
        for (long k = 0;; ++k) {
            data::Day d;
            if (unit == 'd' || unit == 'w') {
                d = first + static_cast<data::Day>(k * n * (unit == 'w' ? 7 : 1));
            } else {
                const long months = k * n * (unit == 'y' ? 12 : 1);
                const long total = cur.year * 12L + (cur.month - 1) + months;
                const int y = static_cast<int>(total / 12), m = static_cast<int>(total % 12) + 1;
                if (y > 9999) break;
                d = data::days_from_civil(y, m, std::min(start_day, data::days_in_month(y, m)));
            }
            if (d > last) break;
            frames.push_back({data::civil_from_days(d), d});
            if (frames.size() > 100000) throw UsageError("--dates " + p.dates + " gives too many frames");
        }
        return frames;
    }
    frames.push_back({single, data::query_day(single)});
    return frames;
}

// "Sources: N publishers, including A, B and C. Boundaries: Natural Earth." from the
// events up to `day` (most cited first), for the default credit line.
std::string default_source(const data::Timeline& timeline, data::Day day, bool bundled_boundaries) {
    std::map<std::string, int> counts;
    for (const data::Event& e : timeline.events()) {
        if (e.date.first_day() <= day && !e.source_publisher.empty()) ++counts[e.source_publisher];
    }
    std::vector<std::pair<std::string, int>> ranked(counts.begin(), counts.end());
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string s;
    if (ranked.size() == 1) {
        s = "Source: " + ranked[0].first + ".";
    } else if (!ranked.empty()) {
        s = "Sources: " + std::to_string(ranked.size()) + " publishers, including ";
        const size_t n = std::min<size_t>(3, ranked.size());
        for (size_t i = 0; i < n; ++i) {
            if (i > 0) s += i + 1 == n ? " and " : ", ";
            s += ranked[i].first;
        }
        s += ".";
    }
    if (bundled_boundaries) s += std::string(s.empty() ? "" : " ") + "Boundaries: Natural Earth.";
    return s;
}

// Exports draw at one sample per pixel and anti-alias fill edges with fringes
// (render::DrawParams::edge_fringes): on a software rasteriser every MSAA sample costs
// memory bandwidth, and 4x MSAA made an 8K export four times slower (docs/rendering.md).
constexpr int kExportSamples = 1;

// The map is rendered through one offscreen target of at most this many pixels, in
// strips (and columns, past the driver's width limit), each read back straight into the
// page: on a machine where first touching memory is slow (docs/rendering.md), an 8K page
// then costs one page-sized buffer instead of four (target, coverage, readback, page),
// and memory stays bounded for any size.
constexpr long long kTilePixels = 4LL << 20;

// The tile size for a map_w x map_h map: full width up to `max_tile`, rows to fill
// kTilePixels (at least 64).
std::pair<int, int> tile_size(int map_w, int map_h, int max_tile) {
    const int tw = std::min(map_w, max_tile);
    const long long rows = std::max<long long>(64, kTilePixels / std::max(1, tw));
    const int th = static_cast<int>(std::min<long long>({rows, map_h, max_tile}));
    return {tw, th};
}

// Renders the map tile by tile through `target` and writes it into `page` with its
// top-left corner at (x0, y0): copied (exact pixels), or blended over when `over`
// (a transparent page). Only tiles meeting the page's band are drawn. `scratch` is the
// reused readback buffer.
void render_map_into(render::OffscreenMap& target, const geo::ProjectedWorld& world,
                     const render::MapImageRequest& request, std::span<const Color> colors,
                     exporter::Canvas& page, int x0, int y0, bool over, std::vector<uint8_t>& scratch) {
    const int tw = target.width(), th = target.height();
    for (int ty = 0; ty < request.height; ty += th) {
        if (!page.rows_in_band(y0 + ty, y0 + std::min(request.height, ty + th))) continue;
        for (int tx = 0; tx < request.width; tx += tw) {
            render::MapImageRequest part = request;
            part.width = tw;
            part.height = th;
            part.view.offset_x -= tx;
            part.view.offset_y -= ty;
            part.hatch_origin_x = static_cast<float>(tx);  // GL's y runs up from the bottom
            part.hatch_origin_y = static_cast<float>(request.height - ty - th);
            target.render(world, part, colors, scratch, false);  // rows bottom-up
            const int cw = std::min(tw, request.width - tx), ch = std::min(th, request.height - ty);
            const size_t stride = static_cast<size_t>(tw) * 4;
            for (int row = 0; row < ch; ++row) {
                const std::span<const uint8_t> line(&scratch[static_cast<size_t>(th - 1 - row) * stride],
                                                    static_cast<size_t>(cw) * 4);
                if (over) {
                    page.blit(line, cw, 1, x0 + tx, y0 + ty + row);
                } else {
                    page.copy(line, cw, 1, x0 + tx, y0 + ty + row);
                }
            }
        }
    }
}

// The bands a page_h-row page is composed and written in: the rows above the map, one
// band per row of map tiles (tile_rows high, starting at the map's top, map_y), and the
// rows below it. Each band then holds at most a tile row of the map.
std::vector<std::pair<int, int>> page_bands(int page_h, int map_y, int map_h, int tile_rows) {
    std::vector<std::pair<int, int>> bands;  // (first row, rows)
    if (map_y > 0) bands.emplace_back(0, map_y);
    for (int y = 0; y < map_h; y += tile_rows) bands.emplace_back(map_y + y, std::min(tile_rows, map_h - y));
    if (map_y + map_h < page_h) bands.emplace_back(map_y + map_h, page_h - map_y - map_h);
    return bands;
}

// A progress bar on stderr when it is a terminal.
class Progress {
public:
    Progress(size_t total, bool enabled) : total_(total), enabled_(enabled && total > 1 && ::isatty(2)) {}
    void update(size_t done, const std::string& what) {
        if (!enabled_) return;
        constexpr int kWidth = 30;
        const int filled = static_cast<int>(kWidth * done / std::max<size_t>(1, total_));
        std::string bar(static_cast<size_t>(filled), '#');
        bar.resize(kWidth, '.');
        std::fprintf(stderr, "\r[%s] %zu/%zu %s\x1b[K", bar.c_str(), done, total_, what.c_str());
        if (done == total_) std::fputc('\n', stderr);
        std::fflush(stderr);
    }

private:
    size_t total_;
    bool enabled_;
};

// What the sidecar records of each input: its role, absolute path and SHA-256.
std::vector<exporter::InputHash> hash_inputs(const std::vector<std::string>& data_files,
                                             const std::string& statuses_path,
                                             const std::string& boundaries_option,
                                             const std::string& logo_path,
                                             const std::string& logo_bytes) {
    std::vector<exporter::InputHash> inputs;
    for (const std::string& file : data_files) {
        inputs.push_back({"data", fs::absolute(file).string(), exporter::sha256_file(file)});
    }
    inputs.push_back({"statuses", fs::absolute(statuses_path).string(), exporter::sha256_file(statuses_path)});
    const std::string boundaries =
        boundaries_option.empty() ? geo::default_boundaries_path() : boundaries_option;
    inputs.push_back({"boundaries", fs::absolute(boundaries).string(), exporter::sha256_file(boundaries)});
    if (!logo_path.empty()) {
        inputs.push_back({"logo", fs::absolute(logo_path).string(),
                          exporter::sha256_hex(logo_bytes.data(), logo_bytes.size())});
    }
    return inputs;
}

std::string read_file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

int run_export_params(ExportParams p, bool timings, bool quiet, int tile_limit) {
    StageTimer timer;
    // Output kind and checks before any work.
    const bool animate = !p.animate.empty();
    const bool batch = p.each_event || !p.dates.empty();
    if (p.each_event && !p.dates.empty()) throw UsageError("use --each-event or --dates, not both");
    if (animate && !batch) throw UsageError("--animate needs --each-event or --dates FROM..TO");
    if (p.out.empty() && !animate) throw UsageError("export needs --out FILE.png or FILE.svg");
    std::string format;
    if (!p.out.empty()) {
        check_output_path(p.out, "--out");
        format = lower_extension(p.out);
        if (format != "png" && format != "svg") {
            throw UsageError("--out " + p.out + ": the file name must end in .png or .svg");
        }
    }
    if (animate) {
        check_output_path(p.animate, "--animate");
        const std::string ext = lower_extension(p.animate);
        if (ext != "mp4" && ext != "gif") {
            throw UsageError("--animate " + p.animate + ": the file name must end in .mp4 or .gif");
        }
        if (format == "svg") throw UsageError("--animate renders PNG frames; --out must be .png");
    }
    if (!(p.hold_last >= 0 && p.hold_last <= 3600)) throw UsageError("--hold-last must be 0..3600 seconds");
    if (!(p.scale > 0 && p.scale <= 20)) throw UsageError("--scale must be above 0 and at most 20");
    if (!(p.size_scale > 0 && p.size_scale <= 1)) throw UsageError("--size-scale must be above 0 and at most 1");
    if (p.dpi && !(*p.dpi >= 10 && *p.dpi <= 2400)) throw UsageError("--dpi must be 10..2400");
    const geo::ProjectionKind projection = parse_projection_name(p.projection);
    const std::optional<geo::Lod> lod_option = parse_lod_name(p.lod);
    const auto theme = parse_theme(p.theme);
    if (!theme) throw UsageError("unknown --theme '" + p.theme + "' (choose light or dark)");
    if (p.layout != "full" && p.layout != "map-only") {
        throw UsageError("unknown --layout '" + p.layout + "' (choose full or map-only)");
    }
    const bool full = p.layout == "full";
    if (p.border_width && !(std::isfinite(*p.border_width) && *p.border_width >= 0 && *p.border_width <= 100)) {
        throw UsageError("--border-width must be between 0 and 100 pixels");
    }
    if (p.bounds && !p.focus.empty()) throw UsageError("use --bounds or --focus, not both");
    std::optional<LonLatBounds> bounds;
    if (p.bounds) bounds = check_bounds(*p.bounds);

    // Size: preset, then --width/--height.
    std::optional<double> dpi = p.dpi;
    int width = p.width, height = p.height;
    if (!p.preset.empty()) {
        const Preset* preset = find_preset(p.preset);
        if (preset == nullptr) {
            std::string names;
            for (const Preset& q : kPresets) names += std::string(names.empty() ? "" : ", ") + q.name;
            throw UsageError("unknown --preset '" + p.preset + "' (choose " + names + ")");
        }
        if (width || height) throw UsageError("use --preset or --width/--height, not both");
        width = preset->width;
        height = preset->height;
        if (preset->dpi > 0 && !dpi) dpi = preset->dpi;
    }
    std::optional<exporter::Image> logo;
    std::string logo_bytes;
    if (!p.logo.empty()) {
        logo = exporter::load_image(p.logo);
        logo_bytes = read_file_bytes(p.logo);
    }

    // Three things run at once: a worker reads the events data, another reads the
    // boundaries (then projects the level chosen below), and this thread creates the GL
    // context. The glibc heap is prepared first, for roughly the image's size.
    {
        const int w = width ? width : (height ? height * 2 : kDefaultWidth);
        const int h = height ? height : (width ? (width + 1) / 2 : kDefaultHeight);
        prepare_memory(std::min(w, 50000), std::min(h, 50000));
    }
    std::future<DataInputs> data_worker =
        std::async(std::launch::async, [&p] { return load_data(p); });
    const geo::Projector projector(projection);
    geo::LoadOptions load;
    load.path = p.boundaries;
    load.id_field = p.id_field;
    load.name_field = p.name_field;
    geo::World world;
    std::promise<void> world_loaded;
    std::shared_future<void> world_ready = world_loaded.get_future().share();
    std::future<geo::ProjectedWorld> geo_worker;
    // Declared after geo_worker so that, on an early error, it is destroyed first: the
    // worker then sees a broken promise and stops instead of waiting forever.
    std::promise<geo::Lod> lod_chosen;
    geo_worker = std::async(std::launch::async, [&world, &world_loaded, &load, &projector,
                                                 lod_future = lod_chosen.get_future()]() mutable {
        try {
            world = geo::load_world(load);
            world_loaded.set_value();
        } catch (...) {
            world_loaded.set_exception(std::current_exception());
            throw;
        }
        const geo::Lod lod = lod_future.get();
        geo::ProjectedWorld projected;
        geo::project_level(world, projector, lod, projected);
        return projected;
    });
    std::optional<platform::HeadlessGlContext> context;
    if (format != "svg") {
        context.emplace();
        timer.lap("context");
    }

    // Data: the timeline gives the date, counts and colours.
    const DataInputs data_in = data_worker.get();
    // The inputs' hashes for the sidecar, computed beside the rendering.
    std::future<std::vector<exporter::InputHash>> input_hashes =
        std::async(std::launch::async, [&data_in, &p, &logo_bytes] {
            return hash_inputs(data_in.files, data_in.statuses_path, p.boundaries, p.logo, logo_bytes);
        });
    const data::Timeline& timeline = data_in.timeline;
    data::Date single;
    if (!p.date.empty()) {
        single = parse_date_option(p.date, "--date");
    } else if (const auto last = timeline.last_day()) {
        single = data::civil_from_days(*last);
        if (!batch) p.date = single.iso();  // recorded, so --from draws the same day
    } else {
        single = data::civil_from_days(0);
    }
    const std::vector<Frame> frames = plan_frames(p, timeline, single);
    timer.lap("data");
    world_ready.get();  // rethrows a loading error
    timer.lap("load");
    const std::vector<int> world_to_data = map_world_to_data(world, *data_in.resolver);
    if (!p.focus.empty()) {
        LonLatBounds b{180, 90, -180, -90};
        for (const std::string& code : p.focus) {
            auto it = std::find_if(world.countries.begin(), world.countries.end(),
                                   [&](const geo::Country& c) { return c.iso3 == code; });
            if (it == world.countries.end()) {
                throw UsageError("--focus: no country with the code '" + code + "' in the boundaries");
            }
            const geo::BBox& bb = it->shape_at(geo::Lod::k110m).bbox;
            b = {std::min(b.min_lon, bb.min_x), std::min(b.min_lat, bb.min_y),
                 std::max(b.max_lon, bb.max_x), std::max(b.max_lat, bb.max_y)};
        }
        const double pad_x = std::max(2.0, (b.max_lon - b.min_lon) * 0.1);
        const double pad_y = std::max(2.0, (b.max_lat - b.min_lat) * 0.1);
        bounds = LonLatBounds{std::max(-180.0, b.min_lon - pad_x), std::max(-90.0, b.min_lat - pad_y),
                              std::min(180.0, b.max_lon + pad_x), std::min(90.0, b.max_lat + pad_y)};
    }
    // The view's highlights: outlined countries, hidden statuses, a highlighted status.
    const data::StatusTable& table = timeline.statuses();
    Scene scene;
    scene.theme = *theme;
    scene.hidden_statuses.assign(table.size(), false);
    for (const std::string& key : p.hide_status) {
        const data::StatusIndex s = table.find(key);
        if (s == data::kNoStatus) {
            throw UsageError("--hide-status: unknown status '" + key + "' (one of " + table.key_list() + ")");
        }
        scene.hidden_statuses[static_cast<size_t>(s)] = true;
    }
    if (!p.highlight_status.empty()) {
        const data::StatusIndex s = table.find(p.highlight_status);
        if (s == data::kNoStatus) {
            throw UsageError("--highlight-status: unknown status '" + p.highlight_status + "' (one of " +
                             table.key_list() + ")");
        }
        scene.highlighted_status = s;
    }
    std::vector<int> highlight;
    for (const std::string& code : p.highlight) {
        auto it = std::find_if(world.countries.begin(), world.countries.end(),
                               [&](const geo::Country& c) { return c.iso3 == code; });
        if (it == world.countries.end()) {
            throw UsageError("--highlight: no country with the code '" + code + "' in the boundaries");
        }
        highlight.push_back(static_cast<int>(it - world.countries.begin()));
    }
    const bool rectangular = projection == geo::ProjectionKind::Equirectangular ||
                             projection == geo::ProjectionKind::Mercator;
    const geo::BBox shown = bounds ? project_bounds(projector, *bounds) : projector.world_bounds();
    if (!width && !height) {
        width = kDefaultWidth;
        height = kDefaultHeight;
    } else if (!width || !height) {
        const double aspect = shown.height() / shown.width();
        if (width) {
            height = std::max(1, static_cast<int>(std::lround(width * aspect)));
        } else {
            width = std::max(1, static_cast<int>(std::lround(height / aspect)));
        }
    }
    if (p.size_scale != 1.0) {
        width = std::max(1, static_cast<int>(std::lround(width * p.size_scale)));
        height = std::max(1, static_cast<int>(std::lround(height * p.size_scale)));
        if (dpi) dpi = *dpi * p.size_scale;
    }
    if (width > 50000 || height > 50000 || static_cast<double>(width) * height > 1.5e9) {
        throw UsageError("an image of " + std::to_string(width) + "x" + std::to_string(height) +
                         " is too large (at most 50000 pixels a side and 1.5 gigapixels)");
    }
    const double unit = exporter::type_unit(width, height, p.scale, dpi);

    // Layout, with the widest date and counts reserved so every frame has the same map.
    const ThemeColors& colors = theme_colors(*theme);
    // `approximate`: the map stripes some country (the legend then has a key for it).
    auto page_text = [&](const Frame& f, const std::vector<int>& counts, bool approximate) {
        exporter::PageText t;
        t.title = p.title;
        t.subtitle = p.subtitle;
        t.date_line = "As of " + data::format_date(f.date);
        t.source = p.source ? *p.source : default_source(timeline, f.day, p.boundaries.empty());
        t.notes = p.notes;
        int no_status = static_cast<int>(world.countries.size());
        for (const data::StatusIndex s : table.legend()) {
            const data::Status& st = table[static_cast<size_t>(s)];
            const int n = counts[static_cast<size_t>(s)];
            no_status -= n;
            if (scene.hidden_statuses[static_cast<size_t>(s)]) continue;  // not on the map
            t.legend.push_back({st.key, st.label, *theme == Theme::Dark ? st.colour_dark : st.colour_light, n});
        }
        t.legend.push_back({"none", "No known request", colors.no_data, std::max(0, no_status)});
        if (approximate) {
            exporter::LegendEntry key{"approximate", "Date known only to the month or year", colors.muted_text, 0};
            key.hatched = true;
            t.legend.push_back(key);
        }
        return t;
    };
    exporter::PageOptions options;
    options.width = width;
    options.height = height;
    options.unit = unit;
    options.full = full;
    if (logo) {
        options.logo_width = logo->width;
        options.logo_height = logo->height;
    }
    // World-order statuses per frame as drawn (hidden statuses as none), and counts of
    // every status over the World's countries (hidden ones too: the counts stay true).
    auto frame_counts = [&](data::Day day, std::vector<data::StatusIndex>& statuses) {
        scene.date = day;
        world_statuses(scene, timeline, world_to_data, statuses);
        Scene every = scene;
        every.hidden_statuses.clear();
        std::vector<data::StatusIndex> all;
        world_statuses(every, timeline, world_to_data, all);
        std::vector<int> counts(table.size(), 0);
        for (const data::StatusIndex s : all) {
            if (s != data::kNoStatus) ++counts[static_cast<size_t>(s)];
        }
        return counts;
    };
    // Per World country: striped on this day (status dated only to the month or year, not
    // hidden, not dimmed by a highlighted status).
    auto frame_approximate = [&](data::Day day, std::vector<uint8_t>& out) {
        scene.date = day;
        std::vector<bool> approx;
        world_approximate(scene, timeline, world_to_data, approx);
        std::vector<data::StatusIndex> statuses;
        world_statuses(scene, timeline, world_to_data, statuses);
        out.assign(approx.size(), 0);
        for (size_t i = 0; i < approx.size(); ++i) {
            out[i] = approx[i] && (scene.highlighted_status < 0 || statuses[i] == scene.highlighted_status);
        }
    };
    // Whether a striped country lies in the area shown (its lon/lat box meets the bounds).
    auto any_shown = [&](const std::vector<uint8_t>& approx) {
        for (size_t i = 0; i < approx.size() && i < world.countries.size(); ++i) {
            if (!approx[i]) continue;
            if (!bounds) return true;
            const geo::BBox& bb = world.countries[i].shape_at(geo::Lod::k110m).bbox;
            if (bb.max_x >= bounds->min_lon && bb.min_x <= bounds->max_lon && bb.max_y >= bounds->min_lat &&
                bb.min_y <= bounds->max_lat) {
                return true;
            }
        }
        return false;
    };
    std::vector<uint8_t> frame_striped(frames.size(), 0);
    {
        std::vector<uint8_t> approx;
        for (size_t i = 0; i < frames.size(); ++i) {
            frame_approximate(frames[i].day, approx);
            frame_striped[i] = any_shown(approx);
        }
    }
    const bool any_striped = std::find(frame_striped.begin(), frame_striped.end(), 1) != frame_striped.end();
    exporter::PageLayout base_layout;
    if (full) {
        // Reserve: the longest date line among the frames and three-digit counts.
        size_t widest = 0;
        double widest_w = -1;
        for (size_t i = 0; i < frames.size(); ++i) {
            const std::string line = "As of " + data::format_date(frames[i].date);
            const double w = static_cast<double>(line.size());
            if (w > widest_w) {
                widest_w = w;
                widest = i;
            }
        }
        exporter::PageText reserve = page_text(frames[widest], std::vector<int>(table.size(), 888), any_striped);
        for (auto& e : reserve.legend) e.count = 888;
        reserve.date_line = "As of 30 September 9999";
        if (!p.source) {
            // The source line may grow with the frames: reserve the last frame's.
            reserve.source = default_source(timeline, frames.back().day, p.boundaries.empty());
        }
        base_layout = exporter::compute_layout(reserve, options);
    } else {
        base_layout = exporter::compute_layout({}, options);
    }
    const exporter::Rect map_rect = base_layout.map;
    const int map_w = static_cast<int>(map_rect.w), map_h = static_cast<int>(map_rect.h);
    ViewTransform view;
    if (bounds && rectangular && !full) {
        view = stretch_bounds(shown, map_w, map_h);
    } else if (bounds || full) {
        view = fit_bounds(shown, map_w, map_h);
    } else {
        const double margin = std::max(2.0, 0.02 * std::min(map_w, map_h));
        view = fit_bounds(shown, map_w, map_h, margin);
    }
    geo::Lod lod = geo::Lod::k10m;
    if (lod_option) {
        lod = *lod_option;
    } else {
        const double world_px = projector.world_bounds().width() * view.scale_x;
        lod = world_px <= 2000 ? geo::Lod::k110m : world_px <= 5000 ? geo::Lod::k50m : geo::Lod::k10m;
    }
    const double border_width = p.border_width ? *p.border_width : std::max(0.6, 0.6 * unit);
    timer.lap("layout");

    lod_chosen.set_value(lod);
    std::unique_ptr<render::OffscreenMap> map_target;
    if (context) {
        const render::GlLimits limits = render::query_limits();
        const int max_tile =
            std::min({tile_limit > 0 ? tile_limit : 8192, limits.max_width(), limits.max_height()});
        const auto [tw, th] = tile_size(map_w, map_h, max_tile);
        map_target = std::make_unique<render::OffscreenMap>(tw, th, kExportSamples);
        timer.lap("prepare");
    }
    const geo::ProjectedWorld projected = geo_worker.get();
    timer.lap("project");

    render::MapImageRequest request;
    request.width = map_w;
    request.height = map_h;
    request.view = view;
    request.lod = lod;
    request.style.background = colors.background;
    if (p.transparent) request.style.background.a = 0;
    request.style.ocean = colors.ocean;
    request.style.border = colors.border;
    request.style.no_data = colors.no_data;
    request.style.border_width_px = static_cast<float>(border_width);
    request.samples = kExportSamples;
    request.edge_fringes = true;
    // Stripes over approximate dates, their period scaled with the type unit like the
    // window's 7 px at scale 1 (tiles carry their origin, so stripes run on across seams).
    const double hatch_px = exporter::kHatchUnits * unit;
    request.hatch_px = static_cast<float>(hatch_px);
    const exporter::PageColors page_colors{colors.text, colors.muted_text, colors.border, colors.background};
    const double highlight_width = 3.0 * unit;  // the window's selection outline, 3 px at scale 1
    const std::vector<geo::ProjectedShape>& shapes = projected.shapes[static_cast<size_t>(lod)];
    MarkerRule marker_rule;
    marker_rule.max_area_px2 *= unit * unit;
    marker_rule.radius_px = std::max(2.0, marker_rule.radius_px * unit);

    std::unique_ptr<platform::FfmpegPipe> pipe;
    if (animate) {
        pipe = std::make_unique<platform::FfmpegPipe>(p.animate, width, height, p.fps);
        // A fatal signal stops ffmpeg and removes its partial output (temp_files.hpp).
        exporter::register_child(pipe->pid());
        exporter::register_temp_path(pipe->temp_path());
    }
    Progress progress(frames.size(), !quiet);
    std::vector<std::string> outputs;
    std::vector<data::StatusIndex> statuses;
    std::vector<Color> fill;
    exporter::Canvas last_page;
    std::vector<uint8_t> tile_scratch;
    for (size_t fi = 0; fi < frames.size(); ++fi) {
        const Frame& f = frames[fi];
        const std::vector<int> counts = frame_counts(f.day, statuses);
        scene.date = f.day;
        world_colors(scene, timeline, world_to_data, fill);
        std::vector<uint8_t> approximate;
        frame_approximate(f.day, approximate);
        for (size_t i = 0; i < approximate.size() && i < fill.size(); ++i) {
            if (approximate[i]) fill[i].a = kApproximateAlpha;  // striped by the map shader
        }
        exporter::PageText text = page_text(f, counts, frame_striped[fi] != 0);
        exporter::PageLayout layout = full ? exporter::compute_layout(text, options) : base_layout;
        layout.map = map_rect;  // the reserved map area (identical by construction)
        std::vector<int> markers;
        if (p.markers) {
            std::vector<uint8_t> has(statuses.size());
            for (size_t i = 0; i < statuses.size(); ++i) has[i] = statuses[i] != data::kNoStatus;
            for (const Marker& m : compute_markers(shapes, has, view, map_w, map_h, marker_rule)) {
                markers.push_back(m.country);
            }
        }
        std::vector<exporter::MapLabel> labels;
        if (p.labels) {
            exporter::MapLabelInput li;
            li.world = &world;
            li.shapes = &shapes;
            li.statuses = statuses;
            li.markers = markers;
            li.marker_radius = marker_rule.radius_px;
            li.view = view;
            li.map_x = map_rect.x;
            li.map_y = map_rect.y;
            li.map_width = map_w;
            li.map_height = map_h;
            li.unit = unit;
            labels = exporter::place_map_labels(li);
        }
        const std::string target = batch && !p.out.empty() ? frame_path(p.out, fi) : p.out;
        const std::string source_line = text.source;
        if (format == "svg") {
            exporter::SvgMap svg;
            svg.world = &world;
            svg.shapes = &shapes;
            svg.outline = &projected.outline;
            svg.view = view;
            svg.view.offset_x += map_rect.x;
            svg.view.offset_y += map_rect.y;
            svg.statuses = statuses;
            svg.table = &table;
            svg.dark = *theme == Theme::Dark;
            svg.background = colors.background;
            svg.ocean = colors.ocean;
            svg.border = colors.border;
            svg.no_data = colors.no_data;
            svg.border_width = border_width;
            svg.transparent = p.transparent;
            svg.markers = markers;
            svg.marker_radius = marker_rule.radius_px;
            svg.approximate = approximate;
            svg.hatch_px = hatch_px;
            svg.highlighted_status = scene.highlighted_status;
            svg.highlight = highlight;
            svg.highlight_color = colors.highlight;
            svg.highlight_width = highlight_width;
            svg.labels = labels;
            const std::string mime = lower_extension(p.logo) == "png" ? "image/png" : "image/jpeg";
            exporter::write_file_atomic(target, exporter::write_svg(layout, svg, page_colors, logo_bytes, mime));
            outputs.push_back(target);
            progress.update(fi + 1, target);
            continue;
        }
        Color page_bg = colors.background;
        if (p.transparent) page_bg.a = 0;
        const int page_w = full ? width : map_w, page_h = full ? height : map_h;
        const int map_x = full ? static_cast<int>(map_rect.x) : 0;
        const int map_y = full ? static_cast<int>(map_rect.y) : 0;
        // Everything on the page, drawn into `page` (the whole page or one band of it).
        const auto compose = [&](exporter::Canvas& page) {
            render_map_into(*map_target, projected, request, fill, page, map_x, map_y,
                            full && p.transparent, tile_scratch);
            const int mx0 = static_cast<int>(map_rect.x), my0 = static_cast<int>(map_rect.y);
            for (const int c : highlight) {
                // Under the markers, as in the window.
                exporter::stroke_rings(page, exporter::shape_rings_px(shapes[static_cast<size_t>(c)], view, map_rect.x, map_rect.y),
                                       highlight_width, colors.highlight, mx0, my0, mx0 + map_w, my0 + map_h);
            }
            for (const int c : markers) {
                const auto i = static_cast<size_t>(c);
                const geo::Vec2 centre = view.to_pixel(shapes[i].label_point);
                const double r = marker_rule.radius_px;
                const double x = centre.x + map_rect.x, y = centre.y + map_rect.y;
                Color marker = fill[i];  // the status colour (dimmed by a highlighted status)
                marker.a = 255;
                page.fill_circle(x, y, r + border_width, colors.border);
                page.fill_circle(x, y, r, marker);
            }
            if (!labels.empty()) exporter::draw_map_labels(page, labels, colors.text, colors.background);
            if (full) exporter::draw_page(page, layout, page_colors, logo ? &*logo : nullptr);
        };
        std::vector<exporter::PngText> chunks;
        if (!target.empty()) {
            if (!p.title.empty()) chunks.push_back({"Title", p.title});
            if (!p.subtitle.empty()) chunks.push_back({"Description", p.subtitle});
            if (!source_line.empty()) chunks.push_back({"Source", source_line});
            chunks.push_back({"Date", f.date.iso()});
            chunks.push_back({"Software", std::string("deportmap ") + build::kVersion});
            chunks.push_back({"Projection", std::string(geo::projection_label(projection))});
        }
        if (pipe) {
            // Animation frames go whole to ffmpeg (and the last is held); a frame file of
            // the batch is written from the same page.
            exporter::Canvas page(page_w, page_h, page_bg);
            compose(page);
            timer.lap("render");
            pipe->write_frame(page.rgba());
            if (!target.empty()) {
                exporter::write_png(target, page.rgba(), page_w, page_h, 4, chunks, !p.transparent);
                outputs.push_back(target);
                timer.lap("png");
            }
            if (fi + 1 == frames.size()) last_page = std::move(page);
        } else if (!target.empty()) {
            // Composed and encoded band by band, so only two bands of the page are ever in
            // memory: a worker encodes one while this thread composes the next (zlib
            // then overlaps with llvmpipe). Opaque unless --transparent (then RGB).
            exporter::PngFileWriter png(target, page_w, page_h, 4, chunks, !p.transparent);
            exporter::Canvas encoding;  // the band the worker is encoding
            std::future<void> encoded;
            for (const auto& [top, rows] : page_bands(page_h, map_y, map_h, map_target->height())) {
                exporter::Canvas band(page_w, page_h, page_bg, top, rows);
                compose(band);
                timer.lap("render");
                if (encoded.valid()) encoded.get();  // rethrows an encoding error
                timer.lap("png");
                encoding = std::move(band);
                encoded = std::async(std::launch::async, [&png, &encoding, n = rows] {
                    png.write_rows(encoding.rgba(), n);
                });
            }
            if (encoded.valid()) encoded.get();
            png.finish();
            outputs.push_back(target);
            timer.lap("png");
        }
        progress.update(fi + 1, target.empty() ? p.animate : target);
    }
    if (pipe) {
        const long hold = std::lround(p.hold_last * p.fps);
        for (long k = 0; k < hold; ++k) pipe->write_frame(last_page.rgba());
        pipe->finish();
        exporter::register_child(0);
        exporter::release_temp_path(pipe->temp_path());
        outputs.push_back(p.animate);
        timer.lap("encode");
    }
    // The sidecar: every parameter and input hash, next to the (first) output.
    std::vector<exporter::InputHash> inputs = input_hashes.get();
    const std::string sidecar = exporter::sidecar_path(p.out.empty() ? p.animate : p.out);
    exporter::write_file_atomic(sidecar, exporter::sidecar_json(p, inputs, build::kVersion, outputs));
    timer.lap("sidecar");
    if (timings) timer.print("main");
    if (!quiet) {
        if (outputs.size() == 1 || (frames.size() == 1)) {
            std::printf("wrote %s (%dx%d, %s, %s)\n", outputs.front().c_str(), width, height,
                        std::string(geo::projection_label(projection)).c_str(), geo::lod_name(lod));
        } else {
            std::printf("wrote %zu frames%s%s (%dx%d, %s, %s)\n", frames.size(),
                        animate ? " into " : "", animate ? p.animate.c_str() : "", width, height,
                        std::string(geo::projection_label(projection)).c_str(), geo::lod_name(lod));
        }
    }
    return 0;
}

}  // namespace

int run_export(const Argv& argv) {
    const Args args(argv,
                    {"out", "date", "preset", "width", "height", "scale", "size-scale", "dpi", "projection",
                     "bounds", "focus", "title", "subtitle", "source", "notes", "logo", "theme",
                     "layout", "lod", "border-width", "data", "statuses", "boundaries",
                     "id-field", "name-field", "dates", "step", "animate", "fps", "hold-last",
                     "from", "max-tile", "highlight", "hide-status", "highlight-status"},
                    {"help", "timings", "transparent", "no-markers", "labels", "each-event", "quiet"});
    if (args.has("help")) {
        print_help();
        return 0;
    }
    // SIGTERM, SIGINT or SIGHUP during an export removes the temporary file being written
    // (and stops ffmpeg) before the process dies: no hidden partial file is left behind.
    exporter::install_temp_cleanup_handlers();
    if (!args.positional().empty()) {
        throw UsageError("export: unexpected argument '" + args.positional().front() + "'");
    }
    ExportParams params;
    if (const auto from = args.get("from")) {
        for (const char* other : {"date", "preset", "width", "height", "scale", "size-scale", "dpi", "projection",
                                  "bounds", "focus", "title", "subtitle", "source", "notes", "logo",
                                  "theme", "layout", "lod", "border-width", "data", "statuses",
                                  "boundaries", "dates", "step", "animate", "fps", "hold-last",
                                  "highlight", "hide-status", "highlight-status", "labels",
                                  "transparent", "no-markers", "each-event"}) {
            if (args.has(other)) {
                throw UsageError(std::string("--from takes its parameters from ") + *from +
                                 "; only --out may be given with it (not --" + other + ")");
            }
        }
        std::vector<exporter::InputHash> inputs;
        params = exporter::read_sidecar(*from, &inputs);
        for (const exporter::InputHash& h : inputs) {
            std::error_code ec;
            if (!fs::exists(h.path, ec)) {
                throw exporter::ExportError(*from + ": input " + h.path + " no longer exists");
            }
            if (exporter::sha256_file(h.path) != h.sha256) {
                std::fprintf(stderr, "deportmap: note: %s changed since %s was written; the output will differ\n",
                             h.path.c_str(), from->c_str());
            }
        }
        if (const auto out = args.get("out")) {
            if (!params.animate.empty() && params.out.empty()) {
                params.animate = *out;
            } else {
                params.out = *out;
            }
        }
    } else {
        params = params_from_args(args);
    }
    int tile_limit = 0;
    if (const auto t = args.get_int("max-tile")) {
        if (*t < 16 || *t > 16384) throw UsageError("--max-tile must be 16..16384 pixels");
        tile_limit = static_cast<int>(*t);
    }
    return run_export_params(std::move(params), args.has("timings"), args.has("quiet"), tile_limit);
}

}  // namespace deportmap::cli
