// Temporary files of exports in progress, known to a signal handler: every export file is
// written under a hidden temporary name and renamed when complete; this registry lets
// SIGTERM, SIGINT or SIGHUP remove the temporary file (and stop an ffmpeg child) before
// the process dies, so an interrupted export leaves nothing behind. The handler only uses
// async-signal-safe calls (unlink, kill, waitpid, raise) on preallocated buffers.
#pragma once
#include <sys/types.h>

#include <string>

namespace deportmap::exporter {

// Creates a temporary file from `path_template` (ending in "XXXXXX", as for mkstemp),
// registered for removal on a fatal signal before it exists; `path_template` is updated
// to the created name. Returns the open descriptor, or -1 with errno set (nothing left
// registered).
int create_temp_file(std::string& path_template);

// Forgets the temporary file `path` (after it was renamed into place or removed).
void release_temp_path(const std::string& path);

// Releases a temporary file's registration when it goes out of scope (after the rename,
// or after the file was removed on an error).
class TempRegistration {
public:
    explicit TempRegistration(const std::string& path) : path_(path) {}
    ~TempRegistration() { release_temp_path(path_); }
    TempRegistration(const TempRegistration&) = delete;
    TempRegistration& operator=(const TempRegistration&) = delete;

private:
    const std::string& path_;
};

// Registers a temporary file another process creates (e.g. ffmpeg's output). Returns a
// slot for release_temp(), or -1 when all slots are busy or the path is too long (the
// file is then simply not cleaned up on a signal).
int register_temp_path(const std::string& path);


// A child process (ffmpeg) to kill, and wait for, before the temporary files are removed
// on a fatal signal; pid <= 0 forgets it.
void register_child(pid_t pid);

// Installs handlers for SIGTERM, SIGINT and SIGHUP that remove every registered
// temporary file, then re-raise the signal with its default action (so the exit status
// still says which signal ended the process). Idempotent.
void install_temp_cleanup_handlers();

}  // namespace deportmap::exporter
