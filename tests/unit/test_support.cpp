// The shared test helpers themselves (tests/support/): run_binary's capture of both
// streams and the exit, signal, stdin, environment, a program that cannot start, a
// large output that no pipe would hold, and a timeout that stops the whole process
// group; scratch()'s one folder per test with fresh subfolders.
#include <gtest/gtest.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "run_binary.hpp"
#include "scratch.hpp"

namespace deportmap::test {
namespace {

namespace fs = std::filesystem;

// Whether process `pid` is gone (or a zombie nobody has reaped yet).
bool gone(const std::string& pid) {
    std::ifstream stat("/proc/" + pid + "/stat");
    if (!stat) return true;
    std::string line;
    std::getline(stat, line);
    const size_t close = line.rfind(')');
    return close != std::string::npos && line.size() > close + 2 && line[close + 2] == 'Z';
}

TEST(RunBinary, CapturesBothStreamsAndTheExitCode) {
    const RunResult r = run_binary({"sh", "-c", "echo out; echo err >&2; exit 3"});
    EXPECT_EQ(r.exit_code, 3);
    EXPECT_EQ(r.signal, 0);
    EXPECT_FALSE(r.timed_out);
    EXPECT_EQ(r.out, "out\n");
    EXPECT_EQ(r.err, "err\n");
    RunOptions merged;
    merged.merge_stderr = true;
    const RunResult m = run_binary({"sh", "-c", "echo out; echo err >&2"}, merged);
    EXPECT_EQ(m.out, "out\nerr\n");
    EXPECT_EQ(m.err, "");
}

TEST(RunBinary, ArgumentsReachTheProgramUnquoted) {
    const RunResult r = run_binary({"printf", "[%s]", "a b", "'c'", "$HOME", ""});
    EXPECT_EQ(r.out, "[a b]['c'][$HOME][]");
}

TEST(RunBinary, SignalStdinAndEnvironment) {
    EXPECT_EQ(run_binary({"sh", "-c", "kill -TERM $$"}).signal, SIGTERM);
    const fs::path input = scratch() / "input.txt";
    write_file(input, "from the file\n");
    RunOptions options;
    options.stdin_file = input.string();
    options.env = {"DEPORTMAP_SUPPORT_TEST=set here"};
    options.unset_env = {"HOME"};
    const RunResult r = run_binary(
        {"sh", "-c", "cat; echo \"$DEPORTMAP_SUPPORT_TEST\"; echo \"${HOME-unset}\""}, options);
    EXPECT_EQ(r.out, "from the file\nset here\nunset\n");
    // Without a file stdin is empty, never the test's own.
    EXPECT_EQ(run_binary({"cat"}).out, "");
}

TEST(RunBinary, AProgramThatCannotStartSaysSo) {
    const RunResult r = run_binary({"/nonexistent/deportmap-no-such-program"});
    EXPECT_FALSE(r.start_error.empty());
    EXPECT_EQ(r.exit_code, -1);
    EXPECT_NE(r.how_it_ended().find("not started"), std::string::npos) << r.how_it_ended();
    EXPECT_FALSE(on_path("deportmap-no-such-program"));
    EXPECT_TRUE(on_path("sh"));
}

TEST(RunBinary, LargeOutputDoesNotBlock) {
    // Far more than a pipe holds (64 KiB), on both streams at once.
    const RunResult r =
        run_binary({"sh", "-c", "head -c 3000000 /dev/zero; head -c 2000000 /dev/zero >&2"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_EQ(r.out.size(), 3000000u);
    EXPECT_EQ(r.err.size(), 2000000u);
}

TEST(RunBinary, TimeoutStopsTheWholeProcessGroup) {
    const fs::path pid_file = scratch() / "child.pid";
    RunOptions options;
    options.timeout = std::chrono::milliseconds(500);
    const auto start = std::chrono::steady_clock::now();
    // A shell that ignores SIGTERM, with a child of its own: both must go.
    const RunResult r =
        run_binary({"sh", "-c", "trap '' TERM; sleep 60 & echo $! >\"$1\"; wait; wait", "sh",
                    pid_file.string()},
                   options);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_TRUE(r.timed_out);
    EXPECT_EQ(r.exit_code, -1);
    EXPECT_EQ(r.signal, SIGKILL) << r.how_it_ended();
    EXPECT_LT(seconds, 20.0);
    const std::string child = slurp(pid_file).substr(0, slurp(pid_file).find('\n'));
    ASSERT_FALSE(child.empty());
    bool child_gone = false;
    for (int i = 0; i < 200 && !child_gone; ++i) {
        child_gone = gone(child);
        if (!child_gone) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_TRUE(child_gone) << "the grandchild " << child << " outlived the timeout";
}

TEST(RunBinary, AProcessCanBeSignalledWhileItRuns) {
    Process p({"sleep", "60"});
    ASSERT_TRUE(p.started());
    EXPECT_TRUE(p.running());
    p.signal(SIGINT);
    const RunResult r = p.wait();
    EXPECT_EQ(r.signal, SIGINT);
    EXPECT_FALSE(p.running());
}

TEST(Scratch, OneFolderPerTestAndFreshSubfolders) {
    const fs::path dir = scratch();
    EXPECT_NE(dir.filename().string().find("Scratch.OneFolderPerTestAndFreshSubfolders"),
              std::string::npos)
        << dir;
    EXPECT_NE(dir.filename().string().find(std::to_string(::getpid())), std::string::npos) << dir;
    write_file(dir / "kept.txt", "x");
    EXPECT_EQ(scratch(), dir);
    EXPECT_TRUE(fs::exists(dir / "kept.txt")) << "a second call in the same test emptied it";
    const fs::path sub = fresh_scratch_dir("sub");
    write_file(sub / "old.txt", "x");
    EXPECT_EQ(fresh_scratch_dir("sub"), sub);
    EXPECT_TRUE(fs::is_empty(sub)) << "fresh_scratch_dir did not empty its folder";
}

}  // namespace
}  // namespace deportmap::test
