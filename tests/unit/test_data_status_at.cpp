// status_at and the rest of the timeline, clause by clause, on small in-memory data:
// ladder never steps down, non-ladder statuses hold while latest, a later ladder event
// restores the highest rung, same-day ties by tie_precedence, when a month- or
// year-dated event takes effect (its sources' earliest publication, held within its
// period), counts, totals, global events and the date the data runs through.
#include <gtest/gtest.h>

#include <optional>

#include "core/data/timeline.hpp"
#include "data_test_util.hpp"

using namespace deportmap::data;
using deportmap::data::testing::default_statuses_in_code;

namespace {

class Builder {
public:
    explicit Builder(StatusTable statuses = default_statuses_in_code())
        : statuses_(std::move(statuses)) {}
    // Adds an event for `country` (-1: global) and returns its input position.
    Builder& add(int country, const char* date, const char* status,
                 std::optional<int64_t> deportees = std::nullopt,
                 std::optional<int64_t> payment = std::nullopt, bool cumulative = false) {
        Event e;
        e.country = country;
        e.iso3 = country < 0 ? "" : "C" + std::to_string(country);
        e.date = *parse_date(date);
        e.status = statuses_.find(status);
        EXPECT_NE(e.status, kNoStatus) << status;
        e.deportees = deportees;
        e.payment_usd = payment;
        e.cumulative = cumulative;
        e.summary = std::string(status) + " on " + date;
        e.order = static_cast<uint32_t>(events_.size());
        events_.push_back(e);
        return *this;
    }
    // Gives the last event added a source published on `published`.
    Builder& source(const char* published, SourceTier tier = SourceTier::Original) {
        Source src;
        src.url = "https://example.org/" + std::to_string(events_.size());
        src.publisher = "Example";
        src.published = published;
        src.tier = tier;
        events_.back().sources.push_back(src);
        return *this;
    }
    Timeline build(size_t countries = 4) const { return Timeline(events_, statuses_, countries); }
    const StatusTable& statuses() const { return statuses_; }

private:
    StatusTable statuses_;
    std::vector<Event> events_;
};

Day day(const char* iso) { return parse_date(iso)->first_day(); }

std::string key_at(const Timeline& t, int country, const char* date) {
    const StatusIndex s = t.status_at(country, day(date));
    return s == kNoStatus ? "none" : t.statuses()[static_cast<size_t>(s)].key;
}

std::string since_at(const Timeline& t, int country, const char* date) {
    const CountryState s = t.state_at(country, day(date));
    return s.since_event < 0 ? "none" : t.events()[static_cast<size_t>(s.since_event)].date.iso();
}

}  // namespace

TEST(DataStatusAt, NoEventsUpToTheDateMeansNoStatus) {
    const Timeline t = Builder().add(0, "2025-03-12", "contacted").build();
    EXPECT_EQ(key_at(t, 0, "2025-03-11"), "none");
    EXPECT_EQ(key_at(t, 0, "2025-03-12"), "contacted");
    EXPECT_EQ(key_at(t, 1, "2026-01-01"), "none");  // a country without events
    EXPECT_EQ(t.status_at(-1, day("2026-01-01")), kNoStatus);
    EXPECT_EQ(t.status_at(99, day("2026-01-01")), kNoStatus);
}

TEST(DataStatusAt, LatestEventUpToTheDateSetsTheStatus) {
    const Timeline t = Builder()
                           .add(0, "2025-01-10", "contacted")
                           .add(0, "2025-02-10", "negotiating")
                           .add(0, "2025-03-10", "agreed")
                           .build();
    EXPECT_EQ(key_at(t, 0, "2025-01-31"), "contacted");
    EXPECT_EQ(key_at(t, 0, "2025-02-10"), "negotiating");
    EXPECT_EQ(key_at(t, 0, "2025-12-31"), "agreed");
    EXPECT_EQ(since_at(t, 0, "2025-12-31"), "2025-03-10");
}

TEST(DataStatusAt, LadderNeverStepsDown) {
    const Timeline t = Builder()
                           .add(0, "2025-02-20", "receiving", 135)
                           .add(0, "2025-05-01", "negotiating")
                           .add(0, "2025-06-01", "contacted")
                           .build();
    EXPECT_EQ(key_at(t, 0, "2025-05-01"), "receiving");
    EXPECT_EQ(key_at(t, 0, "2025-06-30"), "receiving");
    // The status is still the one the first receiving event set...
    EXPECT_EQ(since_at(t, 0, "2025-06-30"), "2025-02-20");
    // ...and the later, lower reports stay in the history.
    EXPECT_EQ(t.country_events(0).size(), 3u);
    EXPECT_EQ(t.state_at(0, day("2025-06-30")).latest_event, 2);
}

TEST(DataStatusAt, NonLadderStatusHoldsWhileLatest) {
    const Timeline t = Builder()
                           .add(0, "2025-01-01", "contacted")
                           .add(0, "2025-02-01", "agreed")
                           .add(0, "2025-03-01", "declined")
                           .build();
    EXPECT_EQ(key_at(t, 0, "2025-02-28"), "agreed");
    EXPECT_EQ(key_at(t, 0, "2025-03-01"), "declined");
    EXPECT_EQ(key_at(t, 0, "2030-01-01"), "declined");
    // A non-ladder status replaces another non-ladder status when it comes later.
    const Timeline u = Builder()
                           .add(0, "2025-05-21", "blocked_by_court")
                           .add(0, "2025-06-23", "court_allowed")
                           .add(0, "2025-07-18", "paused_or_ended")
                           .build();
    EXPECT_EQ(key_at(u, 0, "2025-06-01"), "blocked_by_court");
    EXPECT_EQ(key_at(u, 0, "2025-07-01"), "court_allowed");
    EXPECT_EQ(key_at(u, 0, "2025-08-01"), "paused_or_ended");
}

TEST(DataStatusAt, LaterLadderEventRestoresTheHighestRungReached) {
    const Timeline t = Builder()
                           .add(0, "2025-02-20", "receiving")
                           .add(0, "2025-06-24", "blocked_by_court")
                           .add(0, "2025-08-01", "contacted")
                           .build();
    EXPECT_EQ(key_at(t, 0, "2025-07-01"), "blocked_by_court");
    // Not "contacted": the highest rung reached so far.
    EXPECT_EQ(key_at(t, 0, "2025-08-01"), "receiving");
    EXPECT_EQ(since_at(t, 0, "2025-08-01"), "2025-08-01");
    const CountryState s = t.state_at(0, day("2025-08-01"));
    EXPECT_EQ(t.statuses()[static_cast<size_t>(s.highest_rung)].key, "receiving");

    // With no earlier ladder event, the later ladder event's own rung is the highest.
    const Timeline u = Builder()
                           .add(1, "2025-04-05", "declined")
                           .add(1, "2025-04-08", "agreed")
                           .build();
    EXPECT_EQ(key_at(u, 1, "2025-04-07"), "declined");
    EXPECT_EQ(key_at(u, 1, "2025-04-08"), "agreed");
}

TEST(DataStatusAt, SameDayEventsAreOrderedByTiePrecedence) {
    // Default precedences: blocked_by_court 8 > court_allowed 7 > declined 6 > ... The
    // larger is applied last and wins, whatever the input order.
    for (bool declined_first : {true, false}) {
        Builder b;
        if (declined_first) {
            b.add(0, "2025-05-07", "declined").add(0, "2025-05-07", "blocked_by_court");
            b.add(1, "2025-08-20", "declined").add(1, "2025-08-20", "agreed");
        } else {
            b.add(0, "2025-05-07", "blocked_by_court").add(0, "2025-05-07", "declined");
            b.add(1, "2025-08-20", "agreed").add(1, "2025-08-20", "declined");
        }
        const Timeline t = b.build();
        EXPECT_EQ(key_at(t, 0, "2025-05-07"), "blocked_by_court") << declined_first;
        EXPECT_EQ(key_at(t, 1, "2025-08-20"), "declined") << declined_first;
    }
    // A table that ranks agreed above declined gives the other answer.
    std::vector<Status> custom = default_statuses_in_code().all();
    for (auto& s : custom) {
        if (s.key == "agreed") s.tie_precedence = 100;
    }
    const Timeline t = Builder(StatusTable::from(custom))
                           .add(1, "2025-08-20", "agreed")
                           .add(1, "2025-08-20", "declined")
                           .build();
    EXPECT_EQ(key_at(t, 1, "2025-08-20"), "agreed");
}

TEST(DataStatusAt, MonthOrYearEventsTakeEffectWhenTheirSourcesShowThem) {
    const Timeline t = Builder()
                           .add(0, "2025", "contacted").source("2025-06-25")
                           .add(0, "2025-08", "receiving", 1, 100000).source("2025-08-23").source("2025-08-20")
                           .add(1, "2025-08", "receiving", 7).source("2025-09-10")   // after its month
                           .add(1, "2025-08-05", "agreed", 250)
                           .add(2, "2025-04", "agreed").source("2024-12-30")         // before its month
                           .add(3, "2025", "contacted")                              // no dated source
                           .build();
    // The Times' June list, dated "2025": not on the map before the article.
    EXPECT_EQ(key_at(t, 0, "2025-01-01"), "none");
    EXPECT_EQ(key_at(t, 0, "2025-06-24"), "none");
    EXPECT_EQ(key_at(t, 0, "2025-06-25"), "contacted");
    // The earliest of several sources counts.
    EXPECT_EQ(key_at(t, 0, "2025-08-19"), "contacted");
    EXPECT_EQ(key_at(t, 0, "2025-08-20"), "receiving");
    const CountryState s = t.state_at(0, day("2025-08-20"));
    const Event& setting = t.events()[static_cast<size_t>(s.since_event)];
    EXPECT_TRUE(setting.date.approximate());  // still drawn striped
    EXPECT_EQ(format_date(setting.date), "August 2025");
    EXPECT_EQ(effective_day(setting), day("2025-08-20"));
    // A source after the period: no later than the period's last day.
    EXPECT_EQ(key_at(t, 1, "2025-08-05"), "agreed");
    EXPECT_EQ(key_at(t, 1, "2025-08-31"), "receiving");
    // A source before the period: never before its first day.
    EXPECT_EQ(key_at(t, 2, "2025-03-31"), "none");
    EXPECT_EQ(key_at(t, 2, "2025-04-01"), "agreed");
    // No dated source: the last day of the period.
    EXPECT_EQ(key_at(t, 3, "2025-12-30"), "none");
    EXPECT_EQ(key_at(t, 3, "2025-12-31"), "contacted");
    // A query for a month or a year means its last day.
    EXPECT_EQ(query_day(*parse_date("2025-03")), days_from_civil(2025, 3, 31));
}

TEST(DataStatusAt, ASourceDatedToAMonthCountsFromItsLastDay) {
    Event e;
    e.date = *parse_date("2025-06");
    EXPECT_EQ(effective_day(e), day("2025-06-30"));
    e.sources.push_back({});
    e.sources.back().published = "2025-06";
    EXPECT_EQ(effective_day(e), day("2025-06-30"));
    e.sources.back().published = "2025-06-02";
    EXPECT_EQ(effective_day(e), day("2025-06-02"));
    e.sources.back().published = "not a date";  // ignored
    EXPECT_EQ(effective_day(e), day("2025-06-30"));
    // A full date is its own day, whatever the sources.
    e.date = *parse_date("2025-06-10");
    e.sources.back().published = "2025-06-02";
    EXPECT_EQ(effective_day(e), day("2025-06-10"));
}

TEST(DataStatusAt, CoarserDateFirstOnTheSameEffectiveDay) {
    const Timeline t = Builder()
                           .add(0, "2025-06-01", "declined")
                           .add(0, "2025-06", "declined").source("2025-06-01")
                           .build();
    // Same day, same precedence: the month-only event is applied first, so the status
    // counts from it.
    const CountryState s = t.state_at(0, day("2025-06-01"));
    EXPECT_EQ(t.events()[static_cast<size_t>(s.since_event)].date.iso(), "2025-06");
    EXPECT_EQ(t.events()[static_cast<size_t>(s.latest_event)].date.iso(), "2025-06-01");
}

TEST(DataTimeline, DataThroughIsTheLatestEventOrSourceDate) {
    EXPECT_FALSE(Timeline().data_through().has_value());
    const Timeline t = Builder()
                           .add(0, "2026-02-10", "agreed").source("2026-05-17")
                           .add(1, "2026-05", "receiving").source("2026")  // takes effect 31 May
                           .build();
    // A month counts from its first day, so the May row does not stretch the coverage.
    EXPECT_EQ(t.data_through(), day("2026-05-17"));
    EXPECT_EQ(t.last_day(), day("2026-05-31"));
}

TEST(DataTimeline, WeakOnlyCountriesAreCountedOnTheDay) {
    const Timeline t = Builder()
                           .add(0, "2025-03-01", "contacted").source("2025-03-01", SourceTier::Weak)
                           .add(0, "2025-04-01", "agreed").source("2025-04-01", SourceTier::Weak)
                           .source("2025-04-02", SourceTier::Wire)
                           .add(1, "2025-03-01", "contacted").source("2025-03-01", SourceTier::Weak)
                           .add(2, "2025-03-01", "contacted")  // no source: not "weak only"
                           .build();
    EXPECT_EQ(t.weak_only_countries_at(day("2025-03-15")), 2);
    EXPECT_EQ(t.weak_only_countries_at(day("2025-04-01")), 1);
    EXPECT_FALSE(t.events()[t.country_events(2)[0]].weak_only());
}

TEST(DataTimeline, StatusesAndCountsPerDate) {
    const Timeline t = Builder()
                           .add(0, "2025-01-01", "contacted")
                           .add(1, "2025-02-01", "contacted")
                           .add(1, "2025-03-01", "agreed")
                           .add(2, "2025-03-01", "declined")
                           .build(4);
    std::vector<StatusIndex> out;
    t.statuses_at(day("2025-03-01"), out);
    ASSERT_EQ(out.size(), 4u);
    EXPECT_EQ(out[0], t.statuses().find("contacted"));
    EXPECT_EQ(out[1], t.statuses().find("agreed"));
    EXPECT_EQ(out[2], t.statuses().find("declined"));
    EXPECT_EQ(out[3], kNoStatus);
    std::vector<int> counts;
    t.counts_at(day("2025-02-15"), counts);
    ASSERT_EQ(counts.size(), t.statuses().size());
    EXPECT_EQ(counts[static_cast<size_t>(t.statuses().find("contacted"))], 2);
    EXPECT_EQ(counts[static_cast<size_t>(t.statuses().find("agreed"))], 0);
    t.counts_at(day("2025-03-01"), counts);
    EXPECT_EQ(counts[static_cast<size_t>(t.statuses().find("contacted"))], 1);
    EXPECT_EQ(counts[static_cast<size_t>(t.statuses().find("agreed"))], 1);
    EXPECT_EQ(counts[static_cast<size_t>(t.statuses().find("declined"))], 1);
    EXPECT_EQ(t.totals_at(day("2025-03-01")).countries_with_status, 3);
    EXPECT_EQ(t.countries_named(), (std::vector<int>{0, 1, 2}));
}

TEST(DataTimeline, DeporteesCountOnlyOnReceivingRowsAndPaymentsOnAny) {
    const Timeline t = Builder()
                           .add(0, "2025-06-11", "agreed", 50)           // a cap, not people
                           .add(0, "2025-12", "receiving", 1).source("2025-12-01")
                           .add(1, "2025-02-20", "receiving", 135)
                           .add(1, "2025-02-25", "receiving", 65)        // a second flight
                           .add(2, "2025-03-17", "agreed", std::nullopt, 6000000)
                           .add(2, "2026-02", "receiving", 250, 4760000, true).source("2026-02-01")  // totals
                           .add(2, "2025-03-16", "receiving", 238)
                           .build();
    EXPECT_FALSE(t.state_at(0, day("2025-11-30")).deportees_to_date.has_value());
    EXPECT_EQ(t.state_at(0, day("2025-12-01")).deportees_to_date, 1);
    EXPECT_EQ(t.state_at(1, day("2025-02-24")).deportees_to_date, 135);
    EXPECT_EQ(t.state_at(1, day("2025-03-01")).deportees_to_date, 200);
    EXPECT_FALSE(t.state_at(1, day("2025-03-01")).payments_to_date_usd.has_value());
    EXPECT_EQ(t.state_at(2, day("2025-03-17")).deportees_to_date, 238);
    EXPECT_EQ(t.state_at(2, day("2025-03-17")).payments_to_date_usd, 6000000);
    // A cumulative row replaces the running totals instead of adding to them.
    EXPECT_EQ(t.state_at(2, day("2026-02-01")).deportees_to_date, 250);
    EXPECT_EQ(t.state_at(2, day("2026-02-01")).payments_to_date_usd, 4760000);
    const Totals total = t.totals_at(day("2026-12-31"));
    EXPECT_EQ(total.deportees_to_date, 1 + 200 + 250);
    EXPECT_EQ(total.payments_to_date_usd, 4760000);
}

TEST(DataTimeline, SumsStayAtTheInt64LimitInsteadOfOverflowing) {
    // The reader bounds each row (kMaxDeportees, kMaxPaymentUsd), but events made in code
    // can hold anything, and enough rows could pass the limit anyway: sums saturate.
    const int64_t big = INT64_MAX - 10;
    const Timeline t = Builder()
                           .add(0, "2025-01-01", "receiving", big, big)
                           .add(0, "2025-02-01", "receiving", 100, 100)
                           .add(1, "2025-01-01", "receiving", big, big)
                           .add(2, "2025-01-01", "receiving", 5, 7)
                           .build();
    EXPECT_EQ(t.state_at(0, day("2025-01-31")).deportees_to_date, big);
    EXPECT_EQ(t.state_at(0, day("2025-02-01")).deportees_to_date, INT64_MAX);
    EXPECT_EQ(t.state_at(0, day("2025-02-01")).payments_to_date_usd, INT64_MAX);
    const Totals total = t.totals_at(day("2025-12-31"));
    EXPECT_EQ(total.countries_with_status, 3);
    EXPECT_EQ(total.deportees_to_date, INT64_MAX);
    EXPECT_EQ(total.payments_to_date_usd, INT64_MAX);
    EXPECT_EQ(t.totals_at(day("2025-01-31")).deportees_to_date, INT64_MAX);  // big + big + 5
}

TEST(DataTimeline, GlobalEventsAndEventDays) {
    const Timeline t = Builder()
                           .add(-1, "2025-05-21", "blocked_by_court")
                           .add(-1, "2025-03-15", "blocked_by_court")
                           .add(0, "2025-03-15", "contacted")
                           .add(-1, "2025-06-23", "court_allowed")
                           .add(0, "2025", "contacted").source("2025-01-01")
                           .build();
    ASSERT_EQ(t.global_events().size(), 3u);
    EXPECT_EQ(t.global_events_up_to(day("2025-03-14")), 0u);
    EXPECT_EQ(t.global_events_up_to(day("2025-03-15")), 1u);
    EXPECT_EQ(t.global_events_up_to(day("2025-06-22")), 2u);
    EXPECT_EQ(t.global_events_up_to(day("2030-01-01")), 3u);
    // Global events are in date order and have no status effect on countries.
    EXPECT_EQ(t.events()[t.global_events()[0]].date.iso(), "2025-03-15");
    EXPECT_EQ(t.events()[t.global_events()[1]].date.iso(), "2025-05-21");
    EXPECT_EQ(key_at(t, 0, "2025-06-30"), "contacted");
    EXPECT_EQ(t.event_days(), (std::vector<Day>{day("2025-01-01"), day("2025-03-15"),
                                                day("2025-05-21"), day("2025-06-23")}));
    EXPECT_EQ(t.first_day(), day("2025-01-01"));
    EXPECT_EQ(t.last_day(), day("2025-06-23"));
    EXPECT_FALSE(Timeline().first_day().has_value());
}
