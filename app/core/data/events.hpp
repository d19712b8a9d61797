// Reading events tables. One row per reported event: a country (by code or name), a date
// with its precision, a status, optional numbers, a summary and its source. Any table
// GDAL reads works (CSV, XLSX, ODS, a GeoJSON's attributes). Bad rows never stop a load:
// they are reported as Problems and the good rows load.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/data/countries.hpp"
#include "core/data/date.hpp"
#include "core/data/problem.hpp"
#include "core/data/statuses.hpp"

namespace deportmap::data {

struct Event {
    int country = -1;                  // CountryResolver index; -1 for a global event
    std::string iso3;                  // resolved alpha-3 code; empty for a global event
    std::string country_name;          // as written in the row (may be empty)
    Date date;                         // with its precision
    StatusIndex status = kNoStatus;    // index into the StatusTable used to read it
    std::optional<int64_t> deportees;  // people, as the row gives them
    std::optional<int64_t> payment_usd;
    bool cumulative = false;           // optional column: the numbers are totals to date
    std::string summary;
    std::string source_url;
    std::string source_publisher;
    std::string source_date;           // as written; checked to be a date when present
    std::string file;                  // where the row came from, for messages and the UI
    int line = 0;
    uint32_t order = 0;                // position in the input (files in order, rows in order)

    bool global() const { return country < 0; }
};

// The result of reading one or more events files.
struct ReadResult {
    std::vector<Event> events;              // the good rows, in input order
    std::vector<Problem> problems;          // every problem, in file and line order
    size_t rows = 0;                        // data rows seen (header not counted)
    size_t bad_rows = 0;                    // rows left out because of a problem
    std::vector<std::string> unreadable;    // files that could not be read at all

    bool clean() const { return problems.empty() && unreadable.empty(); }
};

// Reads events files against a resolver and a status table. Exact duplicate rows are
// found across every file read by the same reader.
class EventReader {
public:
    EventReader(const CountryResolver& countries, const StatusTable& statuses)
        : countries_(countries), statuses_(statuses) {}

    // Appends the file's good rows to `out.events` and its problems to `out.problems`.
    // A file that cannot be opened, or that lacks a required column (date, status, and
    // country_name or iso3), is added to `out.unreadable` with one file-level problem.
    // CSV line numbers are physical lines (header = 1; a quoted field with line breaks
    // makes its record span several lines); for other formats LINE is the table row
    // (header row = 1, first data row = 2).
    void read(const std::string& path, ReadResult& out);

private:
    struct Columns;
    void read_csv(const std::string& path, ReadResult& out);
    void read_gdal(const std::string& path, ReadResult& out);
    // Checks one row given as values in header order; appends an Event when good.
    void add_row(const std::string& path, int line, const Columns& cols,
                 const std::vector<std::string>& values, const std::string& raw_key,
                 ReadResult& out);
    // True when OGR opened and read the file; `values` gets one vector per feature.
    bool read_with_ogr(const std::string& path, const std::vector<const char*>& options,
                       std::vector<std::string>& header,
                       std::vector<std::vector<std::string>>& values, std::string& error);

    const CountryResolver& countries_;
    const StatusTable& statuses_;
    std::unordered_map<std::string, std::string> seen_rows_;  // row key -> "FILE:LINE"
    uint32_t next_order_ = 0;
};

// Reads every file in order with one EventReader.
ReadResult read_events(const std::vector<std::string>& paths, const CountryResolver& countries,
                       const StatusTable& statuses);

// A plain, non-negative whole number ("1200", "1200.0"); nullopt with `error` otherwise.
std::optional<int64_t> parse_count(std::string_view text, std::string& error);
// http:// or https://, a host name, no spaces.
bool is_web_url(std::string_view text);

}  // namespace deportmap::data
