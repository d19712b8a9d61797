// The presenter view's window, ImGui context and layout (see presenter_view.hpp).
#include "ui/presenter_view.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "render/gl/gl.hpp"
#include "ui/imgui_layer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <stdexcept>

namespace deportmap::ui {
namespace {

constexpr int kViewWidth = 1280;  // with one monitor (it then opens as a window)
constexpr int kViewHeight = 800;
constexpr float kBodyPx = 18.0f, kNotesPx = 26.0f, kBigPx = 34.0f;  // at content scale 1

const ImVec4 kMuted(0.68f, 0.70f, 0.74f, 1.0f);
const ImVec4 kAlert(0.95f, 0.35f, 0.30f, 1.0f);

// Restores the ImGui context and GL context that were current when it was made.
class ContextSwitch {
public:
    ContextSwitch(ImGuiContext* imgui, platform::SharedWindow& window, platform::GlfwWindow& main)
        : previous_(ImGui::GetCurrentContext()), main_(main) {
        window.make_current();
        ImGui::SetCurrentContext(imgui);
    }
    ~ContextSwitch() {
        ImGui::SetCurrentContext(previous_);
        main_.make_current();
    }
    ContextSwitch(const ContextSwitch&) = delete;
    ContextSwitch& operator=(const ContextSwitch&) = delete;

private:
    ImGuiContext* previous_;
    platform::GlfwWindow& main_;
};

// The picture fitted into `box_w` x `box_h`, keeping its proportions; a framed empty box
// when there is none.
void picture(const ViewPicture& p, float box_w, float box_h) {
    if (p.texture == 0 || p.width <= 0 || p.height <= 0 || box_w <= 1.0f || box_h <= 1.0f) {
        ImGui::Dummy(ImVec2(std::max(box_w, 1.0f), std::max(box_h, 1.0f)));
        return;
    }
    const float aspect = static_cast<float>(p.width) / static_cast<float>(p.height);
    float w = box_w, h = box_w / aspect;
    if (h > box_h) {
        h = box_h;
        w = box_h * aspect;
    }
    // GL textures run bottom-up: flip the V coordinate.
    const auto id = reinterpret_cast<ImTextureID>(static_cast<intptr_t>(p.texture));
    ImGui::Image(id, ImVec2(w, h), ImVec2(0, 1), ImVec2(1, 0), ImVec4(1, 1, 1, 1), kMuted);
}

void muted(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, kMuted);
    ImGui::TextUnformatted(text);
    ImGui::PopStyleColor();
}

// Text from the story (never a format string), wrapped at the column's right edge.
void wrapped(const std::string& text) {
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
}

void top_line(const PresenterViewContent& c, ImFont* big) {
    ImGui::PushFont(big);
    const std::string counter = c.steps == 0 ? std::string("No story")
                                             : "Step " + std::to_string(c.step) + " / " + std::to_string(c.steps);
    ImGui::TextUnformatted(counter.c_str());
    const std::string clock = clock_text(c.elapsed_s);
    ImGui::SameLine(std::max(0.0f, ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(clock.c_str()).x));
    ImGui::TextUnformatted(clock.c_str());
    ImGui::PopFont();
    std::string line = "On this step " + clock_text(c.step_elapsed_s);
    if (!c.typed.empty()) line.append("    go to step ").append(c.typed).append(" (Enter)");
    muted(line.c_str());
    if (!c.blank.empty()) {
        ImGui::SameLine();
        ImGui::PushStyleColor(ImGuiCol_Text, kAlert);
        const std::string badge = "    The audience sees a " + c.blank + " screen (press the same key to return)";
        ImGui::TextUnformatted(badge.c_str());
        ImGui::PopStyleColor();
    }
}

// "Now" and "Next" side by side: the pictures, each with its date and caption.
void pictures(const PresenterViewContent& c, float height) {
    const float gap = ImGui::GetStyle().ItemSpacing.x * 3.0f;
    const float width = ImGui::GetContentRegionAvail().x;
    const float now_w = (width - gap) * 0.6f, next_w = width - gap - now_w;
    const float pic_h = height - ImGui::GetTextLineHeightWithSpacing() * 4.0f;
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + now_w);
    muted("Now");
    picture(c.now, now_w, pic_h);
    ImGui::TextUnformatted(c.date.c_str());
    ImGui::TextUnformatted(c.caption.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::SameLine(0.0f, gap);
    ImGui::BeginGroup();
    const float x0 = ImGui::GetCursorPosX();
    ImGui::PushTextWrapPos(x0 + next_w);
    muted("Next");
    if (c.has_next) {
        picture(c.next, next_w, pic_h * 0.75f);
        ImGui::TextUnformatted(c.next_date.c_str());
        ImGui::TextUnformatted(c.next_caption.c_str());
    } else {
        ImGui::Dummy(ImVec2(next_w, pic_h * 0.75f));
        ImGui::TextUnformatted("End of the story");
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
}

std::string view_title(size_t step, size_t steps) {
    std::string title = "deportmap \xE2\x80\x94 presenter view";
    if (steps > 0) title.append(" (").append(std::to_string(step)).append(" / ").append(std::to_string(steps)).append(")");
    return title;
}

}  // namespace

std::string clock_text(double seconds) {
    const long long s = std::isfinite(seconds) && seconds > 0.0 ? static_cast<long long>(seconds) : 0;
    char text[32];
    if (s >= 3600) {
        std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", s / 3600, (s / 60) % 60, s % 60);
    } else {
        std::snprintf(text, sizeof text, "%lld:%02lld", s / 60, s % 60);
    }
    return text;
}

PresenterView::PresenterView(platform::GlfwWindow& main, int audience_monitor) : main_(main) {
    title_ = view_title(0, 0);
    window_ = std::make_unique<platform::SharedWindow>(main, title_, kViewWidth, kViewHeight, audience_monitor);
    ImGuiContext* previous = ImGui::GetCurrentContext();
    context_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(previous);  // the switch below makes the new one current
    ContextSwitch use(context_, *window_, main_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
    build_fonts(window_->content_scale());
    // No callbacks: GLFW delivers every window's events while the main context is
    // current. The mouse is polled; keys come through the window's own callback.
    const bool ok = ImGui_ImplGlfw_InitForOpenGL(window_->handle(), false) &&
                    ImGui_ImplOpenGL3_Init("#version 330 core");
    if (!ok) {
        ImGui::DestroyContext(context_);
        context_ = nullptr;
        ImGui::SetCurrentContext(previous);
        throw std::runtime_error("the presenter view's ImGui backends failed to start");
    }
}

PresenterView::~PresenterView() {
    if (context_ == nullptr) return;
    {
        ContextSwitch use(context_, *window_, main_);
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    ImGui::DestroyContext(context_);  // not the current one, so the main one stays current
}

void PresenterView::build_fonts(float scale) {
    scale = std::clamp(scale, 0.5f, 4.0f);
    if (std::fabs(scale - scale_) < 0.01f) return;
    scale_ = scale;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    body_ = add_ui_font(*io.Fonts, std::round(kBodyPx * scale));
    notes_ = body_ != nullptr ? add_ui_font(*io.Fonts, std::round(kNotesPx * scale)) : nullptr;
    big_ = notes_ != nullptr ? add_ui_font(*io.Fonts, std::round(kBigPx * scale)) : nullptr;
    if (body_ == nullptr) {
        ImFontConfig config;
        config.SizePixels = std::round(13.0f * scale);
        body_ = io.Fonts->AddFontDefault(&config);
    }
    if (notes_ == nullptr) notes_ = body_;
    if (big_ == nullptr) big_ = body_;
    ImGuiStyle style;
    ImGui::StyleColorsDark(&style);
    style.WindowPadding = ImVec2(18.0f, 14.0f);
    style.ItemSpacing = ImVec2(8.0f, 6.0f);
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

void PresenterView::draw(const PresenterViewContent& content, platform::RgbaPixels* capture) {
    // The step in the title too (task switchers; the GUI tests wait for it).
    if (std::string title = view_title(content.step, content.steps); title != title_) {
        title_ = std::move(title);
        window_->set_title(title_);
    }
    glFlush();  // the main context's pictures must be finished before this one samples them
    ContextSwitch use(context_, *window_, main_);
    const float scale = window_->content_scale();
    if (std::fabs(std::clamp(scale, 0.5f, 4.0f) - scale_) >= 0.01f) {
        build_fonts(scale);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    layout(content);
    ImGui::Render();
    const platform::PixelSize fb = window_->framebuffer_size();
    if (fb.width <= 0 || fb.height <= 0) return;  // minimised
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, fb.width, fb.height);
    glClearColor(0.07f, 0.075f, 0.09f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (capture != nullptr) *capture = platform::read_back_buffer(fb.width, fb.height);
    window_->swap_buffers();
}

void PresenterView::layout(const PresenterViewContent& c) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                        ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground |
                                        ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##presenter view", nullptr, kFlags);
    top_line(c, big_);
    ImGui::Separator();
    pictures(c, io.DisplaySize.y * 0.5f);
    ImGui::Separator();
    muted("Notes");
    const float hint_h = ImGui::GetTextLineHeightWithSpacing() * 1.5f;
    ImGui::BeginChild("##notes", ImVec2(0, std::max(1.0f, ImGui::GetContentRegionAvail().y - hint_h)), false);
    ImGui::PushFont(notes_);
    if (c.notes.empty()) {
        muted("(no notes for this step)");
    } else {
        wrapped(c.notes);
    }
    ImGui::PopFont();
    ImGui::EndChild();
    muted("PageDown / Space next   PageUp previous   Home / End   number + Enter   B black   W white   "
          "P closes this view   Esc leaves");
    ImGui::End();
}

}  // namespace deportmap::ui
