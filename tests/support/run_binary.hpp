// The one way tests run a program (the built deportmap, a helper such as xmllint or
// ffprobe, the X server wrapper): an argv, never a shell line, so nothing needs quoting.
//
//   RunResult r = run_binary({DEPORTMAP_BINARY, "export", "--out", path});
//   Process p({DEPORTMAP_BINARY, ...});  ...  p.signal(SIGTERM);  RunResult r = p.wait();
//
// The child is started with posix_spawnp (fork + exec without the copy of a
// multithreaded test process, whose GL driver threads make a plain fork() unsafe to do
// more than exec in). It gets its own process group; stdin is /dev/null or a file;
// stdout and stderr go to anonymous in-memory files (memfd), read once it has ended, so
// no pipe can fill up and block it, and a grandchild that keeps them open (an X server,
// ffmpeg) cannot hold the test waiting for end-of-file. A run that outlives its timeout
// has its whole process group killed and reads timed_out.
//
// The only shell in tests is one started through this runner, where a test needs two
// programs side by side under one X server (gui/test_window_state.cpp's drop test).
#pragma once
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

extern char** environ;

namespace deportmap::test {

struct RunOptions {
    std::vector<std::string> env;        // "NAME=value": set (replacing any inherited value)
    std::vector<std::string> unset_env;  // names removed from the inherited environment
    std::string stdin_file;              // empty: stdin is /dev/null
    bool merge_stderr = false;           // stderr into `out` as well (err stays empty), as 2>&1
    // Below the shortest ctest TIMEOUT of a test that runs programs (120 s), so that a
    // hang is reported here, with what the program wrote, rather than by ctest.
    std::chrono::milliseconds timeout = std::chrono::seconds(110);
};

struct RunResult {
    int exit_code = -1;  // the exit status; -1 when it did not exit (signal, timeout, not started)
    int signal = 0;      // the signal that ended it, 0 when it exited
    bool timed_out = false;
    std::string out;
    std::string err;
    std::string start_error;  // why it could not be started ("" when it was)

    // "exit 2", "signal 9", "timed out", "not started: ..." (for failure messages).
    std::string how_it_ended() const {
        if (!start_error.empty()) return "not started: " + start_error;
        if (timed_out) return "timed out (process group killed)";
        if (signal != 0) return "signal " + std::to_string(signal);
        return "exit " + std::to_string(exit_code);
    }
};

// Whether `name` is an executable file in a folder of $PATH (as `command -v` finds it).
inline bool on_path(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::stringstream folders(path != nullptr ? path : "/usr/bin:/bin");
    for (std::string folder; std::getline(folders, folder, ':');) {
        const std::string candidate = (folder.empty() ? std::string(".") : folder) + "/" + name;
        if (::access(candidate.c_str(), X_OK) == 0) return true;
    }
    return false;
}

// A started program; see the top of the file. Destroying it while the program still runs
// kills its process group and reaps it, so no test leaves a child behind.
class Process {
public:
    explicit Process(std::vector<std::string> argv, RunOptions options = {})
        : options_(std::move(options)), started_(std::chrono::steady_clock::now()) {
        start(std::move(argv));
    }
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;
    ~Process() {
        if (pid_ > 0 && !reaped_) {
            ::kill(-pid_, SIGKILL);
            reap(0);
        }
        close_fd(out_fd_);
        close_fd(err_fd_);
    }

    pid_t pid() const { return pid_; }
    bool started() const { return pid_ > 0; }

    // True while the program has not ended (an ended one is reaped here).
    bool running() { return pid_ > 0 && !reaped_ && !reap(WNOHANG); }

    // Sends `sig` to the program itself (not its group: what it does with its own
    // children is what some tests check).
    void signal(int sig) const {
        if (pid_ > 0 && !reaped_) ::kill(pid_, sig);
    }

    // Waits for the end (killing the group once the timeout has passed since the start)
    // and returns how it ended with everything it wrote.
    RunResult wait() {
        RunResult result;
        result.start_error = start_error_;
        if (pid_ <= 0) return result;
        const auto deadline = started_ + options_.timeout;
        auto pause = std::chrono::milliseconds(1);
        while (!reaped_ && !reap(WNOHANG)) {
            if (std::chrono::steady_clock::now() >= deadline) {
                stop_group();
                break;
            }
            std::this_thread::sleep_for(pause);
            pause = std::min(pause * 2, std::chrono::milliseconds(20));
        }
        result.timed_out = timed_out_;
        if (WIFEXITED(status_) && !timed_out_) result.exit_code = WEXITSTATUS(status_);
        if (WIFSIGNALED(status_)) result.signal = WTERMSIG(status_);
        result.out = read_all(out_fd_);
        result.err = read_all(err_fd_);
        return result;
    }

private:
    void start(std::vector<std::string> argv) {
        if (argv.empty()) {
            start_error_ = "empty argv";
            return;
        }
        program_ = argv[0];
        out_fd_ = ::memfd_create("stdout", MFD_CLOEXEC);
        err_fd_ = options_.merge_stderr ? -1 : ::memfd_create("stderr", MFD_CLOEXEC);
        if (out_fd_ < 0 || (!options_.merge_stderr && err_fd_ < 0)) {
            start_error_ = std::string("memfd_create: ") + std::strerror(errno);
            return;
        }
        std::vector<std::string> environment = environment_for(options_);
        std::vector<char*> args = pointers(argv);
        std::vector<char*> envp = pointers(environment);

        posix_spawn_file_actions_t files;
        posix_spawn_file_actions_init(&files);
        const std::string input = options_.stdin_file.empty() ? "/dev/null" : options_.stdin_file;
        posix_spawn_file_actions_addopen(&files, 0, input.c_str(), O_RDONLY, 0);
        posix_spawn_file_actions_adddup2(&files, out_fd_, 1);
        posix_spawn_file_actions_adddup2(&files, options_.merge_stderr ? out_fd_ : err_fd_, 2);

        posix_spawnattr_t attributes;
        posix_spawnattr_init(&attributes);
        // Its own process group (so a timeout can kill all of it), no blocked signals,
        // and the default action for the signals a test runner may have changed.
        sigset_t none, defaults;
        sigemptyset(&none);
        sigemptyset(&defaults);
        for (int s : {SIGPIPE, SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGCHLD}) sigaddset(&defaults, s);
        posix_spawnattr_setpgroup(&attributes, 0);
        posix_spawnattr_setsigmask(&attributes, &none);
        posix_spawnattr_setsigdefault(&attributes, &defaults);
        posix_spawnattr_setflags(
            &attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

        pid_t pid = 0;
        const int error =
            ::posix_spawnp(&pid, program_.c_str(), &files, &attributes, args.data(), envp.data());
        posix_spawnattr_destroy(&attributes);
        posix_spawn_file_actions_destroy(&files);
        if (error != 0) {
            start_error_ = program_ + ": " + std::strerror(error);
            std::fprintf(stderr, "run_binary: cannot start %s\n", start_error_.c_str());
            return;
        }
        pid_ = pid;
    }

    // The timeout: SIGTERM to the whole group (so a wrapper such as xserver_run.sh can
    // stop its server and clean up), SIGKILL to what is left after a grace period.
    void stop_group() {
        timed_out_ = true;
        std::fprintf(stderr, "run_binary: %s ran past its %lld ms; stopping its process group\n",
                     program_.c_str(), static_cast<long long>(options_.timeout.count()));
        ::kill(-pid_, SIGTERM);
        const auto grace = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (!reap(WNOHANG)) {
            if (std::chrono::steady_clock::now() >= grace) {
                ::kill(-pid_, SIGKILL);
                reap(0);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        ::kill(-pid_, SIGKILL);  // whatever of the group outlived its leader
    }

    // True once the program has ended (and is reaped); `flags` 0 waits for it.
    bool reap(int flags) {
        int status = 0;
        for (;;) {
            const pid_t got = ::waitpid(pid_, &status, flags);
            if (got == pid_) break;
            if (got == 0) return false;
            if (errno == EINTR) continue;
            status = 0;  // already reaped elsewhere: nothing more to learn
            break;
        }
        status_ = status;
        reaped_ = true;
        return true;
    }

    static std::vector<std::string> environment_for(const RunOptions& options) {
        const auto name_of = [](const std::string& entry) {
            return entry.substr(0, entry.find('='));
        };
        const auto replaced = [&](const std::string& name) {
            for (const std::string& u : options.unset_env) {
                if (u == name) return true;
            }
            for (const std::string& e : options.env) {
                if (name_of(e) == name) return true;
            }
            return false;
        };
        std::vector<std::string> out;
        for (char** e = environ; e != nullptr && *e != nullptr; ++e) {
            if (!replaced(name_of(*e))) out.emplace_back(*e);
        }
        out.insert(out.end(), options.env.begin(), options.env.end());
        return out;
    }

    static std::vector<char*> pointers(std::vector<std::string>& strings) {
        std::vector<char*> out;
        for (std::string& s : strings) out.push_back(s.data());
        out.push_back(nullptr);
        return out;
    }

    static std::string read_all(int fd) {
        std::string text;
        if (fd < 0 || ::lseek(fd, 0, SEEK_SET) != 0) return text;
        char buffer[65536];
        for (;;) {
            const ssize_t n = ::read(fd, buffer, sizeof buffer);
            if (n > 0) {
                text.append(buffer, static_cast<size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                break;
            }
        }
        return text;
    }

    static void close_fd(int& fd) {
        if (fd >= 0) ::close(fd);
        fd = -1;
    }

    RunOptions options_;
    std::chrono::steady_clock::time_point started_;
    std::string program_;
    std::string start_error_;
    pid_t pid_ = -1;
    int out_fd_ = -1;
    int err_fd_ = -1;
    int status_ = 0;
    bool reaped_ = false;
    bool timed_out_ = false;
};

// Runs `argv` to its end (or its timeout) and returns how it ended and what it wrote.
inline RunResult run_binary(std::vector<std::string> argv, RunOptions options = {}) {
    Process process(std::move(argv), std::move(options));
    return process.wait();
}

#ifdef DEPORTMAP_BINARY
// The built deportmap with `arguments`.
inline RunResult run_deportmap(std::vector<std::string> arguments, RunOptions options = {}) {
    arguments.insert(arguments.begin(), DEPORTMAP_BINARY);
    return run_binary(std::move(arguments), std::move(options));
}

// The same with no display in its environment: commands that must not need one.
inline RunResult run_deportmap_headless(std::vector<std::string> arguments) {
    RunOptions options;
    options.unset_env = {"DISPLAY", "WAYLAND_DISPLAY"};
    return run_deportmap(std::move(arguments), std::move(options));
}
#endif

// `text` split at '\n' (a last line without one counts; no empty line after a final '\n').
inline std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

// The one-line error contract of the binary: exit code `exit_code` and a single stderr
// line "deportmap: ..." holding `fragment`.
inline void expect_one_line_error(const RunResult& run, int exit_code,
                                  const std::string& fragment) {
    EXPECT_EQ(run.exit_code, exit_code) << run.how_it_ended() << ": " << run.err;
    ASSERT_FALSE(run.err.empty()) << run.how_it_ended();
    EXPECT_EQ(run.err.find('\n'), run.err.size() - 1) << "more than one line: " << run.err;
    EXPECT_EQ(run.err.rfind("deportmap: ", 0), 0u) << run.err;
    EXPECT_NE(run.err.find(fragment), std::string::npos) << run.err;
}

}  // namespace deportmap::test
