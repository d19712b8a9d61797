// Move-only RAII owners for OpenGL objects: each holds one GL name, deletes it when
// destroyed, and cannot be copied. They must be destroyed while the context that
// created them is still current (owners live inside objects that the context outlives).
#pragma once
#include <atomic>
#include <string_view>
#include <utility>

#include "render/gl/gl.hpp"

namespace deportmap::render::gl {

// GL objects alive through these owners, all kinds together: a soak test reads it to see
// that nothing piles up (--dump-state's "gl_objects").
inline std::atomic<long> g_live_objects{0};
inline long live_objects() { return g_live_objects.load(std::memory_order_relaxed); }

// Owner of one GL name; Traits supplies create() and destroy(GLuint).
template <typename Traits>
class Object {
public:
    Object() = default;
    ~Object() { reset(); }
    Object(Object&& other) noexcept : id_(std::exchange(other.id_, 0)) {}
    Object& operator=(Object&& other) noexcept {
        if (this != &other) {
            reset();
            id_ = std::exchange(other.id_, 0);
        }
        return *this;
    }
    Object(const Object&) = delete;
    Object& operator=(const Object&) = delete;

    // A fresh GL object of this kind.
    static Object create() { return Object(Traits::create()); }
    // Takes ownership of an existing name.
    static Object adopt(GLuint id) { return Object(id); }

    GLuint id() const { return id_; }
    explicit operator bool() const { return id_ != 0; }
    // Deletes the object now (no-op when empty).
    void reset() {
        if (id_ != 0) {
            Traits::destroy(id_);
            g_live_objects.fetch_sub(1, std::memory_order_relaxed);
        }
        id_ = 0;
    }

private:
    explicit Object(GLuint id) : id_(id) {
        if (id_ != 0) g_live_objects.fetch_add(1, std::memory_order_relaxed);
    }
    GLuint id_ = 0;
};

struct BufferTraits {
    static GLuint create() { GLuint id = 0; glGenBuffers(1, &id); return id; }
    static void destroy(GLuint id) { glDeleteBuffers(1, &id); }
};
struct VertexArrayTraits {
    static GLuint create() { GLuint id = 0; glGenVertexArrays(1, &id); return id; }
    static void destroy(GLuint id) { glDeleteVertexArrays(1, &id); }
};
struct TextureTraits {
    static GLuint create() { GLuint id = 0; glGenTextures(1, &id); return id; }
    static void destroy(GLuint id) { glDeleteTextures(1, &id); }
};
struct RenderbufferTraits {
    static GLuint create() { GLuint id = 0; glGenRenderbuffers(1, &id); return id; }
    static void destroy(GLuint id) { glDeleteRenderbuffers(1, &id); }
};
struct FramebufferTraits {
    static GLuint create() { GLuint id = 0; glGenFramebuffers(1, &id); return id; }
    static void destroy(GLuint id) { glDeleteFramebuffers(1, &id); }
};
struct ShaderTraits {
    static void destroy(GLuint id) { glDeleteShader(id); }
};
struct ProgramTraits {
    static void destroy(GLuint id) { glDeleteProgram(id); }
};

using Buffer = Object<BufferTraits>;
using VertexArray = Object<VertexArrayTraits>;
using Texture = Object<TextureTraits>;
using Renderbuffer = Object<RenderbufferTraits>;
using Framebuffer = Object<FramebufferTraits>;

// A compiled shader stage.
class Shader {
public:
    // Compiles `source` as a `type` shader (GL_VERTEX_SHADER, GL_FRAGMENT_SHADER).
    // On failure logs "shader NAME: <driver log>" to stderr and throws RenderError
    // naming the shader and the driver's first message line.
    Shader(GLenum type, std::string_view name, std::string_view source);
    GLuint id() const { return object_.id(); }

private:
    Object<ShaderTraits> object_;
};

// A linked program.
class Program {
public:
    Program() = default;
    // Links the two stages; on failure logs and throws like Shader, naming `name`.
    Program(std::string_view name, const Shader& vertex, const Shader& fragment);
    GLuint id() const { return object_.id(); }
    explicit operator bool() const { return static_cast<bool>(object_); }
    // Location of a uniform; -1 when the program has none by that name (GL ignores
    // uniform calls at -1, so an optimised-out uniform is harmless).
    GLint uniform(const char* name) const { return glGetUniformLocation(id(), name); }
    void use() const { glUseProgram(id()); }

private:
    Object<ProgramTraits> object_;
};

// Builds a program from two embedded shader files (shaders/NAME, see
// render/shader_sources.hpp). Throws RenderError when a file is missing, does not
// compile or does not link.
Program load_program(std::string_view vertex_file, std::string_view fragment_file);

}  // namespace deportmap::render::gl
