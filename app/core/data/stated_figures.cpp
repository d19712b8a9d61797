// Loading stated figures (the bundled dataset's "58 countries", with its source).
#include "core/data/stated_figures.hpp"

#include <map>

#include "core/data/csv.hpp"
#include "core/data/date.hpp"
#include "core/data/events.hpp"
#include "core/data/text.hpp"
#include "core/util/paths.hpp"

namespace deportmap::data {

std::vector<StatedFigure> load_stated_figures(const std::string& path,
                                              std::vector<Problem>& problems) {
    std::vector<StatedFigure> out;
    std::string text, error;
    if (!read_text_file(path, text, error)) {
        problems.push_back({path, 0, "", error});
        return out;
    }
    const CsvText csv = parse_csv(text);
    if (csv.records.empty()) {
        problems.push_back({path, 0, "", "empty file: no header line"});
        return out;
    }
    const CsvRecord& head = csv.records.front();
    std::map<std::string, size_t> col;
    for (size_t i = 0; i < head.fields.size(); ++i) col[ascii_lower(trim(head.fields[i]))] = i;
    for (const char* name : {"key", "value", "label", "source_url", "source_publisher",
                             "source_date"}) {
        if (!col.count(name)) {
            problems.push_back({path, head.line, "header",
                                std::string("missing column '") + name + "'"});
            return {};
        }
    }
    for (size_t r = 1; r < csv.records.size(); ++r) {
        const CsvRecord& rec = csv.records[r];
        if (rec.fields.size() != head.fields.size()) {
            problems.push_back({path, rec.line, "row",
                                "has " + std::to_string(rec.fields.size()) +
                                    " fields, the header has " +
                                    std::to_string(head.fields.size())});
            continue;
        }
        auto get = [&](const char* name) {
            const auto it = col.find(name);
            return it == col.end() ? std::string() : std::string(trim(rec.fields[it->second]));
        };
        StatedFigure f{get("key"), 0, get("label"), get("source_url"), get("source_publisher"),
                       get("source_date"), get("source_outlet"), get("source_tier")};
        const size_t before = problems.size();
        if (f.key.empty()) problems.push_back({path, rec.line, "key", "missing key"});
        if (auto v = parse_count(get("value"), error)) {
            f.value = *v;
        } else {
            problems.push_back({path, rec.line, "value", error});
        }
        if (!is_web_url(f.source_url)) {
            problems.push_back({path, rec.line, "source_url", "a stated figure needs a web source"});
        }
        if (!f.source_tier.empty() && !parse_source_tier(f.source_tier)) {
            problems.push_back({path, rec.line, "source_tier",
                                "unknown tier '" + f.source_tier +
                                    "' (known: primary, original, wire, secondary, weak)"});
        }
        if (!f.source_date.empty() && !parse_date(f.source_date)) {
            problems.push_back({path, rec.line, "source_date", "'" + f.source_date + "' is not a date"});
        }
        for (const auto& field : rec.fields) {
            if (find_invalid_utf8(field) != std::string_view::npos) {
                problems.push_back({path, rec.line, "row", "invalid UTF-8"});
                break;
            }
        }
        if (problems.size() == before) out.push_back(std::move(f));
    }
    return out;
}

const StatedFigure* find_stated_figure(const std::vector<StatedFigure>& figures,
                                       std::string_view key) {
    for (const auto& f : figures) {
        if (f.key == key) return &f;
    }
    return nullptr;
}

std::vector<std::string> default_events_paths() {
    return {data_path("geodata/events/events.csv"), data_path("geodata/events/sources.csv")};
}
std::string default_stated_figures_path() {
    return data_path("geodata/events/stated_figures.csv");
}

}  // namespace deportmap::data
