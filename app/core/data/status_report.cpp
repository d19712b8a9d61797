// Status rows, their CSV, and the map's description (see status_report.hpp).
#include "core/data/status_report.hpp"

#include <algorithm>

#include "core/data/csv.hpp"
#include "core/data/date.hpp"
#include "core/data/text.hpp"

namespace deportmap::data {
namespace {

std::string number(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : ""; }

// "A", "A and B", "A, B and C".
std::string joined(const std::vector<std::string>& names) {
    std::string s;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) s += i + 1 == names.size() ? " and " : ", ";
        s += names[i];
    }
    return s;
}

// How the description names a status's group of `n`: "had been asked to accept
// deportees who are not their citizens", "were receiving them" ("was" for one), or the
// status's label for other tables.
std::string phrase(const Status& s, size_t n) {
    const std::string be = n == 1 ? "was" : "were";
    if (s.key == "contacted") return "had been asked to accept deportees who are not their citizens";
    if (s.key == "negotiating") return be + " negotiating";
    if (s.key == "agreed") return "had agreed";
    if (s.key == "receiving") return be + " receiving them";
    if (s.key == "declined") return "had declined";
    if (s.key == "paused_or_ended") return "had paused or ended an arrangement";
    if (s.key == "blocked_by_court") return be + " blocked by a court";
    if (s.key == "court_allowed") return be + " allowed by a court";
    std::string p = be;
    p += " \"";
    p += s.label;
    p += '"';
    return p;
}

}  // namespace

std::string first_source_field(const Event* e, const std::string Source::*field) {
    const Source* s = e ? e->first_source() : nullptr;
    return s ? s->*field : "";
}

std::vector<StatusRow> status_rows(const Timeline& timeline, const CountryResolver& countries, Day day, int only,
                                   bool all) {
    std::vector<StatusRow> rows;
    for (size_t c = 0; c < countries.size() && c < timeline.country_count(); ++c) {
        const int ci = static_cast<int>(c);
        if (only >= 0 && ci != only) continue;
        StatusRow r{ci, timeline.state_at(ci, day), nullptr};
        if (r.state.since_event >= 0) r.since = &timeline.events()[static_cast<size_t>(r.state.since_event)];
        if (r.state.status == kNoStatus && only < 0 && !all) continue;
        rows.push_back(r);
    }
    std::sort(rows.begin(), rows.end(), [&](const StatusRow& a, const StatusRow& b) {
        const std::string ka = normalize_name(countries.country(a.country).name);
        const std::string kb = normalize_name(countries.country(b.country).name);
        return ka != kb ? ka < kb : a.country < b.country;
    });
    return rows;
}

std::string status_csv(const std::vector<StatusRow>& rows, const CountryResolver& countries,
                       const StatusTable& statuses) {
    std::string out =
        "iso3,name,status,since,approximate,deportees,payment_usd,source_url,"
        "source_publisher,deportees_to_date,payments_to_date_usd,summary\n";
    for (const StatusRow& r : rows) {
        const Country& c = countries.country(r.country);
        const Event* e = r.since;
        const std::vector<std::string> f = {
            c.iso3,
            c.name,
            r.state.status != kNoStatus ? statuses[static_cast<size_t>(r.state.status)].key : "",
            e ? e->date.iso() : "",
            e ? (e->date.approximate() ? "true" : "false") : "",
            e ? number(e->deportees) : "",
            e ? number(e->payment_usd) : "",
            first_source_field(e, &Source::url),
            first_source_field(e, &Source::publisher),
            number(r.state.deportees_to_date),
            number(r.state.payments_to_date_usd),
            e ? e->summary : "",
        };
        for (size_t k = 0; k < f.size(); ++k) {
            if (k) out += ',';
            out += csv_field(f[k]);
        }
        out += '\n';
    }
    return out;
}

std::string map_description(const Timeline& timeline, const CountryResolver& countries, Day day,
                            const std::string& area, const std::string& credit) {
    const StatusTable& statuses = timeline.statuses();
    const std::vector<StatusRow> rows = status_rows(timeline, countries, day);
    std::string text = area + " as of " + format_date(civil_from_days(day)) + ".";
    if (rows.empty()) {
        text += " No country holds a status on this date.";
    } else {
        std::vector<std::string> parts;
        for (const StatusIndex s : statuses.legend()) {
            std::vector<std::string> names;
            for (const StatusRow& r : rows) {
                if (r.state.status == s) names.push_back(countries.country(r.country).name);
            }
            if (names.empty()) continue;
            parts.push_back(std::to_string(names.size()) + " " + phrase(statuses[static_cast<size_t>(s)], names.size()) + ": " +
                            joined(names));
        }
        text += " Of the " + std::to_string(timeline.countries_named().size()) +
                " countries the data names, on this date ";
        for (size_t i = 0; i < parts.size(); ++i) {
            if (i > 0) text += "; ";
            text += parts[i];
        }
        text += ".";
    }
    if (!credit.empty()) text += " " + credit;
    return text;
}

}  // namespace deportmap::data
