// Small GLFW window services the UI needs beyond platform::GlfwWindow: files dropped
// onto the window, and the window's position (saved and restored with the settings).
#pragma once
#include <string>
#include <vector>

struct GLFWwindow;

namespace deportmap::platform {

// Installs a drop callback on `window` that queues the dropped paths; take them with
// take_dropped_files(). Chains to a drop callback installed before. Main thread only.
void install_file_drop(GLFWwindow* window);
// The paths dropped since the last call (in drop order), and forgets them.
std::vector<std::string> take_dropped_files();

struct WindowPos {
    int x = 0;
    int y = 0;
};
WindowPos window_pos(GLFWwindow* window);
void set_window_pos(GLFWwindow* window, WindowPos pos);

// Full screen on monitor `monitor` (1-based in GLFW's list; 0 or out of range: the
// primary) at its current video mode, remembering the window's place; off restores it.
// Returns false when no monitor is known (the window stays as it is).
bool set_fullscreen(GLFWwindow* window, bool on, int monitor = 0);

}  // namespace deportmap::platform
