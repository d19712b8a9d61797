// Window logic that runs without a display: command-line options (parsed directly and
// through the real binary's exit codes), the level-of-detail rule, camera helpers, and
// the background preparation of the 10m level and of another projection.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include "core/util/args.hpp"
#include "run_binary.hpp"
#include "ui/map_input.hpp"
#include "ui/map_session.hpp"
#include "ui/window_options.hpp"

namespace deportmap::ui {
namespace {

using geo::Lod;
using geo::ProjectionKind;

TEST(WindowOptions, Defaults) {
    const WindowOptions o = parse_window_options({});
    EXPECT_EQ(o.projection, ProjectionKind::EqualEarth);
    EXPECT_FALSE(o.size_given);
    EXPECT_FALSE(o.frames.has_value());
    EXPECT_TRUE(o.screenshot_path.empty());
    EXPECT_TRUE(o.boundaries.path.empty());
}

TEST(WindowOptions, AllOptions) {
    const WindowOptions o = parse_window_options(
        {"--projection", "robinson", "--size", "1024x600", "--frames", "10", "--screenshot",
         "out.png", "--boundaries", "b.shp", "--id-field=ISO", "--name-field", "NAME_EN"});
    EXPECT_EQ(o.projection, ProjectionKind::Robinson);
    EXPECT_TRUE(o.size_given);
    EXPECT_EQ(o.width, 1024);
    EXPECT_EQ(o.height, 600);
    ASSERT_TRUE(o.frames.has_value());
    EXPECT_EQ(*o.frames, 10);
    EXPECT_EQ(o.screenshot_path, "out.png");
    EXPECT_EQ(o.boundaries.path, "b.shp");
    EXPECT_EQ(o.boundaries.id_field, "ISO");
    EXPECT_EQ(o.boundaries.name_field, "NAME_EN");
}

TEST(WindowOptions, RejectsBadValues) {
    EXPECT_THROW(parse_window_options({"--projection", "nope"}), UsageError);
    EXPECT_THROW(parse_window_options({"--size", "0x10"}), UsageError);
    EXPECT_THROW(parse_window_options({"--size", "800"}), UsageError);
    EXPECT_THROW(parse_window_options({"--size", "20000x10"}), UsageError);
    EXPECT_THROW(parse_window_options({"--frames", "0"}), UsageError);
    EXPECT_THROW(parse_window_options({"--frames", "ten"}), UsageError);
    EXPECT_THROW(parse_window_options({"--frames"}), UsageError);
    EXPECT_THROW(parse_window_options({"--colour", "red"}), UsageError);
    EXPECT_THROW(parse_window_options({"stray"}), UsageError);
}

TEST(WindowOptions, ParseSize) {
    auto s = parse_size("640x480");
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->width, 640);
    EXPECT_EQ(s->height, 480);
    EXPECT_TRUE(parse_size("1X1").has_value());
    EXPECT_TRUE(parse_size("16384x16384").has_value());
    EXPECT_FALSE(parse_size("16385x10").has_value());
    EXPECT_FALSE(parse_size("x480").has_value());
    EXPECT_FALSE(parse_size("640x").has_value());
    EXPECT_FALSE(parse_size("-640x480").has_value());
    EXPECT_FALSE(parse_size("640x480x2").has_value());
    EXPECT_FALSE(parse_size("").has_value());
}

// Runs the real binary with no display; returns its exit code and its stdout and stderr
// together in `out`.
test::RunResult run_headless(const std::vector<std::string>& args) {
    test::RunOptions options;
    options.unset_env = {"DISPLAY", "WAYLAND_DISPLAY"};
    options.merge_stderr = true;
    return test::run_deportmap(args, options);
}

int line_count(const std::string& s) {
    int n = 0;
    for (char c : s) n += c == '\n';
    return n;
}

TEST(WindowCommand, UsageErrorsExitTwoWithOneLine) {
    const std::vector<std::vector<std::string>> cases = {
        {"--size", "0x0"}, {"--projection", "nope"}, {"--frames", "-1"}, {"--bogus"}};
    for (const std::vector<std::string>& args : cases) {
        const std::string shown = args.size() == 1 ? args[0] : args[0] + " " + args[1];
        const test::RunResult r = run_headless(args);
        EXPECT_EQ(r.exit_code, 2) << shown << ": " << r.out;
        EXPECT_EQ(line_count(r.out), 1) << shown << ": " << r.out;
    }
}

TEST(WindowCommand, NoDisplayIsOneLineAndExitOne) {
    const test::RunResult r = run_headless({"--frames", "1", "--size", "320x200"});
    EXPECT_EQ(r.exit_code, 1) << r.out;
    EXPECT_EQ(line_count(r.out), 1) << r.out;
    EXPECT_NE(r.out.find("no display available"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("deportmap export --out"), std::string::npos) << r.out;
}

TEST(WindowCommand, HelpListsTheOptions) {
    const test::RunResult r = run_headless({"--size", "10x10", "--help"});
    EXPECT_EQ(r.exit_code, 0) << r.out;
    for (const char* option : {"--projection", "--size", "--frames", "--screenshot",
                               "--boundaries"}) {
        EXPECT_NE(r.out.find(option), std::string::npos) << option;
    }
}

TEST(LevelOfDetail, ThresholdsOnWorldWidth) {
    EXPECT_EQ(lod_for_world_width(1024.0), Lod::k110m);
    EXPECT_EQ(lod_for_world_width(kLod50mWorldWidthPx - 1.0), Lod::k110m);
    EXPECT_EQ(lod_for_world_width(kLod50mWorldWidthPx), Lod::k50m);
    EXPECT_EQ(lod_for_world_width(kLod10mWorldWidthPx - 1.0), Lod::k50m);
    EXPECT_EQ(lod_for_world_width(kLod10mWorldWidthPx), Lod::k10m);
    EXPECT_EQ(lod_for_world_width(1e9), Lod::k10m);
}

TEST(LevelOfDetail, FallsBackToReadyLevels) {
    EXPECT_EQ(best_ready_lod(Lod::k10m, {true, true, false}), Lod::k50m);
    EXPECT_EQ(best_ready_lod(Lod::k10m, {true, false, false}), Lod::k110m);
    EXPECT_EQ(best_ready_lod(Lod::k110m, {false, false, true}), Lod::k10m);
    EXPECT_EQ(best_ready_lod(Lod::k50m, {true, true, true}), Lod::k50m);
    EXPECT_FALSE(best_ready_lod(Lod::k50m, {false, false, false}).has_value());
}

TEST(CameraHelpers, HomeAndClamp) {
    geo::BBox world;
    world.add(geo::Vec2{-100.0, -50.0});
    world.add(geo::Vec2{300.0, 150.0});
    Camera c = home_camera(world);
    EXPECT_DOUBLE_EQ(c.center.x, 100.0);
    EXPECT_DOUBLE_EQ(c.center.y, 50.0);
    EXPECT_DOUBLE_EQ(c.zoom, 1.0);
    c.center = {1000.0, -1000.0};
    clamp_camera(c, world);
    EXPECT_DOUBLE_EQ(c.center.x, 300.0);
    EXPECT_DOUBLE_EQ(c.center.y, -50.0);
}

// A headless ImGui context fed by hand, to drive MapInput like the GLFW backend would.
class InputHarness : public testing::Test {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(800.0f, 400.0f);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        world_.add(geo::Vec2{-1000.0, -500.0});
        world_.add(geo::Vec2{1000.0, 500.0});
        camera_ = home_camera(world_);
    }
    void TearDown() override { ImGui::DestroyContext(); }

    // One frame: mouse at (x, y), button state, wheel notches; optionally a panel at
    // the top-left corner (200 x 200) that ImGui owns. Returns whether the camera moved.
    bool frame(float x, float y, bool down, float wheel = 0.0f, bool panel = false,
               int key = -1) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = down;
        io.MouseWheel = wheel;
        for (bool& k : io.KeysDown) k = false;
        if (key >= 0) io.KeysDown[key] = true;
        ImGui::NewFrame();
        if (panel) {
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(ImVec2(200, 200));
            ImGui::Begin("panel");
            ImGui::TextUnformatted("owned by ImGui");
            ImGui::End();
        }
        const bool changed = input_.apply(camera_, world_, 800, 400);
        ImGui::Render();
        return changed;
    }

    geo::BBox world_;
    Camera camera_;
    MapInput input_;
};

TEST_F(InputHarness, DragPansByTheMouseMovement) {
    frame(400, 200, false);
    frame(400, 200, true);  // press on the map
    Camera expected = camera_;
    expected.pan_pixels({50.0, 20.0}, world_, 800, 400);
    EXPECT_TRUE(frame(450, 220, true));
    EXPECT_NEAR(camera_.center.x, expected.center.x, 1e-9);
    EXPECT_NEAR(camera_.center.y, expected.center.y, 1e-9);
    EXPECT_LT(camera_.center.x, 0.0);  // dragging right shows what lies to the west
    EXPECT_GT(camera_.center.y, 0.0);  // dragging down shows what lies to the north
    frame(450, 220, false);
    EXPECT_FALSE(frame(500, 300, false)) << "moving without the button must not pan";
}

TEST_F(InputHarness, WheelZoomsAboutTheCursor) {
    frame(600, 100, false);
    const ViewTransform before = camera_.transform(world_, 800, 400);
    const geo::Vec2 under = before.to_map({600, 100});
    EXPECT_TRUE(frame(600, 100, false, 1.0f));
    EXPECT_NEAR(camera_.zoom, kWheelZoomStep, 1e-12);
    const geo::Vec2 after = camera_.transform(world_, 800, 400).to_map({600, 100});
    EXPECT_NEAR(after.x, under.x, 1e-6);
    EXPECT_NEAR(after.y, under.y, 1e-6);
    EXPECT_TRUE(frame(600, 100, false, -2.0f));
    EXPECT_NEAR(camera_.zoom, 1.0 / kWheelZoomStep, 1e-12);
}

TEST_F(InputHarness, ResetKeysReturnHome) {
    frame(600, 100, false);
    frame(600, 100, false, 3.0f);
    ASSERT_GT(camera_.zoom, 1.5);
    EXPECT_TRUE(frame(600, 100, false, 0.0f, false, GLFW_KEY_R));
    EXPECT_DOUBLE_EQ(camera_.zoom, 1.0);
    EXPECT_DOUBLE_EQ(camera_.center.x, 0.0);
    frame(600, 100, false, 3.0f);
    frame(600, 100, false);  // release R
    // Home and End belong to the timeline; plain Left/Right step it too.
    EXPECT_FALSE(frame(600, 100, false, 0.0f, false, GLFW_KEY_HOME));
    EXPECT_GT(camera_.zoom, 1.5);
    frame(600, 100, false);
    EXPECT_FALSE(frame(600, 100, false, 0.0f, false, GLFW_KEY_LEFT));
}

TEST_F(InputHarness, LeavesInputOverAPanelToImGui) {
    frame(50, 50, false, 0.0f, true);
    frame(50, 50, false, 0.0f, true);
    EXPECT_FALSE(frame(50, 50, false, 2.0f, true)) << "wheel over a panel zoomed the map";
    EXPECT_DOUBLE_EQ(camera_.zoom, 1.0);
    frame(50, 50, true, 0.0f, true);  // press on the panel, then drag onto the map
    EXPECT_FALSE(frame(400, 300, true, 0.0f, true)) << "a drag from a panel panned the map";
    frame(400, 300, false, 0.0f, true);
    // Over the map, outside the panel, the wheel works.
    frame(400, 300, false, 0.0f, true);
    EXPECT_TRUE(frame(400, 300, false, 1.0f, true));
}

// Polls the session until `done` or a generous deadline (the worker shares 2 cores).
template <typename Pred>
bool poll_until(MapSession& session, Pred done, MapSession::Changes* last = nullptr) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (std::chrono::steady_clock::now() < deadline) {
        MapSession::Changes c = session.poll();
        EXPECT_TRUE(c.errors.empty()) << (c.errors.empty() ? "" : c.errors.front());
        const bool finished = done(c);
        if (last != nullptr && c.any()) *last = std::move(c);
        if (finished) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return false;
}

class Session : public testing::Test {
protected:
    static void SetUpTestSuite() {
        world_ = std::make_shared<const geo::World>(geo::load_world({}));
    }
    static void TearDownTestSuite() { world_.reset(); }
    static std::shared_ptr<const geo::World> world_;
};
std::shared_ptr<const geo::World> Session::world_;

TEST_F(Session, PreparesTenMetreLevelInTheBackground) {
    MapSession session(world_, ProjectionKind::EqualEarth);
    const geo::ProjectedWorld& pw = session.projected();
    EXPECT_TRUE(pw.ready[0]);
    EXPECT_TRUE(pw.ready[1]);
    EXPECT_FALSE(pw.ready[2]) << "10m must come from the worker, not the constructor";
    EXPECT_GT(pw.meshes[0].fill_vertex_count(), 0u);
    ASSERT_TRUE(poll_until(session, [](const MapSession::Changes& c) {
        return c.levels_added[2];
    }));
    EXPECT_TRUE(session.projected().ready[2]);
    EXPECT_GT(session.projected().meshes[2].fill_vertex_count(),
              session.projected().meshes[1].fill_vertex_count());
    EXPECT_EQ(session.projected().projection, ProjectionKind::EqualEarth);
}

// The window's pyramid levels: 1:110m's made by the constructor (the first frame draws
// it), 1:50m's and 1:10m's by the worker; all freed once the renderer holds them.
TEST_F(Session, ScreenCopiesForEveryLevel) {
    MapSession session(world_, ProjectionKind::EqualEarth);
    EXPECT_FALSE(session.projected().meshes[0].border_pyramid.empty());
    EXPECT_FALSE(session.projected().meshes[0].fill_pyramid.empty());
    EXPECT_TRUE(session.projected().meshes[1].border_pyramid.empty());
    bool got_50m = false, got_10m = false;
    ASSERT_TRUE(poll_until(session, [&](const MapSession::Changes& c) {
        got_50m = got_50m || c.levels_added[1];
        got_10m = got_10m || c.levels_added[2];
        return got_50m && got_10m;
    }));
    for (size_t l = 0; l < 3; ++l) {
        const geo::MapMesh& mesh = session.projected().meshes[l];
        EXPECT_FALSE(mesh.border_pyramid.empty()) << l;
        EXPECT_FALSE(mesh.fill_pyramid.empty()) << l;
        // The last border copy is the full (deduplicated) lines.
        EXPECT_TRUE(std::isinf(mesh.border_pyramid.back().max_world_px)) << l;
    }
    session.release_pyramids();
    for (size_t l = 0; l < 3; ++l) {
        EXPECT_TRUE(session.projected().meshes[l].border_pyramid.empty());
        EXPECT_TRUE(session.projected().meshes[l].fill_pyramid.empty());
    }
}

TEST_F(Session, SwitchesProjectionAndCarriesTheCamera) {
    MapSession session(world_, ProjectionKind::EqualEarth);
    const geo::Vec2 paris{2.35, 48.86};
    Camera camera;
    camera.center = session.projector().forward(paris);
    camera.zoom = 5.0;

    session.request_projection(ProjectionKind::Robinson);
    EXPECT_EQ(session.requested_projection(), ProjectionKind::Robinson);
    EXPECT_EQ(session.projected().projection, ProjectionKind::EqualEarth);
    MapSession::Changes changes;
    ASSERT_TRUE(poll_until(
        session, [](const MapSession::Changes& c) { return c.projection_changed; }, &changes));
    EXPECT_EQ(session.projected().projection, ProjectionKind::Robinson);
    EXPECT_EQ(session.projector().kind(), ProjectionKind::Robinson);
    EXPECT_TRUE(session.projected().ready[0]);
    EXPECT_TRUE(session.projected().ready[1]);
    ASSERT_TRUE(changes.previous.has_value());
    EXPECT_EQ(changes.previous->kind(), ProjectionKind::EqualEarth);

    carry_camera(camera, *changes.previous, session.projector(),
                 session.projected().world_bounds);
    const geo::Vec2 expected = session.projector().forward(paris);
    EXPECT_NEAR(camera.center.x, expected.x, 1.0);  // metres
    EXPECT_NEAR(camera.center.y, expected.y, 1.0);
    EXPECT_DOUBLE_EQ(camera.zoom, 5.0);

    // Its 10m level follows.
    ASSERT_TRUE(poll_until(session, [&](const MapSession::Changes&) {
        return session.projected().ready[2];
    }));
}

TEST_F(Session, PreparesTheGlobesLevelsOnTheWorker) {
    // The globe draws the Equirectangular levels: the worker makes their globe
    // preparation with them, so the frame only uploads. Other projections get none.
    MapSession session(world_, ProjectionKind::EqualEarth);
    EXPECT_EQ(session.globe_prep(geo::Lod::k110m), nullptr);
    session.request_projection(ProjectionKind::Equirectangular);
    ASSERT_TRUE(poll_until(session, [&](const MapSession::Changes&) {
        return session.projected().projection == ProjectionKind::Equirectangular &&
               session.projected().ready[2] && !session.busy();
    }));
    for (const geo::Lod lod : {geo::Lod::k110m, geo::Lod::k50m, geo::Lod::k10m}) {
        EXPECT_NE(session.globe_prep(lod), nullptr) << geo::lod_name(lod);
    }
    session.request_projection(ProjectionKind::Robinson);
    ASSERT_TRUE(poll_until(session, [&](const MapSession::Changes& c) { return c.projection_changed; }));
    EXPECT_EQ(session.globe_prep(geo::Lod::k110m), nullptr);
}

TEST_F(Session, LaterRequestWins) {
    MapSession session(world_, ProjectionKind::EqualEarth);
    session.request_projection(ProjectionKind::Mercator);
    session.request_projection(ProjectionKind::WinkelTripel);
    ASSERT_TRUE(poll_until(session, [&](const MapSession::Changes&) {
        return session.projected().projection == ProjectionKind::WinkelTripel &&
               !session.busy();
    }));
    EXPECT_TRUE(session.projected().ready[2]);
    // Mercator's work was dropped: nothing further arrives.
    const MapSession::Changes after = session.poll();
    EXPECT_FALSE(after.any());
    EXPECT_EQ(session.projected().projection, ProjectionKind::WinkelTripel);
}

}  // namespace
}  // namespace deportmap::ui
