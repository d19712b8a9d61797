// The orthographic globe's maths and geometry: pixel <-> longitude/latitude round
// trips, the far side hidden, the view's centre at the disc's centre, and the
// Equirectangular levels the globe draws holding only longitudes/latitudes in range.
#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "core/geo/globe.hpp"
#include "core/geo/mesh.hpp"

namespace deportmap::geo {
namespace {

TEST(Globe, CentreFacesTheViewer) {
    GlobeView v;
    v.center_lon = 30.0;
    v.center_lat = -20.0;
    const auto px = globe_to_pixel(v, {30.0, -20.0}, 400, 300);
    ASSERT_TRUE(px.has_value());
    EXPECT_NEAR(px->x, 200.0, 1e-9);
    EXPECT_NEAR(px->y, 150.0, 1e-9);
    // North is up: a point north of the centre is above it.
    const auto north = globe_to_pixel(v, {30.0, 0.0}, 400, 300);
    ASSERT_TRUE(north.has_value());
    EXPECT_LT(north->y, 150.0);
    // East is right.
    const auto east = globe_to_pixel(v, {50.0, -20.0}, 400, 300);
    ASSERT_TRUE(east.has_value());
    EXPECT_GT(east->x, 200.0);
}

TEST(Globe, FarSideIsHidden) {
    GlobeView v;
    v.center_lon = 0.0;
    v.center_lat = 0.0;
    EXPECT_FALSE(globe_to_pixel(v, {180.0, 0.0}, 400, 400).has_value());
    EXPECT_FALSE(globe_to_pixel(v, {120.0, 10.0}, 400, 400).has_value());
    EXPECT_TRUE(globe_to_pixel(v, {60.0, 10.0}, 400, 400).has_value());
}

TEST(Globe, PixelRoundTrip) {
    GlobeView v;
    v.center_lon = -75.0;
    v.center_lat = 40.0;
    v.zoom = 1.7;
    for (double lon = -150.0; lon <= 0.0; lon += 15.0) {
        for (double lat = -30.0; lat <= 80.0; lat += 10.0) {
            const auto px = globe_to_pixel(v, {lon, lat}, 640, 480);
            if (!px) continue;
            const auto ll = globe_from_pixel(v, *px, 640, 480);
            ASSERT_TRUE(ll.has_value());
            EXPECT_NEAR(ll->x, lon, 1e-6);
            EXPECT_NEAR(ll->y, lat, 1e-6);
        }
    }
    // Outside the disc there is nothing.
    EXPECT_FALSE(globe_from_pixel(v, {0.0, 0.0}, 640, 480).has_value());
}

TEST(Globe, NormalizeWrapsAndClamps) {
    GlobeView v;
    v.center_lon = 190.0;
    v.center_lat = 95.0;
    normalize_globe(v);
    EXPECT_NEAR(v.center_lon, -170.0, 1e-9);
    EXPECT_EQ(v.center_lat, 89.0);
    v.center_lon = std::nan("");
    normalize_globe(v);
    EXPECT_EQ(v.center_lon, 0.0);
}

TEST(Globe, EquirectangularLevelIsLonLat) {
    const World world = load_world({});
    const ProjectedWorld pw =
        project_world(world, ProjectionKind::Equirectangular, {true, false, false});
    const MapMesh& mesh = pw.meshes[0];
    ASSERT_GT(mesh.fill_vertex_count(), 1000u);
    ASSERT_GT(mesh.line_count(), 100u);
    const double to_deg = 180.0 / std::numbers::pi / kEqcUnitsPerRadian;
    for (size_t i = 0; i < mesh.fill_xy.size(); i += 2) {
        const double lon = mesh.fill_xy[i] * to_deg, lat = mesh.fill_xy[i + 1] * to_deg;
        ASSERT_LE(std::fabs(lon), 180.0 + 1e-3) << "vertex " << i / 2;
        ASSERT_LE(std::fabs(lat), 90.0 + 1e-3) << "vertex " << i / 2;
    }
}

TEST(Globe, ScreenShapeForeshortensAndHidesTheFarSide) {
    GlobeView v;
    v.center_lon = 0.0;
    v.center_lat = 0.0;
    // A 1° x 1° square (in eqc units²) at the disc's centre: its sphere area in pixels².
    const double one_deg = std::numbers::pi / 180.0 * kEqcUnitsPerRadian;
    const double r = v.radius_px(400, 400);  // 180 px
    const auto centre = globe_screen_shape(v, {0.0, 0.0}, one_deg * one_deg, 400, 400);
    ASSERT_TRUE(centre.has_value());
    EXPECT_NEAR(centre->pixel.x, 200.0, 1e-9);
    EXPECT_NEAR(centre->pixel.y, 200.0, 1e-9);
    const double expected = std::pow(std::numbers::pi / 180.0 * r, 2);
    EXPECT_NEAR(centre->area_px2, expected, expected * 1e-9);
    EXPECT_NEAR(centre->depth, 1.0, 1e-12);
    // 60° east: foreshortened by cos 60°; at 60° N, the eqc area shrinks by cos 60° too.
    const auto east = globe_screen_shape(v, lonlat_to_eqc({60.0, 0.0}), one_deg * one_deg, 400, 400);
    ASSERT_TRUE(east.has_value());
    EXPECT_NEAR(east->area_px2, expected * 0.5, expected * 1e-6);
    EXPECT_NEAR(east->pixel.x, 200.0 + r * std::sin(std::numbers::pi / 3), 1e-6);
    const auto north = globe_screen_shape(v, lonlat_to_eqc({0.0, 60.0}), one_deg * one_deg, 400, 400);
    ASSERT_TRUE(north.has_value());
    EXPECT_NEAR(north->area_px2, expected * 0.25, expected * 1e-6);
    EXPECT_FALSE(globe_screen_shape(v, lonlat_to_eqc({120.0, 0.0}), 1.0, 400, 400).has_value());
    EXPECT_FALSE(globe_screen_shape(v, lonlat_to_eqc({0.0, -95.0}), 1.0, 400, 400).has_value());
    const Vec2 ll = eqc_to_lonlat(lonlat_to_eqc({-33.5, 12.25}));
    EXPECT_NEAR(ll.x, -33.5, 1e-12);
    EXPECT_NEAR(ll.y, 12.25, 1e-12);
}

TEST(Globe, FlyToViewCentresAndFitsTheCountry) {
    // A 2° x 2° country around 30° E, 2° S (about Rwanda's size).
    BBox small;
    small.add(lonlat_to_eqc({29.0, -3.0}));
    small.add(lonlat_to_eqc({31.0, -1.0}));
    const GlobeView v = globe_view_for_box(small, lonlat_to_eqc({30.0, -2.0}), 1280, 720);
    EXPECT_NEAR(v.center_lon, 30.0, 1e-9);
    EXPECT_NEAR(v.center_lat, -2.0, 1e-9);
    // 45% of the height: 2 sin(1°) r1 zoom = 0.45 * 720 with r1 = 0.45 * 720.
    EXPECT_NEAR(v.zoom, 1.0 / (2.0 * std::sin(std::numbers::pi / 180.0)), 0.05);
    const auto px = globe_to_pixel(v, {30.0, -2.0}, 1280, 720);
    ASSERT_TRUE(px.has_value());
    EXPECT_NEAR(px->x, 640.0, 1e-6);
    EXPECT_NEAR(px->y, 360.0, 1e-6);

    // A continent-sized box keeps the whole globe (zoom 1); a tiny one stops at 40.
    BBox big;
    big.add(lonlat_to_eqc({-170.0, 40.0}));
    big.add(lonlat_to_eqc({170.0, 80.0}));
    EXPECT_EQ(globe_view_for_box(big, lonlat_to_eqc({100.0, 60.0}), 1280, 720).zoom, 1.0);
    BBox tiny;
    tiny.add(lonlat_to_eqc({7.40, 43.72}));
    tiny.add(lonlat_to_eqc({7.44, 43.75}));
    EXPECT_EQ(globe_view_for_box(tiny, lonlat_to_eqc({7.42, 43.73}), 1280, 720).zoom, 40.0);

    // Shifted right by 100 px (panels on the left): the country lands 100 px right of
    // the middle, give or take the sphere's curvature.
    const GlobeView shifted =
        globe_view_for_box(small, lonlat_to_eqc({30.0, -2.0}), 1280, 720, 800.0, 100.0);
    const auto spx = globe_to_pixel(shifted, {30.0, -2.0}, 1280, 720);
    ASSERT_TRUE(spx.has_value());
    EXPECT_NEAR(spx->x, 740.0, 3.0);
    EXPECT_NEAR(spx->y, 360.0, 3.0);
}

TEST(Globe, InterpolationTakesTheShortWayRound) {
    GlobeView a, b;
    a.center_lon = 170.0;
    a.center_lat = 10.0;
    a.zoom = 1.0;
    b.center_lon = -170.0;
    b.center_lat = -10.0;
    b.zoom = 4.0;
    const GlobeView mid = interpolate_globe(a, b, 0.5);
    EXPECT_NEAR(std::fabs(mid.center_lon), 180.0, 1e-9);  // across the antimeridian
    EXPECT_NEAR(mid.center_lat, 0.0, 1e-9);
    EXPECT_NEAR(mid.zoom, 2.0, 1e-9);  // geometric
    const GlobeView end = interpolate_globe(a, b, 1.0);
    EXPECT_NEAR(end.center_lon, -170.0, 1e-9);
    EXPECT_NEAR(end.zoom, 4.0, 1e-9);
    const GlobeView start = interpolate_globe(a, b, -1.0);  // clamped
    EXPECT_NEAR(start.center_lon, 170.0, 1e-9);
}

}  // namespace
}  // namespace deportmap::geo
