// A headless OpenGL 3.3 core context through EGL, with no window and no display
// server: Mesa's surfaceless platform (llvmpipe or a DRI driver), else the first EGL
// device (e.g. a GPU driver that offers EGL_EXT_platform_device). Rendering then goes
// into the caller's own framebuffer objects. Used by headless export and render tests.
#pragma once
#include <stdexcept>
#include <string>

namespace deportmap::platform {

// Thrown when no headless context can be made; what() is one line starting with
// "no headless OpenGL: ".
struct HeadlessGlError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class HeadlessGlContext {
public:
    // Creates the context, makes it current on this thread and loads the GL functions
    // with glad. Throws HeadlessGlError naming the step that failed.
    HeadlessGlContext();
    // Releases and destroys the context (GL objects must be gone by then).
    ~HeadlessGlContext();
    HeadlessGlContext(const HeadlessGlContext&) = delete;
    HeadlessGlContext& operator=(const HeadlessGlContext&) = delete;

    // GL_RENDERER and GL_VERSION of the context, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)".
    const std::string& renderer() const { return renderer_; }
    const std::string& version() const { return version_; }
    // Which EGL platform gave the context: "surfaceless" or "device".
    const std::string& platform() const { return platform_; }

private:
    void* display_ = nullptr;  // EGLDisplay
    void* context_ = nullptr;  // EGLContext
    std::string renderer_;
    std::string version_;
    std::string platform_;
};

}  // namespace deportmap::platform
