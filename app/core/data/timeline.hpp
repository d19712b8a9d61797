// The timeline: every country's status on any day, counts per status, deportees received
// and payments to date, and the global events (court rulings) up to a day. Built once
// from the events; every query is a binary search, cheap enough to run per frame.
//
// The status rule (docs/events-and-time.md): a country's events with effective_day <= d
// (events.hpp: a month- or year-dated event counts from when its sources show it was
// known) are applied in order of effective date, then tie_precedence (larger applied later, so it
// wins), then coarser precision first, then input order.
//  * A ladder status (ladder_rank > 0) never steps the country down: the status becomes
//    the highest rung reached so far (a later "negotiating" after "receiving" leaves it at
//    "receiving"; the event still appears in its history).
//  * A non-ladder status (declined, blocked_by_court, ...) holds while it is the latest
//    event; a later ladder event replaces it with the highest rung reached.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "core/data/date.hpp"
#include "core/data/events.hpp"
#include "core/data/statuses.hpp"

namespace deportmap::data {

// A country's position after some of its events.
struct CountryState {
    StatusIndex status = kNoStatus;      // kNoStatus: no events up to the day
    int since_event = -1;                // event (index into Timeline::events()) that set it
    int latest_event = -1;               // last event applied
    StatusIndex highest_rung = kNoStatus;  // highest ladder status reached, if any
    // People received to date: the deportees of the top-rung ("receiving") events, added
    // up, where a row marked cumulative replaces the running total. nullopt: no figure.
    std::optional<int64_t> deportees_to_date;
    // Money paid to date: payment_usd of any event, added up, cumulative rows replacing.
    std::optional<int64_t> payments_to_date_usd;
};

// Sums here and in CountryState never overflow: each row's numbers are bounded
// (kMaxDeportees, kMaxPaymentUsd) and a sum that would pass INT64_MAX stays there.
struct Totals {
    int countries_with_status = 0;
    int64_t deportees_to_date = 0;      // over all countries
    int64_t payments_to_date_usd = 0;   // over all countries
};

class Timeline {
public:
    Timeline() = default;
    // `events` as read with `statuses`; `country_count` is CountryResolver::size().
    Timeline(std::vector<Event> events, StatusTable statuses, size_t country_count);

    const StatusTable& statuses() const { return statuses_; }
    // All events in application order (see above); indices below refer to this vector.
    const std::vector<Event>& events() const { return events_; }
    size_t country_count() const { return tracks_.size(); }

    // One country's events, in application order.
    const std::vector<uint32_t>& country_events(int country) const;
    // Global events (no country), by date.
    const std::vector<uint32_t>& global_events() const { return global_; }
    // How many of global_events() have effective_day <= d (they form a prefix).
    size_t global_events_up_to(Day d) const;

    CountryState state_at(int country, Day d) const;
    StatusIndex status_at(int country, Day d) const { return state_at(country, d).status; }
    // Every country's status on day d into `out` (resized to country_count()).
    void statuses_at(Day d, std::vector<StatusIndex>& out) const;
    // Number of countries per status on day d into `out` (resized to statuses().size()).
    void counts_at(Day d, std::vector<int>& out) const;
    Totals totals_at(Day d) const;
    // Countries whose status on day d was set by an event resting only on weak sources.
    int weak_only_countries_at(Day d) const;

    // The latest day the data speaks of: the latest date of an event or publication date
    // of a source, a month or year counting from its first day. nullopt without events.
    // "Data through ..." on the map and in exports. An event dated to a month can take
    // effect after it (at the end of its month), so a map is past the data's coverage
    // only after both data_through() and last_day().
    std::optional<Day> data_through() const { return data_through_; }
    // The last day a map still lies within the data: the later of data_through() and
    // last_day(). A later date renders but is warned about ("Data through ...").
    std::optional<Day> coverage_end() const;

    // Sorted distinct effective days of all events (country and global), for the slider.
    const std::vector<Day>& event_days() const { return event_days_; }
    std::optional<Day> first_day() const;
    std::optional<Day> last_day() const;
    // Countries with at least one event, in resolver order.
    const std::vector<int>& countries_named() const { return named_; }

private:
    struct Track {
        std::vector<uint32_t> events;     // application order
        std::vector<Day> days;            // first_day of each
        std::vector<CountryState> after;  // state after applying events[0..k]
    };
    std::vector<Event> events_;
    StatusTable statuses_;
    std::vector<Track> tracks_;
    std::vector<uint32_t> global_;
    std::vector<Day> global_days_;
    std::vector<Day> event_days_;
    std::vector<int> named_;
    std::optional<Day> data_through_;

    // The state after applying events_[i] (a country event with a known status) to `s`.
    CountryState apply(CountryState s, uint32_t i, int top_rank) const;
};

// The day a --date value stands for when asking "status on D": the last day of the
// period it names (so "2025-06" means by the end of June 2025).
inline Day query_day(const Date& d) { return d.last_day(); }

}  // namespace deportmap::data
