// A single-channel (R8) texture with its framebuffer, the size of the target, into which
// border segments write their coverage with GL_MAX blending (border.frag) before one
// composite pass paints the border colour (border_composite.frag). Used by the flat map
// renderer and the globe renderer. Needs a current GL context.
#pragma once
#include "core/color.hpp"
#include "render/gl/objects.hpp"

namespace deportmap::render {

class CoverageBuffer {
public:
    // (Re)allocates for width x height when the size changed. Throws RenderError naming
    // the size when the driver cannot allocate it or the framebuffer is incomplete.
    // Leaves GL_DRAW_FRAMEBUFFER bound to this buffer's framebuffer.
    void ensure(int width, int height);
    GLuint framebuffer() const { return fbo_.id(); }
    GLuint texture() const { return texture_.id(); }
    // Paints `color`, weighted by the coverage gathered here, over the framebuffer
    // `target` (bound for drawing afterwards) with the usual alpha blending; uses
    // texture unit 0. The composite program is compiled on first use.
    void composite(GLuint target, Color color);

private:
    gl::Program program_;
    GLint coverage_uniform_ = -1;
    GLint color_uniform_ = -1;
    gl::VertexArray empty_vao_;
    gl::Texture texture_;
    gl::Framebuffer fbo_;
    int width_ = 0;
    int height_ = 0;
};

}  // namespace deportmap::render
