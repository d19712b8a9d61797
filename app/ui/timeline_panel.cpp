// The timeline bar (see timeline_panel.hpp).
#include "ui/timeline_panel.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key codes: ImGui 1.86 indexes io.KeysDown by GLFW key
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "ui/widgets.hpp"

namespace deportmap::ui {

TimelineRange timeline_range(const data::Timeline& timeline) {
    TimelineRange r;
    const auto first = timeline.first_day();
    const auto last = timeline.last_day();
    if (!first || !last) {
        const data::Day today = data::days_from_civil(2025, 1, 1);
        r = {today, today + 365, today - 30, today + 395};
        return r;
    }
    r.first_event = *first;
    r.latest = *last;
    if (const auto through = timeline.data_through()) r.latest = std::max(r.latest, *through);
    const data::Day span = std::max<data::Day>(1, r.latest - r.first_event);
    const data::Day margin = std::max<data::Day>(7, span * 3 / 100);
    r.start = r.first_event - margin;
    r.end = r.latest + margin;
    return r;
}

data::Day step_event_day(const std::vector<data::Day>& days, data::Day from, int steps) {
    data::Day d = from;
    for (; steps > 0; --steps) {
        auto it = std::upper_bound(days.begin(), days.end(), d);
        if (it == days.end()) break;
        d = *it;
    }
    for (; steps < 0; ++steps) {
        auto it = std::lower_bound(days.begin(), days.end(), d);
        if (it == days.begin()) break;
        d = *std::prev(it);
    }
    return d;
}

void TimelinePanel::set_speed_index(int i) {
    speed_ = std::clamp(i, 0, static_cast<int>(kPlaySpeeds.size()) - 1);
}

void TimelinePanel::go_to(Scene& scene, data::Day day) {
    scene.date = std::clamp(day, range_.start, range_.end);
    position_ = scene.date;
}

void TimelinePanel::step(PanelContext& ctx, int steps) {
    rebuild(ctx.data.timeline(), ctx.data.dataset().generation());
    playing_ = false;
    go_to(ctx.scene, step_event_day(ctx.data.timeline().event_days(), ctx.scene.date, steps));
}

void TimelinePanel::rebuild(const data::Timeline& timeline, uint64_t generation) {
    if (generation == built_generation_) return;
    built_generation_ = generation;
    range_ = timeline_range(timeline);
    day_events_.clear();
    day_rulings_.clear();
    const auto& events = timeline.events();
    for (uint32_t i = 0; i < events.size(); ++i) {
        auto& bucket = events[i].global() ? day_rulings_ : day_events_;
        bucket[data::effective_day(events[i])].push_back(i);
    }
}

void TimelinePanel::keys(PanelContext& ctx) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantCaptureKeyboard || io.KeyCtrl || io.KeyAlt || io.KeySuper) return;
    if (ImGui::IsKeyPressed(GLFW_KEY_SPACE, false)) {
        playing_ = !playing_;
        if (playing_ && ctx.scene.date >= range_.latest) go_to(ctx.scene, range_.first_event);
        position_ = ctx.scene.date;
    }
    if (io.KeyShift) return;  // Shift+arrows pan the map
    if (ImGui::IsKeyPressed(GLFW_KEY_LEFT, true) || ImGui::IsKeyPressed(GLFW_KEY_COMMA, true)) {
        step(ctx, -1);
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT, true) || ImGui::IsKeyPressed(GLFW_KEY_PERIOD, true)) {
        step(ctx, +1);
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_HOME, false)) {
        playing_ = false;
        go_to(ctx.scene, range_.first_event);
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_END, false)) {
        playing_ = false;
        go_to(ctx.scene, range_.latest);
    }
}

void TimelinePanel::tick(PanelContext& ctx, double dt_s) {
    rebuild(ctx.data.timeline(), ctx.data.dataset().generation());
    keys(ctx);
    if (playing_ && restart_at_end_ && ctx.scene.date >= range_.latest) {
        go_to(ctx.scene, range_.first_event);
    }
    restart_at_end_ = false;
    if (playing_) {
        if (std::floor(position_) != ctx.scene.date) position_ = ctx.scene.date;
        position_ += kPlaySpeeds[static_cast<size_t>(speed_)].days_per_second * dt_s;
        if (position_ >= range_.latest) {
            position_ = range_.latest;
            playing_ = false;
        }
        ctx.scene.date = static_cast<data::Day>(std::floor(position_));
    }
}

float TimelinePanel::draw(PanelContext& ctx, double dt_s) {
    tick(ctx, dt_s);

    const ImGuiStyle& style = ImGui::GetStyle();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float font = ImGui::GetFontSize();
    const float large_h = ctx.large_font != nullptr ? ctx.large_font->FontSize : font;
    const float track_h = font * 3.0f;
    const float height = style.WindowPadding.y * 2 + std::max(large_h, ImGui::GetFrameHeight()) +
                         style.ItemSpacing.y + track_h;
    const float top = vp->WorkPos.y + vp->WorkSize.y - height;
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, top), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, height), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.94f);
    if (ImGui::Begin("##timeline", nullptr,
                     kDockedPanelFlags | ImGuiWindowFlags_NoScrollbar |
                         ImGuiWindowFlags_NoScrollWithMouse)) {
        // Controls row: play, speed, steps, the date in large type, a typed date.
        const float row_y = ImGui::GetCursorPosY();
        const float centre_pad = std::max(0.0f, (large_h - ImGui::GetFrameHeight()) * 0.5f);
        ImGui::SetCursorPosY(row_y + centre_pad);
        if (ImGui::Button(playing_ ? "Pause" : "Play", ImVec2(font * 4.0f, 0))) {
            playing_ = !playing_;
            if (playing_ && ctx.scene.date >= range_.latest) go_to(ctx.scene, range_.first_event);
            position_ = ctx.scene.date;
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Play or pause (Space)");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(font * 7.0f);
        if (ImGui::BeginCombo("##speed", kPlaySpeeds[static_cast<size_t>(speed_)].label)) {
            for (int i = 0; i < static_cast<int>(kPlaySpeeds.size()); ++i) {
                if (ImGui::Selectable(kPlaySpeeds[static_cast<size_t>(i)].label, i == speed_)) {
                    speed_ = i;
                }
            }
            ImGui::EndCombo();
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Playback speed");
        ImGui::SameLine();
        if (ImGui::Button("|<")) {
            playing_ = false;
            go_to(ctx.scene, range_.first_event);
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("First event (Home)");
        ImGui::SameLine();
        if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) step(ctx, -1);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Previous event day (Left or ,)");
        ImGui::SameLine();
        if (ImGui::ArrowButton("##next", ImGuiDir_Right)) step(ctx, +1);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Next event day (Right or .)");
        ImGui::SameLine();
        if (ImGui::Button(">|")) {
            playing_ = false;
            go_to(ctx.scene, range_.latest);
        }
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("Latest date (End)");
        ImGui::SameLine(0.0f, font * 1.2f);

        ImGui::SetCursorPosY(row_y);
        const std::string date = format_day(ctx.scene.date);
        if (ctx.large_font != nullptr) ImGui::PushFont(ctx.large_font);
        ImGui::TextUnformatted(date.c_str());
        if (ctx.large_font != nullptr) ImGui::PopFont();

        // Typed date, right-aligned.
        const float input_w = font * 8.0f;
        ImGui::SameLine(std::max(ImGui::GetCursorPosX(),
                                 ImGui::GetWindowContentRegionMax().x - input_w -
                                     ImGui::CalcTextSize("Go to").x - style.ItemSpacing.x));
        ImGui::SetCursorPosY(row_y + centre_pad);
        if (!date_error_.empty()) {
            const float ew = ImGui::CalcTextSize(date_error_.c_str()).x;
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() - ew - style.ItemSpacing.x);
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.2f, 0.15f, 1.0f));
            ImGui::TextUnformatted(date_error_.c_str());
            ImGui::PopStyleColor();
            ImGui::SameLine();
        }
        ImGui::TextUnformatted("Go to");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(input_w);
        if (ImGui::InputTextWithHint("##date", "YYYY-MM-DD", date_text_.data(), date_text_.size(),
                                     ImGuiInputTextFlags_EnterReturnsTrue)) {
            std::string why;
            if (auto d = data::parse_date(date_text_.data(), &why)) {
                playing_ = false;
                go_to(ctx.scene, data::query_day(*d));
                date_error_.clear();
                date_text_[0] = '\0';
            } else {
                date_error_ = why.empty() ? "not a date" : why;
            }
        }
        if (ImGui::IsItemHovered()) {
            ImGui::SetTooltip("A date: YYYY, YYYY-MM or YYYY-MM-DD, then Enter");
        }

        ImGui::SetCursorPosY(row_y + std::max(large_h, ImGui::GetFrameHeight()) +
                             style.ItemSpacing.y);
        draw_track(ctx, track_h - style.ItemSpacing.y);
    }
    ImGui::End();
    return top;
}

void TimelinePanel::draw_track(PanelContext& ctx, float height) {
    const data::Timeline& timeline = ctx.data.timeline();
    const data::StatusTable& table = timeline.statuses();
    const float font = ImGui::GetFontSize();
    const ImVec2 p0 = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::InvisibleButton("##track", ImVec2(width, height));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();

    const double span = std::max(1, range_.end - range_.start);
    auto x_of = [&](data::Day d) {
        return p0.x + static_cast<float>((d - range_.start) / span) * width;
    };
    auto day_of = [&](float x) {
        return range_.start +
               static_cast<data::Day>(std::lround((x - p0.x) / width * span));
    };

    // Bands: rulings on top, the bar with event ticks, month labels below.
    const float ruling_h = font * 0.9f;
    const float label_h = ImGui::GetTextLineHeight();
    const float bar_top = p0.y + ruling_h;
    const float bar_bottom = p0.y + height - label_h - 2.0f;
    dl->AddRectFilled(ImVec2(p0.x, bar_top), ImVec2(p0.x + width, bar_bottom),
                      ImGui::GetColorU32(ImGuiCol_FrameBg), 3.0f);
    // The past (up to the current date) slightly darker.
    const float now_x = x_of(ctx.scene.date);
    dl->AddRectFilled(ImVec2(p0.x, bar_top), ImVec2(now_x, bar_bottom),
                      ImGui::GetColorU32(ImGuiCol_FrameBgHovered), 3.0f);

    // Months along the bottom; years labelled, other months when there is room.
    const data::Date first = data::civil_from_days(range_.start);
    const float month_w = static_cast<float>(30.44 / span) * width;
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    float last_label_end = -1e9f;
    for (int y = first.year, m = first.month;; ) {
        const data::Day d = data::days_from_civil(y, m, 1);
        if (d > range_.end) break;
        if (d >= range_.start) {
            const float x = x_of(d);
            const bool jan = m == 1;
            dl->AddLine(ImVec2(x, bar_bottom), ImVec2(x, bar_bottom + (jan ? 6.0f : 3.0f)), muted);
            std::string label = jan ? std::to_string(y) : std::string(data::month_name(m)).substr(0, 3);
            const float lw = ImGui::CalcTextSize(label.c_str()).x;
            const bool room = jan || month_w > lw * 1.3f;
            if (room && x + 2.0f > last_label_end && x + lw < p0.x + width) {
                dl->AddText(ImVec2(x + 2.0f, bar_bottom + 1.0f),
                            jan ? ImGui::GetColorU32(ImGuiCol_Text) : muted, label.c_str());
                last_label_end = x + 2.0f + lw + font * 0.4f;
            }
        }
        if (++m > 12) {
            m = 1;
            ++y;
        }
    }

    // Event ticks: one per event day, split by the statuses reported that day.
    const auto& events = timeline.events();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const float tick_w = std::max(2.0f, font * 0.16f);
    const float pick_px = std::max(4.0f, font * 0.35f);
    data::Day hover_day = 0;
    float hover_dist = pick_px;
    bool hover_ruling = false;
    for (const auto& [day, list] : day_events_) {
        const float x = x_of(day);
        std::vector<data::StatusIndex> statuses;
        for (uint32_t i : list) {
            if (std::find(statuses.begin(), statuses.end(), events[i].status) == statuses.end()) {
                statuses.push_back(events[i].status);
            }
        }
        const float seg = (bar_bottom - bar_top - 4.0f) / static_cast<float>(statuses.size());
        for (size_t k = 0; k < statuses.size(); ++k) {
            const float y0 = bar_top + 2.0f + seg * static_cast<float>(k);
            dl->AddRectFilled(ImVec2(x - tick_w * 0.5f, y0), ImVec2(x + tick_w * 0.5f, y0 + seg),
                              im_color(status_color(table, statuses[k], ctx.scene.theme)));
        }
        if (hovered && mouse.y >= bar_top && std::fabs(mouse.x - x) < hover_dist) {
            hover_dist = std::fabs(mouse.x - x);
            hover_day = day;
            hover_ruling = false;
        }
    }
    // Court rulings: diamonds above the bar.
    const float r = ruling_h * 0.42f;
    for (const auto& [day, list] : day_rulings_) {
        const float x = x_of(day);
        const float cy = p0.y + ruling_h * 0.5f;
        const Color c = status_color(table, events[list.front()].status, ctx.scene.theme);
        const ImVec2 pts[4] = {ImVec2(x, cy - r), ImVec2(x + r, cy), ImVec2(x, cy + r),
                               ImVec2(x - r, cy)};
        dl->AddConvexPolyFilled(pts, 4, im_color(c));
        dl->AddPolyline(pts, 4, ImGui::GetColorU32(ImGuiCol_Text), ImDrawFlags_Closed, 1.0f);
        if (hovered && mouse.y < bar_top && std::fabs(mouse.x - x) < std::max(hover_dist, r + 2)) {
            hover_dist = std::fabs(mouse.x - x);
            hover_day = day;
            hover_ruling = true;
        }
    }
    // What has not happened yet on the shown date is faded.
    {
        ImVec4 veil = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
        veil.w = 0.55f;
        dl->AddRectFilled(ImVec2(now_x, bar_top), ImVec2(p0.x + width, bar_bottom),
                          ImGui::GetColorU32(veil), 3.0f);
    }
    // The current date.
    const ImU32 now_col = ImGui::GetColorU32(ImGuiCol_Text);
    dl->AddLine(ImVec2(now_x, p0.y + 1.0f), ImVec2(now_x, bar_bottom + 2.0f), now_col, 2.0f);
    const ImVec2 handle[3] = {ImVec2(now_x - 5, bar_bottom + 6), ImVec2(now_x + 5, bar_bottom + 6),
                              ImVec2(now_x, bar_bottom)};
    dl->AddTriangleFilled(handle[0], handle[1], handle[2], now_col);

    // Tooltip for the hovered tick or ruling.
    if (hover_dist < pick_px + r + 2 && (hovered) && hover_day != 0 &&
        (hover_ruling ? day_rulings_.count(hover_day) : day_events_.count(hover_day))) {
        draw_tick_tooltip(ctx, hover_day, hover_ruling);
    }

    // Click or drag on the track moves the date.
    if (ImGui::IsItemActivated()) scrubbing_ = true;
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) scrubbing_ = false;
    if (scrubbing_ && ImGui::IsItemActive()) {
        playing_ = false;
        go_to(ctx.scene, std::clamp(day_of(mouse.x), range_.start, range_.end));
    }
}

// The tooltip of an event tick or a ruling diamond: that day's events with their
// statuses, summaries and publishers (at most eight).
void TimelinePanel::draw_tick_tooltip(const PanelContext& ctx, data::Day hover_day, bool hover_ruling) const {
    const data::Timeline& timeline = ctx.data.timeline();
    const data::StatusTable& table = timeline.statuses();
    const auto& events = timeline.events();
    const float font = ImGui::GetFontSize();
    const auto& list = hover_ruling ? day_rulings_.at(hover_day) : day_events_.at(hover_day);
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(font * 30.0f);
    const std::string head = format_day(hover_day) + (hover_ruling ? " \xE2\x80\x94 court ruling" : "");
    ImGui::TextUnformatted(head.c_str());
    ImGui::Separator();
    size_t shown = 0;
    for (uint32_t i : list) {
        const data::Event& e = events[i];
        if (shown++ == 8) {
            const std::string more = "\xE2\x80\xA6 and " + std::to_string(list.size() - 8) + " more";
            ImGui::TextDisabled("%s", more.c_str());
            break;
        }
        const std::string status = e.status >= 0 ? table[static_cast<size_t>(e.status)].label : "";
        swatch(status_color(table, e.status, ctx.scene.theme));
        ImGui::SameLine();
        std::string who = e.global() ? status
                                     : ctx.data.countries().country(e.country).name + " \xE2\x80\x94 " + status;
        if (e.date.approximate()) who += " (" + data::format_date(e.date) + ")";
        ImGui::TextUnformatted(who.c_str());
        ImGui::TextUnformatted(e.summary.c_str());
        if (const data::Source* s = e.first_source()) {
            std::string credit = s->credit_name();
            if (e.sources.size() > 1) credit += " and " + std::to_string(e.sources.size() - 1) + " more";
            if (e.weak_only()) credit += " (weak sources only)";
            ImGui::TextDisabled("%s", credit.c_str());
        }
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

}  // namespace deportmap::ui
