// Map projections through PROJ via GDAL's OSR: EPSG:4326 (longitude first) to a plane,
// the globe's projected outline, and the inverse for picking. Forward transforms are
// thread-safe: each caller borrows its own clone of the transformation from a pool.
#include "core/geo/projection.hpp"

#include <ogr_spatialref.h>

#include <algorithm>
#include <cmath>
#include <mutex>

#include "core/geo/world.hpp"

namespace deportmap::geo {

namespace {

struct ProjectionInfo {
    ProjectionKind kind;
    const char* name;
    const char* label;
    const char* proj;
};

constexpr ProjectionInfo kProjections[] = {
    {ProjectionKind::EqualEarth, "equal-earth", "Equal Earth", "+proj=eqearth"},
    {ProjectionKind::Robinson, "robinson", "Robinson", "+proj=robin"},
    {ProjectionKind::NaturalEarth, "natural-earth", "Natural Earth", "+proj=natearth"},
    {ProjectionKind::WinkelTripel, "winkel-tripel", "Winkel Tripel", "+proj=wintri"},
    {ProjectionKind::Mercator, "mercator", "Mercator", "+proj=merc"},
    {ProjectionKind::Equirectangular, "equirectangular", "Equirectangular", "+proj=eqc"},
};

const ProjectionInfo& info(ProjectionKind kind) {
    for (const ProjectionInfo& p : kProjections) {
        if (p.kind == kind) return p;
    }
    return kProjections[0];
}

double max_latitude(ProjectionKind kind) {
    return kind == ProjectionKind::Mercator ? kMercatorMaxLat : 90.0;
}

struct OctDeleter {
    void operator()(OGRCoordinateTransformation* ct) const {
        OGRCoordinateTransformation::DestroyCT(ct);
    }
};
using OctPtr = std::unique_ptr<OGRCoordinateTransformation, OctDeleter>;

struct QuietErrors {
    QuietErrors() { CPLPushErrorHandler(CPLQuietErrorHandler); }
    ~QuietErrors() { CPLPopErrorHandler(); }
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;
};

bool inside_ring(const Ring& ring, Vec2 p) {
    bool inside = false;
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const Vec2& a = ring[i];
        const Vec2& b = ring[j];
        if ((a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y)) {
            inside = !inside;
        }
    }
    return inside;
}

}  // namespace

std::optional<ProjectionKind> parse_projection(std::string_view name) {
    for (const ProjectionInfo& p : kProjections) {
        if (name == p.name) return p.kind;
    }
    return std::nullopt;
}

std::string_view projection_name(ProjectionKind kind) { return info(kind).name; }
std::string_view projection_label(ProjectionKind kind) { return info(kind).label; }

const std::vector<ProjectionKind>& all_projections() {
    static const std::vector<ProjectionKind> all = [] {
        std::vector<ProjectionKind> v;
        for (const ProjectionInfo& p : kProjections) v.push_back(p.kind);
        return v;
    }();
    return all;
}

std::string proj_definition(ProjectionKind kind) {
    return std::string(info(kind).proj) + " +lon_0=0 +datum=WGS84 +units=m +no_defs";
}

struct Projector::Impl {
    std::mutex mutex;
    OctPtr master;                  // only cloned, under the mutex
    std::vector<OctPtr> spare;      // clones ready for forward()
    OctPtr inverse;                 // under the mutex
    double max_lat = 90.0;

    OctPtr borrow() {
        std::lock_guard lock(mutex);
        if (!spare.empty()) {
            OctPtr ct = std::move(spare.back());
            spare.pop_back();
            return ct;
        }
        return OctPtr(master->Clone());
    }
    void give_back(OctPtr ct) {
        if (!ct) return;
        std::lock_guard lock(mutex);
        spare.push_back(std::move(ct));
    }
};

Projector::Projector(ProjectionKind kind) : kind_(kind), impl_(std::make_unique<Impl>()) {
    impl_->max_lat = max_latitude(kind);
    QuietErrors quiet;
    OGRSpatialReference geographic;
    geographic.importFromEPSG(4326);
    geographic.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    OGRSpatialReference projected;
    const std::string def = proj_definition(kind);
    if (projected.SetFromUserInput(def.c_str()) != OGRERR_NONE) {
        throw GeoError("PROJ: cannot parse projection '" + def + "'");
    }
    projected.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    impl_->master.reset(OGRCreateCoordinateTransformation(&geographic, &projected));
    impl_->inverse.reset(OGRCreateCoordinateTransformation(&projected, &geographic));
    if (!impl_->master || !impl_->inverse) {
        throw GeoError("PROJ: cannot build the transformation to '" + def + "'");
    }

    // The globe's outline: along the bottom edge eastwards, up the east edge, back along
    // the top and down the west edge (counter-clockwise), a vertex every half degree.
    const double lat = impl_->max_lat;
    Ring ring;
    for (int i = 0; i <= 720; ++i) ring.push_back({-180.0 + 0.5 * i, -lat});
    const int steps = static_cast<int>(std::ceil(2 * lat / 0.5));
    for (int i = 1; i < steps; ++i) ring.push_back({180.0, -lat + 2 * lat * i / steps});
    for (int i = 0; i <= 720; ++i) ring.push_back({180.0 - 0.5 * i, lat});
    for (int i = 1; i < steps; ++i) ring.push_back({-180.0, lat - 2 * lat * i / steps});
    if (!forward(ring)) throw GeoError("PROJ: cannot project the globe's outline for '" + def + "'");
    // Poles that project to a point leave repeated vertices; drop them.
    Ring clean;
    for (const Vec2& p : ring) {
        if (clean.empty() || std::hypot(p.x - clean.back().x, p.y - clean.back().y) > 1e-6) {
            clean.push_back(p);
        }
    }
    outline_ = std::move(clean);
    for (const Vec2& p : outline_) world_bounds_.add(p);
}

Projector::~Projector() = default;
Projector::Projector(Projector&&) noexcept = default;
Projector& Projector::operator=(Projector&&) noexcept = default;

bool Projector::forward(std::vector<Vec2>& points) const {
    if (points.empty()) return true;
    // Fixed-size chunks through reused buffers: no large allocations per call.
    constexpr size_t kChunk = 2048;
    thread_local std::vector<double> xs(kChunk), ys(kChunk);
    thread_local std::vector<int> ok(kChunk);
    const double lat = impl_->max_lat;
    bool all = true;
    OctPtr ct = impl_->borrow();
    {
        QuietErrors quiet;
        for (size_t start = 0; start < points.size(); start += kChunk) {
            const size_t n = std::min(kChunk, points.size() - start);
            for (size_t i = 0; i < n; ++i) {
                xs[i] = std::clamp(points[start + i].x, -180.0, 180.0);
                ys[i] = std::clamp(points[start + i].y, -lat, lat);
                ok[i] = 0;
            }
            ct->Transform(static_cast<int>(n), xs.data(), ys.data(), nullptr, nullptr, ok.data());
            for (size_t i = 0; i < n; ++i) {
                if (ok[i] && std::isfinite(xs[i]) && std::isfinite(ys[i])) {
                    points[start + i] = {xs[i], ys[i]};
                } else {
                    all = false;
                }
            }
        }
    }
    impl_->give_back(std::move(ct));
    return all;
}

Vec2 Projector::forward(Vec2 lonlat) const {
    std::vector<Vec2> one{lonlat};
    forward(one);
    return one[0];
}

std::optional<Vec2> Projector::inverse(Vec2 xy) const {
    // Outside the outline the inverse either fails or wraps around; reject it first.
    if (!world_bounds_.contains(xy) || !inside_ring(outline_, xy)) return std::nullopt;
    double x = xy.x, y = xy.y;
    int ok = 0;
    {
        std::lock_guard lock(impl_->mutex);
        QuietErrors quiet;
        impl_->inverse->Transform(1, &x, &y, nullptr, nullptr, &ok);
    }
    if (!ok || !std::isfinite(x) || !std::isfinite(y)) return std::nullopt;
    return Vec2{std::clamp(x, -180.0, 180.0), std::clamp(y, -90.0, 90.0)};
}

}  // namespace deportmap::geo
