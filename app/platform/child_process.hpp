// A child process started in the background with an argument vector (posix_spawn, no
// shell), its stderr captured through a pipe, polled without blocking. Used by the
// window's Export dialog to run `deportmap export` from /proc/self/exe.
#pragma once
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace deportmap::platform {

struct ChildResult {
    int exit_code = -1;     // the exit status, or 128 + signal when killed
    std::string stderr_text;  // everything the child wrote to stderr (at most 64 KiB kept)
};

class ChildProcess {
public:
    ChildProcess() = default;
    ~ChildProcess();  // waits for a running child (blocking) so no zombie is left
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // Starts `program` with `argv` (argv[0] included) and stdin from /dev/null. False
    // with a one-line reason in `error` when the pipe or the spawn fails, or a child is
    // already running.
    bool start(const std::string& program, const std::vector<std::string>& argv,
               std::string& error);
    bool running() const { return pid_ > 0; }
    // Reads what stderr has and checks whether the child ended (never blocks). Returns
    // the result once, when it has ended; nullopt while it runs or when none was started.
    std::optional<ChildResult> poll();
    // Blocks until the child ends (tests and shutdown).
    std::optional<ChildResult> wait();

private:
    void drain();
    pid_t pid_ = -1;
    int err_fd_ = -1;
    std::string stderr_;
};

}  // namespace deportmap::platform
