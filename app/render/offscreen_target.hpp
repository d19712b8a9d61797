// An offscreen render target: a multisampled framebuffer (4x MSAA where the driver has
// it) resolved into a single-sample colour texture, read back as top-down RGBA rows.
// This is what headless export renders into, and what a UI can show as a texture.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "render/gl/objects.hpp"

namespace deportmap::render {

// What the current context's driver allows.
struct GlLimits {
    int max_samples = 1;
    int max_renderbuffer_size = 0;
    int max_texture_size = 0;
    int max_viewport_width = 0;
    int max_viewport_height = 0;

    // Largest width and height a target may have (the smallest of the limits above).
    int max_width() const;
    int max_height() const;
};

// Queries the current context. Needs a current OpenGL context.
GlLimits query_limits();

class OffscreenTarget {
public:
    // Allocates a width x height target with `samples` MSAA samples (clamped to the
    // driver's GL_MAX_SAMPLES; 1 means no multisampling). When the driver cannot give
    // that many at this size, halves them down to 1 (samples() says what was given).
    // Throws RenderError with one line when the size is not positive, exceeds the
    // driver's limits, or even the single-sample image cannot be allocated
    // (GL_OUT_OF_MEMORY, incomplete framebuffer).
    OffscreenTarget(int width, int height, int samples = 4);

    int width() const { return width_; }
    int height() const { return height_; }
    int samples() const { return samples_; }

    // Binds the (multisampled) framebuffer for drawing and sets the viewport to it.
    void bind() const;
    // Resolves the multisampled image into the colour texture (no-op without MSAA).
    void resolve() const;
    // Resolves, then reads the image as RGBA8, rows top-down (row 0 = top of the map).
    // Throws RenderError if the driver reports an error while reading.
    std::vector<uint8_t> read_rgba() const;
    // The same into `pixels` (resized to width * height * 4), so a caller rendering many
    // tiles reuses one buffer; `top_down` false leaves GL's bottom-up row order (a caller
    // copying rows elsewhere anyway saves a pass).
    void read_rgba(std::vector<uint8_t>& pixels, bool top_down = true) const;
    // One pixel of the last resolved image (x, y from the top-left), as RGBA.
    std::array<uint8_t, 4> read_pixel(int x, int y) const;
    // Copies the current context's window framebuffer (its back buffer: `width` x
    // `height` pixels from the bottom-left) into the colour texture, scaled to this
    // target's size with linear filtering (a multisampled window framebuffer can only be
    // copied at its own size). Leaves the framebuffer binding at the window's.
    void copy_from_window(int width, int height) const;
    // The resolved colour texture (valid after resolve()); origin bottom-left, as GL.
    GLuint color_texture() const { return resolved_color_.id(); }

private:
    int width_ = 0;
    int height_ = 0;
    int samples_ = 1;
    gl::Renderbuffer msaa_color_;
    gl::Framebuffer msaa_fbo_;
    gl::Texture resolved_color_;
    gl::Framebuffer resolved_fbo_;
};

}  // namespace deportmap::render
