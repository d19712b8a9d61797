// Building per-country status tracks and answering status, count and total queries.
#include "core/data/timeline.hpp"

#include <algorithm>
#include <cstdint>
#include <numeric>

namespace deportmap::data {

namespace {

// a + b for the non-negative counts and amounts, staying at the int64_t maximum instead
// of overflowing (rows are bounded, see kMaxDeportees, but their number is not).
int64_t add_saturating(int64_t a, int64_t b) {
    int64_t sum = 0;
    if (__builtin_add_overflow(a, b, &sum)) return b < 0 ? INT64_MIN : INT64_MAX;
    return sum;
}

// Each status's tie_precedence as a dense rank (0 for the lowest).
std::vector<int> tie_ranks(const StatusTable& statuses) {
    std::vector<int> values;
    for (const Status& st : statuses.all()) values.push_back(st.tie_precedence);
    std::sort(values.begin(), values.end());
    std::vector<int> rank(statuses.size(), 0);
    for (size_t i = 0; i < statuses.size(); ++i) {
        rank[i] = static_cast<int>(
            std::lower_bound(values.begin(), values.end(), statuses[i].tie_precedence) -
            values.begin());
    }
    return rank;
}

// Application order: effective date, same-day precedence, coarser first, input order.
// Sorted on packed keys so the sort never touches the (large) events themselves.
std::vector<uint32_t> application_order(const std::vector<Event>& events,
                                        const StatusTable& statuses,
                                        const std::vector<Day>& first) {
    const std::vector<int> tie_rank = tie_ranks(statuses);
    struct Key {
        uint64_t major;  // day (biased), tie rank, precision
        uint32_t order;  // input order
        uint32_t index;  // position in events
    };
    std::vector<Key> keys(events.size());
    for (size_t i = 0; i < events.size(); ++i) {
        const Event& e = events[i];
        const bool known = e.status >= 0 && static_cast<size_t>(e.status) < statuses.size();
        const uint64_t tie = known ? static_cast<uint64_t>(tie_rank[static_cast<size_t>(e.status)]) : 0;
        const uint64_t day = static_cast<uint64_t>(static_cast<int64_t>(first[i]) + (int64_t{1} << 31));
        keys[i] = {(day << 32) | (tie << 2) | static_cast<uint64_t>(e.date.precision()), e.order,
                   static_cast<uint32_t>(i)};
    }
    std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
        return a.major != b.major ? a.major < b.major : a.order < b.order;
    });
    std::vector<uint32_t> order(events.size());
    for (size_t i = 0; i < keys.size(); ++i) order[i] = keys[i].index;
    return order;
}

// Puts the events (and their first days) in `order` in place, cycle by cycle (no second
// copy of the data): afterwards slot j holds what was at order[j].
void permute_in_place(std::vector<Event>& events, std::vector<Day>& first,
                      const std::vector<uint32_t>& order) {
    std::vector<bool> done(events.size(), false);
    for (size_t i = 0; i < events.size(); ++i) {
        if (done[i]) continue;
        Event held = std::move(events[i]);
        const Day held_day = first[i];
        size_t j = i;
        for (;;) {
            done[j] = true;
            const size_t k = order[j];
            if (k == i) {
                events[j] = std::move(held);
                first[j] = held_day;
                break;
            }
            events[j] = std::move(events[k]);
            first[j] = first[k];
            j = k;
        }
    }
}

}  // namespace

Timeline::Timeline(std::vector<Event> events, StatusTable statuses, size_t country_count)
    : events_(std::move(events)), statuses_(std::move(statuses)), tracks_(country_count) {
    std::vector<Day> first(events_.size());
    for (size_t i = 0; i < events_.size(); ++i) {
        first[i] = effective_day(events_[i]);
        // What the data speaks of: the event's own date (a month or year from its first
        // day, not from when it takes effect) and its sources' publication dates.
        Day latest = events_[i].date.first_day();
        for (const Source& s : events_[i].sources) {
            if (auto d = parse_date(s.published)) latest = std::max(latest, d->first_day());
        }
        data_through_ = data_through_ ? std::max(*data_through_, latest) : latest;
    }
    permute_in_place(events_, first, application_order(events_, statuses_, first));

    // The top rung: deportees count as received only on events of this rank.
    int top_rank = 0;
    for (const Status& s : statuses_.all()) top_rank = std::max(top_rank, s.ladder_rank);

    for (uint32_t i = 0; i < events_.size(); ++i) {
        const Event& e = events_[i];
        event_days_.push_back(first[i]);
        if (e.country < 0 || static_cast<size_t>(e.country) >= tracks_.size()) {
            global_.push_back(i);
            global_days_.push_back(first[i]);
            continue;
        }
        if (e.status < 0 || static_cast<size_t>(e.status) >= statuses_.size()) continue;
        Track& t = tracks_[static_cast<size_t>(e.country)];
        t.after.push_back(apply(t.after.empty() ? CountryState{} : t.after.back(), i, top_rank));
        t.events.push_back(i);
        t.days.push_back(first[i]);
    }
    std::sort(event_days_.begin(), event_days_.end());
    event_days_.erase(std::unique(event_days_.begin(), event_days_.end()), event_days_.end());
    for (size_t c = 0; c < tracks_.size(); ++c) {
        if (!tracks_[c].events.empty()) named_.push_back(static_cast<int>(c));
    }
}

CountryState Timeline::apply(CountryState s, uint32_t i, int top_rank) const {
    const Event& e = events_[i];
    const Status& st = statuses_[static_cast<size_t>(e.status)];
    StatusIndex next;
    if (st.on_ladder()) {
        if (s.highest_rung == kNoStatus ||
            st.ladder_rank > statuses_[static_cast<size_t>(s.highest_rung)].ladder_rank) {
            s.highest_rung = e.status;
        }
        next = s.highest_rung;
    } else {
        next = e.status;
    }
    if (next != s.status) {
        s.status = next;
        s.since_event = static_cast<int>(i);
    }
    s.latest_event = static_cast<int>(i);
    if (e.deportees && st.ladder_rank == top_rank && top_rank > 0) {
        s.deportees_to_date = e.cumulative
                                  ? *e.deportees
                                  : add_saturating(s.deportees_to_date.value_or(0), *e.deportees);
    }
    if (e.payment_usd) {
        s.payments_to_date_usd =
            e.cumulative ? *e.payment_usd
                         : add_saturating(s.payments_to_date_usd.value_or(0), *e.payment_usd);
    }
    return s;
}

const std::vector<uint32_t>& Timeline::country_events(int country) const {
    static const std::vector<uint32_t> kNone;
    if (country < 0 || static_cast<size_t>(country) >= tracks_.size()) return kNone;
    return tracks_[static_cast<size_t>(country)].events;
}

size_t Timeline::global_events_up_to(Day d) const {
    return static_cast<size_t>(std::upper_bound(global_days_.begin(), global_days_.end(), d) -
                               global_days_.begin());
}

CountryState Timeline::state_at(int country, Day d) const {
    if (country < 0 || static_cast<size_t>(country) >= tracks_.size()) return {};
    const Track& t = tracks_[static_cast<size_t>(country)];
    const size_t k =
        static_cast<size_t>(std::upper_bound(t.days.begin(), t.days.end(), d) - t.days.begin());
    return k == 0 ? CountryState{} : t.after[k - 1];
}

void Timeline::statuses_at(Day d, std::vector<StatusIndex>& out) const {
    out.assign(tracks_.size(), kNoStatus);
    for (size_t c = 0; c < tracks_.size(); ++c) {
        const Track& t = tracks_[c];
        if (t.days.empty() || t.days.front() > d) continue;
        const size_t k = static_cast<size_t>(
            std::upper_bound(t.days.begin(), t.days.end(), d) - t.days.begin());
        out[c] = t.after[k - 1].status;
    }
}

void Timeline::counts_at(Day d, std::vector<int>& out) const {
    out.assign(statuses_.size(), 0);
    for (size_t c = 0; c < tracks_.size(); ++c) {
        const StatusIndex s = status_at(static_cast<int>(c), d);
        if (s != kNoStatus) ++out[static_cast<size_t>(s)];
    }
}

Totals Timeline::totals_at(Day d) const {
    Totals t;
    for (size_t c = 0; c < tracks_.size(); ++c) {
        const CountryState s = state_at(static_cast<int>(c), d);
        if (s.status == kNoStatus) continue;
        ++t.countries_with_status;
        t.deportees_to_date = add_saturating(t.deportees_to_date, s.deportees_to_date.value_or(0));
        t.payments_to_date_usd =
            add_saturating(t.payments_to_date_usd, s.payments_to_date_usd.value_or(0));
    }
    return t;
}

int Timeline::weak_only_countries_at(Day d) const {
    int n = 0;
    for (size_t c = 0; c < tracks_.size(); ++c) {
        const CountryState s = state_at(static_cast<int>(c), d);
        if (s.since_event >= 0 && events_[static_cast<size_t>(s.since_event)].weak_only()) ++n;
    }
    return n;
}

std::optional<Day> Timeline::coverage_end() const {
    if (!data_through_) return std::nullopt;
    return std::max(*data_through_, last_day().value_or(*data_through_));
}

std::optional<Day> Timeline::first_day() const {
    if (event_days_.empty()) return std::nullopt;
    return event_days_.front();
}

std::optional<Day> Timeline::last_day() const {
    if (event_days_.empty()) return std::nullopt;
    return event_days_.back();
}

}  // namespace deportmap::data
