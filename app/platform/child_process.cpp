// Background child process with captured stderr (see child_process.hpp).
#include "platform/child_process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace deportmap::platform {
namespace {
constexpr size_t kMaxStderr = 64 * 1024;

ChildResult result_of(int status, std::string text) {
    ChildResult r;
    if (WIFEXITED(status)) {
        r.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        r.exit_code = 128 + WTERMSIG(status);
    }
    r.stderr_text = std::move(text);
    return r;
}
}  // namespace

ChildProcess::~ChildProcess() { wait(); }

bool ChildProcess::start(const std::string& program, const std::vector<std::string>& argv,
                         std::string& error) {
    if (pid_ > 0) {
        error = "an export is already running";
        return false;
    }
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        error = std::string("cannot create a pipe: ") + std::strerror(errno);
        return false;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 2);
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        error = "cannot start " + program + ": " + std::strerror(rc);
        return false;
    }
    fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    pid_ = pid;
    err_fd_ = fds[0];
    stderr_.clear();
    return true;
}

void ChildProcess::drain() {
    if (err_fd_ < 0) return;
    char buf[4096];
    for (;;) {
        const ssize_t n = read(err_fd_, buf, sizeof buf);
        if (n > 0) {
            if (stderr_.size() < kMaxStderr) stderr_.append(buf, static_cast<size_t>(n));
            continue;
        }
        if (n < 0 && errno == EINTR) continue;
        if (n == 0) {  // end of file: the child closed stderr
            close(err_fd_);
            err_fd_ = -1;
        }
        return;  // EAGAIN or an error
    }
}

std::optional<ChildResult> ChildProcess::poll() {
    if (pid_ <= 0) return std::nullopt;
    drain();
    int status = 0;
    const pid_t r = waitpid(pid_, &status, WNOHANG);
    if (r == 0) return std::nullopt;
    pid_ = -1;
    if (err_fd_ >= 0) {
        // The child ended: read the rest (a grandchild could hold the pipe; stop at EAGAIN).
        drain();
        if (err_fd_ >= 0) close(err_fd_);
        err_fd_ = -1;
    }
    if (r < 0) return ChildResult{-1, "waitpid failed: " + std::string(std::strerror(errno))};
    return result_of(status, std::move(stderr_));
}

std::optional<ChildResult> ChildProcess::wait() {
    if (pid_ <= 0) return std::nullopt;
    int status = 0;
    pid_t r;
    do {
        drain();
        r = waitpid(pid_, &status, WNOHANG);
        if (r == 0) usleep(5000);
    } while (r == 0);
    pid_ = -1;
    drain();
    if (err_fd_ >= 0) close(err_fd_);
    err_fd_ = -1;
    if (r < 0) return ChildResult{-1, "waitpid failed"};
    return result_of(status, std::move(stderr_));
}

}  // namespace deportmap::platform
