// Dear ImGui 1.86 for the window: context, GLFW and OpenGL3 backends, and the font and
// style sized for the monitor's content scale (rebuilt when the window moves to a
// monitor with another scale).
#pragma once

struct GLFWwindow;

namespace deportmap::ui {

class ImGuiLayer {
public:
    // Needs the window's GL context current. Installs ImGui's GLFW callbacks (they
    // chain to any installed before). Throws std::runtime_error if a backend fails.
    ImGuiLayer(GLFWwindow* window, float content_scale);
    ~ImGuiLayer();
    ImGuiLayer(const ImGuiLayer&) = delete;
    ImGuiLayer& operator=(const ImGuiLayer&) = delete;

    // Rebuilds the font atlas and style for a new content scale; a no-op when the
    // scale is unchanged. Call between frames (not between begin and end).
    void set_scale(float content_scale);
    float scale() const { return scale_; }

    void begin_frame();       // backends' NewFrame + ImGui::NewFrame
    // True when the frame begun last saw input: the mouse moved, a button or key is
    // down, the wheel turned or text was typed. Lets the window sleep when idle.
    bool had_input() const { return had_input_; }
    void end_frame();         // ImGui::Render: panels are final
    void draw();              // draws the UI over the bound framebuffer

private:
    void build_fonts_and_style();

    float scale_ = 1.0f;
    bool had_input_ = false;
};

// Base UI font size in pixels at content scale 1.
inline constexpr float kUiFontPx = 15.0f;

}  // namespace deportmap::ui
