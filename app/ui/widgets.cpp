// Shared panel helpers (see widgets.hpp).
#include "ui/widgets.hpp"

#include <imgui.h>

#include <cstdio>

namespace deportmap::ui {

Color status_color(const data::StatusTable& table, data::StatusIndex status, Theme theme) {
    if (status == data::kNoStatus || static_cast<size_t>(status) >= table.size()) {
        return theme_colors(theme).no_data;
    }
    const data::Status& s = table[static_cast<size_t>(status)];
    return theme == Theme::Dark ? s.colour_dark : s.colour_light;
}

unsigned int im_color(Color c, float alpha) {
    return IM_COL32(c.r, c.g, c.b, static_cast<int>(alpha * static_cast<float>(c.a)));
}

Color text_on(Color bg) {
    const double luma = 0.2126 * bg.r + 0.7152 * bg.g + 0.0722 * bg.b;
    return luma > 140.0 ? Color{0x10, 0x10, 0x10, 255} : Color{0xff, 0xff, 0xff, 255};
}

bool status_chip(const std::string& label, Color fill, bool small) {
    const ImVec2 text = ImGui::CalcTextSize(label.c_str());
    const float pad_x = ImGui::GetFontSize() * (small ? 0.35f : 0.5f);
    const float pad_y = small ? 0.0f : ImGui::GetFontSize() * 0.15f;
    const ImVec2 size(text.x + 2 * pad_x, text.y + 2 * pad_y);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), im_color(fill), size.y * 0.3f);
    dl->AddText(ImVec2(p.x + pad_x, p.y + pad_y), im_color(text_on(fill)), label.c_str());
    ImGui::Dummy(size);
    return ImGui::IsItemHovered();
}

void swatch(Color fill) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + h, p.y + h), im_color(fill), h * 0.2f);
    dl->AddRect(p, ImVec2(p.x + h, p.y + h), IM_COL32(0, 0, 0, 90), h * 0.2f);
    ImGui::Dummy(ImVec2(h, h));
}

std::string grouped(int64_t v) {
    const bool neg = v < 0;
    std::string digits = std::to_string(neg ? -v : v);
    std::string out;
    if (neg) out.push_back('-');
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}

std::string dollars(int64_t v) {
    std::string out = "$";
    out += grouped(v);
    return out;
}

std::string format_day(data::Day day) { return data::format_date(data::civil_from_days(day)); }

std::string iso_day(data::Day day) { return data::civil_from_days(day).iso(); }

std::string url_host(const std::string& url) {
    const size_t scheme = url.find("://");
    if (scheme == std::string::npos) return url;
    const size_t start = scheme + 3;
    const size_t end = url.find_first_of("/?#", start);
    std::string host = url.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (host.rfind("www.", 0) == 0) host = host.substr(4);
    return host.empty() ? url : host;
}

void link(const std::string& url, std::vector<std::string>& open_requests,
          const std::string& text) {
    const ImVec4 colour = ImGui::GetStyle().Colors[ImGuiCol_ButtonActive];
    ImGui::PushStyleColor(ImGuiCol_Text, colour);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text.empty() ? url.c_str() : text.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    if (ImGui::IsItemHovered()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, max.y), max,
                                            ImGui::GetColorU32(colour), 1.0f);
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
        ImGui::TextUnformatted(url.c_str());
        ImGui::PopTextWrapPos();
        ImGui::TextDisabled("Click to open in the browser");
        ImGui::EndTooltip();
    }
    if (ImGui::IsItemClicked(ImGuiMouseButton_Left)) open_requests.push_back(url);
}

}  // namespace deportmap::ui
