// Hostile sources tables (issue 16's catalogue): a sources table given alone, BOM and
// CRLF, format specifiers, huge fields, many rows, a bare header, missing and duplicate
// columns, odd ids, bad bytes. Each case asserts the exact problem text the reader
// gives ("FILE:LINE: field: message"); none may crash.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/data/events.hpp"
#include "data_test_util.hpp"

using namespace deportmap::data;
using deportmap::data::testing::TempDir;

namespace {

const CountryResolver& countries() { return deportmap::data::testing::bundled_countries(); }
const StatusTable& statuses() { return deportmap::data::testing::bundled_statuses(); }

const char* const kHeader = "event_id,url,publisher,outlet,published,tier,note\n";

const char* const kOneEvent =
    "id,country_name,iso3,date,status,summary\n"
    "a,Angola,AGO,2025-06-25,contacted,One event.\n";

// Every problem as "FILE:LINE: field: message".
std::vector<std::string> texts(const ReadResult& r) {
    std::vector<std::string> out;
    for (const Problem& p : r.problems) out.push_back(p.to_string());
    return out;
}

const Event* find_id(const ReadResult& r, const std::string& id) {
    for (const Event& e : r.events) {
        if (e.id == id) return &e;
    }
    return nullptr;
}

std::string no_source(const std::string& events, int line) {
    std::string s = events;
    s.append(":").append(std::to_string(line)).append(
        ": source_url: no source: give the row a source_url or list its sources in a sources "
        "table by the event's id");
    return s;
}

std::string at(const std::string& file, int line, const std::string& rest) {
    std::string s = file;
    s.append(":").append(std::to_string(line)).append(": ").append(rest);
    return s;
}

}  // namespace

TEST(DataSourcesHostile, ASourcesTableAloneLinksNothing) {
    TempDir dir;
    const std::string s = dir.write("s.csv", std::string(kHeader) +
                                                 "a,https://example.org/1,P,,2025-06-25,primary,\n"
                                                 "b,https://example.org/2,P,,2025-06-25,wire,\n");
    const ReadResult r = read_events({s}, countries(), statuses());
    EXPECT_TRUE(r.events.empty());
    EXPECT_EQ(texts(r), (std::vector<std::string>{
                            at(s, 2, "event_id: no event has the id 'a' (this source is left out)"),
                            at(s, 3, "event_id: no event has the id 'b' (this source is left out)")}));
    EXPECT_EQ(r.errors(), 2u);
    EXPECT_EQ(r.good_source_rows, 0u);
    EXPECT_FALSE(r.clean());
}

TEST(DataSourcesHostile, BomAndCrlfLoad) {
    TempDir dir;
    const std::string e = dir.write("e.csv", kOneEvent);
    const std::string s = dir.write("s.csv",
                                    "\xEF\xBB\xBF"
                                    "event_id,url,publisher,outlet,published,tier,note\r\n"
                                    "a,https://example.org/1,P,,2025-06-25,primary,n\r\n");
    const ReadResult r = read_events({e, s}, countries(), statuses());
    EXPECT_TRUE(r.problems.empty()) << ::testing::PrintToString(texts(r));
    const Event* a = find_id(r, "a");
    ASSERT_NE(a, nullptr);
    ASSERT_EQ(a->sources.size(), 1u);
    EXPECT_EQ(a->sources[0].url, "https://example.org/1");
    EXPECT_EQ(a->sources[0].note, "n");
    EXPECT_EQ(a->sources[0].tier, SourceTier::Primary);
}

TEST(DataSourcesHostile, FormatSpecifiersPassThrough) {
    TempDir dir;
    const std::string e = dir.write("e.csv",
                                    "id,country_name,date,status,summary\n"
                                    "%s%n%x,Angola,2025-06-25,contacted,%s%n%x\n");
    const std::string s = dir.write("s.csv", std::string(kHeader) +
                                                 "%s%n%x,https://example.org/%25s,%s%n%x,%s%n%x,2025-06-25,"
                                                 "wire,%s%n%x\n"
                                                 "%n%n,https://example.org/2,P,,2025-06-25,wire,\n");
    const ReadResult r = read_events({e, s}, countries(), statuses());
    EXPECT_EQ(texts(r), (std::vector<std::string>{
                            at(s, 3, "event_id: no event has the id '%n%n' (this source is left out)")}));
    const Event* x = find_id(r, "%s%n%x");
    ASSERT_NE(x, nullptr);
    EXPECT_EQ(x->summary, "%s%n%x");
    ASSERT_EQ(x->sources.size(), 1u);
    EXPECT_EQ(x->sources[0].publisher, "%s%n%x");
    EXPECT_EQ(x->sources[0].outlet, "%s%n%x");
    EXPECT_EQ(x->sources[0].note, "%s%n%x");
    EXPECT_EQ(x->sources[0].url, "https://example.org/%25s");
}

TEST(DataSourcesHostile, AOneMegabyteNoteLoads) {
    TempDir dir;
    const std::string note(1u << 20, 'n');
    const std::string e = dir.write("e.csv", kOneEvent);
    const std::string s = dir.write("s.csv", std::string(kHeader) + "a,https://example.org/1,P,,2025-06-25,primary," +
                                                 note + "\n");
    const ReadResult r = read_events({e, s}, countries(), statuses());
    EXPECT_TRUE(r.problems.empty()) << ::testing::PrintToString(texts(r)).substr(0, 500);
    const Event* a = find_id(r, "a");
    ASSERT_NE(a, nullptr);
    ASSERT_EQ(a->sources.size(), 1u);
    EXPECT_EQ(a->sources[0].note.size(), note.size());
}

TEST(DataSourcesHostile, AHundredThousandSourcesForAThousandEvents) {
    TempDir dir;
    std::string events = "id,country_name,date,status\n";
    for (int i = 0; i < 1000; ++i) events.append("e").append(std::to_string(i)).append(",Angola,2025-06-25,contacted\n");
    std::string sources = kHeader;
    sources.reserve(100000 * 60);
    for (int k = 0; k < 100; ++k) {
        for (int i = 0; i < 1000; ++i) {
            sources.append("e").append(std::to_string(i)).append(",https://example.org/")
                .append(std::to_string(i)).append("/").append(std::to_string(k))
                .append(",P,,2025-06-25,wire,\n");
        }
    }
    const std::string e = dir.write("e.csv", events);
    const std::string s = dir.write("s.csv", sources);
    const ReadResult r = read_events({e, s}, countries(), statuses());
    EXPECT_TRUE(r.problems.empty()) << ::testing::PrintToString(texts(r)).substr(0, 500);
    ASSERT_EQ(r.events.size(), 1000u);
    EXPECT_EQ(r.source_rows, 100000u);
    EXPECT_EQ(r.good_source_rows, 100000u);
    for (const Event& ev : r.events) ASSERT_EQ(ev.sources.size(), 100u) << ev.id;
    EXPECT_TRUE(r.clean());
}

TEST(DataSourcesHostile, AHeaderOnlySourcesTableGivesNoSources) {
    TempDir dir;
    const std::string e = dir.write("e.csv", kOneEvent);
    const std::string s = dir.write("s.csv", kHeader);
    const ReadResult r = read_events({e, s}, countries(), statuses());
    EXPECT_EQ(texts(r), (std::vector<std::string>{no_source(e, 2)}));
    EXPECT_EQ(r.source_rows, 0u);
    EXPECT_EQ(r.events.size(), 1u);
}

TEST(DataSourcesHostile, UrlAndSourceUrlIsADuplicateColumn) {
    TempDir dir;
    const std::string e = dir.write("e.csv", kOneEvent);
    const std::string s = dir.write("s.csv",
                                    "event_id,url,source_url,tier\n"
                                    "a,https://example.org/1,https://example.org/ignored,primary\n");
    const ReadResult r = read_events({e, s}, countries(), statuses());
    EXPECT_EQ(texts(r), (std::vector<std::string>{at(
                            s, 1, "source_url: duplicate column (also column 2, 'url'); this one, column 3, "
                                  "is ignored")}));
    const Event* a = find_id(r, "a");
    ASSERT_NE(a, nullptr);
    ASSERT_EQ(a->sources.size(), 1u);
    EXPECT_EQ(a->sources[0].url, "https://example.org/1");
}

TEST(DataSourcesHostile, IdsWithSpacesAndQuotesLinkExactly) {
    TempDir dir;
    const std::string e = dir.write("e.csv",
                                    "id,country_name,date,status\n"
                                    "\"a \"\"b\"\" c\",Angola,2025-06-25,contacted\n");
    const std::string s = dir.write("s.csv", std::string(kHeader) +
                                                 "\"a \"\"b\"\" c\",https://example.org/1,P,,2025-06-25,primary,\n"
                                                 "\"a \"\"b\"\"c\",https://example.org/2,P,,2025-06-25,primary,\n");
    const ReadResult r = read_events({e, s}, countries(), statuses());
    EXPECT_EQ(texts(r), (std::vector<std::string>{
                            at(s, 3, "event_id: no event has the id 'a \"b\"c' (this source is left out)")}));
    const Event* a = find_id(r, "a \"b\" c");
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a->sources.size(), 1u);
}

TEST(DataSourcesHostile, AMissingTierColumnMakesTheTableUnreadable) {
    TempDir dir;
    const std::string e = dir.write("e.csv", kOneEvent);
    const std::string s = dir.write("s.csv",
                                    "event_id,url,publisher\n"
                                    "a,https://example.org/1,P\n");
    const ReadResult r = read_events({e, s}, countries(), statuses());
    EXPECT_EQ(texts(r), (std::vector<std::string>{no_source(e, 2), at(s, 1, "header: missing column 'tier'")}));
    EXPECT_EQ(r.unreadable, std::vector<std::string>{s});
}

TEST(DataSourcesHostile, OnlyAnEventIdColumnMissesUrlAndTier) {
    TempDir dir;
    const std::string s = dir.write("s.csv", "event_id\na\n");
    const ReadResult r = read_events({s}, countries(), statuses());
    EXPECT_EQ(texts(r), (std::vector<std::string>{at(s, 1, "header: missing column 'url', 'tier'")}));
}

TEST(DataSourcesHostile, AnEmptySourcesFileIsUnreadable) {
    TempDir dir;
    const std::string e = dir.write("e.csv", kOneEvent);
    const std::string s = dir.write("s.csv", "");
    const ReadResult r = read_events({e, s}, countries(), statuses());
    std::string empty = s;
    empty.append(": empty file: no header line");
    EXPECT_EQ(texts(r), (std::vector<std::string>{no_source(e, 2), empty}));
    EXPECT_EQ(r.unreadable, std::vector<std::string>{s});
    EXPECT_EQ(r.events.size(), 1u);
}

TEST(DataSourcesHostile, BadValuesAreReportedOnTheirLines) {
    TempDir dir;
    const std::string e = dir.write("e.csv", kOneEvent);
    const std::string s = dir.write("s.csv", std::string(kHeader) +
                                                 "a,https://example.org/ok,P,,2025-06-25,primary,\n"
                                                 "a,https://example.org/t,P,,2025-06-25,Tier 1,\n"
                                                 "a,https://example.org/d,P,,2025-02-30,wire,\n"
                                                 "a,https://example.org/ok,P,,2025-06-25,wire,\n");
    const ReadResult r = read_events({e, s}, countries(), statuses());
    EXPECT_EQ(texts(r),
              (std::vector<std::string>{
                  at(s, 3, "tier: unknown tier 'Tier 1' (known: primary, original, wire, secondary, weak)"),
                  at(s, 4, "published: '2025-02-30' is not a valid date: February 2025 has 28 days"),
                  at(s, 5, "url: warning: the event 'a' already cites 'https://example.org/ok'")}));
    EXPECT_EQ(r.errors(), 2u);
    EXPECT_EQ(r.warnings(), 1u);
    ASSERT_NE(find_id(r, "a"), nullptr);
    EXPECT_EQ(find_id(r, "a")->sources.size(), 1u);
}

TEST(DataSourcesHostile, WeakOnlyIsAWarningAndTheDataStaysClean) {
    TempDir dir;
    const std::string e = dir.write("e.csv", kOneEvent);
    const std::string s = dir.write("s.csv", std::string(kHeader) +
                                                 "a,https://example.org/1,P,,2025-06-25,weak,\n"
                                                 "a,https://example.org/2,Q,,2025-06-25,WEAK,\n");
    const ReadResult r = read_events({e, s}, countries(), statuses());
    EXPECT_EQ(texts(r), (std::vector<std::string>{at(
                            e, 2, "source_tier: warning: every source of this event is weak (single weak source)")}));
    EXPECT_TRUE(r.clean());
    EXPECT_EQ(r.warnings(), 1u);
}

TEST(DataSourcesHostile, ARepeatedEventIdKeepsTheFirstAndLinksToIt) {
    TempDir dir;
    const std::string e = dir.write("e.csv",
                                    "id,country_name,date,status\n"
                                    "x,Angola,2025-06-25,contacted\n"
                                    "x,Peru,2025-06-25,declined\n");
    const std::string s = dir.write("s.csv", std::string(kHeader) + "x,https://example.org/1,P,,2025-06-25,wire,\n");
    const ReadResult r = read_events({e, s}, countries(), statuses());
    EXPECT_EQ(texts(r), (std::vector<std::string>{at(e, 3, "id: id 'x' is already used on line 2")}));
    ASSERT_EQ(r.events.size(), 1u);
    EXPECT_EQ(r.events[0].iso3, "AGO");
    EXPECT_EQ(r.events[0].sources.size(), 1u);
}

TEST(DataSourcesHostile, InvalidUtf8InANoteIsReportedNotLoaded) {
    TempDir dir;
    const std::string e = dir.write("e.csv", kOneEvent);
    const std::string s = dir.write("s.csv", std::string(kHeader) +
                                                 "a,https://example.org/1,P,,2025-06-25,primary,ok\n"
                                                 "a,https://example.org/2,P,,2025-06-25,primary,bad \xC3\x28 byte\n");
    const ReadResult r = read_events({e, s}, countries(), statuses());
    EXPECT_EQ(texts(r), (std::vector<std::string>{at(s, 3, "note: invalid UTF-8 (byte 0xC3 at character 5)")}));
    ASSERT_NE(find_id(r, "a"), nullptr);
    EXPECT_EQ(find_id(r, "a")->sources.size(), 1u);
}

TEST(DataSourcesHostile, AnUnterminatedQuoteDoesNotCrash) {
    TempDir dir;
    const std::string e = dir.write("e.csv", kOneEvent);
    const std::string s = dir.write("s.csv", std::string(kHeader) +
                                                 "a,https://example.org/1,P,,2025-06-25,primary,ok\n"
                                                 "a,\"https://example.org/2,P,,2025-06-25,primary,\n");
    const ReadResult r = read_events({e, s}, countries(), statuses());
    EXPECT_FALSE(r.problems.empty());
    for (const Problem& p : r.problems) EXPECT_GE(p.line, 0);
    ASSERT_NE(find_id(r, "a"), nullptr);
    EXPECT_EQ(find_id(r, "a")->sources.size(), 1u);
}
