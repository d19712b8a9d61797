// UI logic that needs neither a display nor GL: the URL check of the browser opener,
// settings (round trip, bad files), scripted actions, the colour cross-fade, the
// timeline's span and event-day steps, the headline sentence, search over names and
// aliases, dropped-file classification and the fly-to camera.
#include <cmath>
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "core/data/dataset.hpp"
#include "core/data/stated_figures.hpp"
#include "core/util/args.hpp"
#include "platform/open_url.hpp"
#include "scratch.hpp"
#include "ui/app_data.hpp"
#include "ui/color_fade.hpp"
#include "ui/legend_panel.hpp"
#include "ui/map_app.hpp"
#include "ui/search_panel.hpp"
#include "ui/settings.hpp"
#include "ui/timeline_panel.hpp"
#include "ui/widgets.hpp"
#include "ui/presenter.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace deportmap::ui {
namespace {

namespace fs = std::filesystem;

std::string temp_dir(const std::string& name) { return test::fresh_scratch_dir(name).string(); }

void write_file(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

TEST(OpenUrl, OnlyWebUrlsWithAHost) {
    EXPECT_TRUE(platform::is_openable_url("https://example.org/a?b=c#d"));
    EXPECT_TRUE(platform::is_openable_url("http://example.org"));
    EXPECT_TRUE(platform::is_openable_url("HTTPS://Example.org/path"));
    EXPECT_FALSE(platform::is_openable_url("file:///etc/passwd"));
    EXPECT_FALSE(platform::is_openable_url("javascript:alert(1)"));
    EXPECT_FALSE(platform::is_openable_url("ftp://example.org/x"));
    EXPECT_FALSE(platform::is_openable_url("https://"));
    EXPECT_FALSE(platform::is_openable_url("https:///path"));
    EXPECT_FALSE(platform::is_openable_url("--help"));
    EXPECT_FALSE(platform::is_openable_url("https://example.org/a b"));
    EXPECT_FALSE(platform::is_openable_url("https://example.org/$(rm -rf x)"));
    EXPECT_FALSE(platform::is_openable_url("https://example.org/\"quoted\""));
    EXPECT_FALSE(platform::is_openable_url("https://example.org/\nsecond"));
    EXPECT_FALSE(platform::is_openable_url("https://-oProxyCommand=x/"));
    EXPECT_FALSE(platform::is_openable_url(""));
}

TEST(OpenUrl, RefusedUrlsAreNotStarted) {
    std::string error;
    EXPECT_FALSE(platform::open_url("file:///etc/passwd", error));
    EXPECT_NE(error.find("only http and https"), std::string::npos) << error;
}

TEST(Settings, RoundTripAndAtomicWrite) {
    const std::string dir = temp_dir("settings_rt");
    const std::string path = dir + "/deportmap/settings.json";
    Settings s;
    s.width = 1500;
    s.height = 900;
    s.x = 10;
    s.y = -20;
    s.theme = Theme::Dark;
    s.projection = geo::ProjectionKind::Robinson;
    s.labels = true;
    s.panels.legend = false;
    s.panels.legend_summary = true;
    s.speed_index = 4;
    s.ui_scale = 1.5f;
    s.patterns = true;
    std::string error;
    ASSERT_TRUE(save_settings(path, s, error)) << error;
    for (const auto& entry : fs::directory_iterator(dir + "/deportmap")) {
        EXPECT_EQ(entry.path().filename(), "settings.json") << "a temporary file was left";
    }
    std::string message;
    const Settings back = load_settings(path, message);
    EXPECT_TRUE(message.empty()) << message;
    EXPECT_EQ(back.width, 1500);
    EXPECT_EQ(back.height, 900);
    EXPECT_EQ(back.x, 10);
    EXPECT_EQ(back.y, -20);
    EXPECT_EQ(back.theme, Theme::Dark);
    EXPECT_EQ(back.projection, geo::ProjectionKind::Robinson);
    EXPECT_TRUE(back.labels);
    EXPECT_FALSE(back.panels.legend);
    EXPECT_TRUE(back.panels.timeline);
    EXPECT_EQ(back.speed_index, 4);
    EXPECT_TRUE(back.panels.legend_summary);
    EXPECT_FLOAT_EQ(back.ui_scale, 1.5f);
    EXPECT_TRUE(back.patterns);
    // Defaults: the compact legend, the usual size; a scale out of range is ignored.
    EXPECT_FALSE(Settings{}.panels.legend_summary);
    EXPECT_FLOAT_EQ(Settings{}.ui_scale, 1.0f);
    std::ofstream(path) << R"({"ui_scale": 40})";
    const Settings bad = load_settings(path, message);
    EXPECT_FLOAT_EQ(bad.ui_scale, 1.0f);
    EXPECT_NE(message.find("ui_scale"), std::string::npos) << message;
    EXPECT_FLOAT_EQ(clamp_ui_scale(0.1f), kMinUiScale);
    EXPECT_FLOAT_EQ(clamp_ui_scale(9.0f), kMaxUiScale);
    EXPECT_FLOAT_EQ(clamp_ui_scale(std::nanf("")), 1.0f);
}

TEST(Settings, GlobeRoundTrip) {
    const std::string dir = temp_dir("settings_globe");
    const std::string path = dir + "/deportmap/settings.json";
    Settings s;
    s.globe = true;
    s.globe_view.center_lon = 29.9;
    s.globe_view.center_lat = -2.0;
    s.globe_view.zoom = 12.5;
    std::string error;
    ASSERT_TRUE(save_settings(path, s, error)) << error;
    const nlohmann::json j = nlohmann::json::parse(settings_to_json(s));
    EXPECT_EQ(j["projection"], "orthographic");  // not the Equirectangular it is drawn from
    std::string message;
    Settings back = load_settings(path, message);
    EXPECT_TRUE(message.empty()) << message;
    EXPECT_TRUE(back.globe);
    EXPECT_DOUBLE_EQ(back.globe_view.center_lon, 29.9);
    EXPECT_DOUBLE_EQ(back.globe_view.center_lat, -2.0);
    EXPECT_DOUBLE_EQ(back.globe_view.zoom, 12.5);

    // Back on a flat projection: that projection, and the globe's view is still kept.
    back.globe = false;
    back.projection = geo::ProjectionKind::NaturalEarth;
    ASSERT_TRUE(save_settings(path, back, error)) << error;
    const Settings flat = load_settings(path, message);
    EXPECT_TRUE(message.empty()) << message;
    EXPECT_FALSE(flat.globe);
    EXPECT_EQ(flat.projection, geo::ProjectionKind::NaturalEarth);
    EXPECT_DOUBLE_EQ(flat.globe_view.zoom, 12.5);

    // Bad globe values: the defaults, and the field named.
    write_file(dir + "/bad_globe.json",
               R"({"projection": "orthographic", "globe": {"lon": 10, "lat": 200, "zoom": 3}})");
    const Settings bad = load_settings(dir + "/bad_globe.json", message);
    EXPECT_TRUE(bad.globe);
    EXPECT_EQ(bad.globe_view.center_lon, geo::GlobeView{}.center_lon);
    EXPECT_EQ(bad.globe_view.zoom, 1.0);
    EXPECT_NE(message.find("globe"), std::string::npos) << message;
}

TEST(Settings, BadFilesGiveDefaultsAndOneLine) {
    const std::string dir = temp_dir("settings_bad");
    std::string message;
    const Settings missing = load_settings(dir + "/none.json", message);
    EXPECT_TRUE(message.empty());
    EXPECT_EQ(missing.theme, Theme::Light);

    write_file(dir + "/broken.json", "{\"theme\": \"dark\",");
    const Settings broken = load_settings(dir + "/broken.json", message);
    EXPECT_EQ(broken.theme, Theme::Light);
    EXPECT_NE(message.find("broken.json: not valid JSON"), std::string::npos) << message;
    EXPECT_EQ(message.find('\n'), std::string::npos);

    write_file(dir + "/types.json",
               R"({"theme": "purple", "labels": "yes", "projection": "robinson",
                   "window": {"width": 5, "height": 700}, "panels": {"legend": false}})");
    const Settings typed = load_settings(dir + "/types.json", message);
    EXPECT_EQ(typed.theme, Theme::Light);
    EXPECT_FALSE(typed.labels);
    EXPECT_EQ(typed.projection, geo::ProjectionKind::Robinson);  // good values are kept
    EXPECT_FALSE(typed.width.has_value());
    EXPECT_FALSE(typed.panels.legend);
    EXPECT_NE(message.find("theme"), std::string::npos) << message;
    EXPECT_NE(message.find("labels"), std::string::npos) << message;
    EXPECT_NE(message.find("width"), std::string::npos) << message;

    write_file(dir + "/array.json", "[1, 2, 3]");
    load_settings(dir + "/array.json", message);
    EXPECT_FALSE(message.empty());
}

TEST(Settings, FolderFollowsXdgConfigHome) {
    const char* old = std::getenv("XDG_CONFIG_HOME");
    const std::string saved = old ? old : "";
    ::setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
    EXPECT_EQ(settings_path(), "/tmp/xdg-test/deportmap/settings.json");
    EXPECT_EQ(imgui_ini_path(), "/tmp/xdg-test/deportmap/imgui.ini");
    if (old) ::setenv("XDG_CONFIG_HOME", saved.c_str(), 1);
    else ::unsetenv("XDG_CONFIG_HOME");
}

TEST(Actions, ParsesStepsAndRejectsUnknownOnes) {
    const auto a = parse_actions("select:RWA; step:+1;hover-legend:receiving;play;");
    ASSERT_EQ(a.size(), 4u);
    EXPECT_EQ(a[0].verb, "select");
    EXPECT_EQ(a[0].arg, "RWA");
    EXPECT_EQ(a[1].verb, "step");
    EXPECT_EQ(a[1].arg, "+1");
    EXPECT_EQ(a[2].arg, "receiving");
    EXPECT_EQ(a[3].verb, "play");
    EXPECT_TRUE(parse_actions("").empty());
    EXPECT_THROW(parse_actions("jump:3"), UsageError);
    EXPECT_THROW(parse_actions("select:"), UsageError);
    EXPECT_THROW(parse_actions("step"), UsageError);
}

TEST(Actions, StoryVerbs) {
    const auto a = parse_actions("story;story-add;story-caption:At 10:30\\nthen;story-save-as:/tmp/x.toml");
    ASSERT_EQ(a.size(), 4u);
    EXPECT_EQ(a[0].verb, "story");
    EXPECT_EQ(a[2].verb, "story-caption");
    EXPECT_EQ(a[2].arg, "At 10:30\\nthen");  // everything after the first colon
    EXPECT_EQ(a[3].arg, "/tmp/x.toml");
    EXPECT_TRUE(is_story_verb("story"));
    EXPECT_TRUE(is_story_verb("story-up"));
    EXPECT_FALSE(is_story_verb("select"));
    EXPECT_FALSE(is_story_verb("stories"));
    EXPECT_THROW(parse_actions("story-caption:"), UsageError);
    EXPECT_THROW(parse_actions("story-select"), UsageError);
    EXPECT_THROW(parse_actions("story-rename:x"), UsageError);
    EXPECT_EQ(story_step_number("3"), 3);
    EXPECT_THROW(story_step_number("0"), UsageError);
    EXPECT_THROW(story_step_number("2x"), UsageError);
}

TEST(ColorFade, CrossFadesChangedCountriesOnly) {
    ColorFade fade;
    const Color a{0, 0, 0, 255}, b{200, 100, 50, 255};
    fade.set_targets({a, a}, 0.0);
    EXPECT_FALSE(fade.active());
    fade.set_targets({b, a}, 1.0);
    EXPECT_TRUE(fade.active());
    EXPECT_TRUE(fade.update(1.0 + kColorFadeSeconds / 2));
    const Color mid = fade.current()[0];
    EXPECT_GT(mid.r, 50);
    EXPECT_LT(mid.r, 150);
    EXPECT_EQ(fade.current()[1], a);
    fade.update(1.0 + kColorFadeSeconds + 0.01);
    EXPECT_EQ(fade.current()[0], b);
    EXPECT_FALSE(fade.active());
    // A change mid-fade starts from the colour shown.
    fade.set_targets({a, a}, 2.0);
    fade.update(2.0 + kColorFadeSeconds * 0.5);
    fade.set_targets({b, a}, 2.0 + kColorFadeSeconds * 0.5);
    const Color from = fade.current()[0];
    fade.update(2.0 + kColorFadeSeconds * 0.5 + 0.001);
    EXPECT_NEAR(fade.current()[0].r, from.r, 3);
    // Instant jumps.
    fade.set_targets({a, b}, 3.0, true);
    EXPECT_EQ(fade.current()[1], b);
    EXPECT_FALSE(fade.active());
}

class BundledData : public testing::Test {
protected:
    static void SetUpTestSuite() { data_ = new AppData({}, ""); }
    static void TearDownTestSuite() {
        delete data_;
        data_ = nullptr;
    }
    static AppData* data_;
};
AppData* BundledData::data_ = nullptr;

TEST_F(BundledData, TimelineSpansFirstEventToLatestSourceDate) {
    const data::Timeline& t = data_->timeline();
    const TimelineRange r = timeline_range(t);
    EXPECT_EQ(r.first_event, *t.first_day());
    EXPECT_GE(r.latest, *t.last_day());
    for (const auto& e : t.events()) {
        for (const auto& s : e.sources) {
            if (auto d = data::parse_date(s.published)) {
                EXPECT_LE(d->first_day(), r.latest);
            }
        }
    }
    EXPECT_LT(r.start, r.first_event);
    EXPECT_GT(r.end, r.latest);
}

TEST_F(BundledData, StepsBetweenEventDays) {
    const auto& days = data_->timeline().event_days();
    ASSERT_GE(days.size(), 3u);
    EXPECT_EQ(step_event_day(days, days[0], 1), days[1]);
    EXPECT_EQ(step_event_day(days, days[1], -1), days[0]);
    EXPECT_EQ(step_event_day(days, days[0] - 10, 1), days[0]);
    EXPECT_EQ(step_event_day(days, days[1] + 0, 2), days[3]);
    EXPECT_EQ(step_event_day(days, days[0], -1), days[0]) << "nothing before the first";
    EXPECT_EQ(step_event_day(days, days.back(), 1), days.back());
    EXPECT_EQ(step_event_day(days, days[1] - 1, -1), days[0]);
}

TEST_F(BundledData, HeadlineGivesCountsInWords) {
    const data::StatusTable& table = data_->timeline().statuses();
    std::vector<int> counts(table.size(), 0);
    counts[static_cast<size_t>(table.find("contacted"))] = 12;
    counts[static_cast<size_t>(table.find("receiving"))] = 1;
    const std::string h = headline_text(table, counts, data::days_from_civil(2025, 7, 1));
    EXPECT_EQ(h, "On 1 July 2025, 13 countries hold a status: 12 asked and 1 receiving.");
    EXPECT_EQ(headline_text(table, std::vector<int>(table.size(), 0), data::days_from_civil(2024, 1, 5)),
              "On 5 January 2024, no country holds a status yet.");
    // The stated figure the headline shows is in the bundled data.
    const auto* f = data::find_stated_figure(data_->stated(), "countries_contacted_or_planned");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->value, 58);
    EXPECT_FALSE(f->source_url.empty());
}

TEST_F(BundledData, SearchFindsNamesCodesAndAliases) {
    const data::CountryResolver& c = data_->countries();
    auto first_iso = [&](const std::string& q) {
        const auto hits = search_countries(c, q);
        return hits.empty() ? std::string() : c.country(hits.front().country).iso3;
    };
    EXPECT_EQ(first_iso("Rwanda"), "RWA");
    EXPECT_EQ(first_iso("rwa"), "RWA");
    EXPECT_EQ(first_iso("Ivory Coast"), "CIV");
    EXPECT_EQ(first_iso("Kosovo"), "XKX");
    EXPECT_EQ(first_iso("Burma"), "MMR");
    EXPECT_EQ(first_iso("Salvad"), "SLV");  // type-ahead: a prefix
    EXPECT_EQ(first_iso("Rwandaa"), "RWA");  // a close spelling
    // Type-ahead over the alias table: a prefix of "Ivory Coast".
    const auto ivory = search_countries(c, "ivory", 8, data_->other_names());
    ASSERT_FALSE(ivory.empty());
    EXPECT_EQ(c.country(ivory.front().country).iso3, "CIV");
    EXPECT_NE(ivory.front().shown.find("Ivory Coast"), std::string::npos) << ivory.front().shown;
    const auto costa = search_countries(c, "Costa");
    ASSERT_FALSE(costa.empty());
    EXPECT_EQ(c.country(costa.front().country).iso3, "CRI");
    const auto many = search_countries(c, "a", 5);
    EXPECT_LE(many.size(), 5u);
    EXPECT_TRUE(search_countries(c, "  ").empty());
}

TEST(Drop, ClassifiesByExtensionAndContent) {
    const std::string dir = temp_dir("drop");
    EXPECT_EQ(classify_drop("/x/events.csv"), DropKind::Events);
    EXPECT_EQ(classify_drop("/x/Events.XLSX"), DropKind::Events);
    EXPECT_EQ(classify_drop("/x/events.ods"), DropKind::Events);
    EXPECT_EQ(classify_drop("/x/countries.gpkg"), DropKind::Boundaries);
    EXPECT_EQ(classify_drop("/x/countries.shp"), DropKind::Boundaries);
    EXPECT_EQ(classify_drop("/x/picture.png"), DropKind::Unknown);
    write_file(dir + "/b.geojson",
               R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{},
                   "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]})");
    write_file(dir + "/e.geojson",
               R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":
                   {"iso3":"RWA","date":"2025","status":"agreed"},"geometry":null}]})");
    EXPECT_EQ(classify_drop(dir + "/b.geojson"), DropKind::Boundaries);
    EXPECT_EQ(classify_drop(dir + "/e.geojson"), DropKind::Events);
}

TEST(AppDataFiles, ReloadsOnChangeAndKeepsLastGoodData) {
    const std::string dir = temp_dir("reload");
    const std::string path = dir + "/events.csv";
    const std::string header =
        "country_name,iso3,date,status,deportees,payment_usd,summary,source_url,source_publisher,"
        "source_date\n";
    write_file(path, header + "Rwanda,RWA,2025-04-01,agreed,,,Agreed.,https://example.org/a,Wire,2025-04-02\n");
    AppData data({path}, "");
    ASSERT_EQ(data.timeline().events().size(), 1u);
    EXPECT_FALSE(data.poll_files(0.0));
    // A change on disk (with a bad row: the good ones load, the bad one is a problem).
    write_file(path, header +
                         "Rwanda,RWA,2025-04-01,agreed,,,Agreed.,https://example.org/a,Wire,2025-04-02\n"
                         "Peru,PER,2025-06-25,declined,,,Said no.,https://example.org/p,Wire,2025-06-25\n"
                         "Narnia,,2025-06-12,agreed,,,Unknown.,https://example.org/n,Wire,\n");
    fs::last_write_time(path, fs::file_time_type::clock::now() + std::chrono::seconds(5));
    EXPECT_FALSE(data.poll_files(0.5)) << "looked again within a second";
    EXPECT_TRUE(data.poll_files(1.5));
    EXPECT_EQ(data.timeline().events().size(), 2u);
    ASSERT_EQ(data.dataset().problems().size(), 1u);
    EXPECT_EQ(data.dataset().problems()[0].line, 4);
    // A file that cannot be read at all keeps the last good data and says so.
    write_file(path, "not,an,events,table\n1,2,3,4\n");
    fs::last_write_time(path, fs::file_time_type::clock::now() + std::chrono::seconds(10));
    EXPECT_FALSE(data.poll_files(3.0));
    EXPECT_EQ(data.timeline().events().size(), 2u);
    ASSERT_FALSE(data.messages().empty());
    EXPECT_NE(data.messages().back().find("kept the last good data"), std::string::npos);
}

TEST(FlyTo, CameraCentresAndZoomsOnTheBox) {
    geo::BBox world;
    world.add(geo::Vec2{-100, -50});
    world.add(geo::Vec2{100, 50});
    geo::BBox box;
    box.add(geo::Vec2{10, 10});
    box.add(geo::Vec2{12, 11});
    const Camera c = camera_for_box(box, world, 800, 400);
    EXPECT_DOUBLE_EQ(c.center.x, 11.0);
    EXPECT_DOUBLE_EQ(c.center.y, 10.5);
    // 800 px show 200 units at zoom 1 (4 px/unit): the 2-unit box fills 45% of 800 px.
    EXPECT_NEAR(c.zoom, 0.45 * 800 / (2 * 4), 1e-9);
    geo::BBox huge;
    huge.add(geo::Vec2{-100, -50});
    huge.add(geo::Vec2{100, 50});
    EXPECT_DOUBLE_EQ(camera_for_box(huge, world, 800, 400).zoom, 1.0);
    geo::BBox tiny;
    tiny.add(geo::Vec2{0, 0});
    tiny.add(geo::Vec2{1e-6, 1e-6});
    EXPECT_DOUBLE_EQ(camera_for_box(tiny, world, 800, 400).zoom, 400.0);
}

TEST(Widgets, NumbersAndHosts) {
    EXPECT_EQ(grouped(0), "0");
    EXPECT_EQ(grouped(1234567), "1,234,567");
    EXPECT_EQ(dollars(100000), "$100,000");
    EXPECT_EQ(url_host("https://www.example.org/a/b"), "example.org");
    EXPECT_EQ(url_host("no scheme"), "no scheme");
    EXPECT_EQ(format_day(data::days_from_civil(2025, 6, 1)), "1 June 2025");
}

}  // namespace
}  // namespace deportmap::ui

namespace deportmap::ui {
TEST(PresenterKeys, NamesMapToGlfwKeys) {
    EXPECT_EQ(glfw_key_from_name("PageDown"), GLFW_KEY_PAGE_DOWN);
    EXPECT_EQ(glfw_key_from_name("b"), GLFW_KEY_B);
    EXPECT_EQ(glfw_key_from_name("."), GLFW_KEY_PERIOD);
    EXPECT_EQ(glfw_key_from_name("7"), GLFW_KEY_7);
    EXPECT_EQ(glfw_key_from_name("F5"), GLFW_KEY_F5);
    EXPECT_EQ(glfw_key_from_name("pagedown"), -1);  // names are GLFW's, as written
    EXPECT_EQ(glfw_key_from_name(""), -1);
}

// The story file is watched: saving it reloads the presenter's story, keeping the
// current step where it still exists; a file that no longer parses keeps the last story.
TEST(PresenterStory, SavingTheStoryFileReloadsIt) {
    namespace fs = std::filesystem;
    const fs::path dir = test::fresh_scratch_dir("story_watch");
    const fs::path file = dir / "s.toml";
    auto write = [&](const std::string& text, int seconds_later) {
        const auto before = fs::exists(file) ? fs::last_write_time(file) : fs::file_time_type::clock::now();
        std::ofstream(file, std::ios::binary | std::ios::trunc) << text;
        fs::last_write_time(file, before + std::chrono::seconds(seconds_later));
    };
    write("[[step]]\ndate = \"2025-03\"\ncaption = \"one\"\n[[step]]\ndate = \"2025-06\"\ncaption = \"two\"\n", 0);
    const geo::World world;
    MapApp app({}, "", world);
    app.load_story(file.string());
    ASSERT_EQ(app.presenter().story().steps.size(), 2u);
    EXPECT_FALSE(app.poll_files(1.0));  // unchanged
    write("[[step]]\ndate = \"2025-03\"\ncaption = \"one\"\n[[step]]\ndate = \"2025-06\"\ncaption = \"two, edited\"\n"
          "[[step]]\ndate = \"2025-09\"\n", 2);
    EXPECT_TRUE(app.poll_files(2.0));
    ASSERT_EQ(app.presenter().story().steps.size(), 3u);
    EXPECT_EQ(app.presenter().story().steps[1].caption, "two, edited");
    write("this is [not toml", 2);
    app.poll_files(3.0);
    EXPECT_EQ(app.presenter().story().steps.size(), 3u);  // the last good story stays
}

}  // namespace deportmap::ui
