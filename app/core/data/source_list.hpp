// The sources behind the facts a map shows: one row per (event, source), the table the
// `sources` command prints and every export writes beside itself (OUT.sources.csv), and
// the credit line that names the outlets of those facts.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/data/countries.hpp"
#include "core/data/events.hpp"
#include "core/data/statuses.hpp"
#include "core/data/timeline.hpp"

namespace deportmap::data {

struct SourceListRow {
    const Event* event = nullptr;
    const Source* source = nullptr;
};

// Which facts a map shows (export --sources): all, or only those with at least one
// source that is not weak (a fact resting only on weak sources then counts as no known
// request).
enum class SourceFilter { All, Strong };

// True when `filter` keeps the event.
bool source_filter_keeps(SourceFilter filter, const Event& e);

// Every source of every event of `timeline` that has taken effect by `through` (all
// events when nullopt): country events by country name, then effective day, then input
// order; global events (court rulings) last by day.
std::vector<SourceListRow> list_sources(const Timeline& timeline, const CountryResolver& countries,
                                        std::optional<Day> through = std::nullopt);

// The CSV header of the list: "iso3,country,date,status,url,publisher,outlet,published,tier".
extern const char* const kSourcesCsvHeader;
// The whole list as CSV (header line first, LF line ends, RFC 4180 quoting).
std::string sources_csv(const std::vector<SourceListRow>& rows, const CountryResolver& countries,
                        const StatusTable& statuses);
// One source as {"url", "publisher", "outlet", "published", "tier"} (empty fields null).
nlohmann::ordered_json source_json(const Source& s);
// One row of the list as JSON: the event's iso3, country, date, status, then source_json.
nlohmann::ordered_json source_row_json(const SourceListRow& row, const CountryResolver& countries,
                                       const StatusTable& statuses);

// The outlets of the rows' sources that are not weak, most facts first (an outlet counts
// once per event, ties in alphabetical order), for the credit line.
std::vector<std::string> ranked_outlets(const std::vector<SourceListRow>& rows);
// "Sources: CBS News, Reuters, AP, The New York Times and 29 others" (at most `named`
// outlets named); "" when `outlets` is empty; "Source: X" for one.
std::string credit_sources(const std::vector<std::string>& outlets, size_t named = 4);

}  // namespace deportmap::data
