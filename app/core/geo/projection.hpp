// Map projections through PROJ (GDAL's OSR): geographic lon/lat to a plane, once, when
// geometry is prepared. Pan and zoom are then a 2D transform.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/geo/types.hpp"

namespace deportmap::geo {

enum class ProjectionKind {
    EqualEarth,
    Robinson,
    NaturalEarth,
    WinkelTripel,
    Mercator,
    Equirectangular,
};

// Command-line names: equal-earth, robinson, natural-earth, winkel-tripel, mercator,
// equirectangular.
std::optional<ProjectionKind> parse_projection(std::string_view name);
std::string_view projection_name(ProjectionKind kind);
std::string_view projection_label(ProjectionKind kind);  // "Equal Earth", ...
const std::vector<ProjectionKind>& all_projections();
// The PROJ definition used for a kind (e.g. "+proj=eqearth +lon_0=0 +datum=WGS84").
std::string proj_definition(ProjectionKind kind);

// Latitude limit of Mercator (degrees).
inline constexpr double kMercatorMaxLat = 85.0;

class Projector {
public:
    // Throws GeoError when PROJ cannot build the transformation.
    explicit Projector(ProjectionKind kind);
    ~Projector();
    Projector(Projector&&) noexcept;
    Projector& operator=(Projector&&) noexcept;

    ProjectionKind kind() const { return kind_; }
    // Projects points in place (x = lon, y = lat in degrees). Latitudes are clamped to
    // the projection's valid range (Mercator: ±85°). Returns false if any point failed.
    bool forward(std::vector<Vec2>& points) const;
    Vec2 forward(Vec2 lonlat) const;
    // Inverse transform of one point; nullopt outside the projection's domain.
    std::optional<Vec2> inverse(Vec2 xy) const;
    // The projected outline of the whole globe (densified), and its bounding box.
    const Ring& outline() const { return outline_; }
    const BBox& world_bounds() const { return world_bounds_; }

private:
    struct Impl;
    ProjectionKind kind_;
    std::unique_ptr<Impl> impl_;
    Ring outline_;
    BBox world_bounds_;
};

}  // namespace deportmap::geo
