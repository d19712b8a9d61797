// The Export dialog's command: the argument vector built from the window's state
// (date, projection, theme, visible area, files; the selection, hidden and highlighted
// statuses, labels and markers), the camera -> lon/lat bounds rule, and the argv run
// through the real binary headless (platform::ChildProcess, as the dialog does) to a
// PNG of the asked size whose sidecar records the view's options; a bad folder gives a
// one-line error. Also the whole chain in the real window on a private virtual X
// server (tests/support/xserver_run.sh; skipped without Xvfb and xauth): scripted
// selection, hidden status and labels, then the dialog's export.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "core/data/date.hpp"
#include "platform/child_process.hpp"
#include "run_binary.hpp"
#include "scratch.hpp"
#include "export/frame_writer.hpp"
#include "ui/export_command.hpp"

namespace dm = deportmap;
namespace ui = deportmap::ui;

namespace {

// The value after `opt` in argv, or "<absent>".
std::string value_of(const std::vector<std::string>& argv, const std::string& opt) {
    const auto it = std::find(argv.begin(), argv.end(), opt);
    if (it == argv.end() || it + 1 == argv.end()) return "<absent>";
    return *(it + 1);
}

bool has(const std::vector<std::string>& argv, const std::string& opt) {
    return std::find(argv.begin(), argv.end(), opt) != argv.end();
}

ui::ExportRequest sample_request() {
    ui::ExportRequest r;
    r.out = "/tmp/x.png";
    r.preset = "social";
    r.date = dm::data::days_from_civil(2025, 7, 1);
    r.projection = dm::geo::ProjectionKind::Robinson;
    r.theme = dm::Theme::Dark;
    r.bounds = std::array<double, 4>{-20.5, 30.25, 45.0, 72.125};
    r.title = "My title";
    r.subtitle = "";
    r.transparent = true;
    r.strong_sources = true;
    r.inputs.data_files = {"a.csv", "b.xlsx"};
    r.inputs.statuses_path = "st.csv";
    return r;
}

// A small World (iso3 codes only) for the scene -> options rule.
dm::geo::World three_countries() {
    dm::geo::World world;
    for (const char* code : {"MEX", "GTM", "SLV"}) {
        dm::geo::Country c;
        c.iso3 = code;
        c.name = code;
        world.countries.push_back(c);
    }
    return world;
}

// Width and height from a PNG's IHDR chunk; {0, 0} when not a PNG.
std::pair<int, int> png_size(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    unsigned char h[24] = {};
    in.read(reinterpret_cast<char*>(h), sizeof h);
    if (!in || h[1] != 'P' || h[2] != 'N' || h[3] != 'G') return {0, 0};
    auto be = [&](int o) { return (h[o] << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3]; };
    return {be(16), be(20)};
}

// None of the options that carry the view's selection, highlights, labels or markers.
void expect_no_view_options(const std::vector<std::string>& argv) {
    for (const char* option : {"--labels", "--no-markers", "--highlight", "--hide-status",
                               "--highlight-status"}) {
        EXPECT_FALSE(has(argv, option)) << option;
    }
}

}  // namespace


TEST(ExportDialog, ArgvCarriesTheView) {
    const std::vector<std::string> a = ui::build_export_argv(sample_request());
    ASSERT_FALSE(a.empty());
    EXPECT_EQ(a.front(), "export");
    EXPECT_EQ(value_of(a, "--out"), "/tmp/x.png");
    EXPECT_EQ(value_of(a, "--preset"), "social");
    EXPECT_FALSE(has(a, "--width"));
    EXPECT_EQ(value_of(a, "--date"), "2025-07-01");
    EXPECT_EQ(value_of(a, "--projection"), "robinson");
    EXPECT_EQ(value_of(a, "--theme"), "dark");
    EXPECT_EQ(value_of(a, "--bounds"), "-20.5000,30.2500,45.0000,72.1250");
    EXPECT_EQ(value_of(a, "--title"), "My title");
    EXPECT_FALSE(has(a, "--subtitle"));  // empty in the dialog: the command line's default
    EXPECT_FALSE(has(a, "--source"));    // empty: the exporter's default
    EXPECT_TRUE(has(a, "--transparent"));
    EXPECT_EQ(value_of(a, "--sources"), "strong");  // the dialog's "leave out weak facts"
    EXPECT_EQ(std::count(a.begin(), a.end(), std::string("--data")), 2);
    EXPECT_EQ(value_of(a, "--statuses"), "st.csv");
    EXPECT_FALSE(has(a, "--boundaries"));
    // Defaults of the view's options add nothing.
    expect_no_view_options(a);
}

// The dialog's defaults are the command line's: empty title fields give the exporter's
// own title and subtitle; "leave them out" passes empty ones.
TEST(ExportDialog, TitlesDefaultAsOnTheCommandLine) {
    ui::ExportRequest r = sample_request();
    r.title.clear();
    std::vector<std::string> a = ui::build_export_argv(r);
    EXPECT_FALSE(has(a, "--title"));
    EXPECT_FALSE(has(a, "--subtitle"));
    r.title = "Mine";
    r.no_titles = true;
    a = ui::build_export_argv(r);
    EXPECT_EQ(value_of(a, "--title"), "");
    EXPECT_EQ(value_of(a, "--subtitle"), "");
    EXPECT_EQ(dm::exporter::default_title(true), "Where the U.S. has sought to send deportees who are not citizens");
    EXPECT_EQ(dm::exporter::default_title(false), "");
    EXPECT_NE(dm::exporter::default_subtitle(true, *dm::data::parse_date("2025-07-01")).find("on 1 July 2025"),
              std::string::npos);
}

// The window's pattern switch reaches the file (--patterns), off adds nothing.
TEST(ExportDialog, PatternsCarryOver) {
    const dm::geo::World world = three_countries();
    const dm::data::StatusTable table = dm::data::StatusTable::load_default();
    dm::Scene scene;
    ui::ExportRequest r = sample_request();
    ui::view_options_from_scene(r, scene, world, table);
    EXPECT_FALSE(has(ui::build_export_argv(r), "--patterns"));
    scene.patterns = true;
    ui::view_options_from_scene(r, scene, world, table);
    EXPECT_TRUE(has(ui::build_export_argv(r), "--patterns"));
}

TEST(ExportDialog, SelectionHighlightsAndLabelsCarryOver) {
    const dm::geo::World world = three_countries();
    const dm::data::StatusTable table = dm::data::StatusTable::load_default();
    dm::Scene scene;
    scene.selected = 1;  // GTM: outlined, as the window outlines the selection
    scene.hidden_statuses.assign(table.size(), false);
    const dm::data::StatusIndex declined = table.find("declined");
    const dm::data::StatusIndex contacted = table.find("contacted");
    const dm::data::StatusIndex receiving = table.find("receiving");
    ASSERT_NE(declined, dm::data::kNoStatus);
    ASSERT_NE(contacted, dm::data::kNoStatus);
    ASSERT_NE(receiving, dm::data::kNoStatus);
    scene.hidden_statuses[static_cast<size_t>(declined)] = true;
    scene.hidden_statuses[static_cast<size_t>(contacted)] = true;
    scene.highlighted_status = receiving;
    scene.labels = true;
    scene.markers = false;
    ui::ExportRequest r = sample_request();
    ui::view_options_from_scene(r, scene, world, table);
    const std::vector<std::string> a = ui::build_export_argv(r);
    EXPECT_TRUE(has(a, "--labels"));
    EXPECT_TRUE(has(a, "--no-markers"));
    EXPECT_EQ(value_of(a, "--highlight"), "GTM");
    // Legend (table) order, comma-separated.
    const std::string hidden = value_of(a, "--hide-status");
    EXPECT_TRUE(hidden == "contacted,declined" || hidden == "declined,contacted") << hidden;
    EXPECT_EQ(hidden.find(','), hidden.rfind(','));
    EXPECT_EQ(value_of(a, "--highlight-status"), "receiving");

    // Nothing selected, nothing hidden or highlighted, labels off: back to the defaults;
    // indices beyond the world or the table are ignored.
    scene.selected = 7;
    scene.hidden_statuses.assign(table.size(), false);
    scene.highlighted_status = 99;
    scene.labels = false;
    scene.markers = true;
    ui::view_options_from_scene(r, scene, world, table);
    const std::vector<std::string> b = ui::build_export_argv(r);
    expect_no_view_options(b);
}

TEST(ExportDialog, CustomSizeWholeWorldAndSource) {
    ui::ExportRequest r = sample_request();
    r.preset.clear();
    r.width = 640;
    r.height = 400;
    r.bounds.reset();
    r.transparent = false;
    r.strong_sources = false;
    r.source = "Source: us";
    r.inputs.boundaries_path = "b.gpkg";
    r.inputs.id_field = "ISO";
    const std::vector<std::string> a = ui::build_export_argv(r);
    EXPECT_FALSE(has(a, "--preset"));
    EXPECT_EQ(value_of(a, "--width"), "640");
    EXPECT_EQ(value_of(a, "--height"), "400");
    EXPECT_FALSE(has(a, "--bounds"));
    EXPECT_FALSE(has(a, "--focus"));
    EXPECT_FALSE(has(a, "--transparent"));
    EXPECT_FALSE(has(a, "--sources"));  // all, the default
    EXPECT_EQ(value_of(a, "--source"), "Source: us");
    EXPECT_EQ(value_of(a, "--boundaries"), "b.gpkg");
    EXPECT_EQ(value_of(a, "--id-field"), "ISO");
    EXPECT_FALSE(has(a, "--name-field"));
}

TEST(ExportDialog, VisibleBoundsFollowTheCamera) {
    const dm::geo::Projector proj(dm::geo::ProjectionKind::EqualEarth);
    const dm::geo::BBox world = proj.world_bounds();
    dm::Camera home;
    home.center = world.center();
    home.zoom = 1.0;
    EXPECT_FALSE(ui::visible_lonlat_bounds(home, world, 1280, 720, proj).has_value());

    dm::Camera europe;
    europe.center = proj.forward(dm::geo::Vec2{10.0, 50.0});
    europe.zoom = 8.0;
    const auto b = ui::visible_lonlat_bounds(europe, world, 1280, 720, proj);
    ASSERT_TRUE(b.has_value());
    EXPECT_LT((*b)[0], 10.0);
    EXPECT_GT((*b)[2], 10.0);
    EXPECT_LT((*b)[1], 50.0);
    EXPECT_GT((*b)[3], 50.0);
    // Zoom 8 shows about an eighth of the world's width (wider at 50 degrees north,
    // where Equal Earth's meridians converge); twice the zoom, about half the span.
    const double span8 = (*b)[2] - (*b)[0];
    EXPECT_GT(span8, 30.0);
    EXPECT_LT(span8, 90.0);
    europe.zoom = 16.0;
    const auto b16 = ui::visible_lonlat_bounds(europe, world, 1280, 720, proj);
    ASSERT_TRUE(b16.has_value());
    EXPECT_NEAR(((*b16)[2] - (*b16)[0]) / span8, 0.5, 0.1);
}

TEST(ExportDialog, DefaultName) {
    EXPECT_EQ(ui::default_export_name(dm::data::days_from_civil(2025, 3, 9), "png"),
              "deportmap-2025-03-09.png");
    EXPECT_EQ(ui::default_export_name(dm::data::days_from_civil(2025, 3, 9), "svg"),
              "deportmap-2025-03-09.svg");
}

// The dialog's argv through the real program, headless, as the dialog runs it.
TEST(ExportDialog, ArgvRunsThroughTheBinary) {
    const std::filesystem::path dir = dm::test::scratch();
    ui::ExportRequest r = sample_request();
    r.out = (dir / "view.png").string();
    r.preset.clear();
    r.width = 480;
    r.height = 270;
    r.inputs = {};  // bundled data
    // The view's options as the dialog passes them (selection, hidden and highlighted
    // statuses, labels): the exporter accepts them and records them in the sidecar.
    r.labels = true;
    r.highlight = {"MEX"};
    r.hide_status = {"declined"};
    r.highlight_status = "receiving";
    std::vector<std::string> argv = ui::build_export_argv(r);
    argv.insert(argv.begin(), "deportmap");
    dm::platform::ChildProcess child;
    std::string error;
    ASSERT_TRUE(child.start(DEPORTMAP_BINARY, argv, error)) << error;
    const auto done = child.wait();
    ASSERT_TRUE(done.has_value());
    EXPECT_EQ(done->exit_code, 0) << done->stderr_text;
    EXPECT_EQ(png_size(r.out), std::make_pair(480, 270));
    ASSERT_TRUE(std::filesystem::exists(r.out + ".json"));
    std::ifstream sidecar(r.out + ".json");
    const std::string json((std::istreambuf_iterator<char>(sidecar)), std::istreambuf_iterator<char>());
    EXPECT_NE(json.find("\"labels\": true"), std::string::npos) << json;
    EXPECT_NE(json.find("\"highlight\": [\n      \"MEX\"\n    ]"), std::string::npos) << json;
    EXPECT_NE(json.find("\"hide_status\": [\n      \"declined\"\n    ]"), std::string::npos) << json;
    EXPECT_NE(json.find("\"highlight_status\": \"receiving\""), std::string::npos) << json;

    // A folder that does not exist: non-zero exit and one line on stderr naming it.
    r.out = (dir / "missing" / "x.png").string();
    argv = ui::build_export_argv(r);
    argv.insert(argv.begin(), "deportmap");
    ASSERT_TRUE(child.start(DEPORTMAP_BINARY, argv, error)) << error;
    const auto failed = child.wait();
    ASSERT_TRUE(failed.has_value());
    EXPECT_NE(failed->exit_code, 0);
    EXPECT_NE(failed->stderr_text.find("missing"), std::string::npos) << failed->stderr_text;
    EXPECT_FALSE(std::filesystem::exists(r.out));
}

// The window program under its own X server (tests/support/xserver_run.sh) with its own
// config folder, so no saved settings are read or written; stderr merged into out.
static dm::test::RunResult run_window(const std::filesystem::path& dir, const std::vector<std::string>& args,
                               const std::vector<std::string>& env = {}) {
    dm::test::RunOptions options;
    options.env = {"XDG_CONFIG_HOME=" + (dir / "config").string()};
    options.env.insert(options.env.end(), env.begin(), env.end());
    options.merge_stderr = true;
    std::vector<std::string> argv = {DEPORTMAP_XSERVER_RUN, "--screen", "1280x800x24", DEPORTMAP_BINARY};
    argv.insert(argv.end(), args.begin(), args.end());
    return dm::test::run_binary(argv, options);
}

// The window's view (a selection, a hidden status, labels on) through the dialog's
// scripted export: the sidecar of the file records them, so the file shows them.
TEST(ExportDialog, WindowViewReachesTheFile) {
    if (!dm::test::on_path("Xvfb") || !dm::test::on_path("xauth")) {
        GTEST_SKIP() << "Xvfb or xauth is not installed";
    }
    const std::filesystem::path dir = dm::test::scratch();
    const std::string out = (dir / "view.png").string();
    const dm::test::RunResult run = run_window(dir, {"--frames", "4", "--size", "1024x640", "--date", "2025-07-01",
                                                     "--actions", "select:MEX;hide:declined;labels;export:" + out});
    const std::string& log_text = run.out;
    // A server that fails to start fails the test.
    ASSERT_EQ(run.exit_code, 0) << run.how_it_ended() << ": " << log_text;
    ASSERT_TRUE(std::filesystem::exists(out)) << log_text;  // the window waits for the export
    std::ifstream sidecar(out + ".json");
    const std::string json((std::istreambuf_iterator<char>(sidecar)), std::istreambuf_iterator<char>());
    EXPECT_NE(json.find("\"labels\": true"), std::string::npos) << json;
    EXPECT_NE(json.find("\"highlight\": [\n      \"MEX\"\n    ]"), std::string::npos) << json;
    EXPECT_NE(json.find("\"hide_status\": [\n      \"declined\"\n    ]"), std::string::npos) << json;
    EXPECT_NE(json.find("\"highlight_status\": \"\""), std::string::npos)
        << json;  // nothing hovered
}

// A scripted export after a fly-to waits until the camera has arrived: the file shows
// the country the script flew to, not the world the window opened on.
TEST(ExportDialog, ScriptedExportWaitsForTheFlyTo) {
    if (!dm::test::on_path("Xvfb") || !dm::test::on_path("xauth")) {
        GTEST_SKIP() << "Xvfb or xauth is not installed";
    }
    const std::filesystem::path dir = dm::test::scratch();
    const std::string out = (dir / "flown.png").string();
    // Two frames are asked for; the flight takes longer, and the export waits for it.
    const dm::test::RunResult run = run_window(dir, {"--frames", "2", "--size", "1024x640", "--date", "2025-07-01",
                                                     "--actions", "fly:Rwanda;export:" + out});
    ASSERT_EQ(run.exit_code, 0) << run.how_it_ended() << ": " << run.out;
    ASSERT_TRUE(std::filesystem::exists(out + ".json")) << run.out;
    std::ifstream sidecar(out + ".json");
    const nlohmann::json j = nlohmann::json::parse(sidecar);
    const nlohmann::json& bounds = j["parameters"]["bounds"];
    ASSERT_TRUE(bounds.is_array() && bounds.size() == 4) << j.dump(2);
    const double min_lon = bounds[0], min_lat = bounds[1], max_lon = bounds[2], max_lat = bounds[3];
    // Rwanda (about 29-31 E, 1-3 S) is inside, and the view is a region, not the world.
    EXPECT_LT(min_lon, 29.0);
    EXPECT_GT(max_lon, 31.0);
    EXPECT_LT(min_lat, -3.0);
    EXPECT_GT(max_lat, -1.0);
    EXPECT_LT(max_lon - min_lon, 60.0) << j["parameters"].dump();
}

// The dialog's preview is the real page: an export of the same request at a small scale,
// rendered in the background and shown as a picture (issue 15). A scripted run waits
// for it; its size follows the page (480 px on the longer side).
TEST(ExportDialog, PreviewIsARealThumbnailOfThePage) {
    if (!dm::test::on_path("Xvfb") || !dm::test::on_path("xauth")) {
        GTEST_SKIP() << "Xvfb or xauth is not installed";
    }
    const std::filesystem::path dir = dm::test::scratch();
    const std::string state = (dir / "state.json").string();
    const dm::test::RunResult run = run_window(dir,
                                               {"--frames", "2", "--size", "1280x800", "--date", "2025-07-15",
                                                "--actions", "open-export", "--dump-state", state},
                                               {"TMPDIR=" + dir.string()});
    ASSERT_EQ(run.exit_code, 0) << run.how_it_ended() << ": " << run.out;
    std::ifstream in(state);
    const nlohmann::json j = nlohmann::json::parse(in);
    EXPECT_EQ(j["export_open"], true);
    EXPECT_EQ(j["export_thumbnail"]["state"], "ready") << j["export_thumbnail"].dump();
    EXPECT_EQ(j["export_thumbnail"]["width"], 480);   // 1080p: 1920 x 1080 at a quarter
    EXPECT_EQ(j["export_thumbnail"]["height"], 270);
    // The private folder it used is gone when the window has closed.
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        EXPECT_EQ(entry.path().filename().string().rfind("deportmap-preview-", 0), std::string::npos)
            << entry.path() << " was left behind";
    }
}
