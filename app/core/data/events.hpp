// Reading events tables. One row per reported event: a country (by code or name), a date
// with its precision, a status, optional numbers, a summary and its sources. Any table
// GDAL reads works (CSV, XLSX, ODS, a GeoJSON's attributes). Bad rows never stop a load:
// they are reported as Problems and the good rows load.
//
// Sources come two ways (geodata/events/README.md): an events table's own source_url,
// source_publisher, source_date (and optional source_outlet, source_tier) columns give
// each row one source; a sources table (recognised by its event_id column) gives any
// number per event, linked to the events' id column once every file is read.
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

// How much a source can be relied on (geodata/events/README.md, "Tiers").
enum class SourceTier : uint8_t { Primary, Original, Wire, Secondary, Weak };
inline constexpr int kSourceTierCount = 5;
// "primary", "original", "wire", "secondary", "weak".
const char* source_tier_key(SourceTier tier);
// Case and surrounding spaces ignored; nullopt for anything else.
std::optional<SourceTier> parse_source_tier(std::string_view text);

struct Source {
    std::string url;
    std::string publisher;  // who published the page read
    std::string outlet;     // whose reporting or document it is; empty: the publisher's own
    std::string published;  // the page's date as written ("2025-06-25", "2025-06", "2025")
    SourceTier tier = SourceTier::Secondary;
    std::string note;
    std::string file;       // where the source was given, for messages
    int line = 0;

    // The name a credit line uses: the outlet, or the publisher when no outlet is given.
    const std::string& credit_name() const { return outlet.empty() ? publisher : outlet; }
    bool weak() const { return tier == SourceTier::Weak; }
};

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
    std::string id;                    // optional column; links a sources table's rows
    std::vector<Source> sources;       // in the order given (the row's own first)
    std::string file;                  // where the row came from, for messages and the UI
    int line = 0;
    uint32_t order = 0;                // position in the input (files in order, rows in order)

    bool global() const { return country < 0; }
    // True when the event has sources and every one of them is weak.
    bool weak_only() const;
    // The first source, or nullptr when there is none.
    const Source* first_source() const { return sources.empty() ? nullptr : &sources.front(); }
};

// The day an event takes effect on the map (docs/events-and-time.md, "When a fact takes
// effect"). A full date: that day. A month or year: the earliest day it is known to have
// happened by, which is the earliest publication date among its sources (a source dated
// only to a month or year counts from the last day of that period), held within the
// event's own period; with no dated source, the last day of the period.
Day effective_day(const Event& e);

// The result of reading one or more events files.
struct ReadResult {
    std::vector<Event> events;              // the good rows, in input order
    std::vector<Problem> problems;          // every problem, in file and line order
    size_t rows = 0;                        // data rows seen (header not counted)
    size_t bad_rows = 0;                    // rows left out because of a problem
    std::vector<std::string> unreadable;    // files that could not be read at all
    size_t source_rows = 0;                 // rows of sources tables seen
    size_t good_source_rows = 0;            // of those, the ones linked to an event
                                            // (events + bad_rows + good_source_rows == rows)

    // No errors and no unreadable file (warnings allowed).
    bool clean() const { return errors() == 0 && unreadable.empty(); }
    size_t errors() const;
    size_t warnings() const { return problems.size() - errors(); }
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
    // Attaches the sources tables' rows to the events by id and checks that every event
    // has a source (an error) and not only weak ones (a warning). Call once, after the
    // last read(); read_events() does.
    void link_sources(ReadResult& out);

private:
    struct Columns;
    struct Row;
    struct PendingSource {  // a sources-table row, until link_sources()
        std::string event_id;
        Source source;
    };  // one row being checked: its values, and where its problems go
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
    void check_id(Row& row, Event& e);
    // A sources-table row: checked, then kept for link_sources().
    void add_source_row(const std::string& path, int line, const Columns& cols,
                        const std::vector<std::string>& values, ReadResult& out);
    void check_duplicate(Row& row, const RowHash& hash);
    const Resolution& resolve_name(std::string_view text);
    const Resolution& resolve_code(std::string_view text);

    const CountryResolver& countries_;
    const StatusTable& statuses_;
    std::vector<std::string> files_;                               // files read so far
    std::unordered_map<RowHash, Where, RowHashHasher> seen_rows_;  // exact duplicates
    std::unordered_map<std::string, Resolution> names_, codes_;    // resolver cache
    std::unordered_map<std::string, Where> ids_;                   // event ids seen
    std::vector<PendingSource> pending_;
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
