// Registry of temporary export files for cleanup on a fatal signal (see temp_files.hpp).
#include "export/temp_files.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace deportmap::exporter {
namespace {

// A few files can be in progress at once (a PNG frame, the sidecar, ffmpeg's output).
constexpr int kSlots = 8;
constexpr size_t kPathMax = 4096;

enum SlotState : int { kFree = 0, kClaimed = 1, kActive = 2 };

// Preallocated, so the handler never allocates; paths are read only while kActive.
char g_paths[kSlots][kPathMax];
std::atomic<int> g_state[kSlots];
std::atomic<pid_t> g_child{0};
std::atomic<bool> g_installed{false};

static_assert(std::atomic<int>::is_always_lock_free, "the signal handler needs lock-free atomics");
static_assert(std::atomic<pid_t>::is_always_lock_free, "the signal handler needs lock-free atomics");

// Claims a free slot and copies `path` into it (not yet active); -1 when none is free or
// the path does not fit.
int claim(const std::string& path) {
    if (path.size() >= kPathMax || path.find('\0') != std::string::npos) return -1;
    for (int i = 0; i < kSlots; ++i) {
        int expected = kFree;
        if (g_state[i].compare_exchange_strong(expected, kClaimed)) {
            std::memcpy(g_paths[i], path.c_str(), path.size() + 1);
            return i;
        }
    }
    return -1;
}

void cleanup_handler(int sig) {
    const int saved = errno;
    const pid_t child = g_child.load();
    if (child > 0) {
        // Stopped and reaped first, so it cannot create or write its file afterwards.
        ::kill(child, SIGKILL);
        while (::waitpid(child, nullptr, 0) < 0 && errno == EINTR) {
        }
    }
    for (int i = 0; i < kSlots; ++i) {
        if (g_state[i].load() == kActive) ::unlink(g_paths[i]);
    }
    errno = saved;
    // SA_RESETHAND restored the default action; the signal is blocked in the handler and
    // delivered (ending the process) as soon as the handler returns.
    ::raise(sig);
}

}  // namespace

int create_temp_file(std::string& path_template) {
    const int slot = claim(path_template);
    if (slot < 0) {
        return ::mkstemp(path_template.data());
    }
    // Active before the file exists: a signal between mkstemp's open and our return still
    // finds the name in the slot (mkstemp fills the name before it creates the file).
    g_state[slot].store(kActive);
    const int fd = ::mkstemp(g_paths[slot]);
    if (fd < 0) {
        const int error = errno;
        g_state[slot].store(kFree);
        errno = error;
        return -1;
    }
    path_template.assign(g_paths[slot]);
    return fd;
}

int register_temp_path(const std::string& path) {
    const int slot = claim(path);
    if (slot >= 0) g_state[slot].store(kActive);
    return slot;
}

void release_temp_path(const std::string& path) {
    for (int i = 0; i < kSlots; ++i) {
        if (g_state[i].load() == kActive && path == g_paths[i]) {
            g_state[i].store(kFree);
            return;
        }
    }
}

void register_child(pid_t pid) { g_child.store(pid > 0 ? pid : 0); }

void install_temp_cleanup_handlers() {
    if (g_installed.exchange(true)) return;
    struct sigaction action {};
    action.sa_handler = cleanup_handler;
    sigemptyset(&action.sa_mask);
    for (const int sig : {SIGTERM, SIGINT, SIGHUP}) sigaddset(&action.sa_mask, sig);
    action.sa_flags = SA_RESETHAND;
    for (const int sig : {SIGTERM, SIGINT, SIGHUP}) {
        struct sigaction old {};
        // A signal the caller's parent ignored (e.g. nohup) stays ignored.
        if (::sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        ::sigaction(sig, &action, nullptr);
    }
}

}  // namespace deportmap::exporter
