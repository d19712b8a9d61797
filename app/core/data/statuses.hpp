// The status categories (contacted, agreed, receiving, declined, ...) with their labels,
// colours, legend order, ladder rank and same-day precedence. They come from a table
// (assets/statuses.csv by default, or --statuses FILE), never from code.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/color.hpp"
#include "core/data/problem.hpp"

namespace deportmap::data {

// Index into a StatusTable; kNoStatus for a country without events up to a date.
using StatusIndex = int16_t;
inline constexpr StatusIndex kNoStatus = -1;

struct Status {
    std::string key;          // machine key used in events files, e.g. "receiving"
    std::string label;        // for people, e.g. "Receiving deportees"
    std::string description;  // one sentence for legends and tooltips
    Color colour_light;       // fill on the light theme
    Color colour_dark;        // fill on the dark theme
    int legend_order = 0;     // smaller first
    int ladder_rank = 0;      // 1.. for ladder statuses (never step down); 0 = not on the ladder
    int tie_precedence = 0;   // same-day events are applied in increasing order: larger wins

    bool on_ladder() const { return ladder_rank > 0; }
};

class StatusTable {
public:
    StatusTable() = default;

    // Reads a status table CSV with the columns key, label, description, colour_light,
    // colour_dark, legend_order, ladder_rank, tie_precedence (any order; ladder_rank may
    // be empty or 0 for "not on the ladder"). Returns nullopt when the file cannot be
    // used; every problem found is appended to `problems` either way.
    static std::optional<StatusTable> load(const std::string& path,
                                           std::vector<Problem>& problems);
    // The default table, assets/statuses.csv under data_path(); throws std::runtime_error
    // with a one-line message when it is missing or broken.
    static StatusTable load_default();
    // Builds a table from statuses given in code (tests); throws on duplicate keys.
    static StatusTable from(std::vector<Status> statuses);

    size_t size() const { return statuses_.size(); }
    bool empty() const { return statuses_.empty(); }
    const Status& operator[](size_t i) const { return statuses_[i]; }
    const std::vector<Status>& all() const { return statuses_; }
    // Index of the status with this key (ASCII case-insensitive), or kNoStatus.
    StatusIndex find(std::string_view key) const;
    // Status indices sorted by legend_order (then by row).
    const std::vector<StatusIndex>& legend() const { return legend_; }
    // Keys joined by ", " in legend order, for error messages.
    std::string key_list() const;

private:
    void finish();
    std::vector<Status> statuses_;
    std::vector<StatusIndex> legend_;
};

}  // namespace deportmap::data
