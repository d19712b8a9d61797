// The first step of an export: every parameter checked and turned into typed settings
// before any file is read or any GL context exists, then the page size resolved once
// the area shown is known. Sidecars go through the same checks as the command line.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/data/countries.hpp"
#include "core/geo/projection.hpp"
#include "core/geo/world.hpp"
#include "core/scene.hpp"
#include "export/compose.hpp"
#include "export/params.hpp"

namespace deportmap::exporter {

inline constexpr int kDefaultWidth = 1920;
inline constexpr int kDefaultHeight = 1080;

struct LonLatBounds {
    double min_lon, min_lat, max_lon, max_lat;
};

struct ExportSetup {
    std::string format;  // "png", "svg", "pdf", "html", or empty (an animation alone)
    bool animate = false;
    bool batch = false;
    bool full = true;  // layout full (false: map-only)
    geo::ProjectionKind projection = geo::ProjectionKind::EqualEarth;
    std::optional<geo::Lod> lod;  // nullopt: chosen by the map's size
    Theme theme = Theme::Light;
    std::optional<LonLatBounds> bounds;
    std::optional<double> dpi;
    int width = 0;  // 0 until resolve_size (or from the preset)
    int height = 0;
    std::optional<Image> logo;
    std::string logo_bytes;
    std::string logo_mime;
};

// Checks `p` and reads the logo; throws UsageError (or ExportError for files).
ExportSetup check_params(const ExportParams& p);

// Fills setup.width/height from the area `shown` (projected): the default size, or the
// missing side from the area's aspect, then --size-scale; throws UsageError beyond the
// size limits.
void resolve_size(ExportSetup& setup, const ExportParams& p, const geo::BBox& shown);

// The lon/lat box around `countries` (codes or names, as country_indices) with a
// margin; throws UsageError.
LonLatBounds focus_bounds(const geo::World& world, const data::CountryResolver* resolver,
                          const std::vector<std::string>& countries);
// World indices of `countries`: ISO codes, names or aliases, as `--select` takes them
// (through `resolver`; without one, ISO3 codes only). Throws UsageError naming `option`
// for an unknown or ambiguous country, or one the boundaries lack.
std::vector<int> country_indices(const geo::World& world, const data::CountryResolver* resolver,
                                 const std::vector<std::string>& countries, const char* option);
// What an export shows without --bounds or --focus: the whole world, except that Mercator
// stops at 84°N and 58°S (kMercatorDefaultBounds) instead of giving a quarter of the page
// to Antarctica's stretched coast.
inline constexpr LonLatBounds kMercatorDefaultBounds{-180, -58, 180, 84};
geo::BBox default_shown(const geo::Projector& projector);
// The projected box of lon/lat bounds (edges sampled); throws UsageError when empty.
geo::BBox project_bounds(const geo::Projector& projector, const LonLatBounds& b);

// Fails early when a file cannot be created at `path`.
void check_output_path(const std::string& path, const char* option);

}  // namespace deportmap::exporter
