// Offscreen MSAA framebuffer, resolve and readback (see offscreen.hpp).
#include "render/offscreen_target.hpp"

#include <algorithm>
#include <cstring>
#include <string>

#include "render/error.hpp"

namespace deportmap::render {
namespace {

const char* framebuffer_status_name(GLenum status) {
    switch (status) {
        case GL_FRAMEBUFFER_UNDEFINED: return "GL_FRAMEBUFFER_UNDEFINED";
        case GL_FRAMEBUFFER_INCOMPLETE_ATTACHMENT: return "GL_FRAMEBUFFER_INCOMPLETE_ATTACHMENT";
        case GL_FRAMEBUFFER_INCOMPLETE_MISSING_ATTACHMENT:
            return "GL_FRAMEBUFFER_INCOMPLETE_MISSING_ATTACHMENT";
        case GL_FRAMEBUFFER_UNSUPPORTED: return "GL_FRAMEBUFFER_UNSUPPORTED";
        case GL_FRAMEBUFFER_INCOMPLETE_MULTISAMPLE:
            return "GL_FRAMEBUFFER_INCOMPLETE_MULTISAMPLE";
        default: return "an unknown framebuffer status";
    }
}

std::string size_text(int width, int height) {
    return std::to_string(width) + "x" + std::to_string(height);
}

// Throws when the framebuffer bound to GL_FRAMEBUFFER is not complete or an
// allocation reported an error.
void check_complete(const char* which, int width, int height) {
    const GLenum error = glGetError();
    gl::clear_errors();
    if (error == GL_OUT_OF_MEMORY) {
        throw RenderError("not enough GPU memory for a " + size_text(width, height) + " " +
                          which + " image");
    }
    if (error != GL_NO_ERROR) {
        throw RenderError(std::string("OpenGL error ") + gl::error_name(error) +
                          " while allocating a " + size_text(width, height) + " " + which +
                          " image");
    }
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    if (status != GL_FRAMEBUFFER_COMPLETE) {
        throw RenderError("the " + size_text(width, height) + " " + which +
                          " framebuffer is incomplete (" + framebuffer_status_name(status) +
                          ")");
    }
}

}  // namespace

int GlLimits::max_width() const {
    return std::min({max_renderbuffer_size, max_texture_size, max_viewport_width});
}
int GlLimits::max_height() const {
    return std::min({max_renderbuffer_size, max_texture_size, max_viewport_height});
}

GlLimits query_limits() {
    GlLimits limits;
    glGetIntegerv(GL_MAX_SAMPLES, &limits.max_samples);
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &limits.max_renderbuffer_size);
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &limits.max_texture_size);
    GLint dims[2] = {0, 0};
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, dims);
    limits.max_viewport_width = dims[0];
    limits.max_viewport_height = dims[1];
    limits.max_samples = std::max(limits.max_samples, 1);
    return limits;
}

OffscreenTarget::OffscreenTarget(int width, int height, int samples) {
    if (width <= 0 || height <= 0) {
        throw RenderError("image size " + size_text(width, height) + " must be positive");
    }
    const GlLimits limits = query_limits();
    if (width > limits.max_width() || height > limits.max_height()) {
        throw RenderError("image size " + size_text(width, height) +
                          " exceeds this OpenGL driver's limit of " +
                          size_text(limits.max_width(), limits.max_height()) + " pixels");
    }
    width_ = width;
    height_ = height;
    samples_ = std::clamp(samples, 1, limits.max_samples);

    GLint previous_fbo = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous_fbo);
    gl::clear_errors();
    // The multisampled buffer first: it is the largest, and when the driver cannot give
    // it (llvmpipe refuses 4x at 16384x16384) fewer samples are tried before giving up,
    // without first touching the memory of the resolved image.
    while (samples_ > 1) {
        msaa_color_ = gl::Renderbuffer::create();
        glBindRenderbuffer(GL_RENDERBUFFER, msaa_color_.id());
        glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples_, GL_RGBA8, width, height);
        glBindRenderbuffer(GL_RENDERBUFFER, 0);
        msaa_fbo_ = gl::Framebuffer::create();
        glBindFramebuffer(GL_FRAMEBUFFER, msaa_fbo_.id());
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER,
                                  msaa_color_.id());
        try {
            check_complete("multisampled", width, height);
            break;
        } catch (const RenderError&) {
            glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_fbo));
            msaa_fbo_.reset();
            msaa_color_.reset();
            samples_ /= 2;
        }
    }

    resolved_color_ = gl::Texture::create();
    glBindTexture(GL_TEXTURE_2D, resolved_color_.id());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                 nullptr);
    glBindTexture(GL_TEXTURE_2D, 0);
    resolved_fbo_ = gl::Framebuffer::create();
    glBindFramebuffer(GL_FRAMEBUFFER, resolved_fbo_.id());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D,
                           resolved_color_.id(), 0);
    try {
        check_complete("colour", width, height);
    } catch (...) {
        glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_fbo));
        throw;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous_fbo));
}

void OffscreenTarget::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, samples_ > 1 ? msaa_fbo_.id() : resolved_fbo_.id());
    glViewport(0, 0, width_, height_);
}

void OffscreenTarget::resolve() const {
    if (samples_ <= 1) return;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, msaa_fbo_.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolved_fbo_.id());
    glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT,
                      GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

void OffscreenTarget::copy_from_window(int width, int height) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolved_fbo_.id());
    const bool same = width == width_ && height == height_;
    glBlitFramebuffer(0, 0, width, height, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, same ? GL_NEAREST : GL_LINEAR);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

std::vector<uint8_t> OffscreenTarget::read_rgba() const {
    std::vector<uint8_t> pixels;
    read_rgba(pixels);
    return pixels;
}

void OffscreenTarget::read_rgba(std::vector<uint8_t>& pixels, bool top_down) const {
    resolve();
    const size_t row = static_cast<size_t>(width_) * 4;
    pixels.resize(row * static_cast<size_t>(height_));
    gl::clear_errors();
    glBindFramebuffer(GL_READ_FRAMEBUFFER, resolved_fbo_.id());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    const GLenum error = glGetError();
    if (error != GL_NO_ERROR) {
        throw RenderError(std::string("reading back the rendered image failed: ") +
                          gl::error_name(error));
    }
    // GL's rows run bottom-up; images are stored top-down.
    if (!top_down) return;
    std::vector<uint8_t> swap(row);
    for (int y = 0; y < height_ / 2; ++y) {
        uint8_t* top = pixels.data() + static_cast<size_t>(y) * row;
        uint8_t* bottom = pixels.data() + static_cast<size_t>(height_ - 1 - y) * row;
        std::memcpy(swap.data(), top, row);
        std::memcpy(top, bottom, row);
        std::memcpy(bottom, swap.data(), row);
    }
}

std::array<uint8_t, 4> OffscreenTarget::read_pixel(int x, int y) const {
    std::array<uint8_t, 4> pixel{0, 0, 0, 0};
    if (x < 0 || y < 0 || x >= width_ || y >= height_) return pixel;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, resolved_fbo_.id());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(x, height_ - 1 - y, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
    return pixel;
}

}  // namespace deportmap::render
