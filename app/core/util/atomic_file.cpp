// Atomic file writes (see atomic_file.hpp).
#include "core/util/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <thread>

namespace deportmap::util {
namespace {

// DEPORTMAP_TEST_WRITE_PAUSE_MS, read on each write (0 when unset or not a number).
long test_pause_ms() {
    const char* v = std::getenv("DEPORTMAP_TEST_WRITE_PAUSE_MS");
    if (v == nullptr) return 0;
    char* end = nullptr;
    const long ms = std::strtol(v, &end, 10);
    if (end == v || *end != '\0' || ms <= 0) return 0;
    return ms > 60000 ? 60000 : ms;
}

bool write_all(int fd, std::string_view bytes) {
    const long pause = test_pause_ms();
    const size_t half = bytes.size() / 2;
    size_t done = 0;
    while (done < bytes.size()) {
        // With the test knob, the first half goes out alone and the writer waits.
        const size_t limit = (pause > 0 && done < half) ? half : bytes.size();
        const ssize_t n = ::write(fd, bytes.data() + done, limit - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<size_t>(n);
        if (pause > 0 && done == half) std::this_thread::sleep_for(std::chrono::milliseconds(pause));
    }
    return true;
}

// The folder part of `path` with its trailing slash ("" for a bare name).
std::string folder_of(const std::string& path) {
    const size_t slash = path.rfind('/');
    return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

void sync_folder(const std::string& folder) {
    const int dir = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir < 0) return;  // the data is already on disk; only the rename's durability is at stake
    ::fsync(dir);
    ::close(dir);
}

}  // namespace

bool write_file_atomic(const std::string& path, std::string_view bytes, std::string& error,
                       const AtomicWriteHooks& hooks) {
    const std::string folder = folder_of(path);
    std::string temp = folder + "." + path.substr(folder.size()) + ".tmp-XXXXXX";
    const int fd = hooks.create != nullptr ? hooks.create(temp) : ::mkstemp(temp.data());
    auto fail = [&](int err, bool remove) {
        error = "cannot write " + path + ": " + std::strerror(err);
        if (remove) ::unlink(temp.c_str());
        if (hooks.release != nullptr && remove) hooks.release(temp);
        return false;
    };
    if (fd < 0) return fail(errno, false);
    struct stat old {};
    ::fchmod(fd, ::stat(path.c_str(), &old) == 0 ? (old.st_mode & 07777) : 0644);
    if (!write_all(fd, bytes)) {
        const int err = errno;
        ::close(fd);
        return fail(err, true);
    }
    if (::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        return fail(err, true);
    }
    if (::close(fd) != 0) return fail(errno, true);
    if (std::rename(temp.c_str(), path.c_str()) != 0) return fail(errno, true);
    if (hooks.release != nullptr) hooks.release(temp);
    sync_folder(folder);
    return true;
}

}  // namespace deportmap::util
