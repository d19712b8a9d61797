// Camera and view transforms: fitting, stretching, zooming about a point, panning.
#include <gtest/gtest.h>

#include "core/view.hpp"

using deportmap::Camera;
using deportmap::fit_bounds;
using deportmap::stretch_bounds;
using deportmap::geo::BBox;
using deportmap::geo::Vec2;

TEST(View, FitBoundsCentresAndKeepsAspect) {
    BBox b{-180, -90, 180, 90};
    auto t = fit_bounds(b, 1000, 1000);
    EXPECT_DOUBLE_EQ(t.scale_x, t.scale_y);
    Vec2 tl = t.to_pixel({-180, 90});
    Vec2 br = t.to_pixel({180, -90});
    EXPECT_NEAR(tl.x, 0.0, 1e-9);
    EXPECT_NEAR(br.x, 1000.0, 1e-9);
    EXPECT_NEAR(tl.y, 250.0, 1e-9);
    EXPECT_NEAR(br.y, 750.0, 1e-9);
}

TEST(View, StretchBoundsMapsEdgesToEdges) {
    BBox b{-180, -90, 180, 90};
    auto t = stretch_bounds(b, 640, 480);
    Vec2 tl = t.to_pixel({-180, 90});
    Vec2 br = t.to_pixel({180, -90});
    EXPECT_NEAR(tl.x, 0.0, 1e-9);
    EXPECT_NEAR(tl.y, 0.0, 1e-9);
    EXPECT_NEAR(br.x, 640.0, 1e-9);
    EXPECT_NEAR(br.y, 480.0, 1e-9);
    Vec2 back = t.to_map({320, 240});
    EXPECT_NEAR(back.x, 0.0, 1e-9);
    EXPECT_NEAR(back.y, 0.0, 1e-9);
}

TEST(View, ZoomAboutKeepsAnchorFixed) {
    BBox world{-100, -50, 100, 50};
    Camera cam;
    Vec2 anchor{700, 200};
    Vec2 before = cam.transform(world, 1000, 500).to_map(anchor);
    cam.zoom_about(3.0, anchor, world, 1000, 500);
    Vec2 after = cam.transform(world, 1000, 500).to_map(anchor);
    EXPECT_NEAR(before.x, after.x, 1e-9);
    EXPECT_NEAR(before.y, after.y, 1e-9);
    EXPECT_DOUBLE_EQ(cam.zoom, 3.0);
}

TEST(View, PanMovesMapWithPointer) {
    BBox world{-100, -50, 100, 50};
    Camera cam;
    Vec2 p0 = cam.transform(world, 1000, 500).to_pixel({10, 10});
    cam.pan_pixels({25, -15}, world, 1000, 500);
    Vec2 p1 = cam.transform(world, 1000, 500).to_pixel({10, 10});
    EXPECT_NEAR(p1.x - p0.x, 25.0, 1e-9);
    EXPECT_NEAR(p1.y - p0.y, -15.0, 1e-9);
}
