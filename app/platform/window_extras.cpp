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
