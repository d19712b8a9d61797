// GL error reporting (see gl.hpp).
#include "render/gl/gl.hpp"

#include <string>

#include "render/error.hpp"

namespace deportmap::render::gl {

const char* error_name(GLenum error) {
    switch (error) {
        case GL_NO_ERROR: return "GL_NO_ERROR";
        case GL_INVALID_ENUM: return "GL_INVALID_ENUM";
        case GL_INVALID_VALUE: return "GL_INVALID_VALUE";
        case GL_INVALID_OPERATION: return "GL_INVALID_OPERATION";
        case GL_INVALID_FRAMEBUFFER_OPERATION: return "GL_INVALID_FRAMEBUFFER_OPERATION";
        case GL_OUT_OF_MEMORY: return "GL_OUT_OF_MEMORY";
        default: return "unknown GL error";
    }
}

void use_nearest_filtering(GLuint texture) {
    GLint bound = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &bound);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(bound));
}

void check_error(const char* what, const char* file, int line) {
    const GLenum first = glGetError();
    if (first == GL_NO_ERROR) return;
    // glGetError reports one flag per call; drain the rest so the next check is clean.
    for (int i = 0; i < 16 && glGetError() != GL_NO_ERROR; ++i) {
    }
    std::string message = "OpenGL error ";
    message += error_name(first);
    message += " after ";
    message += what;
    message += " (";
    message += file;
    message += ":";
    message += std::to_string(line);
    message += ")";
    throw RenderError(message);
}

void clear_errors() {
    for (int i = 0; i < 16 && glGetError() != GL_NO_ERROR; ++i) {
    }
}

}  // namespace deportmap::render::gl
