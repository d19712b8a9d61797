// GL debug output and the sanitizer builds' driver pinning (see gl_debug.hpp).
#include "platform/gl_debug.hpp"

#include <glad/gl.h>

#include <dlfcn.h>
#include <link.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace deportmap::platform {
namespace {

const char* type_name(GLenum type) {
    switch (type) {
        case GL_DEBUG_TYPE_ERROR: return "error";
        case GL_DEBUG_TYPE_DEPRECATED_BEHAVIOR: return "deprecated";
        case GL_DEBUG_TYPE_UNDEFINED_BEHAVIOR: return "undefined behaviour";
        case GL_DEBUG_TYPE_PORTABILITY: return "portability";
        case GL_DEBUG_TYPE_PERFORMANCE: return "performance";
        default: return "other";
    }
}

void GLAD_API_PTR on_gl_message(GLenum source, GLenum type, GLuint id, GLenum severity, GLsizei length,
                                const GLchar* message, const void*) {
    // A shader that does not compile is reported by the program itself (RenderError
    // naming the shader, from the compile status), so the compiler's own copy is not fatal.
    const bool compiler = source == GL_DEBUG_SOURCE_SHADER_COMPILER;
    const bool fatal = !compiler && (type == GL_DEBUG_TYPE_ERROR || severity == GL_DEBUG_SEVERITY_HIGH);
    if (!fatal && std::getenv("DEPORTMAP_GL_DEBUG_VERBOSE") == nullptr) return;
    const std::string text = length >= 0 ? std::string(message, static_cast<size_t>(length)) : std::string(message);
    std::fprintf(stderr, "deportmap: GL debug (%s, id %u): %s\n", type_name(type), id, text.c_str());
    if (fatal) std::abort();
}

#if defined(__SANITIZE_ADDRESS__)
// Re-opens every loaded DRI/gallium driver with RTLD_NODELETE: its later dlclose then
// leaves it mapped until the process ends.
int pin_driver(struct dl_phdr_info* info, size_t, void*) {
    const char* name = info->dlpi_name;
    if (name == nullptr || name[0] == '\0') return 0;
    if (std::strstr(name, "_dri.so") != nullptr || std::strstr(name, "libgallium") != nullptr) {
        dlopen(name, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
    }
    return 0;
}
#endif

}  // namespace

bool gl_debug_requested() {
    const char* v = std::getenv("DEPORTMAP_GL_DEBUG");
    return v != nullptr && v[0] != '\0' && std::strcmp(v, "0") != 0;
}

void after_context_created() {
#if defined(__SANITIZE_ADDRESS__)
    dl_iterate_phdr(pin_driver, nullptr);
#endif
    if (!gl_debug_requested() || !GLAD_GL_KHR_debug) return;
    glEnable(GL_DEBUG_OUTPUT);
    glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
    glDebugMessageCallback(on_gl_message, nullptr);
}

}  // namespace deportmap::platform
