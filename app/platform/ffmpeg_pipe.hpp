// Encodes an animation by piping raw RGBA frames into ffmpeg (Debian package ffmpeg),
// spawned with an argument vector (no shell) and no temporary frame files. MP4 uses
// H.264 (yuv420p, even size); GIF uses a palette generated from the frames in the same
// filter graph (palettegen + paletteuse). The output is written under a temporary name in
// the target folder and renamed when ffmpeg succeeds.
#pragma once
#include <sys/types.h>

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>

namespace deportmap::platform {

struct FfmpegError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class FfmpegPipe {
public:
    // Starts ffmpeg for `path` (.mp4 or .gif, by extension) at width x height and `fps`.
    // Throws FfmpegError (one line) when the extension is unknown or ffmpeg cannot start.
    FfmpegPipe(const std::string& path, int width, int height, int fps);
    ~FfmpegPipe();  // abandons an unfinished encode (kills ffmpeg, removes the temp file)
    FfmpegPipe(const FfmpegPipe&) = delete;
    FfmpegPipe& operator=(const FfmpegPipe&) = delete;

    // Writes one frame (width * height * 4 bytes); throws FfmpegError if ffmpeg quit.
    void write_frame(std::span<const uint8_t> rgba);
    // Closes the pipe, waits for ffmpeg and renames the file into place; throws
    // FfmpegError when ffmpeg failed.
    void finish();

    // The temporary output file and ffmpeg's process id (-1 once finished), so a signal
    // handler can stop ffmpeg and remove its partial output.
    const std::string& temp_path() const { return temp_; }
    pid_t pid() const { return pid_; }

private:
    std::string path_;
    std::string temp_;
    size_t frame_bytes_ = 0;
    int fd_ = -1;
    pid_t pid_ = -1;
};

}  // namespace deportmap::platform
