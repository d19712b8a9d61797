// The presenter view (--presenter-view, or P in presenter mode): a second window for the
// presenter's own screen, while the audience's window shows only the presenter frame. It
// shows the frame the audience sees, a preview of the next step, the current step's
// speaker notes, the step counter and the time since presenting began. Keys pressed in
// it go to the presenter, as if pressed in the audience window.
//
// It has its own ImGui context (with no GLFW callbacks: those would feed its events to
// whichever context is current) and an OpenGL context that shares the main window's
// textures, so the two pictures, drawn in the main context, show here as images.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "platform/framebuffer_readback.hpp"
#include "platform/glfw_window.hpp"

struct ImGuiContext;
struct ImFont;

namespace deportmap::ui {

// One picture drawn in the main context: its GL texture (rows bottom-up) and size.
struct ViewPicture {
    unsigned texture = 0;  // 0: none
    int width = 0;
    int height = 0;
};

struct PresenterViewContent {
    size_t step = 0;   // 1-based; 0 with no story
    size_t steps = 0;
    std::string date;  // the current step's date, as the audience sees it
    std::string caption;
    std::string notes;
    bool has_next = false;
    std::string next_date;
    std::string next_caption;
    std::string blank;  // "black" or "white" while the audience's screen is blanked
    std::string typed;  // digits typed so far for a jump ("12"), empty when none
    double elapsed_s = 0.0;       // since presenting began
    double step_elapsed_s = 0.0;  // on the current step
    ViewPicture now;   // the audience's frame
    ViewPicture next;  // the next step's map
};

// "4:05", "1:02:09".
std::string clock_text(double seconds);

class PresenterView {
public:
    // Opens the window (see platform::SharedWindow: on a monitor other than
    // `audience_monitor` when there is one). Needs the main window's context current;
    // leaves it current. Throws platform::DisplayUnavailable when it cannot be opened.
    PresenterView(platform::GlfwWindow& main, int audience_monitor);
    ~PresenterView();
    PresenterView(const PresenterView&) = delete;
    PresenterView& operator=(const PresenterView&) = delete;

    // Draws and shows one frame of the view, then makes the main context (and ImGui
    // context) current again. With `capture`, the frame is also read back into it.
    void draw(const PresenterViewContent& content, platform::RgbaPixels* capture = nullptr);
    // Keys pressed in the view since the last call (GLFW key codes).
    std::vector<int> take_keys() { return window_->take_keys(); }
    // The user closed the view's window.
    bool close_requested() const { return window_->should_close(); }
    platform::PixelSize size() const { return window_->framebuffer_size(); }
    bool on_own_monitor() const { return window_->on_own_monitor(); }

private:
    void build_fonts(float scale);
    void layout(const PresenterViewContent& content);

    platform::GlfwWindow& main_;
    std::unique_ptr<platform::SharedWindow> window_;
    ImGuiContext* context_ = nullptr;
    float scale_ = 0.0f;
    ImFont* body_ = nullptr;
    ImFont* notes_ = nullptr;
    ImFont* big_ = nullptr;
    std::string title_;
};

}  // namespace deportmap::ui
