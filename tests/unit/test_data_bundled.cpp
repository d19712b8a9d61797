// The bundled dataset (geodata/events/) reproduces the seed report: Kosovo agreed to take
// up to 50; Costa Rica received deportees; Rwanda received an Iraqi deportee for
// $100,000; Peru declined; Tunisia, Togo and Turkmenistan were named in the March 12
// cable; Libya and South Sudan were blocked by a court; and the report's 58 countries is
// a stated figure with its source, beside the count of countries the data names.
#include <gtest/gtest.h>

#include <memory>

#include "core/data/dataset.hpp"
#include "core/data/stated_figures.hpp"

using namespace deportmap::data;

namespace {

class DataBundled : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        countries_ = std::make_shared<const CountryResolver>(CountryResolver::load_default());
        dataset_ = std::make_unique<Dataset>(countries_, StatusTable::load_default());
        outcome_ = dataset_->load({default_events_path()});
    }
    static void TearDownTestSuite() { dataset_.reset(); }

    const Timeline& timeline() const { return dataset_->timeline(); }
    int country(const char* iso3) const {
        const int c = countries_->find_iso3(iso3);
        EXPECT_GE(c, 0) << iso3;
        return c;
    }
    std::string status(const char* iso3, const char* date) const {
        const StatusIndex s = timeline().status_at(country(iso3), query_day(*parse_date(date)));
        return s == kNoStatus ? "none" : timeline().statuses()[static_cast<size_t>(s)].key;
    }
    CountryState state(const char* iso3, const char* date) const {
        return timeline().state_at(country(iso3), query_day(*parse_date(date)));
    }
    const Event& event(int index) const { return timeline().events()[static_cast<size_t>(index)]; }

    static inline std::shared_ptr<const CountryResolver> countries_;
    static inline std::unique_ptr<Dataset> dataset_;
    static inline LoadOutcome outcome_;
};

// The day the New York Times article the report summarises was published.
constexpr const char* kReportDate = "2025-06-25";

}  // namespace

TEST_F(DataBundled, LoadsCleanWith107CountryEventsIn47CountriesAnd11GlobalEvents) {
    ASSERT_TRUE(outcome_.ok) << outcome_.error;
    for (const auto& p : dataset_->problems()) ADD_FAILURE() << p.to_string();
    EXPECT_EQ(outcome_.rows, 118u);
    EXPECT_EQ(outcome_.bad_rows, 0u);
    EXPECT_EQ(timeline().events().size(), 118u);
    EXPECT_EQ(timeline().global_events().size(), 11u);
    EXPECT_EQ(timeline().countries_named().size(), 47u);
    for (const Event& e : timeline().events()) {
        EXPECT_FALSE(e.source_url.empty()) << e.file << ":" << e.line;
        EXPECT_FALSE(e.summary.empty()) << e.file << ":" << e.line;
    }
}

TEST_F(DataBundled, KosovoAgreedToTakeUpTo50) {
    EXPECT_EQ(status("XKX", kReportDate), "agreed");
    const CountryState s = state("XKX", kReportDate);
    ASSERT_GE(s.since_event, 0);
    EXPECT_EQ(event(s.since_event).deportees, 50);
    EXPECT_EQ(event(s.since_event).date.iso(), "2025-06-11");
    // An agreed cap is not people received.
    EXPECT_FALSE(s.deportees_to_date.has_value());
}

TEST_F(DataBundled, CostaRicaReceivedDeportees) {
    EXPECT_EQ(status("CRI", "2025-03-01"), "receiving");
    const CountryState s = state("CRI", kReportDate);
    ASSERT_NE(s.highest_rung, kNoStatus);
    EXPECT_EQ(timeline().statuses()[static_cast<size_t>(s.highest_rung)].key, "receiving");
    EXPECT_EQ(s.deportees_to_date, 200);  // two flights, 135 and 65
}

TEST_F(DataBundled, RwandaReceivedAnIraqiDeporteeFor100000Dollars) {
    bool found = false;
    for (uint32_t i : timeline().country_events(country("RWA"))) {
        const Event& e = event(static_cast<int>(i));
        if (e.payment_usd == 100000) {
            found = true;
            EXPECT_EQ(timeline().statuses()[static_cast<size_t>(e.status)].key, "receiving");
            EXPECT_EQ(e.deportees, 1);
            EXPECT_NE(e.summary.find("Iraqi"), std::string::npos) << e.summary;
        }
    }
    EXPECT_TRUE(found);
    EXPECT_EQ(status("RWA", "2025-04-30"), "receiving");
    EXPECT_EQ(state("RWA", "2025-04-30").payments_to_date_usd, 100000);
    EXPECT_EQ(state("RWA", "2025-04-30").deportees_to_date, 1);
}

TEST_F(DataBundled, PeruDeclined) {
    EXPECT_EQ(status("PER", kReportDate), "declined");
    EXPECT_EQ(status("PER", "2025-06-20"), "contacted");  // asked, more than once
    EXPECT_GE(timeline().country_events(country("PER")).size(), 3u);
}

TEST_F(DataBundled, TunisiaTogoAndTurkmenistanNamedInTheMarch12Cable) {
    for (const char* iso3 : {"TUN", "TGO", "TKM"}) {
        EXPECT_EQ(status(iso3, "2025-03-12"), "contacted") << iso3;
        EXPECT_EQ(status(iso3, "2025-03-11"), "none") << iso3;
        const CountryState s = state(iso3, kReportDate);
        ASSERT_GE(s.since_event, 0);
        EXPECT_EQ(event(s.since_event).date.iso(), "2025-03-12");
        EXPECT_NE(event(s.since_event).summary.find("March 12"), std::string::npos) << iso3;
    }
}

TEST_F(DataBundled, LibyaAndSouthSudanBlockedByACourt) {
    // Libya has a court block and a refusal on the same day: the ruling takes precedence.
    EXPECT_EQ(status("LBY", "2025-05-07"), "blocked_by_court");
    EXPECT_EQ(status("LBY", kReportDate), "blocked_by_court");
    EXPECT_EQ(status("SSD", "2025-05-21"), "blocked_by_court");
    EXPECT_EQ(status("SSD", "2025-06-22"), "blocked_by_court");
    // The rulings behind them are global events by then.
    const Day d = query_day(*parse_date("2025-05-21"));
    size_t blocks = 0;
    for (size_t i = 0; i < timeline().global_events_up_to(d); ++i) {
        const Event& e = event(static_cast<int>(timeline().global_events()[i]));
        if (timeline().statuses()[static_cast<size_t>(e.status)].key == "blocked_by_court") ++blocks;
    }
    EXPECT_GE(blocks, 2u);
}

TEST_F(DataBundled, StatedFigureOf58WithItsSourceBesideTheNamedCount) {
    std::vector<Problem> problems;
    const auto figures = load_stated_figures(default_stated_figures_path(), problems);
    for (const auto& p : problems) ADD_FAILURE() << p.to_string();
    const StatedFigure* f = find_stated_figure(figures, "countries_contacted_or_planned");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->value, 58);
    EXPECT_EQ(f->source_url.rfind("https://", 0), 0u);
    EXPECT_FALSE(f->source_publisher.empty());
    EXPECT_EQ(f->source_date, "2025-06-25");
    // The data names fewer countries than the stated figure: both are shown, never merged.
    EXPECT_LT(timeline().countries_named().size(), static_cast<size_t>(f->value));
    EXPECT_EQ(find_stated_figure(figures, "no_such_key"), nullptr);
}

TEST_F(DataBundled, TimelineSpansTheDataset) {
    ASSERT_TRUE(timeline().first_day().has_value());
    EXPECT_EQ(civil_from_days(*timeline().first_day()).year, 2025);
    EXPECT_EQ(civil_from_days(*timeline().last_day()).year, 2026);
    EXPECT_GT(timeline().event_days().size(), 50u);
}
