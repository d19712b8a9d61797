// The country model: every country with its codes, names and boundaries at up to three
// levels of detail, as loaded from the bundled GeoPackage or any GDAL polygon layer.
#pragma once
#include <array>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo/types.hpp"

namespace deportmap::geo {

// Levels of detail, coarse to fine (Natural Earth 1:110m, 1:50m, 1:10m).
enum class Lod : int { k110m = 0, k50m = 1, k10m = 2 };
inline constexpr int kLodCount = 3;
const char* lod_name(Lod lod);  // "110m", "50m", "10m"

// Geographic boundaries of one country at one level (lon/lat degrees).
struct Shape {
    std::vector<Polygon> polygons;
    BBox bbox;

    bool empty() const { return polygons.empty(); }
    size_t ring_count() const;
    size_t vertex_count() const;
};

struct Country {
    std::string iso3;           // ISO 3166-1 alpha-3 (Kosovo: XKX), or a stable X-code
    std::string iso2;           // alpha-2, may be empty
    std::string iso_n3;         // numeric, 3 digits, may be empty
    std::string name;           // short display name (Natural Earth)
    std::string official_name;  // official name (iso-codes), falls back to name
    // Boundaries per level; a level may lack a small country (empty shape). A file
    // given with --boundaries fills all three levels with the same shape.
    std::array<Shape, kLodCount> shapes;
    // True when the source feature existed at that level (even with empty geometry).
    std::array<bool, kLodCount> present{};

    // The shape to draw at `lod`: that level's own, or the next finer one that has it, or
    // (when no finer level has one either) the nearest coarser one; empty only when the
    // country has no geometry at any level.
    const Shape& shape_at(Lod lod) const;
};

// Thrown when boundaries cannot be loaded; what() names the file and the problem.
struct GeoError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct World {
    std::vector<Country> countries;  // stable order: sorted by iso3
    std::string source_path;
    // Feature counts per level as read (the bundled file: 177, 241, 255).
    std::array<size_t, kLodCount> feature_count{};
    // Milliseconds spent opening the file and reading + converting each level (a
    // single-layer file is read once; every level then reports that time).
    double open_ms = 0.0;
    std::array<double, kLodCount> load_ms{};
    // What the loader left out, one line each, for the caller to show: a polygon with a
    // point that is not a longitude/latitude (NaN, 1e300) or an outer ring of fewer than
    // 3 distinct points, a hole of fewer than 3, e.g. "FILE: feature 3 (XAA): polygon 1
    // skipped: point 2 of its outer ring (1e+300, 0) is not a longitude/latitude in
    // degrees". At most 100 lines, then one "N more" line.
    std::vector<std::string> skipped;

    // Index into `countries`, or -1.
    int find(std::string_view iso3) const;
};

struct LoadOptions {
    std::string path;        // empty: the bundled geodata/countries.gpkg
    std::string id_field;    // empty: detect (ISO_A3, iso_a3, ADM0_A3, iso3, id, ...)
    std::string name_field;  // empty: detect (name, NAME, ADMIN, ...)
    // Levels to read; the others stay empty and not present (feature_count 0).
    std::array<bool, kLodCount> levels{true, true, true};
};

// Loads boundaries through GDAL/OGR. The bundled GeoPackage has layers countries_110m,
// countries_50m and countries_10m; any other file is read from its first polygon layer
// into all three levels. Throws GeoError for an unreadable file, a layer without
// polygons or a missing field.
World load_world(const LoadOptions& options);

// Path of the bundled boundaries (source tree or install location).
std::string default_boundaries_path();

}  // namespace deportmap::geo
