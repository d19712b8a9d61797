// The selected country's detail panel (see details_panel.hpp).
#include "ui/details_panel.hpp"

#include <imgui.h>

#include "ui/widgets.hpp"

namespace deportmap::ui {

DetailSummary detail_summary(const PanelContext& ctx, int world_index) {
    DetailSummary s;
    if (world_index < 0 || static_cast<size_t>(world_index) >= ctx.world.countries.size()) return s;
    const geo::Country& wc = ctx.world.countries[static_cast<size_t>(world_index)];
    s.iso3 = wc.iso3;
    s.name = wc.name;
    const int c = ctx.data_index(world_index);
    if (c < 0) return s;
    const data::Timeline& timeline = ctx.data.timeline();
    s.name = ctx.data.countries().country(c).name;
    if (static_cast<size_t>(c) >= timeline.country_count()) return s;
    s.history = static_cast<int>(timeline.country_events(c).size());
    const data::CountryState st = timeline.state_at(c, ctx.scene.date);
    if (st.status != data::kNoStatus) {
        s.status = timeline.statuses()[static_cast<size_t>(st.status)].key;
        if (st.since_event >= 0) {
            const data::Event& e = timeline.events()[static_cast<size_t>(st.since_event)];
            s.since = data::format_date(e.date);
            s.weak_only = e.weak_only();
            s.sources = static_cast<int>(e.sources.size());
        }
    }
    return s;
}

namespace {

// "Reuters, via Dawn, 5 May 2025 (wire)" for each source, its link under it; a fact whose
// sources are all weak is marked first.
void draw_sources(const data::Event& e, std::vector<std::string>& open_requests) {
    if (e.sources.empty()) {
        ImGui::TextDisabled("No source given");
        return;
    }
    if (e.weak_only()) {
        ImGui::TextColored(ImVec4(0.85f, 0.45f, 0.1f, 1.0f), "%s",
                           e.sources.size() == 1 ? "Single weak source" : "Weak sources only");
    }
    ImGui::PushTextWrapPos(0.0f);
    for (size_t i = 0; i < e.sources.size(); ++i) {
        const data::Source& s = e.sources[i];
        ImGui::PushID(static_cast<int>(i));
        std::string line = s.credit_name();
        if (!s.outlet.empty() && !s.publisher.empty() && s.publisher != s.outlet) line += ", via " + s.publisher;
        if (!s.published.empty()) {
            const auto d = data::parse_date(s.published);
            line += ", " + (d ? data::format_date(*d) : s.published);
        }
        line += std::string(" (") + data::source_tier_key(s.tier) + ")";
        ImGui::TextDisabled("%s", line.c_str());
        if (!s.url.empty()) link(s.url, open_requests);
        ImGui::PopID();
    }
    ImGui::PopTextWrapPos();
}

}  // namespace

float DetailsPanel::draw(PanelContext& ctx) {
    const int sel = ctx.scene.selected;
    if (sel < 0 || static_cast<size_t>(sel) >= ctx.world.countries.size()) return ctx.right;
    const data::Timeline& timeline = ctx.data.timeline();
    const data::StatusTable& table = timeline.statuses();
    const float font = ImGui::GetFontSize();
    const float pad = ImGui::GetStyle().WindowPadding.x;
    const float width = font * 25.0f;
    const float left = ctx.right - width - pad;
    ImGui::SetNextWindowPos(ImVec2(left, ctx.top + pad), ImGuiCond_Always);
    ImGui::SetNextWindowSize(ImVec2(width, ctx.bottom - ctx.top - 2 * pad), ImGuiCond_Always);
    ImGui::SetNextWindowBgAlpha(0.95f);
    bool open = true;
    // The title is the country's name; "###details" keeps the window's identity.
    const DetailSummary summary = detail_summary(ctx, sel);
    const std::string title = "Country###details";
    if (ImGui::Begin(title.c_str(), &open,
                     ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                         ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
        const int c = ctx.data_index(sel);
        const data::CountryState st =
            c >= 0 && static_cast<size_t>(c) < timeline.country_count()
                ? timeline.state_at(c, ctx.scene.date)
                : data::CountryState{};
        if (ctx.large_font != nullptr) ImGui::PushFont(ctx.large_font);
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(summary.name.c_str());
        ImGui::PopTextWrapPos();
        if (ctx.large_font != nullptr) ImGui::PopFont();
        ImGui::TextDisabled("%s", summary.iso3.c_str());

        if (st.status != data::kNoStatus) {
            const data::Status& s = table[static_cast<size_t>(st.status)];
            status_chip(s.label, status_color(table, st.status, ctx.scene.theme));
            ImGui::SameLine();
            ImGui::AlignTextToFramePadding();
            const std::string since = "since " + summary.since;
            ImGui::TextUnformatted(since.c_str());
            if (ImGui::IsItemHovered() && st.since_event >= 0 &&
                timeline.events()[static_cast<size_t>(st.since_event)].date.approximate()) {
                ImGui::SetTooltip("Known only to the month or year: counted from its first day");
            }
            ImGui::Text("on %s", format_day(ctx.scene.date).c_str());
        } else if (summary.history > 0) {
            ImGui::TextWrapped("No status yet on %s.", format_day(ctx.scene.date).c_str());
        }

        // Totals to date.
        if (st.deportees_to_date || st.payments_to_date_usd) {
            ImGui::Spacing();
            if (st.deportees_to_date) {
                ImGui::Text("Deportees received to date: %s", grouped(*st.deportees_to_date).c_str());
            }
            if (st.payments_to_date_usd) {
                ImGui::Text("Payments to date: %s", dollars(*st.payments_to_date_usd).c_str());
            }
        }
        ImGui::Separator();

        if (summary.history == 0) {
            ImGui::PushTextWrapPos(0.0f);
            ImGui::TextUnformatted(c < 0 ? "This country is not in the data's country list."
                                         : "No events are recorded for this country.");
            ImGui::PopTextWrapPos();
        } else {
            ImGui::Text("History (%d events)", summary.history);
            ImGui::BeginChild("history", ImVec2(0, 0), false);
            if (scrolled_for_ != sel) {
                ImGui::SetScrollY(0.0f);
                scrolled_for_ = sel;
            }
            const auto& list = timeline.country_events(c);
            for (size_t k = 0; k < list.size(); ++k) {
                const data::Event& e = timeline.events()[list[k]];
                ImGui::PushID(static_cast<int>(k));
                const bool future = data::effective_day(e) > ctx.scene.date;
                if (future) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.55f);
                const std::string date = data::format_date(e.date);
                ImGui::TextUnformatted(date.c_str());
                ImGui::SameLine();
                if (e.status != data::kNoStatus) {
                    status_chip(table[static_cast<size_t>(e.status)].label,
                                status_color(table, e.status, ctx.scene.theme), true);
                }
                if (future) {
                    ImGui::SameLine();
                    ImGui::TextDisabled("(after the shown date)");
                }
                std::string numbers;
                if (e.deportees) {
                    numbers += grouped(*e.deportees) + (*e.deportees == 1 ? " deportee" : " deportees");
                }
                if (e.payment_usd) {
                    if (!numbers.empty()) numbers += ", ";
                    numbers += dollars(*e.payment_usd);
                }
                if (!numbers.empty()) {
                    if (e.cumulative) numbers += " (to date)";
                    ImGui::TextUnformatted(numbers.c_str());
                }
                ImGui::PushTextWrapPos(0.0f);
                ImGui::TextUnformatted(e.summary.c_str());
                ImGui::PopTextWrapPos();
                draw_sources(e, ctx.open_requests);
                if (future) ImGui::PopStyleVar();
                ImGui::Spacing();
                ImGui::Separator();
                ImGui::PopID();
            }
            ImGui::EndChild();
        }
    }
    ImGui::End();
    if (!open) ctx.scene.selected = -1;
    return left;
}

}  // namespace deportmap::ui
