// What the events targets share: the bundled resolver and status table (loaded once),
// and the properties every ReadResult must have whatever the input.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/data/countries.hpp"
#include "core/data/events.hpp"
#include "core/data/statuses.hpp"
#include "fuzz_support.hpp"

namespace deportmap::fuzz {

inline const data::CountryResolver& countries() {
    static const data::CountryResolver resolver = data::CountryResolver::load_default();
    return resolver;
}

inline const data::StatusTable& statuses() {
    static const data::StatusTable table = data::StatusTable::load_default();
    return table;
}

inline void check_result(const data::ReadResult& r, const std::string& path) {
    // DEPORTMAP_FUZZ_VERBOSE=1: one line per input, to see what a corpus file reaches.
    if (std::getenv("DEPORTMAP_FUZZ_VERBOSE")) {
        std::fprintf(stderr, "  rows %zu, events %zu, bad rows %zu, problems %zu%s%s\n", r.rows,
                     r.events.size(), r.bad_rows, r.problems.size(),
                     r.problems.empty() ? "" : "; first: ",
                     r.problems.empty() ? "" : r.problems.front().message.c_str());
    }
    // Every data row is an event, a source linked to one, or a bad row.
    if (r.events.size() + r.bad_rows + r.good_source_rows != r.rows) fail("events + bad rows + sources != rows seen");
    if (r.good_source_rows > r.source_rows) fail("more good source rows than source rows");
    if (r.errors() + r.warnings() != r.problems.size()) fail("errors + warnings != problems");
    for (const data::Problem& p : r.problems) {
        if (p.line < 0) fail("a problem with a negative line");
        if (p.file.empty()) fail("a problem names no file");
    }
    if (!r.unreadable.empty() && r.problems.empty()) fail("an unreadable file without a problem");
    for (const data::Event& e : r.events) {
        if (e.file != path && !path.empty()) fail("an event names another file");
        for (const data::Source& s : e.sources) {
            if (static_cast<int>(s.tier) >= data::kSourceTierCount) {
                fail("a source's tier is outside the vocabulary");
            }
            if (!s.url.empty() && !data::is_web_url(s.url)) fail("a source kept a bad URL");
        }
        if (e.weak_only() && e.sources.empty()) fail("weak_only without sources");
        (void)data::effective_day(e);
        if (e.status < 0 || static_cast<size_t>(e.status) >= statuses().size()) {
            fail("an event's status is outside the table");
        }
        if (!e.global() && static_cast<size_t>(e.country) >= countries().size()) {
            fail("an event's country is outside the resolver");
        }
        if (e.date.year < 1 || e.date.year > 9999) fail("an event's year is out of range");
        (void)e.date.first_day();
        (void)e.date.last_day();
        (void)e.date.iso();
    }
}

}  // namespace deportmap::fuzz
