// The interactive map's desktop window: GLFW 3.3 with an OpenGL 3.3 core context
// (forward-compatible, 4x MSAA when the driver offers it and is not a software
// rasteriser), GL entry points loaded through glad. Knows nothing about maps or
// ImGui; the window command wires them up.
#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

struct GLFWwindow;

namespace deportmap::platform {

// Thrown when no window can be opened (no X display, GLFW or GL context failure).
// what() is one line meant for the user, without the program's name.
struct DisplayUnavailable : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Why a window cannot be opened, found without touching GLFW: "DISPLAY is not set"
// when neither DISPLAY nor WAYLAND_DISPLAY is set, else nullopt (a window may work).
// Lets the program decide it is headless before creating anything.
std::optional<std::string> missing_display_reason();

// Wakes a thread blocked in GlfwWindow::wait_events. Safe to call from any thread
// while a GlfwWindow exists (used by worker threads when results are ready).
void post_empty_event();

struct WindowConfig {
    std::string title = "deportmap";
    // Size in screen coordinates. When `scale_to_monitor` is true the size is
    // multiplied by the primary monitor's content scale, raised to 85% of its work area
    // and clamped to 95% x 90% of it.
    int width = 1280;
    int height = 800;
    bool scale_to_monitor = false;
    // 0 for none. A hidden probe window checks the renderer first: Mesa's llvmpipe and
    // softpipe get none, and so does a display that refuses a multisampled visual.
    int msaa_samples = 4;
    bool vsync = true;
};

struct PixelSize {
    int width = 0;
    int height = 0;
};

class GlfwWindow {
public:
    // Initialises GLFW, settles the sample count (see WindowConfig), opens the window
    // once, makes its context current on the calling thread and loads GL with glad.
    // GLFW, and with it the connection to the display, stays up until the destructor.
    // Throws DisplayUnavailable with GLFW's reason and the DISPLAY it tried.
    explicit GlfwWindow(const WindowConfig& config);
    ~GlfwWindow();
    GlfwWindow(const GlfwWindow&) = delete;
    GlfwWindow& operator=(const GlfwWindow&) = delete;

    GLFWwindow* handle() const { return window_; }
    // Makes this window's context current on the calling thread (after a second window
    // drew with its own).
    void make_current();
    bool should_close() const;
    void request_close();
    // Processes pending events without waiting.
    void poll_events();
    // Sleeps until an event arrives or `timeout_s` passes (used while minimised).
    void wait_events(double timeout_s);
    void swap_buffers();
    void set_title(const std::string& title);

    // Drawable size in framebuffer pixels (0 x 0 while minimised).
    PixelSize framebuffer_size() const;
    // Window size in screen coordinates.
    PixelSize window_size() const;
    // The monitor's content scale for this window (1 on a 96 dpi X11 screen).
    float content_scale() const;
    // MSAA samples the default framebuffer actually has (0 when none).
    int samples() const { return samples_; }
    // "OpenGL 4.5 (Core Profile) Mesa 22.3.6, llvmpipe ..." for logs and the overlay.
    const std::string& gl_description() const { return gl_description_; }

private:
    GLFWwindow* window_ = nullptr;
    int samples_ = 0;
    std::string gl_description_;
};

// A second window (the presenter view) whose OpenGL context shares the main window's
// objects: textures, buffers and programs, but not vertex arrays. It opens on a monitor
// other than the audience's when there is one, covering that monitor's work area; with
// one monitor, as a window of the given size. It never waits for the vertical refresh
// (the main window does), and keys pressed in it are queued for take_keys().
class SharedWindow {
public:
    // `avoid_monitor`: the audience's monitor, 1-based in GLFW's list (0: the primary).
    // Throws DisplayUnavailable when the window cannot be made.
    SharedWindow(const GlfwWindow& main, const std::string& title, int width, int height, int avoid_monitor);
    ~SharedWindow();
    SharedWindow(const SharedWindow&) = delete;
    SharedWindow& operator=(const SharedWindow&) = delete;

    GLFWwindow* handle() const { return window_; }
    void make_current();
    bool should_close() const;
    void swap_buffers();
    void set_title(const std::string& title);
    PixelSize framebuffer_size() const;
    float content_scale() const;
    // True when it opened on a monitor of its own.
    bool on_own_monitor() const { return own_monitor_; }
    // GLFW key codes pressed (or repeated) in this window since the last call.
    std::vector<int> take_keys();

private:
    static void on_key(GLFWwindow* window, int key, int scancode, int action, int mods);

    GLFWwindow* window_ = nullptr;
    bool own_monitor_ = false;
    std::vector<int> keys_;
};

}  // namespace deportmap::platform
