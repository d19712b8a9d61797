// Reads the window's finished frame back from the GPU (for --screenshot), as RGBA rows
// ordered top to bottom. GL calls live here so UI code never touches GL.
#pragma once
#include <cstdint>
#include <vector>

namespace deportmap::platform {

struct RgbaPixels {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgba;  // width * height * 4 bytes, first row = top of the image
};

// Reads width x height pixels from the back buffer of the current context's default
// framebuffer (call after drawing, before swapping). Alpha is forced to 255 so the
// result is opaque. Returns an empty image when the size is not positive or GL
// reports an error.
RgbaPixels read_back_buffer(int width, int height);

}  // namespace deportmap::platform
