// Shader compilation and program linking with loud, named failures (see objects.hpp).
#include <cstdio>
#include <string>
#include <vector>

#include "render/error.hpp"
#include "render/gl/objects.hpp"
#include "render/shader_sources.hpp"

namespace deportmap::render::gl {
namespace {

// The driver's info log for a shader or program.
std::string info_log(GLuint id, bool is_program) {
    GLint length = 0;
    if (is_program) {
        glGetProgramiv(id, GL_INFO_LOG_LENGTH, &length);
    } else {
        glGetShaderiv(id, GL_INFO_LOG_LENGTH, &length);
    }
    if (length <= 1) return "(the driver gave no message)";
    std::vector<char> text(static_cast<size_t>(length) + 1, '\0');
    if (is_program) {
        glGetProgramInfoLog(id, length, nullptr, text.data());
    } else {
        glGetShaderInfoLog(id, length, nullptr, text.data());
    }
    std::string log(text.data());
    while (!log.empty() && (log.back() == '\n' || log.back() == '\r' || log.back() == ' ')) {
        log.pop_back();
    }
    return log;
}

// Logs the whole driver message, then throws a one-line RenderError.
[[noreturn]] void fail(std::string_view what, std::string_view name, const std::string& log) {
    std::fprintf(stderr, "deportmap: shader %.*s %.*s:\n%s\n", static_cast<int>(name.size()),
                 name.data(), static_cast<int>(what.size()), what.data(), log.c_str());
    const std::string first_line = log.substr(0, log.find('\n'));
    throw RenderError("shader " + std::string(name) + " " + std::string(what) + ": " +
                      first_line);
}

}  // namespace

Shader::Shader(GLenum type, std::string_view name, std::string_view source) {
    const GLuint id = glCreateShader(type);
    if (id == 0) throw RenderError("shader " + std::string(name) + ": glCreateShader failed");
    object_ = Object<ShaderTraits>::adopt(id);
    const GLchar* text = source.data();
    const GLint length = static_cast<GLint>(source.size());
    glShaderSource(id, 1, &text, &length);
    glCompileShader(id);
    GLint ok = GL_FALSE;
    glGetShaderiv(id, GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) fail("failed to compile", name, info_log(id, false));
}

Program::Program(std::string_view name, const Shader& vertex, const Shader& fragment) {
    const GLuint id = glCreateProgram();
    if (id == 0) throw RenderError("program " + std::string(name) + ": glCreateProgram failed");
    object_ = Object<ProgramTraits>::adopt(id);
    glAttachShader(id, vertex.id());
    glAttachShader(id, fragment.id());
    glLinkProgram(id);
    GLint ok = GL_FALSE;
    glGetProgramiv(id, GL_LINK_STATUS, &ok);
    glDetachShader(id, vertex.id());
    glDetachShader(id, fragment.id());
    if (ok != GL_TRUE) fail("failed to link", name, info_log(id, true));
}

Program load_program(std::string_view vertex_file, std::string_view fragment_file) {
    const std::string_view vs = shader_source(vertex_file);
    const std::string_view fs = shader_source(fragment_file);
    if (vs.empty()) throw RenderError("shader " + std::string(vertex_file) + " is not embedded");
    if (fs.empty()) {
        throw RenderError("shader " + std::string(fragment_file) + " is not embedded");
    }
    const Shader vertex(GL_VERTEX_SHADER, vertex_file, vs);
    const Shader fragment(GL_FRAGMENT_SHADER, fragment_file, fs);
    const std::string name = std::string(vertex_file) + " + " + std::string(fragment_file);
    return Program(name, vertex, fragment);
}

}  // namespace deportmap::render::gl
