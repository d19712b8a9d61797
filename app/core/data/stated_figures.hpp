// Figures a source states that cannot be counted from the event rows, such as the New
// York Times' "58 countries" contacted or planned, kept with their source so the app can
// show "58 (stated, source)" beside the count of countries the data names.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/problem.hpp"

namespace deportmap::data {

struct StatedFigure {
    std::string key;    // machine key, e.g. "countries_contacted_or_planned"
    int64_t value = 0;
    std::string label;  // what the figure counts, for people
    std::string source_url;
    std::string source_publisher;
    std::string source_date;
    std::string source_outlet;  // optional column: whose reporting it is
    std::string source_tier;    // optional column: primary, original, wire, secondary, weak
};

// Reads a CSV with the columns key, value, label, source_url, source_publisher,
// source_date, and optionally source_outlet and source_tier. Bad rows are skipped and
// reported in `problems`.
std::vector<StatedFigure> load_stated_figures(const std::string& path,
                                              std::vector<Problem>& problems);
// The figure with this key, or nullptr.
const StatedFigure* find_stated_figure(const std::vector<StatedFigure>& figures,
                                       std::string_view key);

// The bundled data's headline, in the window and on exports of it.
inline constexpr const char* kBundledDataTitle = "Where the U.S. has sought to send deportees who are not citizens";

// The bundled dataset under data_path(): geodata/events/events.csv and its sources
// table, sources.csv (read together, in this order), and stated_figures.csv.
std::vector<std::string> default_events_paths();
std::string default_stated_figures_path();

}  // namespace deportmap::data
