// Projections: every kind against PROJ's own transform of the same CRS (built here
// independently through OSR), Mercator's latitude clip, the globe outline, the inverse,
// and the command-line names.
#include <gtest/gtest.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <memory>
#include <thread>

#include "core/geo/projection.hpp"

using namespace deportmap::geo;

namespace {

// The reference: EPSG:4326 (lon, lat) to a PROJ string, through OSR, written out here
// rather than taken from proj_definition().
struct Reference {
    std::unique_ptr<OGRCoordinateTransformation> ct;
    explicit Reference(const char* proj) {
        OGRSpatialReference src, dst;
        src.importFromEPSG(4326);
        src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        dst.SetFromUserInput(proj);
        dst.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        ct.reset(OGRCreateCoordinateTransformation(&src, &dst));
    }
    Vec2 operator()(Vec2 p) const {
        double x = p.x, y = p.y;
        EXPECT_TRUE(ct->Transform(1, &x, &y));
        return {x, y};
    }
};

struct Case {
    ProjectionKind kind;
    const char* proj;
};
const Case kCases[] = {
    {ProjectionKind::EqualEarth, "+proj=eqearth +datum=WGS84 +units=m"},
    {ProjectionKind::Robinson, "+proj=robin +datum=WGS84 +units=m"},
    {ProjectionKind::NaturalEarth, "+proj=natearth +datum=WGS84 +units=m"},
    {ProjectionKind::WinkelTripel, "+proj=wintri +datum=WGS84 +units=m"},
    {ProjectionKind::Mercator, "+proj=merc +datum=WGS84 +units=m"},
    {ProjectionKind::Equirectangular, "+proj=eqc +datum=WGS84 +units=m"},
};

const Vec2 kPoints[] = {{0, 0},      {-74.006, 40.7128}, {151.2093, -33.8688}, {179.999, 65.5},
                        {-180, -60}, {180, 80},          {37.6173, 55.7558},   {-43.17, -22.9}};

}  // namespace

TEST(GeoProjection, MatchesProjForEveryKind) {
    for (const Case& c : kCases) {
        SCOPED_TRACE(std::string(projection_name(c.kind)));
        const Projector projector(c.kind);
        const Reference reference(c.proj);
        ASSERT_TRUE(reference.ct);
        for (const Vec2 p : kPoints) {
            const Vec2 got = projector.forward(p);
            const Vec2 want = reference(p);
            EXPECT_NEAR(got.x, want.x, 1e-6) << p.x << "," << p.y;
            EXPECT_NEAR(got.y, want.y, 1e-6) << p.x << "," << p.y;
        }
        // The batch path agrees with the single-point path.
        std::vector<Vec2> batch(std::begin(kPoints), std::end(kPoints));
        ASSERT_TRUE(projector.forward(batch));
        for (size_t i = 0; i < batch.size(); ++i) {
            const Vec2 want = reference(kPoints[i]);
            EXPECT_NEAR(batch[i].x, want.x, 1e-6);
            EXPECT_NEAR(batch[i].y, want.y, 1e-6);
        }
    }
}

TEST(GeoProjection, KnownValuesByHand) {
    // Equirectangular on WGS 84: x = a * lon (radians), y = a * lat.
    const Projector eqc(ProjectionKind::Equirectangular);
    const double a = 6378137.0;
    const Vec2 p = eqc.forward({180, 90});
    EXPECT_NEAR(p.x, a * M_PI, 1e-6);
    EXPECT_NEAR(p.y, a * M_PI / 2, 1e-6);
    // Every projection puts (0, 0) at the origin and is symmetric about it.
    for (ProjectionKind kind : all_projections()) {
        const Projector projector(kind);
        const Vec2 o = projector.forward({0, 0});
        EXPECT_NEAR(o.x, 0.0, 1e-6);
        EXPECT_NEAR(o.y, 0.0, 1e-6);
        const Vec2 ne = projector.forward({120, 40});
        const Vec2 sw = projector.forward({-120, -40});
        EXPECT_NEAR(ne.x, -sw.x, 1e-6);
        EXPECT_NEAR(ne.y, -sw.y, 1e-6);
    }
}

TEST(GeoProjection, MercatorClipsAt85) {
    const Projector merc(ProjectionKind::Mercator);
    const Reference reference("+proj=merc +datum=WGS84 +units=m");
    const Vec2 at85 = reference({10, 85});
    const Vec2 at89 = merc.forward({10, 89});
    EXPECT_NEAR(at89.y, at85.y, 1e-6) << "latitudes beyond 85 degrees are clamped";
    const Vec2 pole = merc.forward({10, -90});
    EXPECT_TRUE(std::isfinite(pole.y));
    EXPECT_NEAR(pole.y, -at85.y, 1e-6);
    EXPECT_NEAR(merc.world_bounds().max_y, at85.y, 1e-6);
    EXPECT_NEAR(merc.world_bounds().min_y, -at85.y, 1e-6);
    EXPECT_NEAR(merc.world_bounds().max_x, reference({180, 0}).x, 1e-6);
}

TEST(GeoProjection, OutlineBoundsTheWorld) {
    for (ProjectionKind kind : all_projections()) {
        SCOPED_TRACE(std::string(projection_name(kind)));
        const Projector projector(kind);
        const Ring& outline = projector.outline();
        ASSERT_GT(outline.size(), 100u);
        EXPECT_GT(signed_area(outline), 0) << "counter-clockwise";
        const BBox& b = projector.world_bounds();
        EXPECT_NEAR(b.min_x, -b.max_x, 1e-6);
        EXPECT_NEAR(b.min_y, -b.max_y, 1e-6);
        EXPECT_NEAR(b.max_x, projector.forward({180, 0}).x, 1e-6);
        Polygon globe;
        globe.rings.push_back(outline);
        for (double lon = -170; lon <= 170; lon += 17) {
            for (double lat = -80; lat <= 80; lat += 16) {
                const Vec2 p = projector.forward({lon, lat});
                EXPECT_TRUE(b.contains(p));
                EXPECT_TRUE(point_in_polygon(globe, p)) << lon << "," << lat;
            }
        }
    }
}

TEST(GeoProjection, InverseRoundTripsAndRejectsOutside) {
    for (ProjectionKind kind : all_projections()) {
        SCOPED_TRACE(std::string(projection_name(kind)));
        const Projector projector(kind);
        for (const Vec2 p : {Vec2{0, 0}, Vec2{-74, 40.7}, Vec2{151.2, -33.9}, Vec2{100, 70}}) {
            const auto back = projector.inverse(projector.forward(p));
            ASSERT_TRUE(back.has_value());
            EXPECT_NEAR(back->x, p.x, 1e-6);
            EXPECT_NEAR(back->y, p.y, 1e-6);
        }
        const BBox& b = projector.world_bounds();
        EXPECT_FALSE(projector.inverse({b.max_x * 2, 0}).has_value());
        if (kind != ProjectionKind::Mercator && kind != ProjectionKind::Equirectangular) {
            // The corners of the bounding box lie off the (rounded) globe.
            EXPECT_FALSE(projector.inverse({b.max_x * 0.999, b.max_y * 0.999}).has_value());
        }
    }
}

TEST(GeoProjection, ForwardIsSafeFromSeveralThreads) {
    const Projector projector(ProjectionKind::Robinson);
    const Reference reference("+proj=robin +datum=WGS84 +units=m");
    std::vector<Vec2> want;
    std::vector<Vec2> input;
    for (int i = 0; i < 5000; ++i) {
        input.push_back({-180.0 + 0.072 * i, -85.0 + 0.034 * i});
        want.push_back(reference(input.back()));
    }
    std::vector<std::vector<Vec2>> results(4, input);
    std::vector<std::thread> threads;
    for (auto& r : results) threads.emplace_back([&projector, &r] { projector.forward(r); });
    for (std::thread& t : threads) t.join();
    for (const auto& r : results) {
        for (size_t i = 0; i < r.size(); i += 97) {
            EXPECT_NEAR(r[i].x, want[i].x, 1e-6);
            EXPECT_NEAR(r[i].y, want[i].y, 1e-6);
        }
    }
}

TEST(GeoProjection, Names) {
    EXPECT_EQ(all_projections().size(), 6u);
    for (ProjectionKind kind : all_projections()) {
        EXPECT_EQ(parse_projection(projection_name(kind)), kind);
        EXPECT_FALSE(projection_label(kind).empty());
        EXPECT_NE(proj_definition(kind).find("+proj="), std::string::npos);
    }
    EXPECT_EQ(parse_projection("equal-earth"), ProjectionKind::EqualEarth);
    EXPECT_EQ(parse_projection("winkel-tripel"), ProjectionKind::WinkelTripel);
    EXPECT_FALSE(parse_projection("orthographic").has_value());
    EXPECT_EQ(projection_label(ProjectionKind::NaturalEarth), "Natural Earth");
}
