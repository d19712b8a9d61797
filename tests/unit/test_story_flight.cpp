// Camera flights between story steps (core/story/flight.hpp): they start and end
// exactly on their targets, progress monotonically along the line between the centres,
// zoom out on long flights, take about a second for a neighbour and at most three across
// the world; the globe turns the short way round; colours and captions fade.
#include <gtest/gtest.h>

#include <cmath>

#include "core/story/flight.hpp"
#include "core/story/step_view.hpp"

namespace deportmap::story {
namespace {

constexpr double kWorld = 34000.0;  // a world width in projected units

TEST(CameraFlight, EndsExactlyOnItsTargets) {
    const Camera from{{-8000.0, 2000.0}, 1.5}, to{{9000.0, -3000.0}, 12.0};
    const CameraFlight f(from, to, kWorld);
    ASSERT_GT(f.seconds(), 0.0);
    const Camera a = f.at(0.0), b = f.at(f.seconds());
    EXPECT_EQ(a.center.x, from.center.x);
    EXPECT_EQ(a.center.y, from.center.y);
    EXPECT_EQ(a.zoom, from.zoom);
    EXPECT_EQ(b.center.x, to.center.x);
    EXPECT_EQ(b.center.y, to.center.y);
    EXPECT_EQ(b.zoom, to.zoom);
    EXPECT_EQ(f.at(-1.0).zoom, from.zoom);
    EXPECT_EQ(f.at(f.seconds() + 5.0).center.x, to.center.x);
    // Continuous at the ends: the last sampled frame is close to the target.
    const Camera near_end = f.at(f.seconds() - 1e-4);
    EXPECT_NEAR(near_end.center.x, to.center.x, 1.0);
    EXPECT_NEAR(near_end.zoom, to.zoom, 0.01);
}

TEST(CameraFlight, MonotonicAlongThePathAndZoomsOutInBetween) {
    const Camera from{{-10000.0, 0.0}, 8.0}, to{{10000.0, 0.0}, 8.0};
    const CameraFlight f(from, to, kWorld);
    double last_x = from.center.x, min_zoom = 1e9;
    for (int i = 1; i <= 200; ++i) {
        const Camera c = f.at(f.seconds() * i / 200.0);
        EXPECT_GE(c.center.x, last_x) << i;
        EXPECT_NEAR(c.center.y, 0.0, 1e-9);
        last_x = c.center.x;
        min_zoom = std::min(min_zoom, c.zoom);
    }
    EXPECT_LT(min_zoom, 4.0);  // zoomed out to see both ends on the way
    EXPECT_GT(min_zoom, 0.05);
}

TEST(CameraFlight, DurationGrowsWithDistanceWithinBounds) {
    // A neighbour: one screen width away at the same zoom.
    const double z = 6.0, screen = kWorld / z;
    const CameraFlight neighbour(Camera{{0.0, 0.0}, z}, Camera{{screen, 0.0}, z}, kWorld);
    EXPECT_GE(neighbour.seconds(), 0.8);
    EXPECT_LE(neighbour.seconds(), 1.3);
    const CameraFlight far(Camera{{-15000.0, 0.0}, 20.0}, Camera{{15000.0, 0.0}, 20.0}, kWorld);
    EXPECT_GT(far.seconds(), neighbour.seconds());
    EXPECT_LE(far.seconds(), kMaxFlightSeconds);
    const CameraFlight extreme(Camera{{-16000.0, 0.0}, 400.0}, Camera{{16000.0, 0.0}, 400.0}, kWorld);
    EXPECT_DOUBLE_EQ(extreme.seconds(), kMaxFlightSeconds);
    const CameraFlight none(Camera{{5.0, 5.0}, 2.0}, Camera{{5.0, 5.0}, 2.0}, kWorld);
    EXPECT_EQ(none.seconds(), 0.0);
    EXPECT_EQ(none.at(0.0).zoom, 2.0);
    // Zoom only: the centre stays, the zoom changes monotonically.
    const CameraFlight zoom(Camera{{100.0, 50.0}, 1.0}, Camera{{100.0, 50.0}, 16.0}, kWorld);
    ASSERT_GT(zoom.seconds(), 0.0);
    double last = 1.0;
    for (int i = 1; i <= 50; ++i) {
        const Camera c = zoom.at(zoom.seconds() * i / 50.0);
        EXPECT_GE(c.zoom, last - 1e-12);
        EXPECT_DOUBLE_EQ(c.center.x, 100.0);
        last = c.zoom;
    }
}

TEST(GlobeFlight, TurnsTheShortWayRound) {
    geo::GlobeView from, to;
    from.center_lon = 170.0;
    from.center_lat = 10.0;
    to.center_lon = -170.0;  // 20 degrees east across the antimeridian, not 340 west
    to.center_lat = 20.0;
    to.zoom = 3.0;
    const GlobeFlight f(from, to);
    ASSERT_GT(f.seconds(), 0.0);
    for (int i = 0; i <= 100; ++i) {
        const geo::GlobeView v = f.at(f.seconds() * i / 100.0);
        const bool east_of_170 = v.center_lon >= 170.0 - 1e-9 || v.center_lon <= -170.0 + 1e-9;
        EXPECT_TRUE(east_of_170) << i << ": " << v.center_lon;
    }
    const geo::GlobeView end = f.at(f.seconds());
    EXPECT_EQ(end.center_lon, to.center_lon);
    EXPECT_EQ(end.center_lat, to.center_lat);
    EXPECT_EQ(end.zoom, to.zoom);
    EXPECT_LE(f.seconds(), kMaxFlightSeconds);
}

TEST(Fades, ColoursCrossFadeAndCaptionsFadeIn) {
    const std::vector<Color> a = {{0, 0, 0, 255}, {200, 100, 0, 255}};
    const std::vector<Color> b = {{255, 255, 255, 255}, {200, 100, 0, 254}};
    std::vector<Color> out;
    cross_fade(a, b, 0.0, out);
    EXPECT_EQ(out[0].r, 0);
    cross_fade(a, b, kFadeSeconds / 2, out);
    EXPECT_GT(out[0].r, 60);
    EXPECT_LT(out[0].r, 200);
    EXPECT_EQ(out[1].a, 254);  // the stripes' marker follows the target
    cross_fade(a, b, kFadeSeconds, out);
    EXPECT_EQ(out[0].r, 255);
    EXPECT_DOUBLE_EQ(caption_alpha(0.0), 0.0);
    EXPECT_DOUBLE_EQ(caption_alpha(kFadeSeconds), 1.0);
    double last = 0.0;
    for (int i = 0; i <= 20; ++i) {
        const double v = caption_alpha(kFadeSeconds * i / 20.0);
        EXPECT_GE(v, last);
        last = v;
    }
}

}  // namespace
}  // namespace deportmap::story

TEST(StepCamera, FramesTheBoxWithinTheZoomLimits) {
    const deportmap::geo::BBox world{-17000.0, -8500.0, 17000.0, 8500.0};
    // The world (an empty box): zoom 1 on its centre.
    const deportmap::Camera whole = deportmap::story::step_camera({}, world, 1000, 500);
    EXPECT_EQ(whole.zoom, 1.0);
    // A country a sixth of the world wide: centred, filling about 60% of the width.
    const deportmap::geo::BBox big{0.0, 0.0, 34000.0 / 6, 1000.0};
    const deportmap::Camera c = deportmap::story::step_camera(big, world, 1000, 500);
    EXPECT_NEAR(c.center.x, big.center().x, 1e-6);
    EXPECT_NEAR(c.zoom, 0.6 * 6, 0.01);
    // A tiny one: never closer than a tenth of the world's width.
    const deportmap::geo::BBox tiny{100.0, 100.0, 110.0, 110.0};
    EXPECT_EQ(deportmap::story::step_camera(tiny, world, 1000, 500).zoom, deportmap::story::kMaxStepZoom);
}
