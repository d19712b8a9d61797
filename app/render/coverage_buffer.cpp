// The border coverage buffer (see coverage_buffer.hpp).
#include "render/coverage_buffer.hpp"

#include <string>

#include "render/error.hpp"

namespace deportmap::render {

void CoverageBuffer::composite(GLuint target, Color color) {
    if (!program_) {
        program_ = gl::load_program("fullscreen.vert", "border_composite.frag");
        coverage_uniform_ = program_.uniform("u_coverage");
        color_uniform_ = program_.uniform("u_border_color");
        empty_vao_ = gl::VertexArray::create();
    }
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target);
    glBlendEquation(GL_FUNC_ADD);
    program_.use();
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture_.id());
    glUniform1i(coverage_uniform_, 0);
    glUniform4f(color_uniform_, color.r / 255.0f, color.g / 255.0f, color.b / 255.0f, color.a / 255.0f);
    glBindVertexArray(empty_vao_.id());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindTexture(GL_TEXTURE_2D, 0);
}

void CoverageBuffer::ensure(int width, int height) {
    if (texture_ && width_ == width && height_ == height) {
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fbo_.id());
        return;
    }
    fbo_.reset();
    texture_.reset();
    width_ = height_ = 0;
    gl::clear_errors();
    texture_ = gl::Texture::create();
    glBindTexture(GL_TEXTURE_2D, texture_.id());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, width, height, 0, GL_RED, GL_UNSIGNED_BYTE, nullptr);
    glBindTexture(GL_TEXTURE_2D, 0);
    fbo_ = gl::Framebuffer::create();
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fbo_.id());
    glFramebufferTexture2D(GL_DRAW_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D,
                           texture_.id(), 0);
    const GLenum error = glGetError();
    const GLenum status = glCheckFramebufferStatus(GL_DRAW_FRAMEBUFFER);
    if (error != GL_NO_ERROR || status != GL_FRAMEBUFFER_COMPLETE) {
        fbo_.reset();
        texture_.reset();
        throw RenderError("cannot allocate the " + std::to_string(width) + "x" +
                          std::to_string(height) + " border buffer (" +
                          (error != GL_NO_ERROR ? gl::error_name(error) : "incomplete") + ")");
    }
    width_ = width;
    height_ = height;
}

}  // namespace deportmap::render
