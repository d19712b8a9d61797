// Checks and typed settings of an export (see setup.hpp).
#include "export/setup.hpp"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/util/args.hpp"
#include "export/frames.hpp"
#include "export/inputs.hpp"
#include "export/presets.hpp"

namespace deportmap::exporter {
namespace {

namespace fs = std::filesystem;

geo::ProjectionKind parse_projection_name(const std::string& name) {
    if (const auto kind = geo::parse_projection(name)) return *kind;
    std::string known;
    for (const geo::ProjectionKind kind : geo::all_projections()) {
        if (!known.empty()) known += ", ";
        known += geo::projection_name(kind);
    }
    throw UsageError("unknown projection '" + name + "' (choose " + known + ")");
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

// The largest side a command line or sidecar may ask for (the page limit is checked
// again once both sides are known).
constexpr int kMaxSide = 1000000;

void check_side(int value, const char* name) {
    if (value < 0) {
        throw UsageError(std::string("--") + name + " must be a positive number of pixels, got " +
                         std::to_string(value));
    }
    if (value > kMaxSide) throw UsageError(std::string("--") + name + " " + std::to_string(value) + " is too large");
}

void check_ranges(const ExportParams& p) {
    check_side(p.width, "width");
    check_side(p.height, "height");
    if (p.fps < 1 || p.fps > 120) throw UsageError("--fps must be between 1 and 120");
    if (p.sources != "all" && p.sources != "strong") {
        throw UsageError("--sources must be all or strong, not '" + p.sources + "'");
    }
    if (!(p.hold_last >= 0 && p.hold_last <= 3600)) throw UsageError("--hold-last must be 0..3600 seconds");
    if (!(p.scale > 0 && p.scale <= 20)) throw UsageError("--scale must be above 0 and at most 20");
    if (!(p.size_scale > 0 && p.size_scale <= 1)) throw UsageError("--size-scale must be above 0 and at most 1");
    if (p.dpi && !(*p.dpi >= 10 && *p.dpi <= 2400)) throw UsageError("--dpi must be 10..2400");
    if (p.border_width && !(std::isfinite(*p.border_width) && *p.border_width >= 0 && *p.border_width <= 100)) {
        throw UsageError("--border-width must be between 0 and 100 pixels");
    }
}

// What is written: the format from --out, the animation from --animate.
void check_outputs(const ExportParams& p, ExportSetup& s) {
    s.animate = !p.animate.empty();
    s.batch = p.each_event || !p.dates.empty() || !p.story.empty();
    if (p.each_event && !p.dates.empty()) throw UsageError("use --each-event or --dates, not both");
    if (!p.story.empty() && (p.each_event || !p.dates.empty())) {
        throw UsageError("--story gives the frames; leave out --each-event and --dates");
    }
    if (s.animate && !s.batch) throw UsageError("--animate needs --each-event or --dates FROM..TO");
    if (p.out.empty() && !s.animate) throw UsageError("export needs --out FILE.png, FILE.svg, FILE.pdf or FILE.html");
    if (!p.out.empty()) {
        check_output_path(p.out, "--out");
        s.format = lower_extension(p.out);
        if (s.format != "png" && s.format != "svg" && s.format != "pdf" && s.format != "html") {
            throw UsageError("--out " + p.out + ": the file name must end in .png, .svg, .pdf or .html");
        }
    }
    if (s.animate) {
        check_output_path(p.animate, "--animate");
        const std::string ext = lower_extension(p.animate);
        if (ext != "mp4" && ext != "gif") {
            throw UsageError("--animate " + p.animate + ": the file name must end in .mp4 or .gif");
        }
        if (s.format == "svg" || s.format == "pdf" || s.format == "html") {
            throw UsageError("--animate renders PNG frames; --out must be .png");
        }
    }
}

void apply_preset(const ExportParams& p, ExportSetup& s) {
    s.width = p.width;
    s.height = p.height;
    if (p.preset.empty()) return;
    const Preset* preset = find_preset(p.preset);
    if (preset == nullptr) {
        std::string names;
        for (const Preset& q : kPresets) names += std::string(names.empty() ? "" : ", ") + q.name;
        throw UsageError("unknown --preset '" + p.preset + "' (choose " + names + ")");
    }
    if (s.width || s.height) throw UsageError("use --preset or --width/--height, not both");
    s.width = preset->width;
    s.height = preset->height;
    if (preset->dpi > 0 && !s.dpi) s.dpi = preset->dpi;
}

}  // namespace

ExportSetup check_params(const ExportParams& p) {
    ExportSetup s;
    check_outputs(p, s);
    check_ranges(p);
    s.projection = parse_projection_name(p.projection);
    s.lod = parse_lod_name(p.lod);
    const auto theme = parse_theme(p.theme);
    if (!theme) throw UsageError("unknown --theme '" + p.theme + "' (choose light or dark)");
    s.theme = *theme;
    if (p.layout != "full" && p.layout != "map-only") {
        throw UsageError("unknown --layout '" + p.layout + "' (choose full or map-only)");
    }
    s.full = p.layout == "full";
    if (p.bounds && !p.focus.empty()) throw UsageError("use --bounds or --focus, not both");
    if (p.bounds) s.bounds = check_bounds(*p.bounds);
    s.dpi = p.dpi;
    apply_preset(p, s);
    if (!p.logo.empty()) {
        s.logo = load_image(p.logo);
        s.logo_bytes = read_file_bytes(p.logo);
        s.logo_mime = lower_extension(p.logo) == "png" ? "image/png" : "image/jpeg";
    }
    return s;
}

void resolve_size(ExportSetup& s, const ExportParams& p, const geo::BBox& shown) {
    if (!s.width && !s.height) {
        s.width = kDefaultWidth;
        s.height = kDefaultHeight;
    } else if (!s.width || !s.height) {
        const double aspect = shown.height() / shown.width();
        if (s.width) {
            s.height = std::max(1, static_cast<int>(std::lround(s.width * aspect)));
        } else {
            s.width = std::max(1, static_cast<int>(std::lround(s.height / aspect)));
        }
    }
    if (p.size_scale != 1.0) {
        s.width = std::max(1, static_cast<int>(std::lround(s.width * p.size_scale)));
        s.height = std::max(1, static_cast<int>(std::lround(s.height * p.size_scale)));
        if (s.dpi) s.dpi = *s.dpi * p.size_scale;
    }
    if (s.width > 50000 || s.height > 50000 || static_cast<double>(s.width) * s.height > 1.5e9) {
        throw UsageError("an image of " + std::to_string(s.width) + "x" + std::to_string(s.height) +
                         " is too large (at most 50000 pixels a side and 1.5 gigapixels)");
    }
}

std::vector<int> country_indices(const geo::World& world, const data::CountryResolver* resolver,
                                 const std::vector<std::string>& countries, const char* option) {
    std::vector<int> out;
    for (const std::string& text : countries) {
        std::string code = text;
        if (resolver != nullptr) {
            const data::Resolution r = resolver->resolve(text);
            if (!r.found()) throw UsageError(std::string(option) + ": " + r.message(text));
            code = resolver->country(r.country).iso3;
        }
        auto it = std::find_if(world.countries.begin(), world.countries.end(),
                               [&](const geo::Country& c) { return c.iso3 == code; });
        if (it == world.countries.end()) {
            throw UsageError(std::string(option) + ": no country with the code '" + code + "' in the boundaries");
        }
        out.push_back(static_cast<int>(it - world.countries.begin()));
    }
    return out;
}

LonLatBounds focus_bounds(const geo::World& world, const data::CountryResolver* resolver,
                          const std::vector<std::string>& countries) {
    LonLatBounds b{180, 90, -180, -90};
    for (const int i : country_indices(world, resolver, countries, "--focus")) {
        const geo::BBox& bb = world.countries[static_cast<size_t>(i)].shape_at(geo::Lod::k110m).bbox;
        b = {std::min(b.min_lon, bb.min_x), std::min(b.min_lat, bb.min_y), std::max(b.max_lon, bb.max_x),
             std::max(b.max_lat, bb.max_y)};
    }
    const double pad_x = std::max(2.0, (b.max_lon - b.min_lon) * 0.1);
    const double pad_y = std::max(2.0, (b.max_lat - b.min_lat) * 0.1);
    return LonLatBounds{std::max(-180.0, b.min_lon - pad_x), std::max(-90.0, b.min_lat - pad_y),
                        std::min(180.0, b.max_lon + pad_x), std::min(90.0, b.max_lat + pad_y)};
}

geo::BBox default_shown(const geo::Projector& projector) {
    if (projector.kind() == geo::ProjectionKind::Mercator) return project_bounds(projector, kMercatorDefaultBounds);
    return projector.world_bounds();
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

void check_output_path(const std::string& path, const char* option) {
    std::error_code ec;
    if (path.empty() || path.back() == '/' || fs::is_directory(path, ec)) {
        throw UsageError(std::string(option) + " " + path + " is a folder, not a file");
    }
    const size_t slash = path.rfind('/');
    const std::string folder = slash == std::string::npos ? "." : path.substr(0, slash + 1);
    if (!fs::is_directory(folder, ec)) {
        throw ExportError("cannot write " + path + ": folder " + folder + " does not exist");
    }
    if (::access(folder.c_str(), W_OK) != 0) {
        throw ExportError("cannot write " + path + ": " + std::strerror(errno));
    }
}

}  // namespace deportmap::exporter
