// Loading and querying the status table.
#include "core/data/statuses.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <numeric>
#include <stdexcept>

#include "core/data/csv.hpp"
#include "core/data/text.hpp"
#include "core/util/paths.hpp"

namespace deportmap::data {

namespace {

bool parse_int(std::string_view s, int& out) {
    s = trim(s);
    if (s.empty()) return false;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && ptr == s.data() + s.size();
}

// 'text', built by appending (GCC 12 warns falsely on "'" + std::string).
std::string quoted(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '\'';
    out += text;
    out += '\'';
    return out;
}

bool valid_key(std::string_view key) {
    if (key.empty()) return false;
    for (char c : key) {
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    }
    return true;
}

}  // namespace

std::optional<StatusTable> StatusTable::load(const std::string& path,
                                             std::vector<Problem>& problems) {
    std::string text, error;
    if (!read_text_file(path, text, error)) {
        problems.push_back({path, 0, "", error});
        return std::nullopt;
    }
    const size_t before = problems.size();
    if (const size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
        problems.push_back({path, 0, "", "invalid UTF-8 at byte " + std::to_string(bad)});
        return std::nullopt;
    }
    CsvText csv = parse_csv(text);
    if (!csv.error.empty()) problems.push_back({path, csv.error_line, "row", csv.error});
    if (csv.records.empty()) {
        problems.push_back({path, 0, "", "empty status table"});
        return std::nullopt;
    }
    const auto& header = csv.records.front();
    std::map<std::string, size_t> col;
    for (size_t i = 0; i < header.fields.size(); ++i) {
        col[ascii_lower(trim(header.fields[i]))] = i;
    }
    static const char* const kColumns[] = {"key",         "label",        "description",
                                           "colour_light", "colour_dark", "legend_order",
                                           "ladder_rank", "tie_precedence"};
    for (const char* name : kColumns) {
        if (!col.count(name)) {
            problems.push_back({path, header.line, "header",
                                std::string("missing column '") + name + "'"});
        }
    }
    if (problems.size() > before) return std::nullopt;

    StatusTable table;
    for (size_t r = 1; r < csv.records.size(); ++r) {
        const CsvRecord& rec = csv.records[r];
        if (rec.fields.size() != header.fields.size()) {
            problems.push_back({path, rec.line, "row",
                                "has " + std::to_string(rec.fields.size()) +
                                    " fields, the header has " +
                                    std::to_string(header.fields.size())});
            continue;
        }
        auto get = [&](const char* name) { return std::string(trim(rec.fields[col[name]])); };
        auto bad = [&](const char* field, std::string message) {
            problems.push_back({path, rec.line, field, std::move(message)});
        };
        Status s;
        s.key = get("key");
        s.label = get("label");
        s.description = get("description");
        const size_t row_start = problems.size();
        if (!valid_key(s.key)) {
            bad("key", quoted(s.key) + " is not a key (use a-z, 0-9 and _)");
        } else if (table.find(s.key) != kNoStatus) {
            bad("key", "duplicate key " + quoted(s.key));
        }
        if (s.label.empty()) bad("label", "missing label");
        for (const char* name : {"colour_light", "colour_dark"}) {
            const std::string v = get(name);
            auto c = parse_hex_color(v);
            if (!c) {
                bad(name, quoted(v) + " is not a colour (use #rrggbb)");
            } else {
                (std::string_view(name) == "colour_light" ? s.colour_light : s.colour_dark) = *c;
            }
        }
        if (!parse_int(get("legend_order"), s.legend_order)) {
            bad("legend_order", quoted(get("legend_order")) + " is not a whole number");
        }
        const std::string rank = get("ladder_rank");
        if (!rank.empty() && (!parse_int(rank, s.ladder_rank) || s.ladder_rank < 0)) {
            bad("ladder_rank", quoted(rank) + " is not empty, 0 or a positive whole number");
        }
        if (!parse_int(get("tie_precedence"), s.tie_precedence)) {
            bad("tie_precedence", quoted(get("tie_precedence")) + " is not a whole number");
        }
        if (problems.size() == row_start) table.statuses_.push_back(std::move(s));
    }
    if (problems.size() > before) return std::nullopt;
    if (table.statuses_.empty()) {
        problems.push_back({path, 0, "", "the status table has no statuses"});
        return std::nullopt;
    }
    if (table.statuses_.size() > 1000) {
        problems.push_back({path, 0, "", "more than 1000 statuses"});
        return std::nullopt;
    }
    table.finish();
    return table;
}

StatusTable StatusTable::load_default() {
    std::vector<Problem> problems;
    const std::string path = data_path("assets/statuses.csv");
    auto table = load(path, problems);
    if (!table) {
        throw std::runtime_error(problems.empty() ? path + ": cannot load the status table"
                                                  : problems.front().to_string());
    }
    return std::move(*table);
}

StatusTable StatusTable::from(std::vector<Status> statuses) {
    StatusTable table;
    for (auto& s : statuses) {
        if (table.find(s.key) != kNoStatus) throw std::invalid_argument("duplicate key " + s.key);
        table.statuses_.push_back(std::move(s));
    }
    table.finish();
    return table;
}

void StatusTable::finish() {
    legend_.resize(statuses_.size());
    std::iota(legend_.begin(), legend_.end(), StatusIndex{0});
    std::stable_sort(legend_.begin(), legend_.end(), [&](StatusIndex a, StatusIndex b) {
        return statuses_[a].legend_order < statuses_[b].legend_order;
    });
}

StatusIndex StatusTable::find(std::string_view key) const {
    const std::string k = ascii_lower(trim(key));
    for (size_t i = 0; i < statuses_.size(); ++i) {
        if (statuses_[i].key == k) return static_cast<StatusIndex>(i);
    }
    return kNoStatus;
}

std::string StatusTable::key_list() const {
    std::string out;
    for (StatusIndex i : legend_) {
        if (!out.empty()) out += ", ";
        out += statuses_[i].key;
    }
    return out;
}

}  // namespace deportmap::data
