// GLFW window and OpenGL context creation (see glfw_window.hpp).
#include "platform/glfw_window.hpp"

#include "platform/gl_debug.hpp"

#include <glad/gl.h>
// glad must come first: it provides the GL declarations GLFW would otherwise include.
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace deportmap::platform {
namespace {

// GLFW reports errors through a callback; keep the latest so it can be part of the
// one-line message the user sees instead of being printed separately.
std::string& last_glfw_error() {
    static std::string message;
    return message;
}

void on_glfw_error(int code, const char* description) {
    last_glfw_error() = description ? description : ("GLFW error " + std::to_string(code));
}

std::string glfw_reason(const char* fallback) {
    const std::string& e = last_glfw_error();
    return e.empty() ? std::string(fallback) : e;
}

bool env_set(const char* name) {
    const char* v = std::getenv(name);
    return v != nullptr && v[0] != '\0';
}

void set_context_hints(int samples, bool visible) {
    glfwDefaultWindowHints();
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SAMPLES, samples);
    glfwWindowHint(GLFW_DOUBLEBUFFER, GLFW_TRUE);
    glfwWindowHint(GLFW_OPENGL_DEBUG_CONTEXT, gl_debug_requested() ? GLFW_TRUE : GLFW_FALSE);
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
}

// "DISPLAY=':99'" (or "DISPLAY is not set"), plus WAYLAND_DISPLAY when that is set:
// which server the failed connection was meant for.
std::string display_names() {
    const char* x = std::getenv("DISPLAY");
    std::string text = x != nullptr ? "DISPLAY='" + std::string(x) + "'" : "DISPLAY is not set";
    if (const char* w = std::getenv("WAYLAND_DISPLAY"); w != nullptr && w[0] != '\0') {
        text += ", WAYLAND_DISPLAY='" + std::string(w) + "'";
    }
    return text;
}

std::string gl_string(GLenum name) {
    const auto* s = reinterpret_cast<const char*>(glGetString(name));
    return std::string(s ? s : "?");
}

// Mesa's software rasterisers pay for every MSAA sample on the CPU, and the map's
// borders and markers are anti-aliased in their shaders anyway.
bool is_software_renderer(const std::string& renderer) {
    return renderer.find("llvmpipe") != std::string::npos ||
           renderer.find("softpipe") != std::string::npos;
}

// The MSAA sample count the real window asks for. With `wanted` > 0, a hidden probe
// window with that many samples is opened and its GL_RENDERER read: a software
// rasteriser gets none, a refused multisampled visual gets none. The probe is returned
// in `probe` (or null) and must stay open until the real window exists, so GLFW keeps
// a GL context, and its one connection to the display, the whole time.
int choose_samples(int wanted, GLFWwindow*& probe) {
    probe = nullptr;
    if (wanted <= 0) return 0;
    set_context_hints(wanted, false);
    probe = glfwCreateWindow(16, 16, "deportmap probe", nullptr, nullptr);
    if (probe == nullptr) return 0;  // no multisampled visual: ask for none
    glfwMakeContextCurrent(probe);
    const bool loaded = gladLoadGL(glfwGetProcAddress) != 0;
    const bool software = loaded && is_software_renderer(gl_string(GL_RENDERER));
    glfwMakeContextCurrent(nullptr);
    return loaded && !software ? wanted : 0;
}

}  // namespace

std::optional<std::string> missing_display_reason() {
    if (!env_set("DISPLAY") && !env_set("WAYLAND_DISPLAY")) return "DISPLAY is not set";
    return std::nullopt;
}

void post_empty_event() { glfwPostEmptyEvent(); }

GlfwWindow::GlfwWindow(const WindowConfig& config) {
    last_glfw_error().clear();
    glfwSetErrorCallback(on_glfw_error);
    if (glfwInit() != GLFW_TRUE) {
        throw DisplayUnavailable("no display available (" + glfw_reason("glfwInit failed") +
                                 "; " + display_names() + ")");
    }

    int width = std::max(1, config.width);
    int height = std::max(1, config.height);
    if (config.scale_to_monitor) {
        if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
            float sx = 1.0f, sy = 1.0f;
            glfwGetMonitorContentScale(monitor, &sx, &sy);
            int wx = 0, wy = 0, ww = 0, wh = 0;
            glfwGetMonitorWorkarea(monitor, &wx, &wy, &ww, &wh);
            const float s = std::clamp(std::max(sx, sy), 1.0f, 4.0f);
            width = static_cast<int>(std::lround(width * s));
            height = static_cast<int>(std::lround(height * s));
            if (ww > 0 && wh > 0) {
                // Most of the work area (a larger monitor gets a larger map), with room
                // left for window decorations and the task bar.
                width = std::clamp(std::max(width, static_cast<int>(ww * 0.85)), 1, static_cast<int>(ww * 0.95));
                height = std::clamp(std::max(height, static_cast<int>(wh * 0.85)), 1, static_cast<int>(wh * 0.9));
            }
        }
    }

    // The framebuffer's sample count is settled before the real window exists: a window
    // is never closed and opened again, and GLFW stays initialised (one connection to
    // the X server) until this object is destroyed. Dropping the last connection while
    // starting made a default Xvfb reset and refuse the next one.
    GLFWwindow* probe = nullptr;
    const int samples_wanted = choose_samples(std::max(0, config.msaa_samples), probe);
    for (int samples : {samples_wanted, 0}) {
        set_context_hints(samples, true);
        window_ = glfwCreateWindow(width, height, config.title.c_str(), nullptr, nullptr);
        if (window_ != nullptr || samples == 0) break;
    }
    if (probe != nullptr) glfwDestroyWindow(probe);
    if (window_ == nullptr) {
        const std::string reason = glfw_reason("glfwCreateWindow failed");
        glfwTerminate();
        throw DisplayUnavailable("cannot open an OpenGL 3.3 core window (" + reason + "; " +
                                 display_names() + ")");
    }

    glfwMakeContextCurrent(window_);
    const int version = gladLoadGL(glfwGetProcAddress);
    if (version == 0 || GLAD_VERSION_MAJOR(version) * 10 + GLAD_VERSION_MINOR(version) < 33) {
        glfwDestroyWindow(window_);
        glfwTerminate();
        window_ = nullptr;
        throw DisplayUnavailable("the window's context does not provide OpenGL 3.3 core");
    }
    after_context_created();
    glfwSwapInterval(config.vsync ? 1 : 0);

    GLint samples = 0;
    glGetIntegerv(GL_SAMPLES, &samples);
    samples_ = samples;
    if (samples_ > 0) glEnable(GL_MULTISAMPLE);

    gl_description_ = "OpenGL " + gl_string(GL_VERSION) + ", " + gl_string(GL_RENDERER);
}

GlfwWindow::~GlfwWindow() {
    if (window_ != nullptr) {
        glfwDestroyWindow(window_);
        glfwTerminate();
    }
    glfwSetErrorCallback(nullptr);
}

bool GlfwWindow::should_close() const { return glfwWindowShouldClose(window_) == GLFW_TRUE; }

void GlfwWindow::request_close() { glfwSetWindowShouldClose(window_, GLFW_TRUE); }

void GlfwWindow::make_current() { glfwMakeContextCurrent(window_); }

void GlfwWindow::poll_events() { glfwPollEvents(); }

void GlfwWindow::wait_events(double timeout_s) { glfwWaitEventsTimeout(timeout_s); }

void GlfwWindow::swap_buffers() { glfwSwapBuffers(window_); }

void GlfwWindow::set_title(const std::string& title) {
    glfwSetWindowTitle(window_, title.c_str());
}

PixelSize GlfwWindow::framebuffer_size() const {
    PixelSize s;
    glfwGetFramebufferSize(window_, &s.width, &s.height);
    return s;
}

PixelSize GlfwWindow::window_size() const {
    PixelSize s;
    glfwGetWindowSize(window_, &s.width, &s.height);
    return s;
}

float GlfwWindow::content_scale() const {
    float sx = 1.0f, sy = 1.0f;
    glfwGetWindowContentScale(window_, &sx, &sy);
    const float s = std::max(sx, sy);
    return std::isfinite(s) && s > 0.0f ? s : 1.0f;
}

namespace {

// The first monitor that is not `avoid` (1-based; 0: the primary), or null.
GLFWmonitor* other_monitor(int avoid) {
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    if (monitors == nullptr || count < 2) return nullptr;
    GLFWmonitor* audience = avoid >= 1 && avoid <= count ? monitors[avoid - 1] : glfwGetPrimaryMonitor();
    for (int i = 0; i < count; ++i) {
        if (monitors[i] != audience) return monitors[i];
    }
    return nullptr;
}

}  // namespace

SharedWindow::SharedWindow(const GlfwWindow& main, const std::string& title, int width, int height,
                           int avoid_monitor) {
    set_context_hints(0, true);
    int x = 0, y = 0;
    GLFWmonitor* monitor = other_monitor(avoid_monitor);
    if (monitor != nullptr) {
        int wx = 0, wy = 0, ww = 0, wh = 0;
        glfwGetMonitorWorkarea(monitor, &wx, &wy, &ww, &wh);
        if (ww > 0 && wh > 0) {
            x = wx;
            y = wy;
            width = ww;
            height = wh;
            own_monitor_ = true;
        }
    }
    window_ = glfwCreateWindow(std::max(1, width), std::max(1, height), title.c_str(), nullptr, main.handle());
    if (window_ == nullptr) {
        throw DisplayUnavailable("cannot open the presenter view's window (" + glfw_reason("glfwCreateWindow failed") +
                                 ")");
    }
    if (own_monitor_) glfwSetWindowPos(window_, x, y);
    glfwSetWindowUserPointer(window_, this);
    glfwSetKeyCallback(window_, on_key);
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(0);  // the audience window waits for the refresh; this one must not wait too
    glfwMakeContextCurrent(main.handle());
}

SharedWindow::~SharedWindow() {
    if (window_ == nullptr) return;
    GLFWwindow* current = glfwGetCurrentContext();
    glfwDestroyWindow(window_);
    if (current != window_) glfwMakeContextCurrent(current);
}

void SharedWindow::on_key(GLFWwindow* window, int key, int, int action, int) {
    auto* self = static_cast<SharedWindow*>(glfwGetWindowUserPointer(window));
    constexpr size_t kMaxQueued = 64;  // a held key cannot grow the queue without bound
    if (self != nullptr && key >= 0 && (action == GLFW_PRESS || action == GLFW_REPEAT) &&
        self->keys_.size() < kMaxQueued) {
        self->keys_.push_back(key);
    }
}

void SharedWindow::make_current() { glfwMakeContextCurrent(window_); }

bool SharedWindow::should_close() const { return glfwWindowShouldClose(window_) == GLFW_TRUE; }

void SharedWindow::swap_buffers() { glfwSwapBuffers(window_); }

void SharedWindow::set_title(const std::string& title) { glfwSetWindowTitle(window_, title.c_str()); }

PixelSize SharedWindow::framebuffer_size() const {
    PixelSize s;
    glfwGetFramebufferSize(window_, &s.width, &s.height);
    return s;
}

float SharedWindow::content_scale() const {
    float sx = 1.0f, sy = 1.0f;
    glfwGetWindowContentScale(window_, &sx, &sy);
    const float s = std::max(sx, sy);
    return std::isfinite(s) && s > 0.0f ? s : 1.0f;
}

std::vector<int> SharedWindow::take_keys() {
    std::vector<int> out;
    out.swap(keys_);
    return out;
}

}  // namespace deportmap::platform
