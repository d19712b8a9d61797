// The Story panel (see story_panel.hpp).
#include "ui/story_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "ui/widgets.hpp"

namespace deportmap::ui {
namespace {

// Copies `text` into a NUL-terminated buffer (the editor already keeps it to the limit).
template <size_t N>
void fill(std::array<char, N>& buffer, const std::string& text) {
    const size_t n = std::min(text.size(), N - 1);
    std::memcpy(buffer.data(), text.data(), n);
    buffer[n] = '\0';
}

// Wrapped, unformatted text in `color`.
void wrapped(const std::string& text, const ImVec4& color) {
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

const ImVec4 kErrorColor(0.85f, 0.2f, 0.1f, 1.0f);
const ImVec4 kNoteColor(0.7f, 0.45f, 0.05f, 1.0f);

// "world", "Rwanda, Kosovo" or "box 12.3, 30 to 45.7, 71.5 (lon, lat)".
std::string focus_text(const PanelContext& ctx, const story::Step& step) {
    if (step.focus == story::FocusKind::World) return "the world";
    if (step.focus == story::FocusKind::BBox) {
        char text[160];
        std::snprintf(text, sizeof text, "box %.2f, %.2f to %.2f, %.2f (lon, lat)", step.bbox[0], step.bbox[1],
                      step.bbox[2], step.bbox[3]);
        return text;
    }
    std::string out;
    for (const std::string& code : step.iso3) {
        const data::Resolution r = ctx.data.countries().resolve(code);
        if (!out.empty()) out += ", ";
        out += r.found() ? ctx.data.countries().country(r.country).name : code;
    }
    return out;
}

// The caption and notes boxes: three lines of text.
float text_box_height() { return ImGui::GetTextLineHeight() * 3.0f + ImGui::GetStyle().FramePadding.y * 2.0f; }

}  // namespace

std::string first_line(const std::string& text, size_t max_bytes) {
    const std::string line = text.substr(0, text.find('\n'));
    if (line.size() <= max_bytes) return line;
    return story::clip_utf8(line, max_bytes) + "...";
}

StoryPanelRequest StoryPanel::draw(const PanelContext& ctx, story::StoryEditor& editor, bool& open, float left,
                                   float bottom_reserve) {
    StoryPanelRequest request;
    if (!open) return request;
    const float font = ImGui::GetFontSize();
    const float pad = ImGui::GetStyle().WindowPadding.x;
    const float height = std::max(font * 16.0f, std::min(font * 32.0f, ctx.bottom - ctx.top - bottom_reserve - 2 * pad));
    ImGui::SetNextWindowPos(ImVec2(left + pad, ctx.top + pad), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(font * 27.0f, height), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSizeConstraints(ImVec2(font * 20.0f, font * 16.0f), ImVec2(FLT_MAX, FLT_MAX));
    const std::string title = std::string(editor.dirty() ? "Story *" : "Story") + "###story";
    if (ImGui::Begin(title.c_str(), &open, ImGuiWindowFlags_NoCollapse)) {
        const std::string file = editor.path().empty()
                                     ? std::string("(no file yet)")
                                     : std::filesystem::path(editor.path()).filename().string();
        ImGui::TextDisabled("File:");
        ImGui::SameLine();
        ImGui::TextUnformatted(file.c_str());
        if (ImGui::IsItemHovered() && !editor.path().empty()) {
            ImGui::BeginTooltip();
            ImGui::TextUnformatted(editor.path().c_str());
            ImGui::EndTooltip();
        }
        toolbar(editor, request);
        if (save_as_shown_ || editor.path().empty()) save_as_row(editor, request);
        if (editor.left_out() > 0) {
            wrapped(std::to_string(editor.left_out()) +
                        " steps of the file have problems and are left out (see the problems panel); "
                        "saving writes only the good ones.",
                    kNoteColor);
        }
        if (!editor.error().empty()) wrapped(editor.error(), kErrorColor);
        ImGui::Separator();
        step_list(editor, request);
        step_fields(ctx, editor);
    }
    ImGui::End();
    return request;
}

void StoryPanel::toolbar(story::StoryEditor& editor, StoryPanelRequest& request) {
    const int sel = editor.selected();
    const int count = static_cast<int>(editor.story().steps.size());
    if (ImGui::Button("Add current view")) request.add_view = true;
    if (ImGui::IsItemHovered()) {
        ImGui::SetTooltip("A new step after the selected one: the timeline's date, this projection,\n"
                          "and the selected country (or else the part of the map in view)");
    }
    ImGui::SameLine();
    ImGui::BeginDisabled(sel <= 0);
    if (ImGui::ArrowButton("##up", ImGuiDir_Up) && editor.move_up()) scroll_to_selected_ = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(sel < 0 || sel + 1 >= count);
    if (ImGui::ArrowButton("##down", ImGuiDir_Down) && editor.move_down()) scroll_to_selected_ = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(sel < 0);
    if (ImGui::Button("Delete")) editor.remove();
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(editor.path().empty() || !editor.dirty());
    if (ImGui::Button("Save")) request.save = true;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Save as")) {
        save_as_shown_ = !save_as_shown_;
        if (save_as_shown_) fill(save_as_path_, editor.path());
    }
    if (!editor.path().empty() && editor.dirty()) {
        ImGui::SameLine();
        if (ImGui::Button("Revert")) request.revert = true;
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Read the file again, dropping the unsaved edits");
    }
}

void StoryPanel::save_as_row(const story::StoryEditor& editor, StoryPanelRequest& request) {
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4.0f);
    const bool enter = ImGui::InputTextWithHint("##saveas", "file to save to, e.g. talk.toml", save_as_path_.data(),
                                                save_as_path_.size(), ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    ImGui::BeginDisabled(save_as_path_[0] == '\0' || editor.story().steps.empty());
    const bool clicked = ImGui::Button("Save##as");
    ImGui::EndDisabled();
    if ((enter || clicked) && save_as_path_[0] != '\0') request.save_as = std::string(save_as_path_.data());
}

void StoryPanel::step_list(const story::StoryEditor& editor, StoryPanelRequest& request) {
    const auto& steps = editor.story().steps;
    if (steps.empty()) {
        ImGui::TextDisabled("No steps yet: set the map and the date, then Add current view.");
        return;
    }
    // The list takes what the selected step's fields leave of the panel (3 rows at least).
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeightWithSpacing();
    const float fields = editor.selected_step() == nullptr
                             ? line * 1.5f
                             : line * 5.0f + 2.0f * (text_box_height() + style.ItemSpacing.y) + style.ItemSpacing.y * 2.0f;
    const float wanted = line * (static_cast<float>(steps.size()) + 0.5f);
    const float height = std::clamp(ImGui::GetContentRegionAvail().y - fields, line * 3.5f, wanted);
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersOuterH;
    if (!ImGui::BeginTable("steps", 3, flags, ImVec2(0.0f, height))) {
        return;
    }
    ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("date", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("caption", ImGuiTableColumnFlags_WidthStretch);
    for (size_t i = 0; i < steps.size(); ++i) {
        const story::Step& s = steps[i];
        const bool selected = static_cast<int>(i) == editor.selected();
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        const std::string number = std::to_string(i + 1) + "##step" + std::to_string(i);
        if (ImGui::Selectable(number.c_str(), selected, ImGuiSelectableFlags_SpanAllColumns)) {
            request.show = static_cast<int>(i);
        }
        if (ImGui::IsItemHovered() && !s.caption.empty()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28.0f);
            ImGui::TextUnformatted(s.caption.c_str());
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        if (selected && scroll_to_selected_) {
            ImGui::SetScrollHereY();
            scroll_to_selected_ = false;
        }
        ImGui::TableNextColumn();
        const std::string date = data::format_date(s.date);
        ImGui::TextUnformatted(date.c_str());
        ImGui::TableNextColumn();
        if (s.caption.empty()) {
            ImGui::TextDisabled("(no caption)");
        } else {
            const std::string line = first_line(s.caption);
            ImGui::TextUnformatted(line.c_str());
        }
    }
    ImGui::EndTable();
}

void StoryPanel::load_buffers(const story::StoryEditor& editor) {
    const story::Step* step = editor.selected_step();
    fill(caption_, step != nullptr ? step->caption : std::string());
    fill(notes_, step != nullptr ? step->notes : std::string());
    buffers_step_ = editor.selected();
    buffers_revision_ = editor.revision();
}

void StoryPanel::step_fields(const PanelContext& ctx, story::StoryEditor& editor) {
    if (!editing_ && (buffers_step_ != editor.selected() || buffers_revision_ != editor.revision())) {
        load_buffers(editor);
    }
    const story::Step* step = editor.selected_step();
    if (step == nullptr) {
        editing_ = false;
        if (!editor.story().steps.empty()) ImGui::TextDisabled("Click a step to show it and edit its text.");
        return;
    }
    ImGui::Separator();
    const std::string head = "Step " + std::to_string(editor.selected() + 1) + " of " +
                             std::to_string(editor.story().steps.size()) + ", " + data::format_date(step->date);
    ImGui::TextUnformatted(head.c_str());
    const std::string focus = "Focus: " + focus_text(ctx, *step) +
                              (step->projection.empty() ? std::string() : ", " + step->projection);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(focus.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PushID(editor.selected());
    const float box = text_box_height();
    ImGui::TextDisabled("Caption (on screen)");
    if (ImGui::InputTextMultiline("##caption", caption_.data(), caption_.size(), ImVec2(-1.0f, box))) {
        editor.set_caption(caption_.data());
    }
    bool active = ImGui::IsItemActive();
    ImGui::TextDisabled("Notes (presenter view only)");
    if (ImGui::InputTextMultiline("##notes", notes_.data(), notes_.size(), ImVec2(-1.0f, box))) {
        editor.set_notes(notes_.data());
    }
    active = active || ImGui::IsItemActive();
    ImGui::PopID();
    editing_ = active;
}

}  // namespace deportmap::ui
