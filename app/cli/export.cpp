// The 'export' command: renders the map without a display (EGL surfaceless) into an
// offscreen framebuffer and writes an opaque PNG. Minimal for now: map only, countries
// in the no-data colour until the timeline colours them (see export_country_colors).
#include <malloc.h>
#include <sys/mman.h>
#include <sys/resource.h>
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
#include <future>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "build_info.hpp"
#include "cli/commands.hpp"
#include "core/color.hpp"
#include "core/export/png.hpp"
#include "core/geo/mesh.hpp"
#include "core/geo/projection.hpp"
#include "core/geo/world.hpp"
#include "core/util/args.hpp"
#include "core/view.hpp"
#include "platform/egl_context.hpp"
#include "render/map_image.hpp"

namespace deportmap::cli {
namespace {

constexpr int kDefaultWidth = 1920;
constexpr int kDefaultHeight = 1080;

void print_help() {
    std::puts(
        "usage: deportmap export --out FILE.png [--width W] [--height H]\n"
        "                        [--projection P] [--bounds MINLON,MINLAT,MAXLON,MAXLAT]\n"
        "                        [--layout map-only] [--lod auto|110m|50m|10m]\n"
        "                        [--border-width PX] [--boundaries FILE]\n"
        "                        [--id-field F] [--name-field F] [--timings]\n"
        "Renders the map without a display (EGL, no DISPLAY needed) and writes an opaque PNG.\n"
        "  --width, --height  image size in pixels (default 1920x1080; give one and the other\n"
        "                     follows the map's aspect)\n"
        "  --projection       equal-earth (default), robinson, natural-earth, winkel-tripel,\n"
        "                     mercator, equirectangular\n"
        "  --bounds           the area to show, in degrees; equirectangular and mercator map it\n"
        "                     exactly onto the image's edges, other projections fit it inside\n"
        "                     (default: the whole world with a small margin)\n"
        "  --layout           map-only (the only layout so far)\n"
        "  --lod              level of detail; auto picks 110m up to a world 2000 px wide,\n"
        "                     50m up to 5000 px, else 10m\n"
        "  --border-width     border width in image pixels (default 0.6)\n"
        "  --boundaries       any GDAL polygon layer instead of the bundled Natural Earth data\n"
        "  --timings          print the time of each stage on stderr");
}

// Fill colour per country for the export, indexed like World::countries. Empty for
// now, so every country takes style.no_data. This is the hook where the timeline's
// status colours (status_at(date) -> palette) come in; nothing else in the export
// changes when it does.
std::vector<Color> export_country_colors(const geo::World& world) {
    (void)world;
    return {};
}

// A --width/--height value: a positive whole number of pixels, or nullopt when absent.
std::optional<int> parse_size(const Args& args, const std::string& name) {
    const std::optional<long long> value = args.get_int(name);
    if (!value) return std::nullopt;
    if (*value <= 0) {
        throw UsageError("--" + name + " must be a positive number of pixels, got " +
                         std::to_string(*value));
    }
    if (*value > 1000000) {
        throw UsageError("--" + name + " " + std::to_string(*value) + " is too large");
    }
    return static_cast<int>(*value);
}

geo::ProjectionKind parse_projection_option(const Args& args) {
    const std::optional<std::string> name = args.get("projection");
    if (!name) return geo::ProjectionKind::EqualEarth;
    if (const auto kind = geo::parse_projection(*name)) return *kind;
    std::string known;
    for (const geo::ProjectionKind kind : geo::all_projections()) {
        if (!known.empty()) known += ", ";
        known += geo::projection_name(kind);
    }
    throw UsageError("unknown projection '" + *name + "' (choose " + known + ")");
}

struct LonLatBounds {
    double min_lon, min_lat, max_lon, max_lat;
};

// Parses "minlon,minlat,maxlon,maxlat" in degrees.
std::optional<LonLatBounds> parse_bounds(const Args& args) {
    const std::optional<std::string> text = args.get("bounds");
    if (!text) return std::nullopt;
    const std::string bad = "--bounds expects MINLON,MINLAT,MAXLON,MAXLAT in degrees, got '" +
                            *text + "'";
    std::array<double, 4> v{};
    size_t start = 0;
    for (size_t i = 0; i < 4; ++i) {
        const size_t comma = text->find(',', start);
        if ((i < 3) != (comma != std::string::npos)) throw UsageError(bad);
        const std::string part = text->substr(start, comma == std::string::npos
                                                         ? std::string::npos
                                                         : comma - start);
        char* end = nullptr;
        errno = 0;
        v[i] = std::strtod(part.c_str(), &end);
        if (part.empty() || end != part.c_str() + part.size() || errno != 0 ||
            !std::isfinite(v[i])) {
            throw UsageError(bad);
        }
        start = comma + 1;
    }
    const LonLatBounds b{v[0], v[1], v[2], v[3]};
    if (b.min_lon < -180 || b.max_lon > 180 || b.min_lat < -90 || b.max_lat > 90) {
        throw UsageError("--bounds " + *text +
                         ": longitudes must lie in -180..180 and latitudes in -90..90");
    }
    if (!(b.min_lon < b.max_lon) || !(b.min_lat < b.max_lat)) {
        throw UsageError("--bounds " + *text + ": the minimum must be below the maximum");
    }
    return b;
}

std::optional<geo::Lod> parse_lod(const Args& args) {
    const std::string name = args.get_or("lod", "auto");
    if (name == "auto") return std::nullopt;
    if (name == "110m") return geo::Lod::k110m;
    if (name == "50m") return geo::Lod::k50m;
    if (name == "10m") return geo::Lod::k10m;
    throw UsageError("unknown --lod '" + name + "' (choose auto, 110m, 50m or 10m)");
}

// The projected box of a lon/lat rectangle: its edges densified, so a curved projection
// bounds the whole rectangle rather than its four corners.
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

// Fails early, before any rendering, when the PNG cannot be created where asked.
void check_output_path(const std::string& path) {
    const size_t slash = path.rfind('/');
    const std::string folder = slash == std::string::npos ? "." : path.substr(0, slash + 1);
    if (slash + 1 == path.size()) throw UsageError("--out " + path + " names a folder, not a file");
    if (::access(folder.c_str(), W_OK) != 0) {
        throw exporter::PngError("cannot write " + path + ": " + std::strerror(errno));
    }
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
        stages_.push_back(
            {name, std::chrono::duration<double, std::milli>(now - last_).count(), faults - faults_});
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
    // MSAA colour (16 B/pixel at 4x), resolved colour, border coverage, readback, plus
    // room for the driver's bins and the meshes.
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

}  // namespace

int run_export(const Argv& argv) {
    const Args args(argv,
                    {"out", "width", "height", "projection", "bounds", "layout", "lod",
                     "border-width", "boundaries", "id-field", "name-field"},
                    {"help", "timings"});
    if (args.has("help")) {
        print_help();
        return 0;
    }
    if (!args.positional().empty()) {
        throw UsageError("export: unexpected argument '" + args.positional().front() + "'");
    }
    const std::optional<std::string> out = args.get("out");
    if (!out || out->empty()) throw UsageError("export needs --out FILE.png");
    const std::optional<int> width_option = parse_size(args, "width");
    const std::optional<int> height_option = parse_size(args, "height");
    const geo::ProjectionKind projection = parse_projection_option(args);
    const std::optional<LonLatBounds> bounds = parse_bounds(args);
    const std::optional<geo::Lod> lod_option = parse_lod(args);
    const std::string layout = args.get_or("layout", "map-only");
    if (layout == "full") {
        throw UsageError("--layout full is not available yet; use --layout map-only");
    }
    if (layout != "map-only") {
        throw UsageError("unknown --layout '" + layout + "' (only map-only so far)");
    }
    render::MapStyle style;
    if (const std::optional<double> w = args.get_double("border-width")) {
        if (!std::isfinite(*w) || *w < 0 || *w > 100) {
            throw UsageError("--border-width must be between 0 and 100 pixels");
        }
        style.border_width_px = static_cast<float>(*w);
    }
    check_output_path(*out);

    const bool timings = args.has("timings");
    StageTimer timer;
    const geo::Projector projector(projection);
    const bool rectangular = projection == geo::ProjectionKind::Equirectangular ||
                             projection == geo::ProjectionKind::Mercator;
    const geo::BBox shown = bounds ? project_bounds(projector, *bounds) : projector.world_bounds();
    int width = width_option.value_or(kDefaultWidth);
    int height = height_option.value_or(kDefaultHeight);
    if (width_option.has_value() != height_option.has_value()) {
        // One side given: the other follows the shown area's aspect.
        const double aspect = shown.height() / shown.width();
        if (width_option) {
            height = std::max(1, static_cast<int>(std::lround(width * aspect)));
        } else {
            width = std::max(1, static_cast<int>(std::lround(height / aspect)));
        }
    }
    ViewTransform view;
    if (bounds && rectangular) {
        view = stretch_bounds(shown, width, height);
    } else if (bounds) {
        view = fit_bounds(shown, width, height);
    } else {
        const double margin = std::max(2.0, 0.02 * std::min(width, height));
        view = fit_bounds(shown, width, height, margin);
    }
    // Level of detail from how wide the whole world appears in the image.
    geo::Lod lod = geo::Lod::k10m;
    if (lod_option) {
        lod = *lod_option;
    } else {
        const double world_px = projector.world_bounds().width() * view.scale_x;
        lod = world_px <= 2000 ? geo::Lod::k110m
              : world_px <= 5000 ? geo::Lod::k50m
                                 : geo::Lod::k10m;
    }
    prepare_memory(width, height);
    timer.lap("projector");

    // A worker reads and projects the boundaries while this thread creates the GL
    // context and prepares the renderer: the two take about as long as each other.
    // The chosen level and the finer ones are read: a coarse level draws the small
    // countries it lacks from a finer level.
    geo::LoadOptions load;
    load.path = args.get_or("boundaries", "");
    load.id_field = args.get_or("id-field", "");
    load.name_field = args.get_or("name-field", "");
    for (int l = 0; l < geo::kLodCount; ++l) {
        load.levels[static_cast<size_t>(l)] = l >= static_cast<int>(lod);
    }
    std::future<Prepared> worker = std::async(std::launch::async, [&load, &projector, lod] {
        Prepared prepared;
        prepared.world = geo::load_world(load);
        prepared.timer.lap("load");
        geo::project_level(prepared.world, projector, lod, prepared.projected);
        prepared.timer.lap("project");
        return prepared;
    });

    const platform::HeadlessGlContext context;
    timer.lap("context");
    render::OffscreenMap map(width, height);
    timer.lap("prepare");
    const Prepared prepared = worker.get();
    timer.lap("wait");

    render::MapImageRequest request;
    request.width = width;
    request.height = height;
    request.view = view;
    request.lod = lod;
    request.style = style;
    const std::vector<Color> colors = export_country_colors(prepared.world);
    const render::RgbaImage image = map.render(prepared.projected, request, colors);
    timer.lap("render");

    const std::string source =
        load.path.empty() ? "Natural Earth admin-0 (public domain), via world-atlas 2.0.2"
                          : load.path;
    exporter::write_png(*out, image.rgba, image.width, image.height, 4,
                        {{"Software", std::string("deportmap ") + build::kVersion},
                         {"Source", source},
                         {"Projection", std::string(geo::projection_label(projection))}});
    timer.lap("png");
    if (timings) {
        timer.print("gl");
        prepared.timer.print("worker");
    }
    std::printf("wrote %s (%dx%d, %s, %s)\n", out->c_str(), width, height,
                std::string(geo::projection_label(projection)).c_str(), geo::lod_name(lod));
    return 0;
}

}  // namespace deportmap::cli
