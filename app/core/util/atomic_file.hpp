// Writing a file so that it is never seen half written: the bytes go to a temporary file
// in the same folder (".NAME.tmp-XXXXXX"), which is flushed to disk (fsync) and then
// renamed over NAME; the folder is synced too, so the rename survives a power cut. A
// process killed at any point leaves NAME as it was before, or as it is after, never a
// mix (at worst a stray temporary file beside it, which nothing reads).
//
// Settings, stories and export sidecars all save through this one function.
//
// Testing knob: with DEPORTMAP_TEST_WRITE_PAUSE_MS=N in the environment the writer
// sleeps N ms (at most 60,000) half way through the temporary file, so a test can kill
// the process mid-write (tests/gui/test_kill_mid_write.cpp).
#pragma once
#include <string>
#include <string_view>

namespace deportmap::util {

// How the temporary file is made and forgotten; the export layer passes its own so a
// fatal signal removes it (export/temp_files.hpp). The defaults use mkstemp and nothing.
struct AtomicWriteHooks {
    int (*create)(std::string& path_template) = nullptr;  // as mkstemp; -1 with errno
    void (*release)(const std::string& temp_path) = nullptr;
};

// Writes `bytes` to `path` as described above. A new file gets mode 0644; an existing
// one keeps its mode. False with `error` = "cannot write PATH: reason" on failure, and
// then nothing is left behind and `path` is untouched.
bool write_file_atomic(const std::string& path, std::string_view bytes, std::string& error,
                       const AtomicWriteHooks& hooks = {});

}  // namespace deportmap::util
