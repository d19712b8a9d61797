// Drop queue and window position (see window_extras.hpp).
#include "platform/window_extras.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace deportmap::platform {
namespace {

// GLFW calls the drop callback from poll/wait on the main thread; the queue is only
// touched there. One queue for the process: the program has one window.
std::vector<std::string>& drop_queue() {
    static std::vector<std::string> queue;
    return queue;
}
GLFWdropfun g_previous_drop = nullptr;

void on_drop(GLFWwindow* window, int count, const char** paths) {
    for (int i = 0; i < count; ++i) {
        if (paths[i] != nullptr) drop_queue().emplace_back(paths[i]);
    }
    if (g_previous_drop != nullptr) g_previous_drop(window, count, paths);
}

}  // namespace

void install_file_drop(GLFWwindow* window) {
    GLFWdropfun previous = glfwSetDropCallback(window, on_drop);
    if (previous != on_drop) g_previous_drop = previous;
}

std::vector<std::string> take_dropped_files() {
    std::vector<std::string> out;
    out.swap(drop_queue());
    return out;
}

WindowPos window_pos(GLFWwindow* window) {
    WindowPos p;
    glfwGetWindowPos(window, &p.x, &p.y);
    return p;
}

void set_window_pos(GLFWwindow* window, WindowPos pos) { glfwSetWindowPos(window, pos.x, pos.y); }

}  // namespace deportmap::platform

namespace deportmap::platform {
namespace {
struct Placement {
    int x = 0, y = 0, width = 0, height = 0;
    bool saved = false;
};
Placement g_windowed;  // the window's place before full screen (main thread only)
}  // namespace

bool set_fullscreen(GLFWwindow* window, bool on, int monitor) {
    if (!on) {
        if (glfwGetWindowMonitor(window) == nullptr || !g_windowed.saved) return true;
        glfwSetWindowMonitor(window, nullptr, g_windowed.x, g_windowed.y, g_windowed.width, g_windowed.height, 0);
        return true;
    }
    int count = 0;
    GLFWmonitor** monitors = glfwGetMonitors(&count);
    if (monitors == nullptr || count == 0) return false;
    GLFWmonitor* chosen = monitor >= 1 && monitor <= count ? monitors[monitor - 1] : glfwGetPrimaryMonitor();
    if (chosen == nullptr) chosen = monitors[0];
    const GLFWvidmode* mode = glfwGetVideoMode(chosen);
    if (mode == nullptr) return false;
    if (glfwGetWindowMonitor(window) == nullptr) {
        glfwGetWindowPos(window, &g_windowed.x, &g_windowed.y);
        glfwGetWindowSize(window, &g_windowed.width, &g_windowed.height);
        g_windowed.saved = true;
    }
    glfwSetWindowMonitor(window, chosen, 0, 0, mode->width, mode->height, mode->refreshRate);
    return true;
}

}  // namespace deportmap::platform
