// Country search with type-ahead (see search_panel.hpp).
#include "ui/search_panel.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>

#include "core/data/text.hpp"

namespace deportmap::ui {

std::vector<SearchHit> search_countries(const data::CountryResolver& countries,
                                        const std::string& query, size_t limit,
                                        const std::vector<std::pair<std::string, int>>& other_names) {
    std::vector<SearchHit> hits;
    const std::string q = data::normalize_name(query);
    if (q.empty()) return hits;
    auto label = [&](int c) {
        const data::Country& k = countries.country(c);
        return k.name + " (" + k.iso3 + ")";
    };
    auto add = [&](int c, std::string shown) {
        if (hits.size() >= limit) return;
        for (const auto& h : hits) {
            if (h.country == c) return;
        }
        hits.push_back({c, std::move(shown)});
    };
    // An exact code, name or alias.
    const data::Resolution exact = countries.resolve(query);
    if (exact.found()) {
        const data::Country& k = countries.country(exact.country);
        const bool alias = data::normalize_name(k.name) != q && data::ascii_lower(k.iso3) != q;
        add(exact.country, alias ? label(exact.country) + " \xE2\x80\x94 " + query : label(exact.country));
    }
    // Names (display and official) starting with, then containing, the query.
    for (int pass = 0; pass < 2 && hits.size() < limit; ++pass) {
        for (int c = 0; c < static_cast<int>(countries.size()) && hits.size() < limit; ++c) {
            const data::Country& k = countries.country(c);
            for (const std::string* name : {&k.name, &k.official_name}) {
                if (name->empty()) continue;
                const std::string n = data::normalize_name(*name);
                const size_t at = n.find(q);
                const bool match = pass == 0 ? at == 0 : at != std::string::npos && at > 0;
                if (match) {
                    add(c, name == &k.name ? label(c) : label(c) + " \xE2\x80\x94 " + *name);
                    break;
                }
            }
        }
    }
    // Aliases and boundary names, starting with and then containing the query.
    for (int pass = 0; pass < 2 && hits.size() < limit; ++pass) {
        for (const auto& [name, c] : other_names) {
            if (hits.size() >= limit) break;
            const std::string n = data::normalize_name(name);
            const size_t at = n.find(q);
            const bool match = pass == 0 ? at == 0 : at != std::string::npos && at > 0;
            if (!match) continue;
            const bool same = n == data::normalize_name(countries.country(c).name);
            add(c, same ? label(c) : label(c) + " \xE2\x80\x94 " + name);
        }
    }
    // Close spellings (the resolver's suggestions cover aliases too).
    if (hits.size() < limit) {
        for (const std::string& s : countries.suggest(query, limit)) {
            const data::Resolution r = countries.resolve(s);
            if (!r.found()) continue;
            const bool same = data::normalize_name(s) == data::normalize_name(countries.country(r.country).name);
            add(r.country, same ? label(r.country) : label(r.country) + " \xE2\x80\x94 " + s);
        }
    }
    return hits;
}

void SearchPanel::open(const std::string& query) {
    open_ = true;
    focus_ = true;
    const size_t n = std::min(query.size(), text_.size() - 1);
    std::copy_n(query.begin(), n, text_.begin());
    text_[n] = '\0';
    last_query_.clear();
    hits_.clear();
    cursor_ = 0;
}

int SearchPanel::draw(PanelContext& ctx) {
    if (!open_) return -1;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float font = ImGui::GetFontSize();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, ctx.top + font * 4.0f),
                            ImGuiCond_Always, ImVec2(0.5f, 0.0f));
    ImGui::SetNextWindowSize(ImVec2(font * 24.0f, 0.0f), ImGuiCond_Always);
    int picked = -1;
    if (ImGui::Begin("Find a country###search", &open_,
                     ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove)) {
        if (focus_) {
            ImGui::SetKeyboardFocusHere();
            focus_ = false;
        }
        ImGui::SetNextItemWidth(-1.0f);
        const bool enter = ImGui::InputTextWithHint("##q", "name, code or alias", text_.data(),
                                                    text_.size(),
                                                    ImGuiInputTextFlags_EnterReturnsTrue);
        if (last_query_ != text_.data()) {
            last_query_ = text_.data();
            hits_ = search_countries(ctx.data.countries(), last_query_, 8, ctx.data.other_names());
            cursor_ = 0;
        }
        if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) cursor_ = std::min(cursor_ + 1, static_cast<int>(hits_.size()) - 1);
        if (ImGui::IsKeyPressed(GLFW_KEY_UP)) cursor_ = std::max(cursor_ - 1, 0);
        int chosen = -1;
        for (int i = 0; i < static_cast<int>(hits_.size()); ++i) {
            ImGui::PushID(i);
            const int w = ctx.data.data_to_world()[static_cast<size_t>(hits_[static_cast<size_t>(i)].country)];
            if (w < 0) ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.5f);
            if (ImGui::Selectable(hits_[static_cast<size_t>(i)].shown.c_str(), i == cursor_)) chosen = i;
            if (w < 0) ImGui::PopStyleVar();
            ImGui::PopID();
        }
        if (enter && !hits_.empty()) chosen = cursor_;
        if (!last_query_.empty() && hits_.empty()) ImGui::TextDisabled("No country by that name");
        if (chosen >= 0) {
            const int w = ctx.data.data_to_world()[static_cast<size_t>(hits_[static_cast<size_t>(chosen)].country)];
            if (w >= 0) {
                picked = w;
                open_ = false;
            }
        }
        if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE)) open_ = false;
    }
    ImGui::End();
    return picked;
}

}  // namespace deportmap::ui
