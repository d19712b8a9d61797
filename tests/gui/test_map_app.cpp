// The window's UI (MapApp: panels, picking, shortcuts, fly-to, colours) driven through a
// headless ImGui context fed by hand exactly as the GLFW backend feeds it: a click on a
// country selects it, Right steps the timeline to the next event day, Esc clears the
// selection, Ctrl+F opens the search, Space plays, a search pick flies the camera, and a
// date change recolours; on the globe, Enter in the search turns the globe to the country
// and the overlay's markers and labels keep to the near side. Also times MapApp::frame
// (CPU only; no GL here).
#include <gtest/gtest.h>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <sstream>
#include <nlohmann/json.hpp>

#include "core/geo/mesh.hpp"
#include "core/geo/world.hpp"
#include "core/geo/globe.hpp"
#include "core/paint.hpp"
#include "export/engine.hpp"
#include "ui/map_app.hpp"
#include "ui/map_input.hpp"
#include "ui/map_overlay.hpp"
#include "scratch.hpp"

namespace deportmap::ui {
namespace {

using nlohmann::json;

constexpr int kW = 1280, kH = 720;

class MapAppHarness : public testing::Test {
protected:
    static void SetUpTestSuite() {
        world_ = new geo::World(geo::load_world({}));
        projected_ = new geo::ProjectedWorld(
            geo::project_world(*world_, geo::ProjectionKind::EqualEarth, {true, false, false}));
    }
    static void TearDownTestSuite() {
        delete globe_world_;
        globe_world_ = nullptr;
        delete projected_;
        delete world_;
    }
    // The Equirectangular levels the globe draws from (1:110m), made on first use.
    static const geo::ProjectedWorld& globe_world() {
        if (globe_world_ == nullptr) {
            globe_world_ = new geo::ProjectedWorld(geo::project_world(
                *world_, geo::ProjectionKind::Equirectangular, {true, false, false}));
        }
        return *globe_world_;
    }
    // One frame with the orthographic globe shown (view globe_), as the window runs it.
    FrameResult globe_frame(int key = -1) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(10, 400);
        io.MouseDown[0] = false;
        for (bool& k : io.KeysDown) k = false;
        if (key >= 0) io.KeysDown[key] = true;
        io.KeyCtrl = false;
        now_ += 1.0 / 60.0;
        ImGui::NewFrame();
        FrameArgs args{*world_,   globe_world(), camera_,         kW,    kH, now_,
                       1.0 / 60.0, nullptr,       geo::Lod::k110m, false, &markers_};
        args.globe = &globe_;
        const FrameResult r = app_->frame(args);
        ImGui::Render();
        return r;
    }
    int index_of(const std::string& iso3) const {
        for (size_t i = 0; i < world_->countries.size(); ++i) {
            if (world_->countries[i].iso3 == iso3) return static_cast<int>(i);
        }
        ADD_FAILURE() << iso3 << " not in the world";
        return -1;
    }
    void SetUp() override {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(kW, kH);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        app_ = std::make_unique<MapApp>(std::vector<std::string>{}, "", *world_);
        camera_ = home_camera(projected_->world_bounds);
    }
    void TearDown() override {
        app_.reset();
        ImGui::DestroyContext();
    }

    // One frame with the mouse at (x, y), the left button state and an optional key
    // (GLFW code) held, with Ctrl when `ctrl`. Returns the frame's result.
    FrameResult frame(float x, float y, bool down, int key = -1, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = ImVec2(x, y);
        io.MouseDown[0] = down;
        for (bool& k : io.KeysDown) k = false;
        if (key >= 0) io.KeysDown[key] = true;
        io.KeyCtrl = ctrl;
        now_ += 1.0 / 60.0;
        ImGui::NewFrame();
        MapInput input;
        const bool moved = input.apply(camera_, projected_->world_bounds, kW, kH);
        FrameArgs args{*world_,   *projected_, camera_,         kW,    kH, now_,
                       1.0 / 60.0, nullptr,     geo::Lod::k110m, moved, &markers_};
        const FrameResult r = app_->frame(args);
        ImGui::Render();
        return r;
    }
    json state() const { return json::parse(app_->state_json(*world_)); }

    // Pixel of a country's label point in the current view.
    ImVec2 pixel_of(const std::string& iso3) const {
        for (size_t i = 0; i < world_->countries.size(); ++i) {
            if (world_->countries[i].iso3 != iso3) continue;
            const auto& shape = projected_->shapes[0][i];
            const ViewTransform v = camera_.transform(projected_->world_bounds, kW, kH);
            const geo::Vec2 p = v.to_pixel(shape.label_point);
            return ImVec2(static_cast<float>(p.x), static_cast<float>(p.y));
        }
        ADD_FAILURE() << iso3 << " not in the world";
        return ImVec2(0, 0);
    }

    static geo::World* world_;
    static geo::ProjectedWorld* projected_;
    inline static geo::ProjectedWorld* globe_world_ = nullptr;
    geo::GlobeView globe_;
    std::unique_ptr<MapApp> app_;
    Camera camera_;
    std::vector<Marker> markers_;
    double now_ = 0.0;
};
geo::World* MapAppHarness::world_ = nullptr;
geo::ProjectedWorld* MapAppHarness::projected_ = nullptr;

TEST_F(MapAppHarness, ClickSelectsStepAndEscape) {
    // Brazil: large, in the middle of the map, clear of the panels.
    const ImVec2 p = pixel_of("BRA");
    frame(p.x, p.y, false);
    frame(p.x, p.y, false);
    EXPECT_EQ(app_->scene().hovered >= 0, true);
    frame(p.x, p.y, true);
    frame(p.x, p.y, false);
    EXPECT_EQ(state()["selected"], "BRA");

    // Left steps back one event day, Right forward again.
    const std::string before = state()["date"];
    frame(p.x, p.y, false, GLFW_KEY_LEFT);
    const std::string back = state()["date"];
    EXPECT_LT(back, before);
    frame(p.x, p.y, false);
    frame(p.x, p.y, false, GLFW_KEY_RIGHT);
    EXPECT_EQ(state()["date"], before);
    frame(p.x, p.y, false);
    frame(p.x, p.y, false, GLFW_KEY_HOME);
    const data::Day first = *app_->data().timeline().first_day();
    EXPECT_EQ(state()["date"], data::civil_from_days(first).iso());

    frame(p.x, p.y, false);
    frame(p.x, p.y, false, GLFW_KEY_ESCAPE);
    EXPECT_TRUE(state()["selected"].is_null());
}

TEST_F(MapAppHarness, ClickOnASmallCountrysMarkerSelectsIt) {
    int kosovo = -1;
    for (size_t i = 0; i < world_->countries.size(); ++i) {
        if (world_->countries[i].iso3 == "XKX") kosovo = static_cast<int>(i);
    }
    ASSERT_GE(kosovo, 0);
    // A marker a few pixels off Kosovo's polygon: the marker wins over what lies under it.
    markers_.push_back(Marker{kosovo, geo::Vec2{700.0, 300.0}, 5.0f});
    frame(702, 301, false);
    frame(702, 301, false);
    EXPECT_EQ(app_->scene().hovered, kosovo);
    frame(702, 301, true);
    frame(702, 301, false);
    EXPECT_EQ(state()["selected"], "XKX");
    frame(720, 301, false);  // 20 px away: not the marker
    EXPECT_NE(app_->scene().hovered, kosovo);
}

TEST_F(MapAppHarness, TimelineTrackHoverAndScrub) {
    // Sweep the mouse along the track (tick and ruling tooltips), then press near its
    // left end: the date jumps back towards the start of the data.
    const data::Day latest = app_->scene().date;
    for (float y : {kH - 27.0f, kH - 40.0f}) {
        for (float x = 20; x < kW - 20; x += 7) frame(x, y, false);
    }
    EXPECT_EQ(app_->scene().date, latest) << "hovering moved the date";
    frame(60, kH - 27.0f, false);
    frame(60, kH - 27.0f, true);
    frame(80, kH - 27.0f, true);
    frame(80, kH - 27.0f, false);
    EXPECT_LT(app_->scene().date, latest - 200);
    EXPECT_GE(app_->scene().date, timeline_range(app_->data().timeline()).start);
    EXPECT_TRUE(state()["selected"].is_null()) << "a press on the timeline selected a country";
}

TEST_F(MapAppHarness, DragIsNotAClick) {
    const ImVec2 p = pixel_of("BRA");
    frame(p.x, p.y, false);
    frame(p.x, p.y, true);
    frame(p.x + 40, p.y + 10, true);
    frame(p.x + 40, p.y + 10, false);
    EXPECT_TRUE(state()["selected"].is_null());
}

TEST_F(MapAppHarness, CtrlFOpensSearchAndSpacePlays) {
    frame(10, 400, false);
    frame(10, 400, false, GLFW_KEY_F, true);
    EXPECT_TRUE(state()["search_open"].get<bool>());
    frame(10, 400, false);  // the box takes the keyboard focus
    frame(10, 400, false);
    EXPECT_TRUE(ImGui::GetIO().WantCaptureKeyboard);
    // Space while the search box has the keyboard is typed, not a shortcut.
    frame(10, 400, false, GLFW_KEY_SPACE);
    EXPECT_FALSE(state()["playing"].get<bool>());
    frame(10, 400, false, GLFW_KEY_ESCAPE);
    frame(10, 400, false);
    EXPECT_FALSE(state()["search_open"].get<bool>());
    app_->timeline().go_to(app_->scene(), *app_->data().timeline().first_day());
    frame(10, 400, false);
    frame(10, 400, false, GLFW_KEY_SPACE);
    EXPECT_TRUE(state()["playing"].get<bool>());
    const data::Day d0 = app_->scene().date;
    for (int i = 0; i < 30; ++i) frame(10, 400, false);
    EXPECT_GT(app_->scene().date, d0) << "playing did not move the date";
}

// The "play" action (and --play) on the last day starts over from the first event, as
// Space does; before, it stopped at once and --bench-frames --play timed a still map.
TEST_F(MapAppHarness, PlayActionFromTheLastDayStartsOver) {
    frame(10, 400, false);
    const data::Day last = app_->scene().date;
    app_->apply_actions(parse_actions("play"), *world_);
    frame(10, 400, false);
    EXPECT_TRUE(state()["playing"].get<bool>());
    EXPECT_LT(app_->scene().date, last);
    const data::Day d0 = app_->scene().date;
    for (int i = 0; i < 30; ++i) frame(10, 400, false);
    EXPECT_GT(app_->scene().date, d0) << "playing did not move the date";
}

TEST_F(MapAppHarness, SearchPickFliesAndSelects) {
    app_->apply_actions(parse_actions("fly:RWA"), *world_);
    const double zoom0 = camera_.zoom;
    frame(10, 400, false);
    frame(10, 400, false);
    EXPECT_EQ(state()["selected"], "RWA");
    const double mid_zoom = camera_.zoom;
    for (int i = 0; i < 60; ++i) frame(10, 400, false);  // 1 s of frames
    EXPECT_GT(camera_.zoom, 10.0 * zoom0);
    EXPECT_LE(mid_zoom, camera_.zoom);
    // Rwanda's label point is now inside the window, left of the details panel.
    const ImVec2 p = pixel_of("RWA");
    EXPECT_GT(p.x, 0.0f);
    EXPECT_LT(p.x, kW * 0.75f);
    EXPECT_GT(p.y, 0.0f);
    EXPECT_LT(p.y, kH);
}

TEST_F(MapAppHarness, SearchEnterTurnsTheGlobe) {
    ImGui::GetIO().KeyMap[ImGuiKey_Enter] = GLFW_KEY_ENTER;
    globe_.center_lon = -100.0;  // the Americas: Rwanda is on the far side
    globe_.center_lat = 20.0;
    const geo::Vec2 rwanda = geo::eqc_to_lonlat(
        globe_world().shapes[0][static_cast<size_t>(index_of("RWA"))].label_point);
    ASSERT_FALSE(geo::globe_to_pixel(globe_, rwanda, kW, kH).has_value());
    const geo::Vec2 camera_centre = camera_.center;

    app_->apply_actions(parse_actions("search:Rwanda"), *world_);
    globe_frame();
    globe_frame();  // the box takes the keyboard focus
    const FrameResult r = globe_frame(GLFW_KEY_ENTER);
    EXPECT_TRUE(r.flight_started);
    EXPECT_TRUE(r.animating);
    EXPECT_EQ(state()["selected"], "RWA");
    EXPECT_FALSE(state()["search_open"].get<bool>());
    globe_frame();
    const double lon_early = globe_.center_lon;
    EXPECT_GT(lon_early, -100.0) << "the globe did not start turning";
    for (int i = 0; i < 60; ++i) globe_frame();  // 1 s of frames: the flight is over
    EXPECT_FALSE(globe_frame().animating);
    // Rwanda faces the viewer, a little right of the middle (the legend takes the left),
    // zoomed in to fit it; the flat camera did not move.
    const auto px = geo::globe_to_pixel(globe_, rwanda, kW, kH);
    ASSERT_TRUE(px.has_value());
    EXPECT_NEAR(px->y, kH / 2.0, 5.0);
    EXPECT_GT(px->x, kW * 0.4);
    EXPECT_LT(px->x, kW * 0.75);
    EXPECT_GT(globe_.zoom, 5.0);
    EXPECT_LE(globe_.zoom, 40.0);
    EXPECT_EQ(camera_.center.x, camera_centre.x);
    const json g = state()["globe"];
    ASSERT_TRUE(g.is_object());
    EXPECT_NEAR(g["center"][0].get<double>(), globe_.center_lon, 1e-9);
    EXPECT_NEAR(g["zoom"].get<double>(), globe_.zoom, 1e-9);
}

TEST_F(MapAppHarness, GlobeOverlayKeepsToTheNearSide) {
    globe_.center_lon = 20.0;  // Africa and Europe face the viewer; Mexico is far behind
    globe_.center_lat = 10.0;
    app_->timeline().go_to(app_->scene(), data::days_from_civil(2025, 8, 1));
    MapOverlay overlay;
    overlay.update_globe(app_->scene(), app_->data(), globe_world(), geo::Lod::k110m, globe_, kW,
                         kH, 1.0f);
    const auto& on = overlay.on_screen();
    const int rwanda = index_of("RWA"), mexico = index_of("MEX");
    ASSERT_LT(static_cast<size_t>(std::max(rwanda, mexico)), on.size());
    ASSERT_TRUE(overlay.has_status()[static_cast<size_t>(mexico)]);
    ASSERT_TRUE(overlay.has_status()[static_cast<size_t>(rwanda)]);
    EXPECT_FALSE(on[static_cast<size_t>(mexico)].has_value()) << "far side, yet placed";
    ASSERT_TRUE(on[static_cast<size_t>(rwanda)].has_value());
    bool rwanda_marker = false;
    for (const Marker& m : overlay.markers()) {
        ASSERT_TRUE(on[static_cast<size_t>(m.country)].has_value());
        rwanda_marker = rwanda_marker || m.country == rwanda;
    }
    EXPECT_TRUE(rwanda_marker) << "Rwanda is small on a world-sized globe";
    // Zoomed far in on Rwanda, its shape is big enough: no marker.
    geo::GlobeView close = globe_;
    close.center_lon = 30.0;
    close.center_lat = -2.0;
    close.zoom = 40.0;
    overlay.update_globe(app_->scene(), app_->data(), globe_world(), geo::Lod::k110m, close, kW,
                         kH, 1.0f);
    for (const Marker& m : overlay.markers()) EXPECT_NE(m.country, rwanda);
}

TEST_F(MapAppHarness, DateChangeRecoloursWithAFade) {
    frame(10, 400, false);
    const std::vector<Color> before = app_->colors();
    app_->timeline().go_to(app_->scene(), *app_->data().timeline().first_day());
    const FrameResult r = frame(10, 400, false);
    EXPECT_TRUE(r.colors_changed);
    EXPECT_TRUE(r.animating) << "a status change fades";
    for (int i = 0; i < 30; ++i) frame(10, 400, false);
    EXPECT_NE(app_->colors(), before);
    EXPECT_FALSE(frame(10, 400, false).animating);
}

// The SVG export's lines, read for what the agreement test compares.
struct SvgPaint {
    std::map<std::string, std::string> fill_of;  // country -> its status group's fill
    std::set<std::string> striped;               // countries in the striped overlay
    std::map<std::string, int> legend;           // legend label -> count
};

SvgPaint read_svg_paint(const std::string& path) {
    SvgPaint out;
    std::ifstream in(path);
    const std::regex group(R"re(<g id="([a-z_-]+)"(?: fill="(#[0-9a-f]{6}|url\(#hatch\))")?)re");
    const std::regex country(R"re(<path (?:id|data-country)="([A-Z0-9-]+)")re");
    const std::regex text(R"re(<text [^>]*>([^<]*)</text>)re");
    const std::regex bold_count(R"re(<text [^>]*font-weight="bold"[^>]*>([0-9]+)</text>)re");
    std::string group_fill, last_label;
    bool in_stripes = false;
    for (std::string line; std::getline(in, line);) {
        std::smatch m;
        if (std::regex_search(line, m, group)) {
            in_stripes = m[1] == "approximate";
            group_fill = m[2];
        } else if (std::regex_search(line, m, country)) {
            if (in_stripes) {
                out.striped.insert(m[1]);
            } else if (!group_fill.empty()) {
                out.fill_of[m[1]] = group_fill;
            }
        } else if (std::regex_search(line, m, bold_count)) {
            out.legend[last_label] = std::stoi(m[1]);
        } else if (std::regex_search(line, m, text)) {
            last_label = m[1];
        }
    }
    return out;
}

// One Scene through the window's path (MapApp's colour table after its fade, and its
// legend counts) and the export's path (the engine writing an SVG): a highlighted status
// dims the others, exactly the highlighted status's countries dated only to the month or
// year are striped, and the legend counts are the same, in both.
TEST_F(MapAppHarness, WindowAndExportPaintTheSameScene) {
    const std::string date = "2025-07-15";
    const std::string status = "contacted";
    app_->apply_actions(parse_actions("date:" + date + ";hover-legend:" + status), *world_);
    for (int i = 0; i < 120; ++i) frame(kW - 20.0f, kH * 0.5f, false);  // the fade ends
    const std::vector<Color>& window = app_->colors();
    ASSERT_EQ(window.size(), world_->countries.size());

    const std::string dir = test::scratch().string();
    exporter::ExportRequest request;
    request.params.out = dir + "/same.svg";
    request.params.date = date;
    request.params.highlight_status = status;
    const exporter::ExportOutcome outcome = exporter::run_export(request);
    ASSERT_TRUE(outcome.ok()) << outcome.failure->message;
    const SvgPaint svg = read_svg_paint(request.params.out);

    std::set<std::string> striped_window;
    size_t compared = 0;
    for (size_t i = 0; i < window.size(); ++i) {
        const std::string& iso3 = world_->countries[i].iso3;
        if (window[i].a == kApproximateAlpha) striped_window.insert(iso3);
        const auto it = svg.fill_of.find(iso3);
        if (it == svg.fill_of.end()) continue;
        char hex[8];
        std::snprintf(hex, sizeof hex, "#%02x%02x%02x", window[i].r, window[i].g, window[i].b);
        EXPECT_EQ(it->second, hex) << iso3;
        ++compared;
    }
    EXPECT_GT(compared, 150u);
    EXPECT_FALSE(striped_window.empty()) << "the date should have approximate '" << status << "' countries";
    EXPECT_EQ(striped_window, svg.striped);

    const json legend = state()["legend"];
    const data::StatusTable& table = app_->data().timeline().statuses();
    for (const data::StatusIndex s : table.legend()) {
        const data::Status& st = table[static_cast<size_t>(s)];
        ASSERT_TRUE(svg.legend.count(st.label)) << st.label;
        EXPECT_EQ(svg.legend.at(st.label), legend[st.key].get<int>()) << st.key;
    }
}

TEST_F(MapAppHarness, FrameCostOnTheCpu) {
    app_->apply_actions(parse_actions("select:RWA;hover-legend:receiving"), *world_);
    for (int i = 0; i < 5; ++i) frame(640, 360, false);
    const auto t0 = std::chrono::steady_clock::now();
    const int n = 100;
    for (int i = 0; i < n; ++i) frame(640.0f + static_cast<float>(i % 7), 360, false);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / n;
    std::printf("MapApp frame (panels, picking, ImGui, no GL): %.3f ms\n", ms);
    EXPECT_LT(ms, 16.0);
}

// Story editing (issue 11) through MapApp: F6 opens the Story panel; selecting a step shows
// it (its date, the camera flying to its focus); the presenter follows the edits; the file
// watcher keeps unsaved edits when the file changes on disk (with a message), ignores our
// own save, and reloads an outside change once the edits are saved, keeping the selection.
TEST_F(MapAppHarness, StoryEditsTheFileWatcherAndThePresenter) {
    const std::filesystem::path dir = test::fresh_scratch_dir("story");
    const std::string path = (dir / "talk.toml").string();
    auto write_story = [&](const std::string& second_caption) {
        std::ofstream(path, std::ios::binary | std::ios::trunc)
            << "[[step]]\ndate = \"2025-03-12\"\ncaption = \"one\"\n\n[[step]]\ndate = \"2025-04\"\nfocus = [\"RWA\"]\n"
               "caption = \"" << second_caption << "\"\n\n[[step]]\ndate = \"2025-07-15\"\ncaption = \"three\"\n";
        // A time stamp clearly after the last one, whatever the file system's resolution.
        static int bump = 0;
        std::filesystem::last_write_time(path, std::filesystem::file_time_type::clock::now() +
                                                   std::chrono::seconds(10 * ++bump));
    };
    write_story("two");
    app_->load_story(path);
    frame(640, 360, false, GLFW_KEY_F6);
    EXPECT_EQ(state()["story"]["open"], true);
    app_->apply_actions(parse_actions("story-select:2;story-caption:Mine"), *world_);
    for (int i = 0; i < 60; ++i) frame(640, 360, false);  // the flight to Rwanda takes 0.6 s
    json st = state()["story"];
    EXPECT_EQ(st["selected"], 2);
    EXPECT_EQ(st["dirty"], true);
    EXPECT_EQ(state()["date"], "2025-04-30");  // the step's month, as the presenter shows it
    EXPECT_GT(state()["camera"]["zoom"].get<double>(), 2.0);  // framed on Rwanda
    EXPECT_EQ(app_->presenter().story().steps.at(1).caption, "Mine");

    // Changed on disk while there are unsaved edits: the edits stay, a message says so (once).
    write_story("theirs");
    EXPECT_FALSE(app_->poll_files(now_ + 1.0));
    EXPECT_FALSE(app_->poll_files(now_ + 2.0));
    st = state()["story"];
    EXPECT_EQ(st["steps"][1]["caption"], "Mine");
    EXPECT_EQ(st["dirty"], true);
    const std::vector<std::string> messages = state()["messages"];
    ASSERT_EQ(messages.size(), 1u);
    EXPECT_NE(messages[0].find("changed on disk; the unsaved edits in the Story panel are kept"), std::string::npos);

    // Our own save is no outside change: no reload, no message, the selection stays.
    app_->apply_actions(parse_actions("story-save"), *world_);
    frame(640, 360, false);
    EXPECT_EQ(state()["story"]["dirty"], false);
    EXPECT_NE(test::slurp(path).find("caption = \"Mine\""), std::string::npos);
    EXPECT_FALSE(app_->poll_files(now_ + 3.0));
    EXPECT_EQ(state()["messages"].size(), 1u);
    EXPECT_EQ(state()["story"]["selected"], 2);

    // An outside change with nothing unsaved reloads, on the same step.
    write_story("from the editor");
    EXPECT_TRUE(app_->poll_files(now_ + 4.0));
    frame(640, 360, false);
    st = state()["story"];
    EXPECT_EQ(st["steps"][1]["caption"], "from the editor");
    EXPECT_EQ(st["selected"], 2);
    EXPECT_EQ(st["dirty"], false);
    EXPECT_EQ(app_->presenter().story().steps.at(1).caption, "from the editor");
}

}  // namespace
}  // namespace deportmap::ui
