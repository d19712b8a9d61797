// ImGui context, backends, fonts and style (see imgui_layer.hpp).
#include "ui/imgui_layer.hpp"

#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include "render/gl/gl.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>

namespace deportmap::ui {
namespace {

// Debian's fonts-noto-core (a setup dependency), then DejaVu; ImGui's built-in
// bitmap font when neither is installed.
constexpr const char* kFontCandidates[] = {
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
};

// Latin (with the extended blocks country names need), general punctuation (dashes,
// ellipsis, quotes) and currency signs.
constexpr ImWchar kGlyphRanges[] = {0x0020, 0x024F, 0x1E00, 0x1EFF, 0x2010, 0x205E,
                                    0x20A0, 0x20CF, 0};

void apply_style(float scale, bool dark) {
    ImGuiStyle style;
    if (dark) {
        ImGui::StyleColorsDark(&style);
    } else {
        ImGui::StyleColorsLight(&style);
    }
    style.WindowRounding = 6.0f;
    style.FrameRounding = 4.0f;
    style.PopupRounding = 4.0f;
    style.WindowBorderSize = 1.0f;
    style.WindowPadding = ImVec2(10.0f, 8.0f);
    style.Colors[ImGuiCol_WindowBg].w = 0.92f;
    style.ScaleAllSizes(scale);
    ImGui::GetStyle() = style;
}

}  // namespace

ImGuiLayer::ImGuiLayer(GLFWwindow* window, float content_scale)
    : scale_(std::clamp(content_scale, 0.5f, 4.0f)) {
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // no imgui.ini in the user's working directory
    io.LogFilename = nullptr;
    build_fonts_and_style();
    if (!ImGui_ImplGlfw_InitForOpenGL(window, true)) {
        ImGui::DestroyContext();
        throw std::runtime_error("ImGui's GLFW backend failed to start");
    }
    if (!ImGui_ImplOpenGL3_Init("#version 330 core")) {
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
        throw std::runtime_error("ImGui's OpenGL 3 backend failed to start");
    }
}

ImGuiLayer::~ImGuiLayer() {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
}

// Adds the first of kFontCandidates that exists and loads, at `px` pixels; null when
// none does.
ImFont* add_ui_font(ImFontAtlas& atlas, float px) {
    for (const char* path : kFontCandidates) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) continue;
        // Glyphs at whole pixels, one texel per pixel: crisp, and the atlas can be
        // sampled nearest-texel (see begin_frame).
        ImFontConfig config;
        config.OversampleH = 1;
        config.OversampleV = 1;
        config.PixelSnapH = true;
        if (ImFont* font = atlas.AddFontFromFileTTF(path, px, &config, kGlyphRanges)) return font;
    }
    return nullptr;
}

void ImGuiLayer::build_fonts_and_style() {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFont* font = add_ui_font(*io.Fonts, std::round(kUiFontPx * scale_));
    if (font == nullptr) {
        ImFontConfig config;
        config.SizePixels = std::round(13.0f * scale_);
        io.Fonts->AddFontDefault(&config);
    }
    large_font_ = font != nullptr ? add_ui_font(*io.Fonts, std::round(kLargeFontPx * scale_)) : nullptr;
    if (large_font_ == nullptr) large_font_ = io.Fonts->Fonts.empty() ? nullptr : io.Fonts->Fonts[0];
    apply_style(scale_, dark_);
}

void ImGuiLayer::set_dark(bool dark) {
    if (dark == dark_) return;
    dark_ = dark;
    apply_style(scale_, dark_);
}

void ImGuiLayer::set_ini_path(const std::string& path) {
    ini_path_ = path;
    ImGui::GetIO().IniFilename = ini_path_.empty() ? nullptr : ini_path_.c_str();
}

void ImGuiLayer::set_scale(float content_scale) {
    const float s = std::clamp(content_scale, 0.5f, 4.0f);
    if (std::fabs(s - scale_) < 0.01f) return;
    scale_ = s;
    build_fonts_and_style();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
    nearest_texture_ = ImTextureID{};  // a new texture (perhaps under the old name)
}

void ImGuiLayer::begin_frame() {
    ImGui_ImplOpenGL3_NewFrame();  // makes the font texture on the first frame
    // The atlas is drawn pixel for pixel (whole-pixel glyphs, no oversampling), so it
    // is sampled nearest-texel: the same pixels, cheaper on a software rasteriser.
    if (const ImTextureID id = ImGui::GetIO().Fonts->TexID; id != ImTextureID{} && id != nearest_texture_) {
        render::gl::use_nearest_filtering(static_cast<GLuint>(reinterpret_cast<intptr_t>(id)));
        nearest_texture_ = id;
    }
    // Once the backend has uploaded the font atlas, its CPU copies (8-bit and RGBA) are
    // no longer needed: about as much memory again as the texture. A rebuild (a new
    // content scale) makes them afresh.
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    if (atlas.TexID != ImTextureID{} && (atlas.TexPixelsAlpha8 != nullptr || atlas.TexPixelsRGBA32 != nullptr)) {
        atlas.ClearTexData();
    }
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    const ImGuiIO& io = ImGui::GetIO();
    bool input = io.MouseDelta.x != 0.0f || io.MouseDelta.y != 0.0f || io.MouseWheel != 0.0f ||
                 io.MouseWheelH != 0.0f || io.InputQueueCharacters.Size > 0;
    for (bool down : io.MouseDown) input = input || down;
    for (bool down : io.KeysDown) input = input || down;
    had_input_ = input;
}

void ImGuiLayer::end_frame() { ImGui::Render(); }

void ImGuiLayer::draw() { ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData()); }

}  // namespace deportmap::ui
