// ffmpeg child process with a frame pipe (see ffmpeg_pipe.hpp).
#include "platform/ffmpeg_pipe.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

extern char** environ;

namespace deportmap::platform {

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
    if (s.size() < suffix.size()) return false;
    for (size_t i = 0; i < suffix.size(); ++i) {
        const char c = s[s.size() - suffix.size() + i];
        if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != suffix[i]) return false;
    }
    return true;
}

}  // namespace

FfmpegPipe::FfmpegPipe(const std::string& path, int width, int height, int fps)
    : path_(path), frame_bytes_(static_cast<size_t>(width) * static_cast<size_t>(height) * 4) {
    const bool gif = ends_with(path, ".gif");
    if (!gif && !ends_with(path, ".mp4")) {
        throw FfmpegError("--animate " + path + ": the file must end in .mp4 or .gif");
    }
    if (fps < 1 || fps > 120) throw FfmpegError("--fps must be between 1 and 120");
    // A temporary name in the target folder; ffmpeg is told the format explicitly.
    const size_t slash = path.rfind('/');
    const std::string folder = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    temp_ = folder + "." + base + ".tmp-" + std::to_string(::getpid());

    signal(SIGPIPE, SIG_IGN);  // a dead ffmpeg shows as EPIPE on write, not a signal
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) throw FfmpegError(std::string("cannot start ffmpeg: ") + std::strerror(errno));
    const std::string size = std::to_string(width) + "x" + std::to_string(height);
    const std::string rate = std::to_string(fps);
    std::vector<std::string> args = {"ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin",
                                     "-y", "-f", "rawvideo", "-pix_fmt", "rgba", "-s", size,
                                     "-r", rate, "-i", "pipe:0"};
    if (gif) {
        for (const char* a : {"-filter_complex", "split[a][b];[a]palettegen=stats_mode=full[p];[b][p]paletteuse=dither=none",
                              "-loop", "0", "-f", "gif"}) {
            args.emplace_back(a);
        }
    } else {
        for (const char* a : {"-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-c:v", "libx264", "-preset", "veryfast",
                              "-crf", "18", "-pix_fmt", "yuv420p", "-movflags", "+faststart", "-f", "mp4"}) {
            args.emplace_back(a);
        }
    }
    args.push_back(temp_);
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[0], 0);
    const int rc = posix_spawnp(&pid_, "ffmpeg", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[0]);
    if (rc != 0) {
        ::close(fds[1]);
        pid_ = -1;
        throw FfmpegError(std::string("cannot start ffmpeg (install the Debian package ffmpeg): ") + std::strerror(rc));
    }
    fd_ = fds[1];
}

FfmpegPipe::~FfmpegPipe() {
    if (fd_ >= 0) ::close(fd_);
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        ::unlink(temp_.c_str());
    }
}

void FfmpegPipe::write_frame(std::span<const uint8_t> rgba) {
    if (fd_ < 0 || rgba.size() != frame_bytes_) throw FfmpegError("ffmpeg: bad frame");
    size_t done = 0;
    while (done < rgba.size()) {
        const ssize_t n = ::write(fd_, rgba.data() + done, rgba.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            throw FfmpegError("ffmpeg stopped while encoding " + path_ + ": " + std::strerror(errno));
        }
        done += static_cast<size_t>(n);
    }
}

void FfmpegPipe::finish() {
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
    }
    int status = 0;
    while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
    }
    pid_ = -1;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        ::unlink(temp_.c_str());
        throw FfmpegError("ffmpeg failed to encode " + path_);
    }
    if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(temp_.c_str());
        throw FfmpegError("cannot write " + path_ + ": " + why);
    }
}

}  // namespace deportmap::platform
