// Listing the sources of the facts shown, as CSV, JSON and a credit line.
#include "core/data/source_list.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/data/csv.hpp"
#include "core/data/text.hpp"

namespace deportmap::data {

const char* const kSourcesCsvHeader = "iso3,country,date,status,url,publisher,outlet,published,tier";

bool source_filter_keeps(SourceFilter filter, const Event& e) {
    return filter == SourceFilter::All || !e.weak_only();
}

namespace {

std::string country_name_of(const Event& e, const CountryResolver& countries) {
    if (e.country >= 0 && static_cast<size_t>(e.country) < countries.size()) {
        return countries.country(e.country).name;
    }
    return e.country_name;
}

std::string status_key_of(const Event& e, const StatusTable& statuses) {
    return e.status >= 0 && static_cast<size_t>(e.status) < statuses.size()
               ? statuses[static_cast<size_t>(e.status)].key
               : "";
}

}  // namespace

std::vector<SourceListRow> list_sources(const Timeline& timeline, const CountryResolver& countries,
                                        std::optional<Day> through) {
    struct Keyed {
        bool global;
        std::string name;
        Day day;
        uint32_t order;
        const Event* event;
    };
    std::vector<Keyed> keyed;
    for (const Event& e : timeline.events()) {
        const Day day = effective_day(e);
        if (through && day > *through) continue;
        keyed.push_back({e.global(), e.global() ? "" : normalize_name(country_name_of(e, countries)),
                         day, e.order, &e});
    }
    std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
        if (a.global != b.global) return !a.global;
        if (a.name != b.name) return a.name < b.name;
        if (a.day != b.day) return a.day < b.day;
        return a.order < b.order;
    });
    std::vector<SourceListRow> rows;
    for (const Keyed& k : keyed) {
        for (const Source& s : k.event->sources) rows.push_back({k.event, &s});
    }
    return rows;
}

std::string sources_csv(const std::vector<SourceListRow>& rows, const CountryResolver& countries,
                        const StatusTable& statuses) {
    std::string out = std::string(kSourcesCsvHeader) + "\n";
    for (const SourceListRow& r : rows) {
        const Event& e = *r.event;
        const Source& s = *r.source;
        const std::string fields[] = {e.iso3,     country_name_of(e, countries),
                                      e.date.iso(), status_key_of(e, statuses),
                                      s.url,      s.publisher,
                                      s.outlet.empty() ? s.publisher : s.outlet,
                                      s.published, source_tier_key(s.tier)};
        bool first = true;
        for (const std::string& f : fields) {
            if (!first) out += ',';
            first = false;
            out += csv_field(f);
        }
        out += '\n';
    }
    return out;
}

nlohmann::ordered_json source_json(const Source& s) {
    using json = nlohmann::ordered_json;
    auto text = [](const std::string& v) { return v.empty() ? json(nullptr) : json(v); };
    json o;
    o["url"] = text(s.url);
    o["publisher"] = text(s.publisher);
    o["outlet"] = text(s.outlet.empty() ? s.publisher : s.outlet);
    o["published"] = text(s.published);
    o["tier"] = source_tier_key(s.tier);
    return o;
}

nlohmann::ordered_json source_row_json(const SourceListRow& row, const CountryResolver& countries,
                                       const StatusTable& statuses) {
    using json = nlohmann::ordered_json;
    const Event& e = *row.event;
    json o;
    o["iso3"] = e.iso3.empty() ? json(nullptr) : json(e.iso3);
    const std::string name = country_name_of(e, countries);
    o["country"] = name.empty() ? json(nullptr) : json(name);
    o["date"] = e.date.iso();
    o["status"] = status_key_of(e, statuses);
    const json source = source_json(*row.source);
    for (const char* key : {"url", "publisher", "outlet", "published", "tier"}) o[key] = source.at(key);
    return o;
}

std::vector<std::string> ranked_outlets(const std::vector<SourceListRow>& rows) {
    std::map<std::string, int> facts;  // outlet -> events citing it
    std::set<std::pair<const Event*, std::string>> counted;
    for (const SourceListRow& r : rows) {
        if (r.source->weak()) continue;
        const std::string& name = r.source->credit_name();
        if (name.empty()) continue;
        if (counted.emplace(r.event, name).second) ++facts[name];
    }
    std::vector<std::pair<std::string, int>> ranked(facts.begin(), facts.end());
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::vector<std::string> out;
    for (auto& [name, n] : ranked) out.push_back(name);
    return out;
}

std::string credit_sources(const std::vector<std::string>& outlets, size_t named) {
    if (outlets.empty()) return "";
    if (outlets.size() == 1) return "Source: " + outlets.front();
    const size_t n = std::min(named, outlets.size());
    std::string s = "Sources: ";
    for (size_t i = 0; i < n; ++i) {
        if (i > 0) s += (i + 1 == n && n == outlets.size()) ? " and " : ", ";
        s += outlets[i];
    }
    const size_t rest = outlets.size() - n;
    if (rest > 0) s += " and " + std::to_string(rest) + (rest == 1 ? " other" : " others");
    return s;
}

}  // namespace deportmap::data
