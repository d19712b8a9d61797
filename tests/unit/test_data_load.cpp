// Loading events through GDAL beyond CSV (XLSX, ODS, GeoJSON attributes, a .txt CSV),
// reloading a changed file while keeping the last good data, and a 100,000-row load
// benchmark that prints its time (it asserts correctness only, never a time).
#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <memory>

#include "core/data/dataset.hpp"
#include "core/data/events.hpp"
#include "data_test_util.hpp"

using namespace deportmap::data;
using deportmap::data::testing::kHeader;
using deportmap::data::testing::TempDir;

namespace {

std::shared_ptr<const CountryResolver> countries() {
    static const auto r = std::make_shared<const CountryResolver>(CountryResolver::load_default());
    return r;
}
const StatusTable& statuses() {
    static const StatusTable t = StatusTable::load_default();
    return t;
}

// Writes rows (first row = header) to a spreadsheet through GDAL; the "deportees" column
// is written as numbers, the rest as text.
bool write_sheet(const char* driver, const std::string& path,
                 const std::vector<std::vector<std::string>>& rows) {
    GDALAllRegister();
    GDALDriverH drv = GDALGetDriverByName(driver);
    if (!drv) return false;
    GDALDatasetH ds = GDALCreate(drv, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    if (!ds) return false;
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "events", nullptr, wkbNone, nullptr);
    const auto& head = rows.front();
    for (const auto& h : head) {
        OGRFieldDefnH f = OGR_Fld_Create(h.c_str(), h == "deportees" ? OFTInteger : OFTString);
        OGR_L_CreateField(layer, f, TRUE);
        OGR_Fld_Destroy(f);
    }
    for (size_t r = 1; r < rows.size(); ++r) {
        OGRFeatureH feat = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        for (size_t k = 0; k < rows[r].size(); ++k) {
            if (rows[r][k].empty()) continue;
            if (head[k] == "deportees") {
                OGR_F_SetFieldInteger(feat, static_cast<int>(k), std::stoi(rows[r][k]));
            } else {
                OGR_F_SetFieldString(feat, static_cast<int>(k), rows[r][k].c_str());
            }
        }
        if (OGR_L_CreateFeature(layer, feat) != OGRERR_NONE) {
            OGR_F_Destroy(feat);
            GDALClose(ds);
            return false;
        }
        OGR_F_Destroy(feat);
    }
    GDALClose(ds);
    return true;
}

const std::vector<std::vector<std::string>> kSheet = {
    {"country_name", "iso3", "date", "status", "deportees", "payment_usd", "summary", "source_url",
     "source_publisher", "source_date"},
    {"Kosovo", "XKX", "2025-06-11", "agreed", "50", "", "Up to 50, for a year.",
     "https://example.org/k", "Example", "2025-06-11"},
    {"Narnia", "", "2025-06-12", "agreed", "", "", "x", "https://example.org/n", "Example", ""},
    {"", "RWA", "2025-04", "receiving", "1", "100000", "%s%n", "https://example.org/r", "Example",
     "2025-04-23"},
};

void expect_sheet_result(const std::string& path, const ReadResult& r) {
    ASSERT_EQ(r.problems.size(), 1u) << (r.problems.empty() ? "" : r.problems[0].to_string());
    EXPECT_EQ(r.problems[0].to_string().rfind(path + ":3: country_name: unknown country 'Narnia'", 0), 0u)
        << r.problems[0].to_string();
    ASSERT_EQ(r.events.size(), 2u);
    EXPECT_EQ(r.events[0].iso3, "XKX");
    EXPECT_EQ(r.events[0].line, 2);
    EXPECT_EQ(r.events[0].deportees, 50);
    EXPECT_EQ(r.events[0].date, (Date{2025, 6, 11}));
    EXPECT_EQ(r.events[1].iso3, "RWA");
    EXPECT_EQ(r.events[1].line, 4);
    EXPECT_EQ(r.events[1].date, (Date{2025, 4, 0}));
    EXPECT_EQ(r.events[1].payment_usd, 100000);
    EXPECT_EQ(r.events[1].summary, "%s%n");
}

}  // namespace

TEST(DataLoad, ReadsXlsxThroughGdal) {
    TempDir dir;
    const std::string path = dir.path("events.xlsx");
    ASSERT_TRUE(write_sheet("XLSX", path, kSheet));
    expect_sheet_result(path, read_events({path}, *countries(), statuses()));
}

TEST(DataLoad, ReadsOdsThroughGdal) {
    TempDir dir;
    const std::string path = dir.path("events.ods");
    ASSERT_TRUE(write_sheet("ODS", path, kSheet));
    expect_sheet_result(path, read_events({path}, *countries(), statuses()));
}

TEST(DataLoad, ReadsGeoJsonAttributes) {
    TempDir dir;
    const std::string path = dir.write("events.geojson", R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "geometry": {"type": "Point", "coordinates": [21, 42.6]},
  "properties": {"country_name": "Kosovo", "iso3": "XKX", "date": "2025-06-11", "status": "agreed",
                 "deportees": 50, "summary": "Up to 50, for a year.", "source_url": "https://example.org/k",
                 "source_publisher": "Example", "source_date": "2025-06-11"}},
 {"type": "Feature", "geometry": null,
  "properties": {"country_name": "Narnia", "iso3": null, "date": "2025-06-12", "status": "agreed",
                 "deportees": null, "summary": "x", "source_url": "https://example.org/n",
                 "source_publisher": "Example", "source_date": null}},
 {"type": "Feature", "geometry": null,
  "properties": {"country_name": null, "iso3": "RWA", "date": "2025-04", "status": "receiving",
                 "deportees": 1, "payment_usd": 100000, "summary": "%s%n", "source_url": "https://example.org/r",
                 "source_publisher": "Example", "source_date": "2025-04-23"}}
]})");
    expect_sheet_result(path, read_events({path}, *countries(), statuses()));
}

TEST(DataLoad, ReadsCsvWithAnotherExtension) {
    TempDir dir;
    const std::string path = dir.write(
        "events.txt", std::string(kHeader) +
                          "Kosovo,XKX,2025-06-11,agreed,50,,\"Up to 50, for a year.\",https://example.org/k,Example,2025-06-11\n"
                          "Narnia,,2025-06-12,agreed,,,x,https://example.org/n,Example,\n"
                          ",RWA,2025-04,receiving,1,100000,%s%n,https://example.org/r,Example,2025-04-23\n");
    expect_sheet_result(path, read_events({path}, *countries(), statuses()));
}

TEST(DataLoad, UnreadableNonCsvFileIsAFileProblem) {
    TempDir dir;
    const std::string path = dir.write("events.xlsx", "this is not a spreadsheet");
    const ReadResult r = read_events({path}, *countries(), statuses());
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(r.problems[0].line, 0);
    EXPECT_EQ(r.problems[0].to_string().rfind(path + ": cannot read", 0), 0u);
    EXPECT_EQ(r.unreadable.size(), 1u);
}

TEST(DataLoad, SeveralFilesMerge) {
    TempDir dir;
    const std::string a = dir.write("a.csv", std::string(kHeader) +
                                                 "Peru,PER,2025-01,contacted,,,Asked.,https://example.org/1,P,\n");
    const std::string b = dir.write("b.csv", std::string(kHeader) +
                                                 "Peru,PER,2025-06-25,declined,,,No.,https://example.org/2,P,\n");
    Dataset d(countries(), statuses());
    ASSERT_TRUE(d.load({a, b}).ok);
    const int peru = countries()->find_iso3("PER");
    EXPECT_EQ(d.timeline().country_events(peru).size(), 2u);
    EXPECT_EQ(d.timeline().status_at(peru, days_from_civil(2025, 7, 1)), statuses().find("declined"));
}

TEST(DataLoad, ReloadPicksUpChangesAndKeepsLastGoodDataWhenUnreadable) {
    TempDir dir;
    const std::string path = dir.write(
        "events.csv", std::string(kHeader) + "Peru,PER,2025-01,contacted,,,Asked.,https://example.org/1,P,\n");
    Dataset d(countries(), statuses());
    EXPECT_EQ(d.generation(), 0u);
    LoadOutcome o = d.load({path});
    ASSERT_TRUE(o.ok) << o.error;
    EXPECT_EQ(d.generation(), 1u);
    EXPECT_EQ(d.timeline().events().size(), 1u);

    // The file changes on disk: a new good row and a bad one.
    dir.write("events.csv", std::string(kHeader) +
                                "Peru,PER,2025-01,contacted,,,Asked.,https://example.org/1,P,\n"
                                "Peru,PER,2025-06-25,declined,,,No.,https://example.org/2,P,\n"
                                "Peru,PER,2025-13,declined,,,Bad.,https://example.org/3,P,\n");
    o = d.reload();
    ASSERT_TRUE(o.ok) << o.error;
    EXPECT_EQ(d.generation(), 2u);
    EXPECT_EQ(d.timeline().events().size(), 2u);
    EXPECT_EQ(o.bad_rows, 1u);
    ASSERT_EQ(d.problems().size(), 1u);
    EXPECT_EQ(d.problems()[0].line, 4);

    // Half-written, it cannot be read at all: the last good data stays, and says so.
    dir.write("events.csv", "country_name,iso3,da");
    o = d.reload();
    EXPECT_FALSE(o.ok);
    EXPECT_EQ(o.error, path + ":1: header: missing column 'date', 'status' (keeping the last good data)");
    EXPECT_EQ(d.generation(), 2u);
    EXPECT_EQ(d.timeline().events().size(), 2u);
    EXPECT_EQ(d.problems().size(), 1u);

    // Deleted: the same.
    std::remove(path.c_str());
    o = d.reload();
    EXPECT_FALSE(o.ok);
    EXPECT_NE(o.error.find("cannot open"), std::string::npos);
    EXPECT_NE(o.error.find("keeping the last good data"), std::string::npos);
    EXPECT_EQ(d.timeline().events().size(), 2u);

    // Back again: it loads.
    dir.write("events.csv", std::string(kHeader) + "Togo,TGO,2025-03-12,contacted,,,Cable.,https://example.org/t,P,\n");
    o = d.reload();
    EXPECT_TRUE(o.ok);
    EXPECT_EQ(d.generation(), 3u);
    EXPECT_EQ(d.timeline().events().size(), 1u);
    EXPECT_TRUE(d.problems().empty());
}

TEST(DataLoad, AnUnreadableFileAddedToTheListIsNotKept) {
    // As a broken file dropped onto the window: the load fails, the list in use stays the
    // one that worked, so the next reload (or the next file added) is not blocked by it.
    TempDir dir;
    const std::string good = dir.write(
        "events.csv", std::string(kHeader) + "Peru,PER,2025-01,contacted,,,Asked.,https://example.org/1,P,\n");
    const std::string broken = dir.write("broken.csv", "");
    Dataset d(countries(), statuses());
    ASSERT_TRUE(d.load({good}).ok);
    const LoadOutcome o = d.load({good, broken});
    EXPECT_FALSE(o.ok);
    EXPECT_EQ(o.error, broken + ": empty file: no header line (keeping the last good data)");
    EXPECT_EQ(d.files(), std::vector<std::string>{good});
    EXPECT_TRUE(d.reload().ok);
    EXPECT_EQ(d.generation(), 2u);

    // Before anything has loaded, the list asked for is kept, so that fixing the file and
    // reloading works.
    Dataset fresh(countries(), statuses());
    EXPECT_FALSE(fresh.load({broken}).ok);
    EXPECT_EQ(fresh.files(), std::vector<std::string>{broken});
}

TEST(DataLoad, HundredThousandRowsBenchmark) {
    // A deterministic 100,000-row file: codes, names with accents and aliases, every date
    // precision, quoted summaries with commas and quotes.
    const char* const places[] = {"XKX", "Costa Rica", "RWA", "Peru", "TGO", "Tunisia", "TKM",
                                  "LBY", "South Sudan", "SSD", "Côte d'Ivoire", "Ivory Coast",
                                  "CIV", "Türkiye", "Dem. Rep. Congo", "eSwatini", "MEX",
                                  "El Salvador", "Panama", "UGA", "Ghana", "GNQ", "Uzbekistan",
                                  "840", "GB", "Burma", "Cape Verde", "East Timor"};
    const char* const keys[] = {"contacted", "negotiating", "agreed", "receiving",
                                "declined", "blocked_by_court", "court_allowed", "paused_or_ended"};
    uint32_t seed = 12345;
    auto next = [&] {
        seed = seed * 1664525u + 1013904223u;
        return seed >> 8;
    };
    std::string text = kHeader;
    const size_t kRows = 100000;
    text.reserve(kRows * 180);
    for (size_t i = 0; i < kRows; ++i) {
        const std::string place = places[next() % std::size(places)];
        const bool code = place.size() <= 3;
        const int year = 2025 + static_cast<int>(next() % 2);
        const int month = 1 + static_cast<int>(next() % 12);
        const int day = 1 + static_cast<int>(next() % 28);
        char date[16];
        switch (next() % 4) {
            case 0: std::snprintf(date, sizeof date, "%04d", year); break;
            case 1: std::snprintf(date, sizeof date, "%04d-%02d", year, month); break;
            default: std::snprintf(date, sizeof date, "%04d-%02d-%02d", year, month, day); break;
        }
        if (code) text += ',';
        text += place;
        if (!code) text += ',';
        text += ",";
        text += date;
        text += ",";
        text += keys[next() % std::size(keys)];
        text += ',';
        text += std::to_string(next() % 500);
        text += ",,\"Row ";
        text += std::to_string(i);
        text += ", reported by \"\"Example\"\"; text, with commas.\",https://example.org/story/";
        text += std::to_string(i);
        text += ",Example News,2026-01-01\n";
    }
    TempDir dir;
    const std::string path = dir.write("big.csv", text);

    const std::clock_t c0 = std::clock();
    const auto t0 = std::chrono::steady_clock::now();
    ReadResult r = read_events({path}, *countries(), statuses());
    const auto t1 = std::chrono::steady_clock::now();
    const Timeline timeline(std::move(r.events), statuses(), countries()->size());
    const auto t2 = std::chrono::steady_clock::now();
    const std::clock_t c2 = std::clock();
    std::vector<StatusIndex> out;
    std::vector<int> counts;
    size_t coloured = 0;
    const Day first = days_from_civil(2025, 1, 1);
    for (Day d = first; d < first + 730; ++d) {
        timeline.statuses_at(d, out);
        timeline.counts_at(d, counts);
        coloured += static_cast<size_t>(std::count_if(out.begin(), out.end(),
                                                      [](StatusIndex s) { return s != kNoStatus; }));
    }
    const auto t3 = std::chrono::steady_clock::now();
    auto ms = [](auto a, auto b) { return std::chrono::duration<double, std::milli>(b - a).count(); };
    // Wall time depends on what else the machine runs; CPU time is this process's own.
    std::printf("[ bench    ] %zu rows, %.1f MB: read + validate %.0f ms, timeline %.0f ms, "
                "load total %.0f ms wall (%.0f ms CPU); 730 days of statuses_at + counts_at "
                "%.1f ms\n",
                kRows, text.size() / 1e6, ms(t0, t1), ms(t1, t2), ms(t0, t2),
                1000.0 * static_cast<double>(c2 - c0) / CLOCKS_PER_SEC, ms(t2, t3));

    ASSERT_TRUE(r.problems.empty()) << r.problems.front().to_string();
    EXPECT_EQ(timeline.events().size(), kRows);
    EXPECT_EQ(r.rows, kRows);
    EXPECT_GT(coloured, 0u);
    // Spot-check the last row survived quoting intact.
    bool found = false;
    for (const Event& e : timeline.events()) {
        if (e.line == static_cast<int>(kRows) + 1) {
            found = true;
            EXPECT_EQ(e.summary, "Row 99999, reported by \"Example\"; text, with commas.");
        }
    }
    EXPECT_TRUE(found);
}
