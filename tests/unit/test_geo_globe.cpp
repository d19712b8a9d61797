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

}  // namespace
}  // namespace deportmap::geo
