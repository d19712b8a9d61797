// Killing the program while it saves (issue 16): a story saved from the Story panel, the
// window's settings written as it closes, and an export's sidecar. Each save goes through
// util::write_file_atomic; DEPORTMAP_TEST_WRITE_PAUSE_MS makes it stop half way through
// its temporary file, the test waits until that half-written temporary file exists, kills
// the whole process group with SIGKILL, and reads the real file back: it must be byte for
// byte what it was before, and still load. The same run without the pause must change
// the file (so the check could fail). Skipped when Xvfb or xauth is missing.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "run_binary.hpp"
#include "scratch.hpp"

namespace deportmap {
namespace {

namespace fs = std::filesystem;
using Args = std::vector<std::string>;

const char* kStory = R"(title = "Kill test"

[[step]]
date = "2025-03-12"
caption = "The cable"

[[step]]
date = "2025-04"
focus = ["RWA"]
caption = "Rwanda"
notes = "first notes"
)";

// A settings file as the window writes it, with values a run will change (the theme).
const char* kSettings = R"({"theme": "dark", "labels": false})";

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// A half-written temporary file in `folder` (".NAME.tmp-XXXXXX", not empty), once one
// exists; nothing when `program` ends first or a minute passes.
std::optional<fs::path> wait_for_temp(const fs::path& folder, test::Process& program) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < end && program.running()) {
        std::error_code ec;
        for (const fs::directory_entry& e : fs::directory_iterator(folder, ec)) {
            const std::string f = e.path().filename().string();
            if (f[0] == '.' && f.find(".tmp-") != std::string::npos && e.file_size(ec) > 0) return e.path();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return std::nullopt;
}

// Runs `argv` with `env` (plus the pause when `pause`); with the pause, waits for the
// first temporary file in `folder` and kills the group while that file is half written.
// Returns the name of the file whose temporary file was caught ("" without the pause).
std::string run_and_kill(const Args& argv, Args env, const fs::path& folder, bool pause) {
    if (pause) env.push_back("DEPORTMAP_TEST_WRITE_PAUSE_MS=60000");
    test::RunOptions options;
    options.env = env;
    options.unset_env = {"DISPLAY", "WAYLAND_DISPLAY"};  // the X server runner sets its own
    options.merge_stderr = true;
    options.timeout = std::chrono::seconds(100);
    test::Process program(argv, options);
    if (!pause) {
        const test::RunResult r = program.wait();
        EXPECT_EQ(r.exit_code, 0) << r.how_it_ended() << "\n" << r.out;
        return "";
    }
    const std::optional<fs::path> temp = wait_for_temp(folder, program);
    EXPECT_TRUE(temp.has_value()) << "no temporary file appeared in " << folder;
    ::kill(-program.pid(), SIGKILL);
    const test::RunResult r = program.wait();
    EXPECT_EQ(r.signal, SIGKILL) << r.how_it_ended() << "\n" << r.out;
    if (!temp) return "";
    // What the writer left: half of the new file, never renamed over the real one.
    EXPECT_TRUE(fs::exists(*temp));
    std::error_code ec;
    fs::remove(*temp, ec);
    const std::string name = temp->filename().string();  // ".NAME.tmp-XXXXXX"
    return name.substr(1, name.rfind(".tmp-") - 1);
}

// A page ends with PNG's IEND chunk, a sources list with a line end, a sidecar with its
// closing brace (then a line end).
bool whole(const fs::path& path, const std::string& bytes) {
    auto ends_with = [&](const std::string& tail) {
        return bytes.size() >= tail.size() && bytes.compare(bytes.size() - tail.size(), tail.size(), tail) == 0;
    };
    const std::string ext = path.extension().string();
    if (ext == ".png") return bytes.rfind("\x89PNG", 0) == 0 && ends_with(std::string("IEND\xAE\x42\x60\x82", 8));
    if (ext == ".json") return bytes.rfind("{", 0) == 0 && (ends_with("}\n") || ends_with("}"));
    return !bytes.empty() && ends_with("\n");
}

class KillMidWrite : public testing::Test {
protected:
    void SetUp() override {
        if (!test::on_path("Xvfb") || !test::on_path("xauth")) GTEST_SKIP() << "Xvfb or xauth is not installed";
    }
};

TEST_F(KillMidWrite, AStoryKilledWhileSavingKeepsItsLastSavedText) {
    const fs::path dir = test::fresh_scratch_dir("kill-story");
    const std::string path = test::write_file(dir / "talk.toml", kStory);
    const Args argv = {DEPORTMAP_XSERVER_RUN, "--screen", "1280x800x24", DEPORTMAP_BINARY, "--frames", "200",
                       "--size", "800x500", "--story", path, "--actions",
                       "story;story-select:2;story-notes:second notes, longer than the first;story-save"};
    const Args env = {"XDG_CONFIG_HOME=" + (dir / "config").string()};

    run_and_kill(argv, env, dir, true);
    EXPECT_EQ(read_all(path), kStory) << "the story changed although its save was killed";
    const test::RunResult check = test::run_deportmap_headless({"validate", "--story", path});
    EXPECT_EQ(check.exit_code, 0) << check.out << check.err;

    // Not killed, the same save goes through.
    run_and_kill(argv, env, dir, false);
    EXPECT_NE(read_all(path).find("second notes, longer than the first"), std::string::npos) << read_all(path);
}

TEST_F(KillMidWrite, SettingsKilledWhileTheWindowClosesKeepTheirLastText) {
    const fs::path dir = test::fresh_scratch_dir("kill-settings");
    const fs::path settings = dir / "config" / "deportmap" / "settings.json";
    fs::create_directories(settings.parent_path());
    test::write_file(settings, kSettings);
    // Settings are kept only by an interactive run (no --frames): the window runs until
    // gui_xkey_send asks it to close, as a window manager's close button does, after T
    // (the light/dark key) has changed the theme.
    const Args argv = {DEPORTMAP_XSERVER_RUN, "--screen", "1280x800x24", "bash", "-c",
                       "\"$1\" --size 800x500 & p=$!; \"$2\" 'Equal Earth' t '' 'Equal Earth' 60; wait $p", "bash",
                       DEPORTMAP_BINARY, XKEY_SEND_BINARY};
    const Args env = {"XDG_CONFIG_HOME=" + (dir / "config").string()};

    run_and_kill(argv, env, settings.parent_path(), true);
    EXPECT_EQ(read_all(settings), kSettings) << "the settings changed although their save was killed";

    run_and_kill(argv, env, settings.parent_path(), false);
    const std::string after = read_all(settings);
    EXPECT_NE(after, kSettings);
    EXPECT_NE(after.find("\"theme\""), std::string::npos) << after;
}

TEST_F(KillMidWrite, AnExportKilledMidWriteLeavesOnlyWholeFiles) {
    const fs::path dir = test::fresh_scratch_dir("kill-export");
    const fs::path out = dir / "map.png";
    const fs::path sidecar = dir / "map.png.json";
    const Args argv = {DEPORTMAP_BINARY, "export", "--out", out.string(), "--width", "320", "--height", "180",
                       "--date", "2025-06-01"};
    // A first export, not killed; then one of another date killed while it writes one of
    // its files (the page comes first, then its list of sources and its sidecar). The file
    // caught half written is still the first export's, byte for byte; each of the others
    // is whole, the first export's or the second's.
    run_and_kill(argv, {}, dir, false);
    const std::vector<fs::path> files = {out, dir / "map.png.sources.csv", sidecar};
    std::vector<std::string> first;
    for (const fs::path& f : files) first.push_back(read_all(f));
    ASSERT_NE(first[2].find("\"deportmap-export-sidecar\""), std::string::npos) << first[2];
    Args second = argv;
    second.back() = "2025-09-01";
    const std::string caught = run_and_kill(second, {}, dir, true);
    EXPECT_FALSE(caught.empty());
    for (size_t i = 0; i < files.size(); ++i) {
        const std::string now = read_all(files[i]);
        if (files[i].filename() == caught) {
            EXPECT_TRUE(now == first[i]) << caught << " changed although its write was killed";
        } else {
            EXPECT_TRUE(whole(files[i], now)) << files[i] << " is not a whole file";
        }
    }
    // Not killed, that export replaces them.
    run_and_kill(second, {}, dir, false);
    EXPECT_NE(read_all(sidecar), first[1]);
}

}  // namespace
}  // namespace deportmap
