// Country search (Ctrl+F or /): a type-ahead over the resolver's names, official names,
// codes and aliases. Up/Down choose, Enter (or a click) picks: the window flies the
// camera to the country and selects it. Esc closes.
#pragma once
#include <array>
#include <utility>
#include <string>
#include <vector>

#include "ui/panel_context.hpp"

namespace deportmap::ui {

struct SearchHit {
    int country = -1;   // data (resolver) index
    std::string shown;  // "Côte d'Ivoire (CIV)", or "Côte d'Ivoire (CIV) — Ivory Coast"
};

// Matches for `query` (best first, at most `limit`): an exact name, code or alias; then
// names that start with the query; then names that contain it; then close spellings.
// `other_names` (aliases, boundary names; data index each) join the prefix and
// substring passes.
std::vector<SearchHit> search_countries(
    const data::CountryResolver& countries, const std::string& query, size_t limit = 8,
    const std::vector<std::pair<std::string, int>>& other_names = {});

class SearchPanel {
public:
    // Opens the box, empty or with `query` typed in (scripted runs).
    void open(const std::string& query = "");
    bool is_open() const { return open_; }
    // Draws the search box when open; returns the World index picked this frame, or -1.
    int draw(PanelContext& ctx);

private:
    bool open_ = false;
    bool focus_ = false;
    int cursor_ = 0;
    std::array<char, 128> text_{};
    std::string last_query_;
    std::vector<SearchHit> hits_;
};

}  // namespace deportmap::ui
