// Runs the built binary (DEPORTMAP_BINARY) for `validate` and `status` on the fixtures in
// tests/fixtures/data/: exit codes, the FILE:LINE: field lines, the summary line, and the
// table, CSV and JSON outputs.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "data_test_util.hpp"
#include "run_binary.hpp"

namespace {

using deportmap::test::RunResult;
using deportmap::test::split_lines;

// Runs deportmap with `args`, capturing stdout and stderr (no display needed).
RunResult run_deportmap(const std::vector<std::string>& args) { return deportmap::test::run_deportmap_headless(args); }

std::string fixture(const char* name) { return std::string(DEPORTMAP_TEST_FIXTURES) + "/data/" + name; }

class DataCli : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(std::filesystem::exists(DEPORTMAP_BINARY))
            << DEPORTMAP_BINARY << " is missing: build the deportmap target first";
    }
};

}  // namespace

TEST_F(DataCli, ValidateCleanFileExitsZero) {
    const RunResult r = run_deportmap({"validate", fixture("events_clean.csv")});
    EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_EQ(split_lines(r.out),
              (std::vector<std::string>{"1 file, 7 rows: 7 good, 0 bad (0 problems)"}));
}

TEST_F(DataCli, ValidateBadFilePrintsEachProblemAndExitsOne) {
    const std::string f = fixture("events_bad.csv");
    const RunResult r = run_deportmap({"validate", f});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    const auto out = split_lines(r.out);
    ASSERT_EQ(out.size(), 4u) << r.out;
    EXPECT_EQ(out[0], f + ":3: country_name: unknown country 'Narnia'");
    EXPECT_EQ(out[1].rfind(f + ":4: status: unknown status 'refused'", 0), 0u) << out[1];
    // Line 4's record spans two lines, so the next record starts on line 6.
    EXPECT_EQ(out[2], f + ":6: date: '2025-02-30' is not a valid date: February 2025 has 28 days");
    EXPECT_EQ(out[3], "1 file, 5 rows: 2 good, 3 bad (3 problems)");
}

TEST_F(DataCli, ValidateSeveralFilesAndUsageErrors) {
    RunResult r =
        run_deportmap({"validate", fixture("events_clean.csv"), fixture("events_bad.csv")});
    EXPECT_EQ(r.exit_code, 1);
    // events_bad.csv line 2 repeats events_clean.csv line 3 exactly.
    EXPECT_NE(r.out.find(fixture("events_bad.csv") + ":2: row: exact duplicate of " +
                         fixture("events_clean.csv") + ":3"),
              std::string::npos)
        << r.out;
    EXPECT_NE(r.out.find("2 files, 12 rows: 8 good, 4 bad (4 problems)"), std::string::npos) << r.out;

    r = run_deportmap({"validate"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("at least one events file"), std::string::npos) << r.err;

    r = run_deportmap({"validate", "--bogus", fixture("events_clean.csv")});
    EXPECT_EQ(r.exit_code, 2);

    r = run_deportmap({"validate", fixture("no_such_file.csv")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.out.find("no_such_file.csv: cannot open"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1 unreadable"), std::string::npos) << r.out;
}

TEST_F(DataCli, ValidateWithAnotherStatusTable) {
    // The custom table has no "negotiating": a row using it becomes bad.
    deportmap::data::testing::TempDir dir;
    const std::string f = dir.write(
        "e.csv", std::string(deportmap::data::testing::kHeader) +
                     "Peru,PER,2025-06-16,negotiating,,,x,https://example.org/p,P,\n"
                     "Peru,PER,2025-06-25,declined,,,x,https://example.org/p2,P,\n");
    RunResult r = run_deportmap({"validate", f, "--statuses", fixture("statuses_custom.csv")});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.out.find(f + ":2: status: unknown status 'negotiating' (known: contacted, agreed, "
                             "receiving, declined, blocked_by_court)"),
              std::string::npos)
        << r.out;
    r = run_deportmap({"validate", f});
    EXPECT_EQ(r.exit_code, 0) << r.out;

    const std::string bad_table = dir.write("s.csv", "key,label\nx,X\n");
    r = run_deportmap({"validate", f, "--statuses", bad_table});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.out.find(bad_table + ":1: header: missing column"), std::string::npos) << r.out;
}

TEST_F(DataCli, StatusJsonOnAFixture) {
    const RunResult r = run_deportmap({"status", "--date", "2025-06-30", "--data",
                                       fixture("events_clean.csv"), "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_TRUE(r.err.empty()) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_TRUE(j.is_array());
    ASSERT_EQ(j.size(), 3u);  // Kosovo, Peru, Rwanda (Côte d'Ivoire only from July)
    EXPECT_EQ(j[0]["iso3"], "XKX");
    EXPECT_EQ(j[0]["name"], "Kosovo");
    EXPECT_EQ(j[0]["status"], "agreed");
    EXPECT_EQ(j[0]["since"], "2025-06-11");
    EXPECT_EQ(j[0]["approximate"], false);
    EXPECT_EQ(j[0]["deportees"], 50);
    EXPECT_TRUE(j[0]["payment_usd"].is_null());
    EXPECT_TRUE(j[0]["deportees_to_date"].is_null());
    EXPECT_EQ(j[0]["source_url"], "https://example.org/kosovo-agreed");
    EXPECT_EQ(j[0]["source_publisher"], "Example Wire");
    EXPECT_EQ(j[1]["iso3"], "PER");
    EXPECT_EQ(j[1]["summary"], "Said no,\ndespite repeated requests.");
    EXPECT_EQ(j[2]["iso3"], "RWA");
    EXPECT_EQ(j[2]["since"], "2025-04");
    EXPECT_EQ(j[2]["approximate"], true);
    EXPECT_TRUE(j[2]["deportees_to_date"].is_number_integer());
    EXPECT_EQ(j[2]["deportees_to_date"], 1);
    EXPECT_EQ(j[2]["payments_to_date_usd"], 100000);
    // Format-like text passes through untouched.
    EXPECT_EQ(j[2]["summary"], "One man arrived; the text keeps %s%n and {} as written.");
}

TEST_F(DataCli, StatusAllListsCountriesWithoutEventsAsNull) {
    const RunResult r = run_deportmap({"status", "--date", "2025-06-30", "--data",
                                       fixture("events_clean.csv"), "--format", "json", "--all"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_GT(j.size(), 240u);
    size_t with_status = 0;
    bool france = false;
    for (const auto& o : j) {
        if (!o["status"].is_null()) ++with_status;
        if (o["iso3"] == "FRA") {
            france = true;
            EXPECT_TRUE(o["status"].is_null());
            EXPECT_TRUE(o["since"].is_null());
            EXPECT_EQ(o["name"], "France");
        }
    }
    EXPECT_EQ(with_status, 3u);
    EXPECT_TRUE(france);
}

TEST_F(DataCli, StatusCsvAndCountryAndTable) {
    RunResult r =
        run_deportmap({"status", "--date", "2025-07-31", "--data", fixture("events_clean.csv"),
                       "--format", "csv", "--country", "Ivory Coast"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    auto out = split_lines(r.out);
    ASSERT_EQ(out.size(), 2u) << r.out;
    EXPECT_EQ(out[0],
              "iso3,name,status,since,approximate,deportees,payment_usd,source_url,source_publisher,"
              "deportees_to_date,payments_to_date_usd,summary");
    EXPECT_EQ(out[1],
              "CIV,Côte d'Ivoire,contacted,2025-07-09,false,,,https://example.org/civ,Example Wire,,,"
              "Asked ahead of a summit.");

    // A country without events is still printed when asked for by name.
    r = run_deportmap({"status", "--date", "2025-07-31", "--data", fixture("events_clean.csv"),
                   "--format", "csv", "--country", "FR"});
    ASSERT_EQ(r.exit_code, 0);
    out = split_lines(r.out);
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[1], "FRA,France,,,,,,,,,,");

    r = run_deportmap({"status", "--date", "2025-06-30", "--data", fixture("events_clean.csv")});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.rfind("Country", 0), 0u);
    EXPECT_NE(r.out.find("Rwanda"), std::string::npos);
    EXPECT_NE(r.out.find("April 2025"), std::string::npos);
    EXPECT_NE(r.out.find("100,000"), std::string::npos);
    EXPECT_NE(r.out.find("D. Mass.: a test ruling"), std::string::npos);
}

TEST_F(DataCli, StatusReportsBadRowsOnStderrAndUsesTheGoodOnes) {
    const std::string f = fixture("events_bad.csv");
    const RunResult r =
        run_deportmap({"status", "--date", "2025-12-31", "--data", f, "--format", "csv"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.err.find(f + ":3: country_name: unknown country 'Narnia'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("3 bad rows left out"), std::string::npos) << r.err;
    const auto out = split_lines(r.out);
    ASSERT_EQ(out.size(), 3u) << r.out;
    EXPECT_EQ(out[1].substr(0, 4), "XKX,");
    EXPECT_EQ(out[2].substr(0, 4), "TUN,");
}

TEST_F(DataCli, StatusUsageErrorsExitTwo) {
    EXPECT_EQ(run_deportmap({"status"}).exit_code, 2);
    RunResult r = run_deportmap({"status", "--date", "2025-02-30"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("February 2025 has 28 days"), std::string::npos) << r.err;
    r = run_deportmap({"status", "--date", "2025", "--format", "xml"});
    EXPECT_EQ(r.exit_code, 2);
    r = run_deportmap({"status", "--date", "2025", "--country", "Korea"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("ambiguous"), std::string::npos) << r.err;
    r = run_deportmap({"status", "--date", "2025", "--country", "Nambia"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_NE(r.err.find("closest: Namibia"), std::string::npos) << r.err;
    r = run_deportmap({"status", "--date", "2025", "--data", "/nonexistent/events.csv"});
    EXPECT_EQ(r.exit_code, 1);
}

TEST_F(DataCli, StatusOnTheBundledDataset) {
    const RunResult r =
        run_deportmap({"status", "--date", "2025-06-25", "--country", "XKX", "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j.size(), 1u);
    EXPECT_EQ(j[0]["name"], "Kosovo");
    EXPECT_EQ(j[0]["status"], "agreed");
    EXPECT_EQ(j[0]["deportees"], 50);

    const RunResult table = run_deportmap({"status", "--date", "2025-06-25"});
    ASSERT_EQ(table.exit_code, 0) << table.err;
    EXPECT_NE(table.out.find("Countries named in the data: 53."), std::string::npos) << table.out;
    EXPECT_NE(table.out.find("Data through 17 May 2026."), std::string::npos) << table.out;
    EXPECT_NE(table.out.find("Stated: 58 countries"), std::string::npos) << table.out;
    EXPECT_NE(table.out.find("https://"), std::string::npos);
}

TEST_F(DataCli, HugeNumbersAreProblemsAndTotalsStayTrue) {
    // Two rows at the int64_t maximum used to pass `validate` and wrap the totals to a
    // negative number; now they are problems, and the rows at the bounds add up exactly.
    deportmap::data::testing::TempDir dir;
    const std::string f = dir.write(
        "huge.csv",
        std::string(deportmap::data::testing::kHeader) +
            "Rwanda,RWA,2025-04,receiving,9223372036854775807,,a,https://example.org/r,P,\n"
            "Rwanda,RWA,2025-05,receiving,9223372036854775807,9223372036854775807,b,https://example.org/r,P,\n"
            "Panama,PAN,2025-02,receiving,10000000,100000000000,c,https://example.org/p,P,\n"
            "Panama,PAN,2025-03,receiving,10000000,100000000000,d,https://example.org/p,P,\n");
    RunResult r = run_deportmap({"validate", f});
    EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
    const auto out = split_lines(r.out);
    ASSERT_EQ(out.size(), 4u) << r.out;
    EXPECT_EQ(out[0], f + ":2: deportees: '9223372036854775807' is larger than 10,000,000, the "
                          "most this column accepts");
    EXPECT_EQ(out[1].rfind(f + ":3: deportees: ", 0), 0u) << out[1];
    EXPECT_EQ(out[2], f + ":3: payment_usd: '9223372036854775807' is larger than "
                          "100,000,000,000, the most this column accepts");

    r = run_deportmap({"status", "--date", "2025-12-31", "--data", f});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.out.find("Deportees received to date: 20,000,000; payments to date: "
                         "$200,000,000,000."),
              std::string::npos)
        << r.out;
}

TEST_F(DataCli, StatusJsonGivesTheSourcesOfTheSettingEvent) {
    const RunResult r =
        run_deportmap({"status", "--date", "2026-04-30", "--country", "COD", "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j.size(), 1u);
    EXPECT_EQ(j[0]["status"], "receiving");
    ASSERT_TRUE(j[0]["sources"].is_array());
    ASSERT_GE(j[0]["sources"].size(), 1u);
    for (const auto& s : j[0]["sources"]) {
        for (const char* key : {"url", "publisher", "outlet", "published", "tier"}) {
            EXPECT_TRUE(s.contains(key)) << key << " in " << s.dump();
        }
        EXPECT_EQ(s["url"].get<std::string>().rfind("http", 0), 0u);
    }
    // The first edition's fields stay, from the first source.
    EXPECT_EQ(j[0]["source_url"], j[0]["sources"][0]["url"]);
}

TEST_F(DataCli, NoCountryIsContactedOnTheFirstOfJanuary2025) {
    const RunResult r = run_deportmap({"status", "--date", "2025-01-01", "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(nlohmann::json::parse(r.out).size(), 0u) << r.out;
}

TEST_F(DataCli, ADatePastTheDataWarnsButAnswers) {
    const RunResult r = run_deportmap({"status", "--date", "2030"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("warning: the data runs through 17 May 2026"), std::string::npos) << r.err;
    EXPECT_NE(r.out.find("Data through 17 May 2026."), std::string::npos);
    const RunResult inside = run_deportmap({"status", "--date", "2026-03"});
    EXPECT_EQ(inside.err.find("warning: the data runs through"), std::string::npos) << inside.err;
}

TEST_F(DataCli, SourcesListsEverySourceAsCsvJsonAndTable) {
    const RunResult csv = run_deportmap({"sources", "--format", "csv"});
    ASSERT_EQ(csv.exit_code, 0) << csv.err;
    const auto lines = split_lines(csv.out);
    ASSERT_GT(lines.size(), 141u);
    EXPECT_EQ(lines[0], "iso3,country,date,status,url,publisher,outlet,published,tier");
    const RunResult json = run_deportmap({"sources", "--format", "json"});
    ASSERT_EQ(json.exit_code, 0) << json.err;
    const auto j = nlohmann::json::parse(json.out);
    EXPECT_EQ(j.size(), lines.size() - 1);
    size_t weak = 0;
    for (const auto& row : j) weak += row["tier"] == "weak";
    EXPECT_LE(weak * 100, j.size() * 15);
    const RunResult table = run_deportmap({"sources"});
    ASSERT_EQ(table.exit_code, 0) << table.err;
    EXPECT_EQ(table.out.rfind("Country", 0), 0u);
    EXPECT_NE(table.out.find(std::to_string(j.size()) + " sources, " + std::to_string(weak) + " of them weak."),
              std::string::npos);
    // --date keeps the facts known by then; a user's file lists its own sources.
    const RunResult early = run_deportmap({"sources", "--format", "json", "--date", "2025-03-01"});
    ASSERT_EQ(early.exit_code, 0);
    EXPECT_LT(nlohmann::json::parse(early.out).size(), j.size());
    const RunResult own = run_deportmap({"sources", "--format", "csv", "--data", fixture("events_clean.csv")});
    ASSERT_EQ(own.exit_code, 0) << own.err;
    EXPECT_NE(own.out.find(",Example Wire,Example Wire,2025-06-11,secondary"), std::string::npos) << own.out;
    EXPECT_EQ(run_deportmap({"sources", "--format", "xml"}).exit_code, 2);
}

TEST_F(DataCli, ValidateCountsWarningsApartAndExitsZeroOnWarningsAlone) {
    deportmap::data::testing::TempDir dir;
    const std::string e = dir.write("e.csv", "id,country_name,date,status\na,Angola,2025-06-25,contacted\n");
    const std::string s = dir.write("s.csv", "event_id,url,publisher,published,tier\na,https://example.org/a,Blog,2025-06-25,weak\n");
    const RunResult r = run_deportmap({"validate", e, s});
    EXPECT_EQ(r.exit_code, 0) << r.out;
    const auto out = split_lines(r.out);
    ASSERT_EQ(out.size(), 2u) << r.out;
    EXPECT_EQ(out[0], e + ":2: source_tier: warning: every source of this event is weak (single weak source)");
    EXPECT_EQ(out[1], "2 files, 2 rows: 2 good, 0 bad (1 problem, 1 of them warnings); 1 of the rows are sources");
}
