// Story files (core/story/story.hpp): a valid story, each malformed case reported at its
// line, the writer's round trip and atomic save, the default story built from the
// bundled timeline; and the presenter's step state machine (core/story/player.hpp) with
// an injected clock.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "core/data/dataset.hpp"
#include "core/data/events.hpp"
#include "core/data/stated_figures.hpp"
#include "core/story/player.hpp"
#include "core/story/story.hpp"
#include "data_test_util.hpp"

namespace deportmap::story {
namespace {

using data::testing::TempDir;

class StoryFile : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        countries_ = new data::CountryResolver(data::CountryResolver::load_default());
        statuses_ = new data::StatusTable(data::testing::default_statuses_in_code());
    }
    static void TearDownTestSuite() {
        delete countries_;
        delete statuses_;
    }
    StoryRead parse(const std::string& text) { return parse_story(text, "s.toml", {countries_, statuses_}); }
    // The one problem of a story, as printed.
    std::string only_problem(const std::string& text) {
        const StoryRead r = parse(text);
        if (r.problems.size() != 1) {
            std::string all;
            for (const auto& p : r.problems) all += p.to_string() + "\n";
            ADD_FAILURE() << r.problems.size() << " problems:\n" << all;
            return "";
        }
        return r.problems[0].to_string();
    }
    static data::CountryResolver* countries_;
    static data::StatusTable* statuses_;
};
data::CountryResolver* StoryFile::countries_ = nullptr;
data::StatusTable* StoryFile::statuses_ = nullptr;

const char* kValid = R"(title = "The cable and after"

[[step]]
date = "2025-03-12"
caption = "A cable goes out"
notes = "Pause here"

[[step]]
date = "2025-06"
focus = ["Kosovo", "RWA"]
highlight = ["agreed", "receiving"]
duration = 7.5

[[step]]
date = 2025-07-04
bbox = [-20.0, -35.0, 52.0, 38.0]
projection = "orthographic"

[[step]]
date = "2025"
focus = "world"
projection = "robinson"
)";

TEST_F(StoryFile, ReadsEveryKeyOfAValidStory) {
    const StoryRead r = parse(kValid);
    ASSERT_TRUE(r.clean()) << (r.problems.empty() ? "" : r.problems[0].to_string());
    const Story& s = *r.story;
    EXPECT_EQ(s.title, "The cable and after");
    ASSERT_EQ(s.steps.size(), 4u);
    EXPECT_EQ(s.steps[0].line, 3);
    EXPECT_EQ(s.steps[0].date.iso(), "2025-03-12");
    EXPECT_EQ(s.steps[0].focus, FocusKind::World);
    EXPECT_EQ(s.steps[0].caption, "A cable goes out");
    EXPECT_EQ(s.steps[0].notes, "Pause here");
    EXPECT_DOUBLE_EQ(s.steps[0].seconds(), kDefaultStepSeconds);
    EXPECT_EQ(s.steps[1].date.iso(), "2025-06");
    EXPECT_EQ(s.steps[1].focus, FocusKind::Countries);
    EXPECT_EQ(s.steps[1].iso3, (std::vector<std::string>{"XKX", "RWA"}));
    EXPECT_EQ(s.steps[1].countries, (std::vector<std::string>{"Kosovo", "RWA"}));
    EXPECT_EQ(s.steps[1].highlight, (std::vector<std::string>{"agreed", "receiving"}));
    EXPECT_DOUBLE_EQ(s.steps[1].seconds(), 7.5);
    EXPECT_EQ(s.steps[2].date.iso(), "2025-07-04");  // a TOML date
    EXPECT_EQ(s.steps[2].focus, FocusKind::BBox);
    EXPECT_DOUBLE_EQ(s.steps[2].bbox[0], -20.0);
    EXPECT_DOUBLE_EQ(s.steps[2].bbox[3], 38.0);
    EXPECT_EQ(s.steps[2].projection, "orthographic");
    EXPECT_EQ(s.steps[3].date.iso(), "2025");
    EXPECT_EQ(s.steps[3].projection, "robinson");
}

TEST_F(StoryFile, SyntaxErrorAtItsLine) {
    const StoryRead r = parse("title = \"x\"\n\n[[step]]\ndate = \"2025-01-01\n");
    EXPECT_FALSE(r.story);
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].line, 4);
    EXPECT_EQ(r.problems[0].to_string().rfind("s.toml:4: ", 0), 0u) << r.problems[0].to_string();
}

TEST_F(StoryFile, NotTomlAtAllIsOneLineNamingTheFile) {
    const StoryRead r = parse(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
    EXPECT_FALSE(r.story);
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].to_string(), "s.toml: not a TOML story file (it holds binary data)");
}

TEST_F(StoryFile, EachBadStepIsReportedAtItsLineAndLeftOut) {
    EXPECT_EQ(only_problem("[[step]]\ndate = \"2025-02-30\"\n"), "s.toml:2: step 1: date '2025-02-30': February 2025 has 28 days");
    EXPECT_EQ(only_problem("[[step]]\ncaption = \"no date\"\n"),
              "s.toml:1: step 1: date is missing (YYYY, YYYY-MM or YYYY-MM-DD)");
    const std::string unknown = only_problem("[[step]]\ndate = \"2025\"\nfocus = [\"RWA\",\n  \"Atlantis\"]\n");
    EXPECT_EQ(unknown.rfind("s.toml:4: step 1: focus: ", 0), 0u) << unknown;
    EXPECT_NE(unknown.find("Atlantis"), std::string::npos) << unknown;
    const std::string status = only_problem("[[step]]\ndate = \"2025\"\nhighlight = [\"agred\"]\n");
    EXPECT_EQ(status.rfind("s.toml:3: step 1: highlight: unknown status 'agred' (one of ", 0), 0u) << status;
    EXPECT_EQ(only_problem("[[step]]\ndate = \"2025\"\nduration = 0\n"),
              "s.toml:3: step 1: duration must be a number of seconds above 0 (at most 3600)");
    EXPECT_EQ(only_problem("[[step]]\ndate = \"2025\"\nduration = -2.5\n"),
              "s.toml:3: step 1: duration must be a number of seconds above 0 (at most 3600)");
    EXPECT_EQ(only_problem("[[step]]\ndate = \"2025\"\ncaptoin = \"x\"\n").rfind("s.toml:3: step 1: unknown key 'captoin'", 0),
              0u);
    EXPECT_EQ(only_problem("[[step]]\ndate = \"2025\"\nbbox = [1, 2, 3]\n"),
              "s.toml:3: step 1: bbox must be [min_lon, min_lat, max_lon, max_lat] in degrees");
    EXPECT_EQ(only_problem("[[step]]\ndate = \"2025\"\nprojection = \"flat\"\n").rfind("s.toml:3: step 1: projection must be one of ", 0),
              0u);
}

TEST_F(StoryFile, GoodStepsLoadAroundBadOnes) {
    const StoryRead r = parse("[[step]]\ndate = \"2025-01\"\n\n[[step]]\ndate = \"2025-13\"\n\n[[step]]\ndate = \"2025-05\"\n");
    ASSERT_TRUE(r.story);
    EXPECT_EQ(r.steps_seen, 3u);
    EXPECT_EQ(r.bad_steps, 1u);
    ASSERT_EQ(r.story->steps.size(), 2u);
    EXPECT_EQ(r.story->steps[1].date.iso(), "2025-05");
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].line, 5);
    EXPECT_NE(r.problems[0].message.find("step 2"), std::string::npos);
}

TEST_F(StoryFile, NoStepsIsNoStory) {
    const StoryRead r = parse("title = \"empty\"\n");
    EXPECT_FALSE(r.story);
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].to_string(), "s.toml: no [[step]] tables: a story needs at least one step");
}

TEST_F(StoryFile, WriterRoundTrips) {
    StoryRead r = parse(kValid);
    ASSERT_TRUE(r.clean());
    Story s = *r.story;
    s.steps[0].caption = "Quotes \" and \\ backslashes,\nnew lines, tabs\t and \x01 control";
    s.steps[1].notes = "Unicode: Côte d'Ivoire — São Tomé";
    const std::string text = story_toml(s);
    const StoryRead back = parse(text);
    ASSERT_TRUE(back.clean()) << text << (back.problems.empty() ? "" : back.problems[0].to_string());
    Story again = *back.story;
    for (auto& st : again.steps) st.line = 0;
    for (auto& st : s.steps) st.line = 0;
    EXPECT_EQ(again, s) << text;
    EXPECT_EQ(story_toml(again), text);  // stable
}

TEST_F(StoryFile, SaveIsAtomicAndReadable) {
    TempDir dir;
    const std::string path = dir.path("story.toml");
    const Story s = *parse(kValid).story;
    std::string error;
    ASSERT_TRUE(save_story(path, s, error)) << error;
    const StoryRead back = read_story_file(path, {countries_, statuses_});
    ASSERT_TRUE(back.clean());
    EXPECT_EQ(back.story->steps.size(), 4u);
    // No temporary file is left beside it.
    size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path(""))) files += e.is_regular_file();
    EXPECT_EQ(files, 1u);
    EXPECT_FALSE(save_story(dir.path("missing-folder/story.toml"), s, error));
    EXPECT_NE(error.find("missing-folder/story.toml"), std::string::npos);
}

TEST_F(StoryFile, UnreadableFileNamesIt) {
    const StoryRead r = read_story_file("/nonexistent/story.toml", {countries_, statuses_});
    EXPECT_FALSE(r.story);
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].to_string(), "/nonexistent/story.toml: cannot be read");
}

TEST(DefaultStory, OneStepPerEventDayFocusedOnThatDaysCountries) {
    auto countries = std::make_shared<const data::CountryResolver>(data::CountryResolver::load_default());
    data::Dataset ds(countries, data::StatusTable::load_default());
    ASSERT_TRUE(ds.load(data::default_events_paths()).ok);
    const data::Timeline& t = ds.timeline();
    const Story s = default_story(t, ds.countries());
    ASSERT_EQ(s.steps.size(), t.event_days().size());
    ASSERT_FALSE(s.steps.empty());
    for (size_t i = 0; i < s.steps.size(); ++i) {
        const Step& st = s.steps[i];
        EXPECT_EQ(st.date.first_day(), t.event_days()[i]) << i;
        // Every focus country has an event taking effect that day.
        for (const std::string& iso : st.iso3) {
            bool found = false;
            for (const data::Event& e : t.events()) found |= e.iso3 == iso && data::effective_day(e) == t.event_days()[i];
            EXPECT_TRUE(found) << iso << " on step " << i;
        }
        EXPECT_EQ(st.focus == FocusKind::World, st.iso3.empty());
    }
    // A day's summary becomes the caption.
    size_t captioned = 0;
    for (const Step& st : s.steps) captioned += !st.caption.empty();
    EXPECT_GT(captioned, s.steps.size() / 2);
}

TEST(StoryPlayer, NextPrevFirstLastJump) {
    StoryPlayer p(5);
    EXPECT_TRUE(p.take_changed());  // the first step is new
    EXPECT_EQ(p.current(), 0u);
    EXPECT_FALSE(p.prev(1.0));  // at the start
    EXPECT_TRUE(p.next(2.0));
    EXPECT_EQ(p.current(), 1u);
    EXPECT_DOUBLE_EQ(p.step_started(), 2.0);
    EXPECT_TRUE(p.take_changed());
    EXPECT_FALSE(p.take_changed());
    EXPECT_TRUE(p.last(3.0));
    EXPECT_EQ(p.current(), 4u);
    EXPECT_FALSE(p.next(4.0));  // at the end
    EXPECT_TRUE(p.first(5.0));
    EXPECT_EQ(p.current(), 0u);
    EXPECT_TRUE(p.jump(3, 6.0));
    EXPECT_EQ(p.current(), 2u);
    EXPECT_FALSE(p.jump(0, 7.0));
    EXPECT_FALSE(p.jump(6, 7.0));
    EXPECT_EQ(p.current(), 2u);
}

TEST(StoryPlayer, TypedNumberThenEnter) {
    StoryPlayer p(12);
    EXPECT_FALSE(p.jump_typed(0.0));  // nothing typed: Enter means next
    p.type_digit(1);
    p.type_digit(1);
    EXPECT_TRUE(p.typed());
    EXPECT_TRUE(p.jump_typed(1.0));
    EXPECT_EQ(p.current(), 10u);
    p.type_digit(9);
    p.type_digit(9);
    EXPECT_TRUE(p.jump_typed(2.0));  // out of range: consumed, no move
    EXPECT_EQ(p.current(), 10u);
    EXPECT_FALSE(p.typed());
}

TEST(StoryPlayer, BlankScreensToggle) {
    StoryPlayer p(3);
    EXPECT_EQ(p.blank(), Blank::None);
    p.toggle_blank(Blank::Black);
    EXPECT_EQ(p.blank(), Blank::Black);
    EXPECT_EQ(blank_name(p.blank()), "black");
    p.toggle_blank(Blank::White);  // the other key switches
    EXPECT_EQ(p.blank(), Blank::White);
    p.toggle_blank(Blank::White);  // the same key returns
    EXPECT_EQ(p.blank(), Blank::None);
}

TEST(StoryPlayer, AutoplayWithAnInjectedClock) {
    StoryPlayer p(3);
    const std::vector<double> hold = {2.0, 3.0, 1.0}, lead = {0.0, 1.0, 0.5};
    p.start_autoplay(10.0, false);
    EXPECT_FALSE(p.tick(11.9, hold, lead));
    EXPECT_TRUE(p.tick(12.0, hold, lead));  // step 1 after 2 s
    EXPECT_EQ(p.current(), 1u);
    EXPECT_DOUBLE_EQ(p.step_started(), 12.0);
    EXPECT_FALSE(p.tick(15.9, hold, lead));  // 1 s of flight + 3 s
    EXPECT_TRUE(p.tick(16.0, hold, lead));
    EXPECT_EQ(p.current(), 2u);
    EXPECT_TRUE(p.autoplaying());
    EXPECT_FALSE(p.tick(17.4, hold, lead));
    EXPECT_FALSE(p.tick(17.5, hold, lead));  // the end, without loop: stops
    EXPECT_FALSE(p.autoplaying());
    EXPECT_EQ(p.current(), 2u);
}

TEST(StoryPlayer, AutoplayLoopsAndCatchesUpAfterAStall) {
    StoryPlayer p(3);
    const std::vector<double> hold = {1.0, 1.0, 1.0}, lead = {0.0, 0.0, 0.0};
    p.start_autoplay(0.0, true);
    EXPECT_TRUE(p.tick(3.5, hold, lead));  // three steps' worth at once: back to 0
    EXPECT_EQ(p.current(), 0u);
    EXPECT_DOUBLE_EQ(p.step_started(), 3.0);
    EXPECT_TRUE(p.tick(4.0, hold, lead));
    EXPECT_EQ(p.current(), 1u);
}

TEST(StoryPlayer, ReloadKeepsTheStepWhereItStillExists) {
    StoryPlayer p(6);
    p.jump(4, 0.0);
    p.take_changed();
    p.set_steps(8, 1.0);
    EXPECT_EQ(p.current(), 3u);
    EXPECT_FALSE(p.take_changed());
    p.set_steps(2, 2.0);
    EXPECT_EQ(p.current(), 1u);
    EXPECT_TRUE(p.take_changed());
}

}  // namespace
}  // namespace deportmap::story
