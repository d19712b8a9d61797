// `deportmap validate --story FILE` through the built binary: the bundled example story
// is clean, a bad story prints each problem as FILE:LINE: message and exits 1, a file
// that is not TOML at all gets one line naming it.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "data_test_util.hpp"
#include "run_binary.hpp"

namespace {

using deportmap::test::RunResult;
using deportmap::test::split_lines;

// Runs deportmap with `args`, capturing stdout and stderr (no display needed).
RunResult run_deportmap(const std::vector<std::string>& args) { return deportmap::test::run_deportmap_headless(args); }

class StoryCli : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(std::filesystem::exists(DEPORTMAP_BINARY)) << DEPORTMAP_BINARY << " is missing";
    }
};

TEST_F(StoryCli, TheExampleStoryIsClean) {
    const std::string story = std::string(DEPORTMAP_TEST_SOURCE_DIR) + "/assets/stories/third-country-deportations.toml";
    const RunResult r = run_deportmap({"validate", "--story", story});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_EQ(split_lines(r.out), (std::vector<std::string>{story + ": 7 steps: 7 good, 0 bad (0 problems)"}));
}

TEST_F(StoryCli, EveryProblemAtItsLineAndExitOne) {
    deportmap::data::testing::TempDir dir;
    const std::string f = dir.write("bad.toml",
                                    "[[step]]\ndate = \"2025-02-30\"\n\n[[step]]\ndate = \"2025\"\nfocus = [\"Atlantis\"]\n"
                                    "duration = 0\n\n[[step]]\ncaption = \"no date\"\n\n[[step]]\ndate = \"2025-03\"\n"
                                    "highlight = [\"nope\"]\n\n[[step]]\ndate = \"2025-04\"\n");
    const RunResult r = run_deportmap({"validate", "--story", f});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    const auto out = split_lines(r.out);
    ASSERT_EQ(out.size(), 6u) << r.out;
    EXPECT_EQ(out[0], f + ":2: step 1: date '2025-02-30': February 2025 has 28 days");
    EXPECT_EQ(out[1].rfind(f + ":6: step 2: focus: unknown country 'Atlantis'", 0), 0u) << out[1];
    EXPECT_EQ(out[2], f + ":7: step 2: duration must be a number of seconds above 0 (at most 3600)");
    EXPECT_EQ(out[3], f + ":9: step 3: date is missing (YYYY, YYYY-MM or YYYY-MM-DD)");
    EXPECT_EQ(out[4].rfind(f + ":14: step 4: highlight: unknown status 'nope'", 0), 0u) << out[4];
    EXPECT_EQ(out[5], f + ": 5 steps: 1 good, 4 bad (5 problems)");
}

TEST_F(StoryCli, SyntaxErrorAndNotTomlAtAll) {
    deportmap::data::testing::TempDir dir;
    const std::string syntax = dir.write("syntax.toml", "title = \"x\"\n[[step]\ndate = \"2025\"\n");
    RunResult r = run_deportmap({"validate", "--story", syntax});
    EXPECT_EQ(r.exit_code, 1);
    auto out = split_lines(r.out);
    ASSERT_EQ(out.size(), 1u) << r.out;
    EXPECT_EQ(out[0].rfind(syntax + ":2: ", 0), 0u) << out[0];
    const std::string binary = dir.write("logo.toml", std::string("\x89PNG\r\n\x1a\n\0\0", 10));
    r = run_deportmap({"validate", "--story", binary});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(split_lines(r.out), (std::vector<std::string>{binary + ": not a TOML story file (it holds binary data)"}));
    r = run_deportmap({"validate", "--story", dir.path("missing.toml")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_EQ(split_lines(r.out), (std::vector<std::string>{dir.path("missing.toml") + ": cannot be read"}));
    r = run_deportmap({"validate", "--story"});
    EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
