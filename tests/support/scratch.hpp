// The one scratch folder of a test: every test that writes files writes them under
// scratch(), a folder of its own named after the running GoogleTest test and the process
// id, <TempDir>/deportmap-<Suite>.<Test>-<pid>/ (TempDir is GoogleTest's: $TEST_TMPDIR
// or /tmp/). The first call in a test empties it (a folder an earlier run left behind
// with the same pid is not reused as it is); later calls in the same test return the
// same folder untouched. After a test that passed the folder is removed; after one
// that failed it is kept and its path printed, to look at what the test wrote.
#pragma once
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace deportmap::test {

// "Suite.Test" of the running test ('/' of parameterised names made '_'), or
// "outside-a-test" (a suite's set-up, say).
inline std::string current_test_name() {
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string name = info != nullptr ? std::string(info->test_suite_name()) + "." + info->name()
                                       : std::string("outside-a-test");
    std::replace(name.begin(), name.end(), '/', '_');
    return name;
}

namespace detail {

// The folder of the test named `test_name` in this process.
inline std::filesystem::path scratch_path(const std::string& test_name) {
    return std::filesystem::path(::testing::TempDir()) /
           ("deportmap-" + test_name + "-" + std::to_string(::getpid()));
}

// Removes the folder of each test that passed once it ends; keeps a failed test's.
class ScratchCleanup : public ::testing::EmptyTestEventListener {
public:
    void OnTestEnd(const ::testing::TestInfo& info) override {
        std::string name = std::string(info.test_suite_name()) + "." + info.name();
        std::replace(name.begin(), name.end(), '/', '_');
        const std::filesystem::path dir = scratch_path(name);
        std::error_code ec;
        if (!std::filesystem::exists(dir, ec)) return;
        if (info.result() != nullptr && info.result()->Failed()) {
            std::printf("scratch folder kept: %s\n", dir.string().c_str());
        } else {
            std::filesystem::remove_all(dir, ec);
        }
    }
};

// The test whose folder was last emptied (so later calls in it leave it alone).
inline std::string& emptied_for() {
    static std::string name;
    return name;
}

inline void install_cleanup_once() {
    static const bool installed = [] {
        ::testing::UnitTest::GetInstance()->listeners().Append(new ScratchCleanup);
        return true;
    }();
    (void)installed;
}

}  // namespace detail

// This test's scratch folder (see the top of the file), created.
inline std::filesystem::path scratch() {
    const std::string name = current_test_name();
    const std::filesystem::path dir = detail::scratch_path(name);
    if (detail::emptied_for() != name) {
        detail::install_cleanup_once();
        std::filesystem::remove_all(dir);
        detail::emptied_for() = name;
    }
    std::filesystem::create_directories(dir);
    return dir;
}

// An empty folder `name` under scratch(), emptied on every call.
inline std::filesystem::path fresh_scratch_dir(const std::string& name) {
    const std::filesystem::path dir = scratch() / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

// A file's bytes ("" when it cannot be read).
inline std::string slurp(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

// Writes `bytes` to `path` exactly (no newline translation) and returns the path.
inline std::string write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    return path.string();
}

}  // namespace deportmap::test
