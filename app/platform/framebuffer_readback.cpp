// Back-buffer readback for screenshots (see framebuffer_readback.hpp).
#include "platform/framebuffer_readback.hpp"

#include <glad/gl.h>

#include <algorithm>
#include <cstring>

namespace deportmap::platform {

RgbaPixels read_back_buffer(int width, int height) {
    RgbaPixels out;
    if (width <= 0 || height <= 0) return out;
    while (glGetError() != GL_NO_ERROR) {
    }
    const size_t row = static_cast<size_t>(width) * 4;
    std::vector<uint8_t> bottom_up(row * static_cast<size_t>(height));
    GLint previous_read_fbo = 0;
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &previous_read_fbo);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glReadBuffer(GL_BACK);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(previous_read_fbo));
    if (glGetError() != GL_NO_ERROR) return out;

    // GL's rows start at the bottom; images start at the top.
    out.width = width;
    out.height = height;
    out.rgba.resize(bottom_up.size());
    for (int y = 0; y < height; ++y) {
        std::memcpy(out.rgba.data() + static_cast<size_t>(y) * row,
                    bottom_up.data() + static_cast<size_t>(height - 1 - y) * row, row);
    }
    for (size_t i = 3; i < out.rgba.size(); i += 4) out.rgba[i] = 255;
    return out;
}

}  // namespace deportmap::platform
