// Sources as their own table: an events file with an id column and a sources table
// linked to it, the tier vocabulary, the checks `validate` reports (errors and
// warnings), first-edition one-source rows, the source list (CSV, JSON) and the credit
// line built from the outlets of the facts shown.
#include <gtest/gtest.h>

#include <string>

#include "core/data/source_list.hpp"
#include "core/data/timeline.hpp"
#include "data_test_util.hpp"

using namespace deportmap::data;
using deportmap::data::testing::TempDir;

namespace {

const CountryResolver& countries() { return deportmap::data::testing::bundled_countries(); }
const StatusTable& statuses() { return deportmap::data::testing::bundled_statuses(); }

const char* const kEvents =
    "id,country_name,iso3,date,status,summary\n"
    "XKX-agreed,Kosovo,XKX,2025-06-11,agreed,Up to 50.\n"
    "PER-declined,Peru,PER,2025-06,declined,Peru said no.\n"
    "AGO-listed,Angola,AGO,2025,contacted,Named on a list.\n"
    "RWA-none,Rwanda,RWA,2025-04-02,contacted,No source yet.\n";

const char* const kSources =
    "event_id,url,publisher,outlet,published,tier,note\n"
    "XKX-agreed,https://example.org/k1,CBS News,,2025-06-11,original,\n"
    "XKX-agreed,https://example.org/k2,Dawn,Reuters,2025-06-12,wire,\n"
    "PER-declined,https://example.org/p,La Prensa,The New York Times,2025-06-26,wire,licensed text\n"
    "AGO-listed,https://example.org/a,Repost Site,The New York Times,2025-06-30,weak,\n";

const Event* find_id(const ReadResult& r, const std::string& id) {
    for (const Event& e : r.events) {
        if (e.id == id) return &e;
    }
    return nullptr;
}

}  // namespace

TEST(DataSources, TiersHaveFiveKeys) {
    for (const char* k : {"primary", "original", "wire", "secondary", "weak"}) {
        const auto t = parse_source_tier(k);
        ASSERT_TRUE(t.has_value()) << k;
        EXPECT_STREQ(source_tier_key(*t), k);
    }
    EXPECT_EQ(parse_source_tier(" Wire "), SourceTier::Wire);
    EXPECT_FALSE(parse_source_tier("tier1").has_value());
    EXPECT_FALSE(parse_source_tier("").has_value());
}

TEST(DataSources, ASourcesTableIsLinkedToTheEventsById) {
    TempDir dir;
    const std::string events = dir.write("events.csv", kEvents);
    const std::string sources = dir.write("sources.csv", kSources);
    const ReadResult r = read_events({events, sources}, countries(), statuses());
    ASSERT_EQ(r.events.size(), 4u);
    EXPECT_EQ(r.source_rows, 4u);
    const Event* k = find_id(r, "XKX-agreed");
    ASSERT_NE(k, nullptr);
    ASSERT_EQ(k->sources.size(), 2u);
    EXPECT_EQ(k->sources[0].tier, SourceTier::Original);
    EXPECT_EQ(k->sources[0].credit_name(), "CBS News");  // no outlet: the publisher's own
    EXPECT_EQ(k->sources[1].publisher, "Dawn");
    EXPECT_EQ(k->sources[1].credit_name(), "Reuters");
    EXPECT_EQ(k->sources[1].file, sources);
    EXPECT_EQ(k->sources[1].line, 3);
    const Event* p = find_id(r, "PER-declined");
    ASSERT_NE(p, nullptr);
    EXPECT_EQ(p->sources.at(0).note, "licensed text");
    // Angola rests on one weak source: a warning with its line, the row still loads.
    const Event* a = find_id(r, "AGO-listed");
    ASSERT_NE(a, nullptr);
    EXPECT_TRUE(a->weak_only());
    // Rwanda has no source: an error with its line, and the row still loads.
    ASSERT_EQ(r.problems.size(), 2u);
    EXPECT_EQ(r.problems[0].to_string(),
              events + ":4: source_tier: warning: every source of this event is weak (single weak source)");
    EXPECT_TRUE(r.problems[0].warning);
    EXPECT_EQ(r.problems[1].line, 5);
    EXPECT_FALSE(r.problems[1].warning);
    EXPECT_NE(r.problems[1].message.find("no source"), std::string::npos);
    EXPECT_EQ(r.errors(), 1u);
    EXPECT_EQ(r.warnings(), 1u);
    EXPECT_FALSE(r.clean());
    EXPECT_EQ(r.bad_rows, 0u);
}

TEST(DataSources, WarningsAloneLeaveTheDataClean) {
    TempDir dir;
    const std::string events = dir.write("e.csv",
                                         "id,country_name,date,status\n"
                                         "a,Angola,2025-06-25,contacted\n");
    const std::string sources = dir.write("s.csv",
                                          "event_id,url,publisher,published,tier\n"
                                          "a,https://example.org/a,Blog,2025-06-25,weak\n");
    const ReadResult r = read_events({events, sources}, countries(), statuses());
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_TRUE(r.problems[0].warning);
    EXPECT_TRUE(r.clean());
}

TEST(DataSources, BadSourceRowsAreReportedWithTheirLineAndField) {
    TempDir dir;
    const std::string events = dir.write("e.csv", kEvents);
    const std::string sources = dir.write(
        "s.csv",
        "event_id,url,publisher,outlet,published,tier\n"
        "XKX-agreed,https://example.org/ok,P,,2025-06-11,primary\n"
        "XKX-agreed,ftp://example.org/x,P,,2025-06-11,primary\n"
        "XKX-agreed,https://example.org/y,P,,2025-06-31,primary\n"
        "XKX-agreed,https://example.org/z,P,,2025-06-11,tier1\n"
        "XKX-agreed,https://example.org/w,P,,2025-06-11,\n"
        "NO-SUCH,https://example.org/v,P,,2025-06-11,wire\n"
        ",https://example.org/u,P,,2025-06-11,wire\n"
        "PER-declined,,P,,2025-06-11,wire\n"
        "XKX-agreed,https://example.org/ok,P,,2025-06-11,primary\n");
    const ReadResult r = read_events({events, sources}, countries(), statuses());
    std::vector<std::string> lines;
    for (const Problem& p : r.problems) {
        if (p.file == sources) {
            lines.push_back(std::to_string(p.line) + " " + p.field + ": " + (p.warning ? "warning: " : "") + p.message);
        }
    }
    ASSERT_EQ(lines.size(), 8u) << ::testing::PrintToString(lines);
    EXPECT_EQ(lines[0].rfind("3 url: 'ftp://example.org/x' is not a web address", 0), 0u) << lines[0];
    EXPECT_EQ(lines[1], "4 published: '2025-06-31' is not a valid date: June 2025 has 30 days");
    EXPECT_EQ(lines[2], "5 tier: unknown tier 'tier1' (known: primary, original, wire, secondary, weak)");
    EXPECT_EQ(lines[3].rfind("6 tier: missing tier", 0), 0u) << lines[3];
    EXPECT_EQ(lines[4], "7 event_id: no event has the id 'NO-SUCH' (this source is left out)");
    EXPECT_EQ(lines[5].rfind("8 event_id: missing event_id", 0), 0u) << lines[5];
    EXPECT_EQ(lines[6], "9 url: missing url");
    EXPECT_EQ(lines[7], "10 url: warning: the event 'XKX-agreed' already cites 'https://example.org/ok'");
    const Event* k = find_id(r, "XKX-agreed");
    ASSERT_NE(k, nullptr);
    EXPECT_EQ(k->sources.size(), 1u);  // only the good row
}

TEST(DataSources, ARepeatedIdIsAnError) {
    TempDir dir;
    const std::string events = dir.write("e.csv",
                                         "id,country_name,date,status,source_url\n"
                                         "x,Angola,2025-06-25,contacted,https://example.org/1\n"
                                         "x,Peru,2025-06-25,declined,https://example.org/2\n");
    const ReadResult r = read_events({events}, countries(), statuses());
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].to_string(), events + ":3: id: id 'x' is already used on line 2");
    EXPECT_EQ(r.events.size(), 1u);
}

TEST(DataSources, FirstEditionRowsGiveOneSecondarySourceUnlessTheyGradeIt) {
    TempDir dir;
    const std::string plain = dir.write("a.csv", std::string(deportmap::data::testing::kHeader) +
                                                     "Peru,PER,2025-06-25,declined,,,x,https://example.org/p,"
                                                     "Dawn (Reuters),2025-06-26\n");
    const std::string graded = dir.write("b.csv",
                                         "country_name,date,status,source_url,source_publisher,source_outlet,"
                                         "source_tier\n"
                                         "Togo,2025-03-12,contacted,https://example.org/t,Dawn,Reuters,wire\n");
    const ReadResult r = read_events({plain, graded}, countries(), statuses());
    EXPECT_TRUE(r.problems.empty()) << r.problems.front().to_string();
    ASSERT_EQ(r.events.size(), 2u);
    ASSERT_EQ(r.events[0].sources.size(), 1u);
    EXPECT_EQ(r.events[0].sources[0].tier, SourceTier::Secondary);
    EXPECT_EQ(r.events[0].sources[0].published, "2025-06-26");
    EXPECT_EQ(r.events[0].sources[0].credit_name(), "Dawn (Reuters)");
    EXPECT_EQ(r.events[1].sources.at(0).tier, SourceTier::Wire);
    EXPECT_EQ(r.events[1].sources.at(0).credit_name(), "Reuters");
}

TEST(DataSources, TheFirstEditionsBundledFileStillLoads) {
    const std::string path = std::string(DEPORTMAP_TEST_FIXTURES) + "/data/first_edition_events.csv";
    const ReadResult r = read_events({path}, countries(), statuses());
    EXPECT_TRUE(r.clean());
    EXPECT_EQ(r.errors(), 0u);
    EXPECT_EQ(r.events.size(), 118u);
    for (const Event& e : r.events) {
        ASSERT_EQ(e.sources.size(), 1u) << e.line;
        EXPECT_EQ(e.sources[0].tier, SourceTier::Secondary);
    }
}

TEST(DataSources, TheListHasTheSourcesCommandsColumns) {
    TempDir dir;
    const ReadResult r = read_events({dir.write("events.csv", kEvents), dir.write("sources.csv", kSources)},
                                     countries(), statuses());
    const Timeline t(r.events, statuses(), countries().size());
    const auto rows = list_sources(t, countries());
    ASSERT_EQ(rows.size(), 4u);
    // By country name: Angola, Kosovo (two), Peru; Rwanda has none.
    EXPECT_EQ(rows[0].event->iso3, "AGO");
    EXPECT_EQ(rows[1].event->iso3, "XKX");
    EXPECT_EQ(rows[3].event->iso3, "PER");
    const std::string csv = sources_csv(rows, countries(), statuses());
    EXPECT_EQ(csv.substr(0, csv.find('\n')), "iso3,country,date,status,url,publisher,outlet,published,tier");
    EXPECT_NE(csv.find("\nXKX,Kosovo,2025-06-11,agreed,https://example.org/k2,Dawn,Reuters,2025-06-12,wire\n"),
              std::string::npos)
        << csv;
    const auto j = source_row_json(rows[3], countries(), statuses());
    EXPECT_EQ(j.dump(), R"({"iso3":"PER","country":"Peru","date":"2025-06","status":"declined",)"
                        R"("url":"https://example.org/p","publisher":"La Prensa","outlet":"The New York Times",)"
                        R"("published":"2025-06-26","tier":"wire"})");
    // Up to a day: only the facts that have taken effect (Peru's June counts from the 26th).
    EXPECT_EQ(list_sources(t, countries(), days_from_civil(2025, 6, 25)).size(), 2u);
}

TEST(DataSources, TheCreditLineNamesOutletsNeverWeakOnes) {
    TempDir dir;
    const ReadResult r = read_events({dir.write("events.csv", kEvents), dir.write("sources.csv", kSources)},
                                     countries(), statuses());
    const Timeline t(r.events, statuses(), countries().size());
    const auto outlets = ranked_outlets(list_sources(t, countries()));
    // The Times is cited by Peru (wire) and Angola (weak, not counted): one fact each for
    // CBS News, Reuters and the Times, in alphabetical order.
    EXPECT_EQ(outlets, (std::vector<std::string>{"CBS News", "Reuters", "The New York Times"}));
    EXPECT_EQ(credit_sources(outlets), "Sources: CBS News, Reuters and The New York Times");
    EXPECT_EQ(credit_sources(outlets, 2), "Sources: CBS News, Reuters and 1 other");
    EXPECT_EQ(credit_sources({"AP", "B", "C", "D", "E", "F"}), "Sources: AP, B, C, D and 2 others");
    EXPECT_EQ(credit_sources({"AP"}), "Source: AP");
    EXPECT_EQ(credit_sources({}), "");
}

TEST(DataSources, StrongFilterLeavesOutFactsRestingOnlyOnWeakSources) {
    Event e;
    EXPECT_TRUE(source_filter_keeps(SourceFilter::Strong, e));  // no source: not "weak only"
    e.sources.push_back({});
    e.sources.back().tier = SourceTier::Weak;
    EXPECT_FALSE(source_filter_keeps(SourceFilter::Strong, e));
    EXPECT_TRUE(source_filter_keeps(SourceFilter::All, e));
    e.sources.push_back({});
    e.sources.back().tier = SourceTier::Secondary;
    EXPECT_TRUE(source_filter_keeps(SourceFilter::Strong, e));
}
