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

// The largest number a row may give (docs/events-and-time.md, "Numbers"). Far above any
// real figure (the U.S. removed a few hundred thousand people a year; its whole foreign
// aid budget is under 100 billion dollars a year), and low enough that no sum of rows
// comes near the int64_t limit; a larger value is a typo or a column mix-up and is
// reported.
inline constexpr int64_t kMaxDeportees = 10'000'000;        // people on one row
inline constexpr int64_t kMaxPaymentUsd = 100'000'000'000;  // U.S. dollars on one row

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
    struct Row;  // one row being checked: its values, and where its problems go
    struct RowHash {
        uint64_t a = 0, b = 0;
        friend bool operator==(const RowHash&, const RowHash&) = default;
    };
    struct RowHashHasher {
        size_t operator()(const RowHash& h) const { return static_cast<size_t>(h.a ^ (h.b << 1)); }
    };
    struct Where {
        uint32_t file = 0;  // index into files_
        int line = 0;
    };
    void read_csv(const std::string& path, ReadResult& out);
    void read_gdal(const std::string& path, ReadResult& out);
    // Checks one row given as values in header order; appends an Event when good.
    void add_row(const std::string& path, int line, const Columns& cols,
                 const std::vector<std::string>& values, const RowHash& hash, ReadResult& out);
    // The steps of add_row; each reports its problems through `row`.
    void check_country(Row& row, Event& e);
    void check_date_and_status(Row& row, Event& e) const;
    static void check_numbers(Row& row, Event& e);
    static void check_source(Row& row, Event& e);
    void check_duplicate(Row& row, const RowHash& hash);
    const Resolution& resolve_name(std::string_view text);
    const Resolution& resolve_code(std::string_view text);

    const CountryResolver& countries_;
    const StatusTable& statuses_;
    std::vector<std::string> files_;                               // files read so far
    std::unordered_map<RowHash, Where, RowHashHasher> seen_rows_;  // exact duplicates
    std::unordered_map<std::string, Resolution> names_, codes_;    // resolver cache
    uint32_t next_order_ = 0;
};

// Reads every file in order with one EventReader.
ReadResult read_events(const std::vector<std::string>& paths, const CountryResolver& countries,
                       const StatusTable& statuses);

// A plain, non-negative whole number ("1200", "1200.0") of at most `max`; nullopt with
// `error` otherwise ("'-5' is negative", "'1e30' is not a number ...", "'99999999999'
// is larger than 10,000,000, the most this column accepts").
std::optional<int64_t> parse_count(std::string_view text, std::string& error,
                                   int64_t max = INT64_MAX);
// http:// or https://, a host name, no spaces.
bool is_web_url(std::string_view text);

}  // namespace deportmap::data
