// Dear ImGui 1.86 for the window: context, GLFW and OpenGL3 backends, and the font and
// style sized for the monitor's content scale (rebuilt when the window moves to a
// monitor with another scale).
#pragma once
#include <string>

struct GLFWwindow;
struct ImFont;
struct ImFontAtlas;

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
    // Light or dark ImGui colours (matching the map's theme); cheap, any time between frames.
    void set_dark(bool dark);
    // Where ImGui keeps its window layout (io.IniFilename); empty: nowhere.
    void set_ini_path(const std::string& path);
    // The UI font at about 2x size (the timeline's date), or the default font.
    ImFont* large_font() const { return large_font_; }

    void begin_frame();       // backends' NewFrame + ImGui::NewFrame
    // True when the frame begun last saw input: the mouse moved, a button or key is
    // down, the wheel turned or text was typed. Lets the window sleep when idle.
    bool had_input() const { return had_input_; }
    void end_frame();         // ImGui::Render: panels are final
    void draw();              // draws the UI over the bound framebuffer

private:
    void* nearest_texture_ = nullptr;  // the font texture (ImTextureID) set to nearest sampling
    void build_fonts_and_style();

    float scale_ = 1.0f;
    bool dark_ = false;
    bool had_input_ = false;
    std::string ini_path_;  // io.IniFilename points into this
    ImFont* large_font_ = nullptr;
};

// Adds the UI font (Noto Sans, else DejaVu Sans) to `atlas` at `px` pixels, glyphs at
// whole pixels; null when neither is installed.
ImFont* add_ui_font(ImFontAtlas& atlas, float px);

// Base UI font size in pixels at content scale 1.
inline constexpr float kUiFontPx = 15.0f;
// The large font (current date) in pixels at content scale 1.
inline constexpr float kLargeFontPx = 30.0f;

}  // namespace deportmap::ui
