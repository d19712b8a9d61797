// Story editing in the real window (issue 11), on a private virtual X server
// (tests/support/xserver_run.sh): --story on a copy of a small story in the test's
// scratch folder, the Story panel driven by the story-* --actions (add the current view
// twice, edit captions and notes, move a step, delete one, save), then --dump-state's
// "story" object, and the saved file read back by the core reader and accepted by
// `deportmap validate --story`. A save that cannot be written reports its error and
// keeps the edits unsaved. Skipped when Xvfb or xauth is not installed.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/data/countries.hpp"
#include "core/data/statuses.hpp"
#include "core/story/story.hpp"
#include "run_binary.hpp"
#include "scratch.hpp"

namespace deportmap {
namespace {

using nlohmann::json;
using Args = std::vector<std::string>;

const char* kSmallStory = R"(title = "Small"

[[step]]
date = "2025-03-12"
caption = "The cable"

[[step]]
date = "2025-04"
focus = ["RWA"]
caption = "Rwanda"
notes = "ten more"
)";

struct WindowRun {
    int code = -1;
    std::string output;
    json state;
};

// The window in `dir` (its working folder is not changed: paths are absolute) for
// `frames` frames with `args`; the dumped state.
WindowRun run_window(const std::filesystem::path& dir, const Args& args, int frames) {
    const std::string state = (dir / "state.json").string();
    Args command = {DEPORTMAP_XSERVER_RUN, "--screen", "1280x800x24", DEPORTMAP_BINARY, "--frames",
                    std::to_string(frames), "--size", "1024x640", "--dump-state", state};
    command.insert(command.end(), args.begin(), args.end());
    test::RunOptions options;
    options.env = {"XDG_CONFIG_HOME=" + (dir / "config").string()};
    options.merge_stderr = true;
    const test::RunResult r = test::run_binary(command, options);
    WindowRun out;
    out.code = r.exit_code;
    out.output = r.out;
    if (r.exit_code < 0) out.output += "\n[" + r.how_it_ended() + "]";
    std::ifstream in(state);
    if (in) out.state = json::parse(in, nullptr, false);
    return out;
}

std::vector<std::string> captions(const json& story) {
    std::vector<std::string> out;
    for (const json& s : story["steps"]) out.push_back(s["caption"]);
    return out;
}

class StoryEdit : public testing::Test {
protected:
    void SetUp() override {
        if (!test::on_path("Xvfb") || !test::on_path("xauth")) GTEST_SKIP() << "Xvfb or xauth is not installed";
    }
};

TEST_F(StoryEdit, AddEditMoveDeleteAndSave) {
    const std::filesystem::path dir = test::fresh_scratch_dir("edit");
    const std::string path = test::write_file(dir / "talk.toml", kSmallStory);
    // Step 1 selected (the map goes to 12 March 2025, the world); a step from that view
    // after it; then Kosovo selected on 15 July 2025 and a second step (inserted after
    // the first new one), moved up; the old step 2 (now 4) deleted; saved.
    const std::string actions =
        "story;story-select:1;story-add;story-caption:Added after one\\nsecond line;story-notes:say it;"
        "date:2025-07-15;select:XKX;story-add;story-caption:Kosovo in July;story-up;"
        "story-select:4;story-delete;story-save";
    const WindowRun r = run_window(dir, {"--story", path, "--actions", actions}, 20);
    ASSERT_EQ(r.code, 0) << r.output;
    const json& s = r.state["story"];
    ASSERT_TRUE(s.is_object()) << r.state.dump(1);
    EXPECT_EQ(s["open"], true);
    EXPECT_EQ(s["dirty"], false);
    EXPECT_TRUE(s["error"].is_null()) << s["error"];
    EXPECT_EQ(s["path"], path);
    EXPECT_EQ(captions(s), (std::vector<std::string>{"The cable", "Kosovo in July", "Added after one\nsecond line"}));
    EXPECT_EQ(s["selected"], 3);  // after the delete: the new last step
    EXPECT_EQ(s["steps"][1]["date"], "2025-07-15");
    EXPECT_EQ(s["steps"][1]["focus"], json::array({"XKX"}));
    EXPECT_EQ(s["steps"][1]["projection"], "equal-earth");
    EXPECT_EQ(s["steps"][2]["date"], "2025-03-12");
    EXPECT_EQ(s["steps"][2]["notes"], "say it");
    EXPECT_EQ(s["steps"][2]["focus"], "world");  // the world was in view
    EXPECT_EQ(s["presented_steps"], 3);           // the presenter has the edited story
    EXPECT_EQ(r.state["messages"], json::array()) << r.state["messages"];

    // The file: accepted by the checker, and the same steps in the same order.
    const test::RunResult check = test::run_deportmap_headless({"validate", "--story", path});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    EXPECT_EQ(check.out, path + ": 3 steps: 3 good, 0 bad (0 problems)\n");
    const data::CountryResolver countries = data::CountryResolver::load_default();
    const data::StatusTable statuses = data::StatusTable::load_default();
    const story::StoryRead back = story::read_story_file(path, {&countries, &statuses});
    ASSERT_TRUE(back.clean());
    EXPECT_EQ(back.story->title, "Small");
    ASSERT_EQ(back.story->steps.size(), 3u);
    EXPECT_EQ(back.story->steps[0].caption, "The cable");
    EXPECT_EQ(back.story->steps[1].iso3, (std::vector<std::string>{"XKX"}));
    EXPECT_EQ(back.story->steps[2].caption, "Added after one\nsecond line");
    EXPECT_EQ(back.story->steps[2].notes, "say it");
    // Written atomically: nothing but the story (and the run's own files) in the folder.
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
        EXPECT_EQ(e.path().filename().string().find(".tmp"), std::string::npos) << e.path();
    }
}

TEST_F(StoryEdit, AFailedSaveReportsItAndKeepsTheEdits) {
    const std::filesystem::path dir = test::fresh_scratch_dir("unwritable");
    const std::string path = test::write_file(dir / "talk.toml", kSmallStory);
    // Under a regular file no folder can be made, whoever runs the test (root included).
    const std::string blocker = test::write_file(dir / "plain-file", "x");
    const std::string target = blocker + "/talk.toml";
    const WindowRun r = run_window(
        dir, {"--story", path, "--actions", "story-select:2;story-caption:Edited;story-save-as:" + target}, 8);
    ASSERT_EQ(r.code, 0) << r.output;
    const json& s = r.state["story"];
    EXPECT_EQ(s["dirty"], true);
    ASSERT_TRUE(s["error"].is_string()) << s.dump(1);
    EXPECT_NE(s["error"].get<std::string>().find(target), std::string::npos) << s["error"];
    EXPECT_EQ(s["path"], path);  // still the story's file
    EXPECT_EQ(s["steps"][1]["caption"], "Edited");
    EXPECT_EQ(test::slurp(path), kSmallStory);  // untouched

    // No file at all: Save asks for Save as; Save as then writes it.
    const std::string fresh = (dir / "new.toml").string();
    const WindowRun n = run_window(dir, {"--actions", "story-add;story-caption:First;story-save;story-save-as:" + fresh}, 8);
    ASSERT_EQ(n.code, 0) << n.output;
    EXPECT_EQ(n.state["story"]["dirty"], false);
    EXPECT_EQ(n.state["story"]["path"], fresh);
    const test::RunResult check = test::run_deportmap_headless({"validate", "--story", fresh});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;
    const WindowRun e = run_window(dir, {"--actions", "story-add;story-save"}, 6);
    EXPECT_EQ(e.state["story"]["dirty"], true);
    EXPECT_EQ(e.state["story"]["error"], "the story has no file yet: use Save as");
}

TEST_F(StoryEdit, BadStoryActionsAreReported) {
    const std::filesystem::path dir = test::fresh_scratch_dir("bad");
    const WindowRun bad = run_window(dir, {"--actions", "story-select:zero"}, 2);
    EXPECT_EQ(bad.code, 2) << bad.output;
    EXPECT_NE(bad.output.find("story-select expects a step number from 1, got 'zero'"), std::string::npos)
        << bad.output;
    // Too late to stop the run (it depends on the steps made so far): a message instead.
    const WindowRun late = run_window(dir, {"--actions", "story-add;story-select:5;story-caption:x"}, 6);
    ASSERT_EQ(late.code, 0) << late.output;
    const std::vector<std::string> messages = late.state["messages"];
    ASSERT_EQ(messages.size(), 1u) << late.state["messages"];
    EXPECT_NE(messages[0].find("story-select: no step 5 (the story has 1)"), std::string::npos) << messages[0];
    EXPECT_EQ(late.state["story"]["steps"][0]["caption"], "x");  // step 1 stayed selected
}

}  // namespace
}  // namespace deportmap
