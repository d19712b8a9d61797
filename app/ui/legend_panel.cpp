// Legend with counts, and the headline (see legend_panel.hpp).
#include "ui/legend_panel.hpp"

#include <imgui.h>

#include <cctype>

#include "core/paint.hpp"
#include "core/patterns.hpp"
#include "export/compose.hpp"
#include "ui/imgui_layer.hpp"
#include "ui/widgets.hpp"

namespace deportmap::ui {
namespace {

std::string lower_first(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

constexpr const char* kStatedKey = "countries_contacted_or_planned";

}  // namespace

std::string headline_text(const data::StatusTable& table, const std::vector<int>& counts,
                          data::Day day, int weak_only) {
    int total = 0;
    std::vector<std::string> parts;
    for (data::StatusIndex s : table.legend()) {
        const size_t i = static_cast<size_t>(s);
        const int n = i < counts.size() ? counts[i] : 0;
        if (n == 0) continue;
        total += n;
        parts.push_back(std::to_string(n) + " " + lower_first(table[i].label));
    }
    std::string text = "On " + format_day(day) + ", ";
    if (total == 0) return text + "no country holds a status yet.";
    text += std::to_string(total) + (total == 1 ? " country holds" : " countries hold") +
            " a status: ";
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) text += (i + 1 == parts.size()) ? " and " : ", ";
        text += parts[i];
    }
    text += ".";
    if (weak_only > 0) {
        text.append(" ").append(std::to_string(weak_only));
        text.append(weak_only == 1 ? " of them rests only on weak sources." : " of them rest only on weak sources.");
    }
    return text;
}

// The sentence under the title: counts in words, the countries named, the date the data
// runs through, and the report's stated figure with its source.
void LegendPanel::draw_summary(PanelContext& ctx) {
    const data::Timeline& timeline = ctx.data.timeline();
    const float font = ImGui::GetFontSize();
    ImGui::TextUnformatted(headline_.c_str());
    std::string named = "The data names " + std::to_string(timeline.countries_named().size()) + " countries";
    if (const auto through = timeline.data_through()) {
        named += "; data through " + data::format_date(data::civil_from_days(*through));
    }
    named += ".";
    ImGui::TextUnformatted(named.c_str());
    const data::StatedFigure* f = data::find_stated_figure(ctx.data.stated(), kStatedKey);
    if (f == nullptr) return;
    std::string when = f->source_date;
    if (auto d = data::parse_date(f->source_date)) when = data::format_date(*d);
    const std::string stated =
        "The report states " + grouped(f->value) + " countries asked or slated to be asked (stated figure, " + when + "):";
    ImGui::TextUnformatted(stated.c_str());
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(font * 28.0f);
        ImGui::TextUnformatted(f->label.c_str());
        ImGui::TextDisabled("%s", f->source_publisher.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    if (!f->source_url.empty()) {
        link(f->source_url, ctx.open_requests, f->source_publisher);
    } else {
        ImGui::TextDisabled("%s", f->source_publisher.c_str());
    }
}

// One clickable row per status: swatch, label, count; hovering highlights, clicking hides.
void LegendPanel::draw_entries(PanelContext& ctx, float row_w) {
    const data::StatusTable& table = ctx.data.timeline().statuses();
    const float font = ImGui::GetFontSize();
    data::StatusIndex hovered = data::kNoStatus;
    const float count_x = row_w - font * 0.3f;
    for (data::StatusIndex s : table.legend()) {
        const size_t i = static_cast<size_t>(s);
        ImGui::PushID(static_cast<int>(s));
        const bool hidden = ctx.scene.hidden_statuses[i];
        const ImVec2 row_start = ImGui::GetCursorScreenPos();
        const float row_h = ImGui::GetTextLineHeight();
        const bool clicked = ImGui::InvisibleButton("entry", ImVec2(row_w, row_h));
        const bool row_hovered = ImGui::IsItemHovered() || forced_hover_ == s;
        if (row_hovered) hovered = s;
        if (clicked) ctx.scene.hidden_statuses[i] = !hidden;
        if (ImGui::IsItemHovered() && !table[i].description.empty()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(font * 22.0f);
            ImGui::TextUnformatted(table[i].description.c_str());
            ImGui::TextDisabled(hidden ? "Click to show these countries" : "Click to hide these countries");
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        // Draw the row over the button.
        ImDrawList* dl = ImGui::GetWindowDrawList();
        if (row_hovered) {
            dl->AddRectFilled(ImVec2(row_start.x - 3, row_start.y - 1), ImVec2(row_start.x + row_w, row_start.y + row_h + 1),
                              ImGui::GetColorU32(ImGuiCol_HeaderHovered), 3.0f);
        }
        const Color c = status_color(table, s, ctx.scene.theme);
        dl->AddRectFilled(row_start, ImVec2(row_start.x + row_h, row_start.y + row_h), im_color(c, hidden ? 0.25f : 1.0f),
                          row_h * 0.2f);
        if (ctx.scene.patterns && !hidden) draw_pattern_swatch(dl, row_start, row_h, status_pattern(table, s), c);
        dl->AddRect(row_start, ImVec2(row_start.x + row_h, row_start.y + row_h), IM_COL32(0, 0, 0, 90), row_h * 0.2f);
        const ImU32 text = ImGui::GetColorU32(hidden ? ImGuiCol_TextDisabled : ImGuiCol_Text);
        dl->AddText(ImVec2(row_start.x + row_h + font * 0.5f, row_start.y), text, table[i].label.c_str());
        const std::string n = std::to_string(i < counts_.size() ? counts_[i] : 0);
        const float nw = ImGui::CalcTextSize(n.c_str()).x;
        dl->AddText(ImVec2(row_start.x + count_x - nw, row_start.y), text, n.c_str());
        ImGui::PopID();
    }
    hovered_ = hovered;
    ctx.scene.highlighted_status = hovered;
}

// The status's pattern (--patterns) over its swatch, mark by mark as the map draws it.
void LegendPanel::draw_pattern_swatch(ImDrawList* dl, ImVec2 at, float size, int pattern, Color fill) {
    if (pattern == 0) return;
    const Color mark = exporter::pattern_mark(fill);
    const ImU32 col = IM_COL32(mark.r, mark.g, mark.b, mark.a);
    const double period = pattern_period(7.0 * ImGui::GetFontSize() / kUiFontPx);
    const int n = static_cast<int>(size);
    for (int y = 1; y < n - 1; ++y) {
        for (int x = 1; x < n - 1; ++x) {
            if (on_pattern(pattern, x + 0.5, n - y - 0.5, period)) {
                dl->AddRectFilled(ImVec2(at.x + x, at.y + y), ImVec2(at.x + x + 1, at.y + y + 1), col);
            }
        }
    }
}

// Key to the stripes the map draws over approximate statuses.
void LegendPanel::draw_stripes_key() {
    const float font = ImGui::GetFontSize();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float h = ImGui::GetTextLineHeight();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(p0, ImVec2(p0.x + h, p0.y + h), true);
    dl->AddRectFilled(p0, ImVec2(p0.x + h, p0.y + h), ImGui::GetColorU32(ImGuiCol_TextDisabled), h * 0.2f);
    for (float o = -h; o < h; o += h * 0.45f) {
        dl->AddLine(ImVec2(p0.x + o, p0.y + h), ImVec2(p0.x + o + h, p0.y), ImGui::GetColorU32(ImGuiCol_WindowBg),
                    h * 0.16f);
    }
    dl->PopClipRect();
    ImGui::Dummy(ImVec2(h, h));
    ImGui::SameLine(0.0f, font * 0.5f);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted("Striped: dated only to the month or year");
    ImGui::PopStyleColor();
    ImGui::PopTextWrapPos();
}

float LegendPanel::width_px() const {
    return ImGui::GetFontSize() * (summary_ ? kLegendWidthEm : kLegendCompactWidthEm);
}

float LegendPanel::draw(PanelContext& ctx, bool& summary) {
    const data::Timeline& timeline = ctx.data.timeline();
    const data::StatusTable& table = timeline.statuses();
    timeline.counts_at(ctx.scene.date, counts_);
    if (ctx.scene.hidden_statuses.size() != table.size()) {
        ctx.scene.hidden_statuses.resize(table.size(), false);
    }
    summary_ = summary;
    const float pad = ImGui::GetStyle().WindowPadding.x;
    ImGui::SetNextWindowPos(ImVec2(ctx.left + pad, ctx.top + pad), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(width_px(), 0.0f), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.9f);
    float bottom = ctx.top;
    rect_ = {};
    if (ImGui::Begin("##legend", nullptr, kDockedPanelFlags | ImGuiWindowFlags_NoFocusOnAppearing)) {
        headline_ = headline_text(table, counts_, ctx.scene.date, timeline.weak_only_countries_at(ctx.scene.date));
        ImGui::PushTextWrapPos(0.0f);
        const std::string title = ctx.data.data_title();
        if (!title.empty()) ImGui::TextUnformatted(title.c_str());
        if (summary) draw_summary(ctx);
        ImGui::PopTextWrapPos();
        ImGui::Separator();
        ImGui::Spacing();
        draw_entries(ctx, ImGui::GetContentRegionAvail().x);
        draw_stripes_key();
        // The summary folds away; the button says what it does.
        if (ImGui::SmallButton(summary ? "Hide the summary" : "Summary and sources")) summary = !summary;
        const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
        rect_ = {pos.x, pos.y, pos.x + size.x, pos.y + size.y};
        bottom = pos.y + size.y;
    }
    ImGui::End();
    return bottom;
}

}  // namespace deportmap::ui
