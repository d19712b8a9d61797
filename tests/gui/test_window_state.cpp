// Drives the real window on a private virtual X server (tests/support/xserver_run.sh)
// with scripted actions (select a country, step the timeline, hover a legend entry,
// hide a status, switch theme) and asserts on the UI state it dumps after the last
// frame (--dump-state): the selection, the date, the legend's counts and hovered
// entry, and the detail panel's status and "since", and a fly-to on the orthographic
// globe turning it to the country. The expected values come from the core timeline,
// so the test follows the bundled data.
// Skipped when Xvfb or xauth is not installed.
#include <array>
#include <algorithm>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/data/date.hpp"
#include "run_binary.hpp"
#include "scratch.hpp"
#include "ui/app_data.hpp"
#include "ui/timeline_panel.hpp"

namespace deportmap::ui {
namespace {

using nlohmann::json;

using Args = std::vector<std::string>;

bool have_xvfb() { return test::on_path("Xvfb") && test::on_path("xauth"); }

struct WindowRun {
    int code = -1;
    std::string output;
    json state;
    int beside_code = -1;  // the exit status of the program run beside the window, if any
};

// Runs the window for a few frames with `args` and reads the dumped state. With `beside`,
// that program runs under the same X server while the window runs (gui_xdnd_drop
// dropping a file, gui_xkey_send pressing keys), its exit status in beside_code.
WindowRun run_window(const std::string& name, const Args& args, int frames = 4, const Args& beside = {},
                     const std::string& screen = "1280x800x24") {
    const std::filesystem::path dir = test::fresh_scratch_dir(name);
    const std::string state = (dir / "state.json").string();
    const std::string beside_rc = (dir / "beside.rc").string();
    Args window = {DEPORTMAP_BINARY, "--frames", std::to_string(frames), "--size", "1024x640",
                   "--dump-state",   state};
    window.insert(window.end(), args.begin(), args.end());
    // The runner gives the command its own X server and display number, so tests run in
    // parallel without a lock; a server that fails to start is a failure, not retried.
    Args command = {DEPORTMAP_XSERVER_RUN, "--screen", screen};
    if (!beside.empty()) {
        // Two programs under the one X server, the window in the background and the other
        // beside it: the one place a test needs a shell. The script's status is the
        // window's; the other's is written to beside.rc. Everything reaches the script as
        // its arguments (the other program's first, counted), so nothing is quoted.
        const Args shell = {"bash", "-c",
                            "rc=$1 n=$2; shift 2; other=(\"${@:1:n}\"); shift \"$n\"; "
                            "\"$@\" & p=$!; \"${other[@]}\"; echo $? >\"$rc\"; wait $p",
                            "bash", beside_rc, std::to_string(beside.size())};
        command.insert(command.end(), shell.begin(), shell.end());
        command.insert(command.end(), beside.begin(), beside.end());
    }
    command.insert(command.end(), window.begin(), window.end());
    test::RunOptions options;
    // Its own config folder: the test never reads or writes the user's settings.
    options.env = {"XDG_CONFIG_HOME=" + (dir / "config").string()};
    options.merge_stderr = true;
    const test::RunResult run = test::run_binary(command, options);
    WindowRun r;
    r.code = run.exit_code;
    r.output = run.out;
    if (run.exit_code < 0) r.output += "\n[" + run.how_it_ended() + "]";
    std::ifstream in(state);
    if (in) r.state = json::parse(in, nullptr, false);
    if (!beside.empty()) {
        std::ifstream rc(beside_rc);
        int code = -1;
        rc >> code;
        r.beside_code = code;
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "config" / "deportmap" / "settings.json"))
        << "a scripted run wrote settings";
    return r;
}

class WindowState : public testing::Test {
protected:
    void SetUp() override {
        if (!have_xvfb()) GTEST_SKIP() << "Xvfb or xauth is not installed";
    }
    static void SetUpTestSuite() { data_ = new AppData({}, ""); }
    static void TearDownTestSuite() {
        delete data_;
        data_ = nullptr;
    }
    static AppData* data_;
};
AppData* WindowState::data_ = nullptr;

TEST_F(WindowState, SelectStepAndHoverLegend) {
    const data::Timeline& t = data_->timeline();
    const data::Day start = data::days_from_civil(2025, 4, 1);
    const data::Day expected_day = step_event_day(t.event_days(), start, 1);
    ASSERT_NE(expected_day, start);

    const WindowRun r = run_window("select", {"--date", "2025-04-01", "--actions",
                                              "select:RWA;step:+1;hover-legend:receiving"});
    ASSERT_EQ(r.code, 0) << r.output;
    ASSERT_TRUE(r.state.is_object()) << r.output;
    const json& s = r.state;
    EXPECT_EQ(s["selected"], "RWA");
    EXPECT_EQ(s["date"], data::civil_from_days(expected_day).iso());
    EXPECT_EQ(s["hovered_legend"], "receiving");
    EXPECT_EQ(s["highlighted_status"], "receiving");
    // A first start shows no developer readout (F4 turns it on).
    EXPECT_EQ(s["panels"]["overlay"], false);

    // Legend counts are the timeline's counts on that day.
    std::vector<int> counts;
    t.counts_at(expected_day, counts);
    const data::StatusTable& table = t.statuses();
    for (size_t i = 0; i < table.size(); ++i) {
        EXPECT_EQ(s["legend"][table[i].key], counts[i]) << table[i].key;
    }
    // The detail panel: Rwanda's status and since on that day.
    const int rwa = data_->countries().find_iso3("RWA");
    const data::CountryState st = t.state_at(rwa, expected_day);
    ASSERT_NE(st.status, data::kNoStatus);
    EXPECT_EQ(s["details"]["iso3"], "RWA");
    EXPECT_EQ(s["details"]["status"], table[static_cast<size_t>(st.status)].key);
    EXPECT_EQ(s["details"]["since"],
              data::format_date(t.events()[static_cast<size_t>(st.since_event)].date));
    EXPECT_EQ(s["details"]["history"], static_cast<int>(t.country_events(rwa).size()));
    EXPECT_EQ(s["countries_named"], t.countries_named().size());
}

TEST_F(WindowState, PrecisionAwareSinceHiddenStatusAndDarkTheme) {
    // Rwanda received deportees "April 2025" (month precision): since says so.
    const WindowRun r = run_window("dark", {"--date", "2025-07-01", "--select", "Rwanda", "--theme",
                                            "dark", "--actions", "hide:declined"});
    ASSERT_EQ(r.code, 0) << r.output;
    const json& s = r.state;
    EXPECT_EQ(s["date"], "2025-07-01");
    EXPECT_EQ(s["theme"], "dark");
    EXPECT_EQ(s["details"]["status"], "receiving");
    EXPECT_EQ(s["details"]["since"], "April 2025");
    EXPECT_EQ(s["hidden"], json::array({"declined"}));
    EXPECT_TRUE(s["hovered_legend"].is_null());
}

TEST_F(WindowState, ClearActionDropsTheSelection) {
    const WindowRun r = run_window("clear", {"--select", "PER", "--actions", "clear"});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_TRUE(r.state["selected"].is_null());
    EXPECT_TRUE(r.state["details"].is_null());
}

TEST_F(WindowState, BadScriptAndUnknownCountryAreUsageErrors) {
    WindowRun r = run_window("badaction", {"--actions", "jump:3"});
    EXPECT_EQ(r.code, 2) << r.output;
    EXPECT_NE(r.output.find("unknown step 'jump:3'"), std::string::npos) << r.output;
    r = run_window("badselect", {"--select", "Nambia"});
    EXPECT_EQ(r.code, 2) << r.output;
    EXPECT_NE(r.output.find("--select"), std::string::npos) << r.output;
    EXPECT_NE(r.output.find("Namibia"), std::string::npos) << r.output;
}

TEST_F(WindowState, BadRowsAreProblemsAndGoodRowsLoad) {
    const std::string fixture = std::string(DEPORTMAP_TEST_FIXTURES) + "/data/events_bad.csv";
    const WindowRun r =
        run_window("problems", {"--data", fixture, "--date", "2025-12-31", "--select", "XKX"});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_GT(r.state["problems"].get<int>(), 0);
    EXPECT_EQ(r.state["details"]["status"], "agreed");  // Kosovo's good row loaded
    EXPECT_NE(r.output.find("events_bad.csv:"), std::string::npos) << r.output;
}

TEST_F(WindowState, DetailsMarkAWeaklySourcedFactAndTheDataSaysWhereItEnds) {
    // Angola's status on 10 May 2025 rests on two reposts of one CBS story (weak).
    const WindowRun r = run_window("weak", {"--date", "2025-05-10", "--select", "AGO"});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_EQ(r.state["details"]["status"], "contacted");
    EXPECT_EQ(r.state["details"]["weak_only"], true);
    EXPECT_EQ(r.state["details"]["sources"], 2);
    EXPECT_EQ(r.state["data_through"], "2026-05-17");
    const std::string headline = r.state["headline"];
    EXPECT_NE(headline.find("of them rest only on weak sources."), std::string::npos) << headline;
    // The bundled data's weak facts are warnings, not problems, and not printed.
    EXPECT_EQ(r.state["problems"], 0);
    EXPECT_GT(r.state["warnings"].get<int>(), 0);
    EXPECT_EQ(r.output.find("warning:"), std::string::npos) << r.output;
    // Kosovo's agreement has a strong source.
    const WindowRun k = run_window("strong", {"--date", "2025-07-01", "--select", "XKX"});
    ASSERT_EQ(k.code, 0) << k.output;
    EXPECT_EQ(k.state["details"]["weak_only"], false);
}

TEST_F(WindowState, DroppedEventsFileIsLoaded) {
    // The real drag and drop: gui_xdnd_drop drops the file onto the running window through
    // XDND, as a file manager would; GLFW hands it to the window, which loads it like
    // --data: its bad rows become problems, its good rows events.
    const WindowRun plain = run_window("nodrop", {"--date", "2025-12-31"});
    ASSERT_EQ(plain.code, 0) << plain.output;
    ASSERT_EQ(plain.state["problems"].get<int>(), 0) << "the bundled data has no problems";
    const std::string fixture = std::string(DEPORTMAP_TEST_FIXTURES) + "/data/events_bad.csv";
    const WindowRun r = run_window("drop", {"--date", "2025-12-31"}, 400, {XDND_DROP_BINARY, fixture, "30"});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_EQ(r.beside_code, 0) << "the drop did not finish: " << r.output;
    EXPECT_GT(r.state["problems"].get<int>(), 0) << r.output;
}

// Whether `line` is one of the dumped messages (the window's or the data's).
bool has_message(const json& state, const std::string& line) {
    for (const char* list : {"messages", "data_messages"}) {
        for (const json& m : state[list]) {
            if (m.is_string() && m.get<std::string>() == line) return true;
        }
    }
    return false;
}

TEST_F(WindowState, HostileDropsAreReportedAndLeaveTheMapWorking) {
    // Files someone might send, dropped one after another onto the running window through
    // XDND (issue 16's catalogue, the drop entry point): each is refused or its bad rows
    // reported with a message naming the file, the window keeps running on its last good
    // data, and the files after a refused one, the good one last, still load (a refused
    // file is not kept in the list of files in use: format.csv, which loads, comes first). The window is closed as a close button does, after the drops.
    const std::filesystem::path dir = test::fresh_scratch_dir("hostile_files");
    std::string noise(4096, '\0');
    uint32_t x = 16;
    for (char& c : noise) c = static_cast<char>((x = x * 1664525u + 1013904223u) >> 24);
    noise[0] = static_cast<char>(0xB3);
    const std::string header =
        "country_name,iso3,date,status,deportees,payment_usd,summary,source_url,source_publisher,source_date\n";
    struct Drop {
        std::string name, bytes, message;  // in message, {F} is the file's path
    };
    const std::vector<Drop> drops = {
        {"format.csv", header + "%s%n%x,%s%n%x,2025-04-01,agreed,,,%s%n%x,https://example.org/a,%s,\n",
         "{F}:2: iso3: unknown country code '%s%n%x'"},
        {"empty.csv", "", "{F}: empty file: no header line (keeping the last good data)"},
        {"random.csv", noise, "{F}:1: header: invalid UTF-8 (byte 0xB3 at character 1) (keeping the last good data)"},
        {"random.xlsx", noise, "{F}: cannot read: not a table GDAL can read (keeping the last good data)"},
        {"random.gpkg", noise, "{F}: cannot read boundaries: `{F}' not recognized as a supported file format"},
        {"noid.geojson",
         R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"colour":"red"},)"
         R"("geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,0]]]}}]})",
         "{F}: layer 'noid' has no country id field (looked for ISO_A3, ADM0_A3, iso3, id, ...; fields: colour); "
         "name one with --id-field"},
        {"picture.png", noise,
         "{F}: not an events table (CSV, XLSX, ODS) or a boundaries file (GeoPackage, Shapefile, GeoJSON)"},
    };
    Args beside = {"bash", "-c",
                   "drop=$1 keys=$2; shift 2; for f; do \"$drop\" \"$f\" 30 || exit 1; done; "
                   "\"$keys\" 'Equal Earth' '' '' 'Equal Earth' 30",
                   "bash", XDND_DROP_BINARY, XKEY_SEND_BINARY};
    for (const Drop& d : drops) {
        test::write_file(dir / d.name, d.bytes);
        beside.push_back((dir / d.name).string());
    }
    const std::string good = std::string(DEPORTMAP_TEST_FIXTURES) + "/data/events_bad.csv";
    beside.push_back(good);
    const WindowRun only_good = run_window("good_drop", {"--date", "2025-12-31"}, 400, {XDND_DROP_BINARY, good, "30"});
    ASSERT_EQ(only_good.code, 0) << only_good.output;
    const WindowRun r = run_window("hostile_drops", {"--date", "2025-12-31"}, 1000000, beside);
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_EQ(r.beside_code, 0) << "a drop did not finish: " << r.output;
    ASSERT_TRUE(r.state.is_object()) << r.output;
    for (const Drop& d : drops) {
        std::string want = d.message;
        for (size_t at; (at = want.find("{F}")) != std::string::npos;) want.replace(at, 3, (dir / d.name).string());
        EXPECT_TRUE(has_message(r.state, want) || r.output.find(want) != std::string::npos)
            << d.name << ": expected the message " << want << "\n" << r.output;
    }
    // The good file loaded after all of them: its problems, plus the two of format.csv's
    // bad row (its country name and code), the refused files adding none.
    EXPECT_EQ(r.state["problems"].get<int>(), only_good.state["problems"].get<int>() + 2) << r.output;
    EXPECT_EQ(r.state["countries_named"], only_good.state["countries_named"]);
}

TEST_F(WindowState, ExportActionWritesTheViewThroughTheExporter) {
    const std::string out = (test::fresh_scratch_dir("exported") / "view.png").string();
    const WindowRun r = run_window(
        "export", {"--date", "2025-07-01", "--theme", "dark", "--actions", "export:" + out});
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_EQ(r.state["export_open"], true);
    EXPECT_FALSE(r.state["export_status"].get<std::string>().empty());
    // The window waits for the export when it closes: the file and its sidecar are there.
    ASSERT_TRUE(std::filesystem::exists(out)) << r.output;
    std::ifstream side(out + ".json");
    ASSERT_TRUE(side) << r.output;
    const json j = json::parse(side, nullptr, false);
    const std::string text = j.dump();
    EXPECT_NE(text.find("2025-07-01"), std::string::npos) << text;
    EXPECT_NE(text.find("\"dark\""), std::string::npos) << text;
}

TEST_F(WindowState, FlyToTurnsTheGlobe) {
    // The same path as Enter in the search: select and fly. 40 frames outlast the 0.6 s
    // flight wherever a frame takes 15 ms or more (llvmpipe: ~30 ms at this size).
    const WindowRun r = run_window(
        "globe_fly",
        {"--projection", "orthographic", "--date", "2025-08-01", "--actions", "fly:RWA"}, 40);
    ASSERT_EQ(r.code, 0) << r.output;
    ASSERT_TRUE(r.state.is_object()) << r.output;
    EXPECT_EQ(r.state["selected"], "RWA");
    const json& g = r.state["globe"];
    ASSERT_TRUE(g.is_object()) << "the globe was not shown";
    // Rwanda's label point is about 30° E, 2° S; the centre sits a little west of it so
    // the country lands in the middle of the area the panels leave free.
    EXPECT_NEAR(g["center"][0].get<double>(), 30.0, 6.0);
    EXPECT_NEAR(g["center"][1].get<double>(), -2.0, 2.0);
    EXPECT_GT(g["zoom"].get<double>(), 5.0);
}


// Presenter mode through the real window (issue 11): --present with a story, clicker keys
// as --actions key:NAME (one per frame), and the presenter's state in --dump-state.
TEST_F(WindowState, PresenterModeStepsThroughAStoryWithClickerKeys) {
    const std::string story = std::string(DEPORTMAP_TEST_FIXTURES) + "/../../assets/stories/third-country-deportations.toml";
    auto presenter = [&](const std::string& name, const std::string& keys, int frames = 12) {
        const WindowRun r = run_window(name, {"--present", "--story", story, "--actions", keys}, frames);
        EXPECT_EQ(r.code, 0) << r.output;
        return r.state["presenter"];
    };
    auto p = presenter("pres_next", "key:PageDown;key:Right;key:Space");
    EXPECT_EQ(p["active"], true);
    EXPECT_EQ(p["step"], 4);
    EXPECT_EQ(p["steps"], 7);
    EXPECT_FALSE(p["caption"].get<std::string>().empty());
    // Full screen on the runner's 1280x800 screen (not the 1024x640 window), with the
    // date's text 7% of the screen's height.
    EXPECT_NEAR(p["date_text_px"].get<double>(), 0.07 * 800, 1.0);
    p = presenter("pres_back", "key:End;key:PageUp;key:Left");
    EXPECT_EQ(p["step"], 5);
    p = presenter("pres_jump", "key:6;key:Enter;key:Home;key:2;key:Enter");
    EXPECT_EQ(p["step"], 2);
    p = presenter("pres_black", "key:PageDown;key:b");
    EXPECT_EQ(p["blank"], "black");
    EXPECT_EQ(p["step"], 2);
    p = presenter("pres_white", "key:w;key:w;key:period;key:comma");
    EXPECT_EQ(p["blank"], "white");
    p = presenter("pres_leave", "key:PageDown;key:Escape");
    EXPECT_EQ(p["active"], false);
    EXPECT_EQ(p["step"], 2);  // the place is kept for the next F5
}

// The presenter view: a second window with this step, the next, the notes and a timer.
// Keys pressed in it (real X key events, gui_xkey_send) step the story; the test closes
// the audience window only once the view's title shows the step reached.
TEST_F(WindowState, PresenterViewIsASecondWindowThatTakesTheClickerKeys) {
    const std::string story = std::string(DEPORTMAP_TEST_FIXTURES) + "/../../assets/stories/third-country-deportations.toml";
    const std::filesystem::path shot = test::fresh_scratch_dir("pres_view_shot") / "view.png";
    const Args keys = {XKEY_SEND_BINARY, "presenter view", "Next,space", "(3 / 7)", "Equal Earth", "90"};
    const WindowRun r = run_window("pres_view_keys",
                                   {"--presenter-view", "--story", story, "--view-screenshot", shot.string()},
                                   100000, keys);
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_EQ(r.beside_code, 0) << r.output;
    EXPECT_EQ(r.state["presenter"]["active"], true);
    EXPECT_EQ(r.state["presenter"]["view_open"], true);
    EXPECT_EQ(r.state["presenter"]["step"], 3);
    // One monitor: the view opens as a 1280x800 window, and shows pictures and text.
    const test::RunResult check = test::run_binary({PNG_CHECK_BINARY, shot.string(), "1280", "800"});
    EXPECT_EQ(check.exit_code, 0) << check.out;
    // P closes it and opens it again, from the audience window's keys too.
    const WindowRun closed = run_window("pres_view_p", {"--presenter-view", "--story", story, "--actions", "key:p"}, 6);
    ASSERT_EQ(closed.code, 0) << closed.output;
    EXPECT_EQ(closed.state["presenter"]["view_open"], false);
    const WindowRun opened = run_window("pres_view_open", {"--present", "--story", story, "--actions", "key:p"}, 6);
    ASSERT_EQ(opened.code, 0) << opened.output;
    EXPECT_EQ(opened.state["presenter"]["view_open"], true);
    // Leaving presenter mode closes it.
    const WindowRun left = run_window("pres_view_esc", {"--presenter-view", "--actions", "key:Escape"}, 6);
    ASSERT_EQ(left.code, 0) << left.output;
    EXPECT_EQ(left.state["presenter"]["active"], false);
    EXPECT_EQ(left.state["presenter"]["view_open"], false);
}

TEST_F(WindowState, F5EntersPresenterModeWithTheDefaultStory) {
    const WindowRun r = run_window("pres_f5", {"--actions", "key:F5;key:PageDown"}, 8);
    ASSERT_EQ(r.code, 0) << r.output;
    EXPECT_EQ(r.state["presenter"]["active"], true);
    EXPECT_EQ(r.state["presenter"]["step"], 2);
    // The default story: one step per event day.
    EXPECT_GT(r.state["presenter"]["steps"].get<int>(), 50);
    const WindowRun bad = run_window("pres_badkey", {"--actions", "key:NoSuchKey"}, 2);
    EXPECT_EQ(bad.code, 2) << bad.output;
    EXPECT_NE(bad.output.find("unknown key 'NoSuchKey'"), std::string::npos) << bad.output;
}
// The legend's title line names the data; the report's "58 countries" box is about the
// bundled data only (issue 15).
TEST_F(WindowState, TheStatedFigureBelongsToTheBundledData) {
    const WindowRun bundled = run_window("title_bundled", {"--date", "2025-07-15"}, 2);
    ASSERT_EQ(bundled.code, 0) << bundled.output;
    EXPECT_EQ(bundled.state["data_title"], "Where the U.S. has sought to send deportees who are not citizens");
    EXPECT_EQ(bundled.state["stated_figure"], 58);
    const WindowRun own = run_window(
        "title_own", {"--date", "2025-07-15", "--data", std::string(DEPORTMAP_TEST_FIXTURES) + "/data/events_clean.csv"}, 2);
    ASSERT_EQ(own.code, 0) << own.output;
    EXPECT_EQ(own.state["data_title"], "events_clean.csv");
    EXPECT_TRUE(own.state["stated_figure"].is_null());
}

// The window as it opens (issue 15): at 1280x800, at 1920x1080 and with the UI at twice
// its size, no panel covers another, no country of the Americas has its label point
// under a panel, the legend is compact (title and one line per status), and the home
// view leaves the timeline's band free.
TEST_F(WindowState, OpeningLayoutLeavesTheAmericasAndThePanelsClear) {
    struct Size {
        const char* name;
        std::string screen, size;
        Args extra;
    };
    const std::vector<Size> sizes = {{"layout_1280", "1280x800x24", "1280x800", {}},
                                     {"layout_1920", "1920x1080x24", "1920x1080", {}},
                                     {"layout_2x", "2560x1600x24", "2560x1600", {"--ui-scale", "2"}}};
    const std::vector<std::string> americas = {"USA", "CAN", "MEX", "GTM", "HND", "SLV", "NIC", "CRI", "PAN",
                                               "CUB", "HTI", "DOM", "COL", "VEN", "ECU", "PER", "BRA", "BOL",
                                               "PRY", "CHL", "ARG", "URY", "GUY", "SUR"};
    for (const Size& s : sizes) {
        SCOPED_TRACE(s.name);
        Args args = {"--date", "2025-07-15", "--size", s.size, "--select", "PER"};
        args.insert(args.end(), s.extra.begin(), s.extra.end());
        const WindowRun r = run_window(s.name, args, 4, {}, s.screen);
        ASSERT_EQ(r.code, 0) << r.output;
        const json& layout = r.state["layout"];
        EXPECT_EQ(r.state["panels"]["legend_summary"], false);
        std::vector<std::pair<std::string, std::array<double, 4>>> rects;
        for (const char* panel : {"legend", "timeline", "details", "switch"}) {
            ASSERT_TRUE(layout[panel].is_array()) << panel << " was not drawn: " << layout.dump();
            rects.push_back({panel, layout[panel].get<std::array<double, 4>>()});
        }
        for (size_t i = 0; i < rects.size(); ++i) {
            for (size_t j = i + 1; j < rects.size(); ++j) {
                const auto& a = rects[i].second;
                const auto& b = rects[j].second;
                const bool overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
                EXPECT_FALSE(overlap) << rects[i].first << " covers " << rects[j].first << ": " << layout.dump();
            }
        }
        // The details panel is on the right: Peru itself is in view beside it.
        const std::vector<std::string> covered = r.state["covered"].get<std::vector<std::string>>();
        for (const std::string& iso3 : americas) {
            EXPECT_EQ(std::count(covered.begin(), covered.end(), iso3), 0) << iso3 << " is under a panel";
        }
        // Compact: no taller than a third of the window.
        const auto& legend = rects[0].second;
        EXPECT_LT(legend[3] - legend[1], layout["height"].get<double>() / 3.0) << layout.dump();
    }
    // The summary comes back with its button's setting, and is wider and taller.
    const WindowRun full = run_window("layout_summary", {"--date", "2025-07-15", "--actions", "legend-summary:on"}, 3);
    ASSERT_EQ(full.code, 0) << full.output;
    EXPECT_EQ(full.state["panels"]["legend_summary"], true);
    EXPECT_GT(full.state["layout"]["legend"][3].get<double>(), 300.0);
}

// --patterns in the window (issue 15): the scene has them, and the setting is saved.
TEST_F(WindowState, PatternsSwitchIsInTheScene) {
    const WindowRun on = run_window("patterns_on", {"--date", "2026-05-01", "--patterns"}, 2);
    ASSERT_EQ(on.code, 0) << on.output;
    EXPECT_EQ(on.state["patterns"], true);
    const WindowRun off = run_window("patterns_off", {"--date", "2026-05-01"}, 2);
    ASSERT_EQ(off.code, 0) << off.output;
    EXPECT_EQ(off.state["patterns"], false);
}

// Presenter type scales with the screen: at 2560x1440 the date is exactly twice as tall
// as at 1280x720.
TEST_F(WindowState, PresenterTypeScalesWithTheScreenHeight) {
    const WindowRun small = run_window("pres_720", {"--present"}, 3, {}, "1280x720x24");
    const WindowRun large = run_window("pres_1440", {"--present"}, 3, {}, "2560x1440x24");
    ASSERT_EQ(small.code, 0) << small.output;
    ASSERT_EQ(large.code, 0) << large.output;
    const double a = small.state["presenter"]["date_text_px"].get<double>();
    const double b = large.state["presenter"]["date_text_px"].get<double>();
    EXPECT_NEAR(a, 0.07 * 720, 0.5);
    EXPECT_NEAR(b / a, 2.0, 1e-6);
}

}  // namespace
}  // namespace deportmap::ui
