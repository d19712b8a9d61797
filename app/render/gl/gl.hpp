// The one include for OpenGL in the render layer: glad's 3.3 core loader plus a
// GL_CHECK macro that, in debug builds, turns a pending GL error into a RenderError
// naming the call site. Release builds compile GL_CHECK away; code that must detect
// errors there (allocation of big framebuffers) calls check_error() explicitly.
#pragma once
#include <glad/gl.h>

namespace deportmap::render::gl {

// Name of a glGetError() code ("GL_OUT_OF_MEMORY", ...).
const char* error_name(GLenum error);

// Drains glGetError(); if any error was pending, throws RenderError
// "OpenGL error GL_X after <what> (file:line)". Never throws when nothing is pending.
void check_error(const char* what, const char* file, int line);

// Samples a 2D texture nearest-texel (minification and magnification). For the UI font
// atlas, whose glyphs are drawn pixel for pixel: the same pixels as linear filtering,
// and a software rasteriser skips three of every four texel fetches.
void use_nearest_filtering(GLuint texture);

// Discards pending errors (e.g. left by another component before ours run).
void clear_errors();

}  // namespace deportmap::render::gl

#ifdef NDEBUG
#define GL_CHECK(call) call
#else
#define GL_CHECK(call)                                                      \
    do {                                                                    \
        call;                                                               \
        ::deportmap::render::gl::check_error(#call, __FILE__, __LINE__);    \
    } while (0)
#endif
