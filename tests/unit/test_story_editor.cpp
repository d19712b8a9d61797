// The story editing model (core/story/editor.hpp) and what a view shows
// (core/story/view_box.hpp): each editing operation on its own, a step made from the
// current view, saving (and failing to), and the round trip: edit, save, read the file
// back, get the same story, and `deportmap validate --story` accepts the file.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "core/geo/projection.hpp"
#include "core/story/editor.hpp"
#include "core/story/view_box.hpp"
#include "data_test_util.hpp"
#include "run_binary.hpp"

namespace deportmap::story {
namespace {

using data::testing::TempDir;

Step step_on(const char* date, const char* caption) {
    Step s;
    s.date = *data::parse_date(date);
    s.caption = caption;
    return s;
}

Story three_steps() {
    Story s;
    s.title = "Three";
    s.steps = {step_on("2025-03-12", "one"), step_on("2025-06", "two"), step_on("2025", "three")};
    return s;
}

std::vector<std::string> captions(const StoryEditor& e) {
    std::vector<std::string> out;
    for (const Step& s : e.story().steps) out.push_back(s.caption);
    return out;
}

StoryContext bundled() { return {&data::testing::bundled_countries(), &data::testing::bundled_statuses()}; }

TEST(StoryEditor, OpenSelectsNothingAndIsClean) {
    StoryEditor e;
    EXPECT_FALSE(e.in_use());
    e.open(three_steps(), "talk.toml");
    EXPECT_TRUE(e.in_use());
    EXPECT_EQ(e.selected(), -1);
    EXPECT_EQ(e.selected_step(), nullptr);
    EXPECT_FALSE(e.dirty());
    EXPECT_TRUE(e.select(2));
    EXPECT_EQ(e.selected_step()->caption, "three");
    EXPECT_FALSE(e.select(3));
    EXPECT_FALSE(e.select(-2));
    EXPECT_EQ(e.selected(), 2);
    EXPECT_TRUE(e.select(-1));
    EXPECT_FALSE(e.dirty());  // selecting is no edit
}

TEST(StoryEditor, AddGoesAfterTheSelectedStepOrAtTheEnd) {
    StoryEditor e;
    e.open(three_steps(), "talk.toml");
    const uint64_t before = e.revision();
    ASSERT_TRUE(e.add_step(step_on("2026-01-01", "new last")));
    EXPECT_EQ(e.selected(), 3);
    EXPECT_TRUE(e.dirty());
    EXPECT_GT(e.revision(), before);
    e.select(0);
    ASSERT_TRUE(e.add_step(step_on("2025-04-01", "second")));
    EXPECT_EQ(e.selected(), 1);
    EXPECT_EQ(captions(e), (std::vector<std::string>{"one", "second", "two", "three", "new last"}));
}

TEST(StoryEditor, AddStopsAtTheStepLimit) {
    StoryEditor e;
    Story big;
    big.steps.assign(kMaxSteps, step_on("2025", "x"));
    e.open(big, "big.toml");
    EXPECT_FALSE(e.add_step(step_on("2025", "one too many")));
    EXPECT_EQ(e.story().steps.size(), kMaxSteps);
    EXPECT_NE(e.error().find("at most 2000 steps"), std::string::npos) << e.error();
    EXPECT_FALSE(e.dirty());
}

TEST(StoryEditor, CaptionAndNotesOfTheSelectedStep) {
    StoryEditor e;
    e.open(three_steps(), "talk.toml");
    EXPECT_FALSE(e.set_caption("nothing selected"));
    e.select(1);
    EXPECT_TRUE(e.set_caption("Line one\nline two"));
    EXPECT_TRUE(e.set_notes("Say the number slowly"));
    EXPECT_FALSE(e.set_notes("Say the number slowly"));  // unchanged
    EXPECT_EQ(e.story().steps[1].caption, "Line one\nline two");
    EXPECT_EQ(e.story().steps[1].notes, "Say the number slowly");
    EXPECT_TRUE(e.dirty());
}

TEST(StoryEditor, TextIsClippedToTheLimitOnACharacterBoundary) {
    StoryEditor e;
    e.open(three_steps(), "talk.toml");
    e.select(0);
    // 3999 ASCII bytes then "é" (2 bytes): the limit falls inside the "é".
    const std::string text = std::string(kMaxTextBytes - 1, 'a') + "\xC3\xA9" + "tail";
    EXPECT_TRUE(e.set_caption(text));
    EXPECT_EQ(e.story().steps[0].caption, std::string(kMaxTextBytes - 1, 'a'));
    EXPECT_EQ(clip_utf8("short", 10), "short");
    EXPECT_EQ(clip_utf8("ab\xE2\x80\x94", 4), "ab");  // an em dash is 3 bytes
    EXPECT_EQ(clip_utf8("ab\xE2\x80\x94", 5), "ab\xE2\x80\x94");
}

TEST(StoryEditor, MoveUpAndDownTakeTheSelectionAlong) {
    StoryEditor e;
    e.open(three_steps(), "talk.toml");
    EXPECT_FALSE(e.move_up());  // nothing selected
    e.select(0);
    EXPECT_FALSE(e.move_up());  // already first
    EXPECT_TRUE(e.move_down());
    EXPECT_EQ(e.selected(), 1);
    EXPECT_EQ(captions(e), (std::vector<std::string>{"two", "one", "three"}));
    EXPECT_TRUE(e.move_down());
    EXPECT_FALSE(e.move_down());  // now last
    EXPECT_EQ(e.selected(), 2);
    EXPECT_TRUE(e.move_up());
    EXPECT_EQ(e.selected(), 1);
    EXPECT_EQ(captions(e), (std::vector<std::string>{"two", "one", "three"}));
}

TEST(StoryEditor, DeleteSelectsTheNextStep) {
    StoryEditor e;
    e.open(three_steps(), "talk.toml");
    EXPECT_FALSE(e.remove());
    e.select(1);
    EXPECT_TRUE(e.remove());
    EXPECT_EQ(captions(e), (std::vector<std::string>{"one", "three"}));
    EXPECT_EQ(e.selected(), 1);  // "three"
    EXPECT_TRUE(e.remove());
    EXPECT_EQ(e.selected(), 0);  // the new last, "one"
    EXPECT_TRUE(e.remove());
    EXPECT_EQ(e.selected(), -1);
    EXPECT_TRUE(e.story().steps.empty());
    EXPECT_TRUE(e.dirty());
}

TEST(StoryEditor, ReloadKeepsTheSelectionWhereItStillExists) {
    StoryEditor e;
    e.open(three_steps(), "talk.toml");
    e.select(2);
    e.reload(three_steps());
    EXPECT_EQ(e.selected(), 2);
    EXPECT_EQ(e.path(), "talk.toml");
    Story shorter = three_steps();
    shorter.steps.pop_back();
    e.reload(shorter, 1);
    EXPECT_EQ(e.selected(), -1);
    EXPECT_EQ(e.left_out(), 1u);
    EXPECT_FALSE(e.dirty());
}

TEST(StoryEditor, StepFromTheCurrentView) {
    CurrentView v;
    v.day = data::query_day(*data::parse_date("2025-07-15"));
    v.projection = "robinson";
    Step s = step_from_view(v);
    EXPECT_EQ(s.date.iso(), "2025-07-15");
    EXPECT_EQ(s.focus, FocusKind::World);
    EXPECT_EQ(s.projection, "robinson");
    v.shown = LonLatBox{-20.5, 10.25, 40.0, 60.0};
    s = step_from_view(v);
    EXPECT_EQ(s.focus, FocusKind::BBox);
    EXPECT_EQ(s.bbox, (std::array<double, 4>{-20.5, 10.25, 40.0, 60.0}));
    v.selected_iso3 = "RWA";  // a selected country wins over the box
    v.projection = "orthographic";
    s = step_from_view(v);
    EXPECT_EQ(s.focus, FocusKind::Countries);
    EXPECT_EQ(s.iso3, (std::vector<std::string>{"RWA"}));
    EXPECT_EQ(s.projection, "orthographic");
    v.projection = "no-such-projection";
    EXPECT_EQ(step_from_view(v).projection, "");
}

TEST(StoryEditor, SaveNeedsAFileAndAStep) {
    TempDir dir;
    StoryEditor e;
    e.open(Story{}, "");
    EXPECT_FALSE(e.save());
    EXPECT_EQ(e.error(), "the story has no file yet: use Save as");
    EXPECT_FALSE(e.save_as(dir.path("empty.toml")));
    EXPECT_EQ(e.error(), "a story needs at least one step: add one before saving");
    EXPECT_FALSE(std::filesystem::exists(dir.path("empty.toml")));
    ASSERT_TRUE(e.add_step(step_on("2025-03-12", "first")));
    EXPECT_FALSE(e.save_as(""));
    ASSERT_TRUE(e.save_as(dir.path("new.toml"))) << e.error();
    EXPECT_EQ(e.path(), dir.path("new.toml"));
    EXPECT_FALSE(e.dirty());
    EXPECT_EQ(e.error(), "");
}

TEST(StoryEditor, AFailedSaveKeepsTheEditsUnsaved) {
    TempDir dir;
    const std::string blocker = dir.write("plain-file", "not a folder");
    const std::string path = blocker + "/story.toml";  // under a regular file: fails even as root
    StoryEditor e;
    e.open(three_steps(), path);
    e.select(0);
    e.set_caption("edited");
    EXPECT_FALSE(e.save());
    EXPECT_TRUE(e.dirty());
    EXPECT_NE(e.error().find(path), std::string::npos) << e.error();
    EXPECT_EQ(e.story().steps[0].caption, "edited");
    // Save as elsewhere after a failure: the new file becomes the story's.
    EXPECT_FALSE(e.save_as(dir.path("no-folder/x.toml")));
    EXPECT_EQ(e.path(), path);
    ASSERT_TRUE(e.save_as(dir.path("x.toml"))) << e.error();
    EXPECT_EQ(e.path(), dir.path("x.toml"));
    EXPECT_FALSE(e.dirty());
}

// Edit every way, save, read back: the same story; and the CLI checker accepts it.
TEST(StoryEditor, EditSaveReadBackRoundTrips) {
    TempDir dir;
    const std::string path = dir.write("talk.toml",
                                       "title = \"Talk\"\n\n[[step]]\ndate = \"2025-03-12\"\ncaption = \"The cable\"\n"
                                       "highlight = [\"agreed\"]\nduration = 6.5\n\n[[step]]\ndate = \"2025-06\"\n"
                                       "focus = [\"Kosovo\"]\nnotes = \"keep it short\"\n");
    StoryRead r = read_story_file(path, bundled());
    ASSERT_TRUE(r.clean());
    StoryEditor e;
    e.open(*r.story, path);
    CurrentView v;
    v.day = data::query_day(*data::parse_date("2025-07-15"));
    v.projection = "equal-earth";
    v.shown = LonLatBox{-12.34, 30.0, 45.67, 71.5};
    ASSERT_TRUE(e.add_step(step_from_view(v)));
    ASSERT_TRUE(e.set_caption("Europe in July: \"quotes\", a back\\slash,\nand a second line"));
    ASSERT_TRUE(e.set_notes("Côte d'Ivoire — São Tomé\tTab"));
    v.selected_iso3 = "RWA";
    v.projection = "orthographic";
    ASSERT_TRUE(e.add_step(step_from_view(v)));
    ASSERT_TRUE(e.set_caption("Rwanda"));
    ASSERT_TRUE(e.move_up());
    e.select(0);
    ASSERT_TRUE(e.remove());
    ASSERT_TRUE(e.save()) << e.error();

    const StoryRead back = read_story_file(path, bundled());
    ASSERT_TRUE(back.clean()) << (back.problems.empty() ? "" : back.problems[0].to_string());
    Story expected = e.story(), got = *back.story;
    for (Step& s : expected.steps) s.line = 0;
    for (Step& s : got.steps) s.line = 0;
    EXPECT_EQ(got, expected);
    ASSERT_EQ(got.steps.size(), 3u);
    EXPECT_EQ(got.steps[0].caption, "");  // Kosovo's step, now first
    EXPECT_EQ(got.steps[1].caption, "Rwanda");
    EXPECT_EQ(got.steps[2].bbox, (std::array<double, 4>{-12.34, 30.0, 45.67, 71.5}));
    EXPECT_EQ(got.title, "Talk");
    // No temporary file is left beside it.
    size_t files = 0;
    for (const auto& f : std::filesystem::directory_iterator(dir.path(""))) files += f.is_regular_file();
    EXPECT_EQ(files, 1u);

    ASSERT_TRUE(std::filesystem::exists(DEPORTMAP_BINARY)) << DEPORTMAP_BINARY;
    const test::RunResult cli = test::run_deportmap_headless({"validate", "--story", path});
    EXPECT_EQ(cli.exit_code, 0) << cli.out << cli.err;
    EXPECT_EQ(test::split_lines(cli.out), (std::vector<std::string>{path + ": 3 steps: 3 good, 0 bad (0 problems)"}));
}

// What the view shows, in degrees.
class ViewBox : public ::testing::Test {
protected:
    static void SetUpTestSuite() { projector_ = new geo::Projector(geo::ProjectionKind::EqualEarth); }
    static void TearDownTestSuite() { delete projector_; }
    static geo::Projector* projector_;
};
geo::Projector* ViewBox::projector_ = nullptr;

TEST_F(ViewBox, TheWholeFlatWorldIsNoBox) {
    const geo::BBox& world = projector_->world_bounds();
    const Camera home{world.center(), 1.0};
    EXPECT_FALSE(flat_view_box(home, world, 1280, 720, {0, 0, 1280, 720}, *projector_));
    EXPECT_FALSE(flat_view_box(home, world, 1280, 720, {0, 0, 0, 720}, *projector_));  // empty rectangle
}

TEST_F(ViewBox, AZoomedFlatViewGivesItsBox) {
    const geo::BBox& world = projector_->world_bounds();
    const Camera europe{projector_->forward(geo::Vec2{10.0, 50.0}), 8.0};
    const auto box = flat_view_box(europe, world, 1280, 720, {0, 0, 1280, 720}, *projector_);
    ASSERT_TRUE(box);
    const auto& b = *box;
    EXPECT_LT(b[0], 10.0);
    EXPECT_GT(b[2], 10.0);
    EXPECT_LT(b[1], 50.0);
    EXPECT_GT(b[3], 50.0);
    EXPECT_LT(b[2] - b[0], 90.0);
    EXPECT_LT(b[3] - b[1], 40.0);
    // Rounded outwards to hundredths of a degree.
    for (double x : b) EXPECT_NEAR(x * 100.0, std::round(x * 100.0), 1e-6) << x;
    // The left half of the window shows the western part of it.
    const auto left = flat_view_box(europe, world, 1280, 720, {0, 0, 640, 720}, *projector_);
    ASSERT_TRUE(left);
    EXPECT_NEAR((*left)[0], b[0], 0.5);
    EXPECT_LT((*left)[2], b[2]);
}

TEST(ViewBoxGlobe, ZoomedInAroundTheCentre) {
    geo::GlobeView v;
    v.center_lon = 20.0;
    v.center_lat = 0.0;
    v.zoom = 4.0;
    const auto box = globe_view_box(v, 1280, 720, {0, 0, 1280, 720});
    ASSERT_TRUE(box);
    EXPECT_LT((*box)[0], 20.0);
    EXPECT_GT((*box)[2], 20.0);
    EXPECT_LT((*box)[2] - (*box)[0], 75.0);
    EXPECT_LT((*box)[1], 0.0);
    EXPECT_GT((*box)[3], 0.0);
}

TEST(ViewBoxGlobe, AcrossTheAntimeridianEveryLongitude) {
    geo::GlobeView v;
    v.center_lon = 179.0;
    v.center_lat = -10.0;
    v.zoom = 4.0;
    const auto box = globe_view_box(v, 1280, 720, {0, 0, 1280, 720});
    ASSERT_TRUE(box);
    EXPECT_EQ((*box)[0], -180.0);
    EXPECT_EQ((*box)[2], 180.0);
    EXPECT_LT((*box)[3] - (*box)[1], 60.0);
    // The whole disc: the near hemisphere, 180 degrees of longitude.
    v.center_lon = 0.0;
    v.center_lat = 0.0;
    v.zoom = 1.0;
    const auto disc = globe_view_box(v, 1280, 720, {0, 0, 1280, 720});
    ASSERT_TRUE(disc);
    EXPECT_GE((*disc)[0], -90.01);
    EXPECT_LT((*disc)[0], -75.0);
    EXPECT_LE((*disc)[2], 90.01);
    EXPECT_GT((*disc)[2], 75.0);
}

}  // namespace
}  // namespace deportmap::story
