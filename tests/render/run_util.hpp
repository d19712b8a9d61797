// Running commands (mostly the built deportmap binary) from render tests: capture the
// exit code, stdout and stderr, and check the one-line error contract.
#pragma once
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "image_check.hpp"

namespace deportmap::test {

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

inline std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// This test's scratch folder (created) under the test's working folder.
inline std::filesystem::path scratch() {
    const std::filesystem::path dir = output_folder();
    std::filesystem::create_directories(dir);
    return dir;
}

// An empty folder `name` under scratch() (emptied first if an earlier run left it).
inline std::filesystem::path fresh_scratch_dir(const std::string& name) {
    const std::filesystem::path dir = scratch() / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// Runs a shell command line (arguments already quoted), capturing stdout and stderr
// in the scratch folder. A signal death reads as 128 + the signal, like a shell.
inline RunResult run_command(const std::string& command_line) {
    const std::filesystem::path dir = scratch();
    const std::filesystem::path out = dir / "stdout.txt";
    const std::filesystem::path err = dir / "stderr.txt";
    const std::string command = command_line + " >'" + out.string() + "' 2>'" + err.string() + "'";
    const int status = std::system(command.c_str());
    RunResult run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.out = slurp(out);
    run.err = slurp(err);
    return run;
}

// Runs the built binary with `arguments`, after an optional environment prefix.
inline RunResult run_deportmap(const std::string& arguments, const std::string& environment = "") {
    return run_command(environment + " '" + std::string(DEPORTMAP_BINARY) + "' " + arguments);
}

// The exit code and a single stderr line "deportmap: ..." holding `fragment`.
inline void expect_one_line_error(const RunResult& run, int exit_code, const std::string& fragment) {
    EXPECT_EQ(run.exit_code, exit_code) << run.err;
    ASSERT_FALSE(run.err.empty());
    EXPECT_EQ(run.err.find('\n'), run.err.size() - 1) << "more than one line: " << run.err;
    EXPECT_EQ(run.err.rfind("deportmap: ", 0), 0u) << run.err;
    EXPECT_NE(run.err.find(fragment), std::string::npos) << run.err;
}

}  // namespace deportmap::test
