// Every country's status on a date, as rows and as CSV: what `deportmap status` prints and
// what an export writes beside its image as OUT.csv (the same bytes for the same date and
// data), and the plain description of the map an export writes as OUT.alt.txt.
#pragma once
#include <string>
#include <vector>

#include "core/data/countries.hpp"
#include "core/data/statuses.hpp"
#include "core/data/timeline.hpp"

namespace deportmap::data {

// One country and its state on the date.
struct StatusRow {
    int country = -1;
    CountryState state;
    const Event* since = nullptr;  // the event that set the status (in the timeline)
};

// The rows on `day`, sorted by name: every country with a status, or only `only` (>= 0),
// or every country when `all`.
std::vector<StatusRow> status_rows(const Timeline& timeline, const CountryResolver& countries, Day day,
                                   int only = -1, bool all = false);

// A field of the event's first source ("" without an event or a source).
std::string first_source_field(const Event* e, const std::string Source::*field);

// The CSV of the rows: a header line and one line per row, each ending in '\n'.
std::string status_csv(const std::vector<StatusRow>& rows, const CountryResolver& countries,
                       const StatusTable& statuses);

// A description a screen reader can read: "World map as of 1 July 2025. Of the 53
// countries the data names, 15 were asked to accept deportees who are not their
// citizens: A, B and C; 6 were receiving them: …" then `credit` ("Source: …").
std::string map_description(const Timeline& timeline, const CountryResolver& countries, Day day,
                            const std::string& area, const std::string& credit);

}  // namespace deportmap::data
