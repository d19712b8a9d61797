// The validation catalogue: each problem `deportmap validate` knows, in a file the test
// writes, reported as the exact FILE:LINE: field, with the good rows still loading.
// Also BOM, CRLF, quoted commas, quotes and line breaks, and header/file problems.
#include <gtest/gtest.h>

#include "core/data/events.hpp"
#include "data_test_util.hpp"

using namespace deportmap::data;
using deportmap::data::testing::kHeader;
using deportmap::data::testing::TempDir;

namespace {

const CountryResolver& countries() { return deportmap::data::testing::bundled_countries(); }
const StatusTable& statuses() { return deportmap::data::testing::bundled_statuses(); }

ReadResult read_one(const std::string& path) { return read_events({path}, countries(), statuses()); }

const char* const kGood2 =
    "Kosovo,XKX,2025-06-11,agreed,50,,Kosovo agreed to take up to 50.,https://example.org/kosovo,"
    "Example News,2025-06-11\n";
const char* const kGood4 =
    "Peru,PER,2025-06-25,declined,,,Peru said no.,https://example.org/peru,Example News,"
    "2025-06-25\n";

struct Case {
    const char* name;
    std::string bad_row;   // line 3, between two good rows
    std::string expected;  // the problem without "FILE:"; a trailing '*' means "starts with"
};

}  // namespace

TEST(DataValidation, EachProblemIsReportedAtItsLineAndFieldAndGoodRowsLoad) {
    const std::vector<Case> cases = {
        {"unknown_country", "Narnia,,2025-01-01,contacted,,,x,https://example.org/n,P,\n",
         "3: country_name: unknown country 'Narnia'*"},
        {"unknown_code", ",ZZZ,2025-01-01,contacted,,,x,https://example.org/z,P,\n",
         "3: iso3: unknown country code 'ZZZ'"},
        {"name_not_code", ",UK,2025-01-01,contacted,,,x,https://example.org/z,P,\n",
         "3: iso3: unknown country code 'UK' (did you mean GBR (United Kingdom)?)"},
        {"ambiguous_country", "Korea,,2025-01-01,contacted,,,x,https://example.org/k,P,\n",
         "3: country_name: 'Korea' is ambiguous: North Korea (PRK), South Korea (KOR)"},
        {"name_and_code_disagree", "Germany,FRA,2025-01-01,contacted,,,x,https://example.org/g,P,\n",
         "3: iso3: 'FRA' is France (FRA) but country_name 'Germany' is Germany (DEU)"},
        {"bad_date", "Peru,PER,25/06/2025,declined,,,x,https://example.org/p,P,\n",
         "3: date: '25/06/2025' is not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD"},
        {"impossible_day", "Peru,PER,2025-02-30,declined,,,x,https://example.org/p,P,\n",
         "3: date: '2025-02-30' is not a valid date: February 2025 has 28 days"},
        {"impossible_month", "Peru,PER,2025-13,declined,,,x,https://example.org/p,P,\n",
         "3: date: '2025-13' is not a valid date: month 13 does not exist"},
        {"missing_date", "Peru,PER,,declined,,,x,https://example.org/p,P,\n",
         "3: date: missing date"},
        {"unknown_status", "Peru,PER,2025-06-26,refused,,,x,https://example.org/p,P,\n",
         "3: status: unknown status 'refused' (known: contacted, negotiating, agreed, receiving, "
         "declined, paused_or_ended, blocked_by_court, court_allowed)"},
        {"negative_number", "Costa Rica,CRI,2025-02-20,receiving,-135,,x,https://example.org/c,P,\n",
         "3: deportees: '-135' is negative"},
        {"non_numeric_number", "Rwanda,RWA,2025-04,receiving,1,lots,x,https://example.org/r,P,\n",
         "3: payment_usd: 'lots' is not a number (use a plain whole number such as 5000)"},
        {"fractional_people", "Rwanda,RWA,2025-04,receiving,2.5,,x,https://example.org/r,P,\n",
         "3: deportees: '2.5' is not a whole number"},
        // Numbers past the bounds in events.hpp, and past int64_t: a problem, never a wrap.
        {"too_many_people", "Rwanda,RWA,2025-04,receiving,10000001,,x,https://example.org/r,P,\n",
         "3: deportees: '10000001' is larger than 10,000,000, the most this column accepts"},
        {"people_past_int64", "Rwanda,RWA,2025-04,receiving,9223372036854775807,,x,https://example.org/r,P,\n",
         "3: deportees: '9223372036854775807' is larger than 10,000,000, the most this column accepts"},
        {"people_past_uint64", "Rwanda,RWA,2025-04,receiving,18446744073709551616,,x,https://example.org/r,P,\n",
         "3: deportees: '18446744073709551616' is larger than 10,000,000, the most this column "
         "accepts"},
        {"people_as_exponent", "Rwanda,RWA,2025-04,receiving,1e30,,x,https://example.org/r,P,\n",
         "3: deportees: '1e30' is not a number (use a plain whole number such as 5000)"},
        {"negative_payment", "Rwanda,RWA,2025-04,receiving,1,-5,x,https://example.org/r,P,\n",
         "3: payment_usd: '-5' is negative"},
        {"huge_negative_payment",
         "Rwanda,RWA,2025-04,receiving,1,-18446744073709551616,x,https://example.org/r,P,\n",
         "3: payment_usd: '-18446744073709551616' is negative"},
        {"too_much_money", "Rwanda,RWA,2025-04,receiving,1,100000000001,x,https://example.org/r,P,\n",
         "3: payment_usd: '100000000001' is larger than 100,000,000,000, the most this column "
         "accepts"},
        {"money_past_int64", "Rwanda,RWA,2025-04,receiving,1,9223372036854775808,x,https://example.org/r,P,\n",
         "3: payment_usd: '9223372036854775808' is larger than 100,000,000,000, the most this "
         "column accepts"},
        {"malformed_url", "Togo,TGO,2025-03-12,contacted,,,x,htp://example.org/t,P,\n",
         "3: source_url: 'htp://example.org/t' is not a web address*"},
        {"url_with_space", "Togo,TGO,2025-03-12,contacted,,,x,https://example.org/a b,P,\n",
         "3: source_url: 'https://example.org/a b' is not a web address*"},
        {"url_without_host", "Togo,TGO,2025-03-12,contacted,,,x,https:///path,P,\n",
         "3: source_url: 'https:///path' is not a web address*"},
        {"too_few_fields", "Peru,PER,2025-06-26\n", "3: row: has 3 fields, the header has 10"},
        {"too_many_fields",
         "Peru,PER,2025-06-26,declined,,,x,https://example.org/p,P,2025-06-26,extra\n",
         "3: row: has 11 fields, the header has 10"},
        {"exact_duplicate", kGood2, "3: row: exact duplicate of line 2"},
        {"global_without_summary", ",,2025-03-15,blocked_by_court,,,,https://example.org/c,Court,\n",
         "3: summary: a global event (no country) needs a summary"},
        {"invalid_utf8", "Per\xFA,,2025-06-26,declined,,,x,https://example.org/p,P,\n",
         "3: country_name: invalid UTF-8 (byte 0xFA at character 4)"},
        {"invalid_utf8_in_summary", "Peru,PER,2025-06-26,declined,,,caf\xC3,https://example.org/p,P,\n",
         "3: summary: invalid UTF-8 (byte 0xC3 at character 4)"},
        {"bad_source_date", "Peru,PER,2025-06-26,declined,,,x,https://example.org/p,P,2025-06-31\n",
         "3: source_date: '2025-06-31' is not a valid date: June 2025 has 30 days"},
    };
    TempDir dir;
    for (const Case& c : cases) {
        SCOPED_TRACE(c.name);
        const std::string path =
            dir.write(std::string(c.name) + ".csv", std::string(kHeader) + kGood2 + c.bad_row + kGood4);
        const ReadResult r = read_one(path);
        ASSERT_EQ(r.problems.size(), 1u);
        const std::string got = r.problems.front().to_string();
        std::string want = path + ":" + c.expected;
        if (want.back() == '*') {
            want.pop_back();
            EXPECT_EQ(got.substr(0, want.size()), want) << got;
        } else {
            EXPECT_EQ(got, want);
        }
        EXPECT_EQ(r.rows, 3u);
        EXPECT_EQ(r.bad_rows, 1u);
        EXPECT_TRUE(r.unreadable.empty());
        ASSERT_EQ(r.events.size(), 2u);  // the good rows still load
        EXPECT_EQ(r.events[0].line, 2);
        EXPECT_EQ(r.events[0].iso3, "XKX");
        EXPECT_EQ(r.events[1].line, 4);
        EXPECT_EQ(r.events[1].iso3, "PER");
    }
}

TEST(DataValidation, UnknownCountrySuggestsClosestNames) {
    TempDir dir;
    const std::string path = dir.write(
        "e.csv", std::string(kHeader) + "Nambia,,2025-01-01,contacted,,,x,https://example.org/n,P,\n");
    const ReadResult r = read_one(path);
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].to_string().rfind(
                  path + ":2: country_name: unknown country 'Nambia' (closest: Namibia, ", 0),
              0u)
        << r.problems[0].to_string();
}

TEST(DataValidation, SeveralProblemsInOneRowAreAllReported) {
    TempDir dir;
    const std::string path = dir.write(
        "e.csv", std::string(kHeader) + "Narnia,,2025-02-30,won,-1,,x,ftp://x,P,\n");
    const ReadResult r = read_one(path);
    std::vector<std::string> fields;
    for (const auto& p : r.problems) fields.push_back(p.field);
    EXPECT_EQ(fields, (std::vector<std::string>{"country_name", "date", "status", "deportees",
                                                "source_url"}));
    EXPECT_EQ(r.bad_rows, 1u);
    EXPECT_TRUE(r.events.empty());
}

TEST(DataValidation, LinesCountPhysicalLinesWithBomCrlfAndQuotedLineBreaks) {
    const std::vector<std::string> rows = {
        "country_name,iso3,date,status,deportees,payment_usd,summary,source_url,source_publisher,source_date",
        "Kosovo,XKX,2025-06-11,agreed,50,,\"Kosovo agreed, \"\"up to 50\"\".\",https://example.org/k,P,",
        "Peru,PER,2025-06-25,declined,,,\"first line",    // record spans 3 lines
        "second line",
        "third, with comma\",https://example.org/p,P,",
        "Togo,TGO,2025-03-12,nope,,,x,https://example.org/t,P,",
        "",                                                // empty line: skipped
        "Tunisia,TUN,2025-02-30,contacted,,,x,https://example.org/u,P,",
        "Rwanda,RWA,2025-04,receiving,1,100000,%s%n %x %d {} \\n,https://example.org/r,P,2025-04-23",
    };
    for (const bool crlf : {false, true}) {
        SCOPED_TRACE(crlf ? "BOM + CRLF" : "LF");
        std::string text = crlf ? "\xEF\xBB\xBF" : "";
        for (const auto& r : rows) text += r + (crlf ? "\r\n" : "\n");
        TempDir dir;
        const std::string path = dir.write("events.csv", text);
        const ReadResult r = read_one(path);
        ASSERT_EQ(r.problems.size(), 2u);
        EXPECT_EQ(r.problems[0].to_string().rfind(path + ":6: status: unknown status 'nope'", 0), 0u);
        EXPECT_EQ(r.problems[1].to_string(),
                  path + ":8: date: '2025-02-30' is not a valid date: February 2025 has 28 days");
        ASSERT_EQ(r.events.size(), 3u);
        EXPECT_EQ(r.events[0].line, 2);
        EXPECT_EQ(r.events[0].summary, "Kosovo agreed, \"up to 50\".");
        EXPECT_EQ(r.events[0].country_name, "Kosovo");  // no BOM left on the first field
        EXPECT_EQ(r.events[1].line, 3);
        EXPECT_NE(r.events[1].summary.find("second line"), std::string::npos);
        EXPECT_NE(r.events[1].summary.find("third, with comma"), std::string::npos);
        ASSERT_EQ(r.events[1].sources.size(), 1u);
        EXPECT_EQ(r.events[1].sources[0].url, "https://example.org/p");
        EXPECT_EQ(r.events[1].sources[0].tier, SourceTier::Secondary);  // first-edition columns
        EXPECT_EQ(r.events[2].line, 9);
        // Text that looks like a format string passes through untouched.
        EXPECT_EQ(r.events[2].summary, "%s%n %x %d {} \\n");
        EXPECT_EQ(r.events[2].payment_usd, 100000);
    }
}

TEST(DataValidation, UnterminatedQuoteIsReportedAtItsRecord) {
    TempDir dir;
    const std::string path = dir.write(
        "e.csv", std::string(kHeader) + kGood2 + "Peru,PER,2025-06-25,declined,,,\"never closed,x,P,\nmore\n");
    const ReadResult r = read_one(path);
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].to_string(),
              path + ":3: row: a quoted field that starts on line 3 never ends");
    EXPECT_EQ(r.events.size(), 1u);
}

TEST(DataValidation, FileProblems) {
    TempDir dir;
    // Missing required column: nothing loads, one problem on the header line.
    const std::string no_status = dir.write("a.csv", "country_name,iso3,date\nPeru,PER,2025\n");
    ReadResult r = read_one(no_status);
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].to_string(), no_status + ":1: header: missing column 'status'");
    EXPECT_EQ(r.unreadable, (std::vector<std::string>{no_status}));
    EXPECT_TRUE(r.events.empty());

    const std::string no_country = dir.write("b.csv", "date,status,summary\n2025,contacted,x\n");
    r = read_one(no_country);
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].to_string(),
              no_country + ":1: header: missing column 'country_name or iso3'");

    const std::string empty = dir.write("c.csv", "");
    r = read_one(empty);
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].to_string(), empty + ": empty file: no header line");

    const std::string missing = dir.path("missing.csv");
    r = read_one(missing);
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].to_string(), missing + ": cannot open: No such file or directory");
    EXPECT_FALSE(r.clean());
}

TEST(DataValidation, HeaderOrderSynonymsAndExtraColumns) {
    TempDir dir;
    const std::string path = dir.write(
        "e.csv",
        "Status,Date,Country,Notes,Summary,Cumulative\n"
        "receiving,2026-02,El Salvador,ignored column,Senate report,yes\n"
        "agreed,2025-06-11,kosovo,,\"Up to 50\",\n"
        "agreed,2025-06-12,Kosovo,,x,maybe\n");
    const ReadResult r = read_one(path);
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].iso3, "SLV");
    EXPECT_TRUE(r.events[0].cumulative);
    EXPECT_EQ(r.events[1].iso3, "XKX");
    EXPECT_FALSE(r.events[1].cumulative);
    // Rows without a source load, and each is reported (the file has no source column).
    ASSERT_EQ(r.problems.size(), 3u);
    EXPECT_EQ(r.problems[0].line, 2);
    EXPECT_NE(r.problems[0].message.find("no source"), std::string::npos);
    EXPECT_EQ(r.problems[1].line, 3);
    EXPECT_EQ(r.problems[2].to_string(), path + ":4: Cumulative: 'maybe' is not yes or no");
}

TEST(DataValidation, DuplicatesAcrossFilesNameTheFirstFile) {
    TempDir dir;
    const std::string a = dir.write("a.csv", std::string(kHeader) + kGood2);
    const std::string b = dir.write("b.csv", std::string(kHeader) + kGood4 + kGood2);
    const ReadResult r = read_events({a, b}, countries(), statuses());
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].to_string(), b + ":3: row: exact duplicate of " + a + ":2");
    EXPECT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].order, 0u);
    EXPECT_EQ(r.events[1].order, 1u);
}

TEST(DataValidation, NumbersAndUrls) {
    std::string err;
    EXPECT_EQ(parse_count("1200", err), 1200);
    EXPECT_EQ(parse_count(" 1200.00 ", err), 1200);
    EXPECT_EQ(parse_count("0", err), 0);
    EXPECT_FALSE(parse_count("1,200", err));
    EXPECT_FALSE(parse_count("+5", err));
    EXPECT_FALSE(parse_count("5e3", err));
    EXPECT_FALSE(parse_count("99999999999999999999", err));
    EXPECT_EQ(err, "'99999999999999999999' is larger than 9,223,372,036,854,775,807, the most "
                   "this column accepts");
    EXPECT_EQ(parse_count("9223372036854775807", err), INT64_MAX);
    EXPECT_EQ(parse_count("-0", err), 0);
    EXPECT_EQ(parse_count("10000000", err, kMaxDeportees), kMaxDeportees);
    EXPECT_FALSE(parse_count("10000001", err, kMaxDeportees));
    EXPECT_FALSE(parse_count("-", err));
    EXPECT_FALSE(parse_count("1 000", err));
    EXPECT_TRUE(is_web_url("https://example.org"));
    EXPECT_TRUE(is_web_url("http://news.example.co.uk:8080/a/b?c=d#e"));
    EXPECT_TRUE(is_web_url("HTTPS://Example.org/path"));
    EXPECT_FALSE(is_web_url("example.org"));
    EXPECT_FALSE(is_web_url("ftp://example.org"));
    EXPECT_FALSE(is_web_url("https://localhost:x"));
    EXPECT_FALSE(is_web_url("https://nodot/"));
    EXPECT_FALSE(is_web_url("https://example.org/\"quoted\""));
}

TEST(DataValidation, NumbersUpToTheBoundsLoad) {
    TempDir dir;
    const std::string path = dir.write(
        "e.csv", std::string(kHeader) +
                     "Rwanda,RWA,2025-04,receiving,10000000,100000000000,x,https://example.org/r,P,\n"
                     "Rwanda,RWA,2025-05,receiving,10000000.00,100000000000,y,https://example.org/r,P,\n");
    const ReadResult r = read_one(path);
    EXPECT_TRUE(r.problems.empty()) << r.problems.front().to_string();
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].deportees, kMaxDeportees);
    EXPECT_EQ(r.events[1].payment_usd, kMaxPaymentUsd);
}

TEST(DataValidation, DuplicateHeaderColumnsAreReportedAndTheFirstIsRead) {
    TempDir dir;
    // `date` twice, and `country` as a synonym of `country_name` after it.
    const std::string path = dir.write(
        "e.csv",
        "country_name,date,status,date,country,summary\n"
        "Peru,2025-06-25,declined,1999-01-01,Chile,first date and name are read\n"
        "Togo,2025-03-12,contacted,not a date,,the ignored column is not checked\n");
    const ReadResult r = read_one(path);
    ASSERT_EQ(r.problems.size(), 4u);  // and "no source" on lines 2 and 3
    EXPECT_EQ(r.problems[0].to_string(),
              path + ":1: date: duplicate column (also column 2); this one, column 4, is ignored");
    EXPECT_EQ(r.problems[1].to_string(),
              path + ":1: country: duplicate column (also column 1, 'country_name'); this one, "
                     "column 5, is ignored");
    EXPECT_FALSE(r.clean());
    EXPECT_TRUE(r.unreadable.empty());
    EXPECT_EQ(r.bad_rows, 0u);
    ASSERT_EQ(r.events.size(), 2u);  // the rows still load, from the first columns
    EXPECT_EQ(r.events[0].iso3, "PER");
    EXPECT_EQ(r.events[0].date.iso(), "2025-06-25");
    EXPECT_EQ(r.events[1].iso3, "TGO");
}

TEST(DataValidation, DuplicateColumnsInAGeoJsonTable) {
    // GDAL tables (XLSX, ODS, GeoJSON) go through the same header check; a GeoJSON has
    // unique keys, so only a synonym can repeat a column there.
    TempDir dir;
    const std::string path = dir.write(
        "e.geojson",
        R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,)"
        R"("properties":{"iso3":"PER","code":"CHL","date":"2025-06-25","status":"declined"}}]})");
    const ReadResult r = read_one(path);
    ASSERT_EQ(r.problems.size(), 2u);  // and "no source" on line 2
    EXPECT_EQ(r.problems[0].to_string(),
              path + ":1: code: duplicate column (also column 1, 'iso3'); this one, column 2, "
                     "is ignored");
    EXPECT_EQ(r.problems[1].line, 2);
    ASSERT_EQ(r.events.size(), 1u);
    EXPECT_EQ(r.events[0].iso3, "PER");
}
