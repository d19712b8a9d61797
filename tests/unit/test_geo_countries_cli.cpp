// `deportmap countries` end to end (runs the built binary): CSV header and rows, CSV
// quoting, JSON structure, --boundaries with a committed fixture, --timings on stderr,
// and exit codes for bad files and bad options.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "run_binary.hpp"
#include "scratch.hpp"

namespace {

using Output = deportmap::test::RunResult;
using deportmap::test::split_lines;

// `deportmap countries` with `args`.
Output run(std::vector<std::string> args) {
    args.insert(args.begin(), "countries");
    return deportmap::test::run_deportmap(std::move(args));
}

const std::string kFixture = std::string(DEPORTMAP_TEST_FIXTURES) + "/geo/enclave.geojson";

}  // namespace

TEST(GeoCountriesCli, BinaryExists) {
    ASSERT_TRUE(std::filesystem::exists(DEPORTMAP_BINARY)) << "build the deportmap target first";
}

TEST(GeoCountriesCli, BundledCsv) {
    const Output r = run({});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = split_lines(r.out);
    ASSERT_EQ(rows.size(), 256u) << "header + 255 countries";
    EXPECT_EQ(rows[0],
              "iso3,name,polygons_110m,rings_110m,vertices_110m,polygons_50m,rings_50m,vertices_50m,"
              "polygons_10m,rings_10m,vertices_10m");
    bool kosovo = false, palau = false;
    for (const std::string& row : rows) {
        kosovo = kosovo || row.rfind("XKX,Kosovo,", 0) == 0;
        if (row.rfind("PLW,", 0) == 0) {
            palau = true;
            EXPECT_NE(row.find(",0,0,0,"), std::string::npos) << "no own 110m shape: " << row;
        }
    }
    EXPECT_TRUE(kosovo);
    EXPECT_TRUE(palau);
}

TEST(GeoCountriesCli, BundledJson) {
    const Output r = run({"--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_TRUE(j.is_array());
    EXPECT_EQ(j.size(), 255u);
    bool found = false;
    for (const auto& c : j) {
        if (c["iso3"] != "PLW") continue;
        found = true;
        EXPECT_EQ(c["levels"]["110m"]["present"], false);
        EXPECT_EQ(c["levels"]["50m"]["present"], true);
        EXPECT_GT(c["levels"]["10m"]["vertices"].get<int>(), 0);
    }
    EXPECT_TRUE(found);
}

TEST(GeoCountriesCli, OtherBoundariesAndQuoting) {
    const Output r = run({"--boundaries", kFixture});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto rows = split_lines(r.out);
    ASSERT_EQ(rows.size(), 4u);
    EXPECT_EQ(rows[1], "ENC,\"Enclave, the\",1,1,4,1,1,4,1,1,4");
    EXPECT_EQ(rows[2], "ISL,Islands,2,2,7,2,2,7,2,2,7");
    EXPECT_EQ(rows[3], "OUT,Outer Land,1,2,8,1,2,8,1,2,8");
}

TEST(GeoCountriesCli, NamedFields) {
    const Output r = run({"--boundaries", kFixture, "--id-field", "NAME", "--name-field", "ADM0_A3",
                          "--format", "json"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j.size(), 3u);
    EXPECT_EQ(j[0]["iso3"], "Enclave, the");
    EXPECT_EQ(j[0]["name"], "ENC");
}

TEST(GeoCountriesCli, Timings) {
    const Output r = run({"--boundaries", kFixture, "--timings", "--projection", "robinson"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    for (const char* level : {"\n110m ", "\n50m ", "\n10m "}) {
        EXPECT_NE(r.err.find(level), std::string::npos) << r.err;
    }
    EXPECT_NE(r.err.find("load_ms"), std::string::npos);
    EXPECT_NE(r.err.find("robinson"), std::string::npos);
}

TEST(GeoCountriesCli, Errors) {
    Output r = run({"--boundaries", "/nonexistent/boundaries.gpkg"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("/nonexistent/boundaries.gpkg"), std::string::npos) << r.err;
    EXPECT_EQ(split_lines(r.err).size(), 1u) << r.err;
    r = run({"--boundaries", kFixture, "--id-field", "NOPE"});
    EXPECT_EQ(r.exit_code, 1);
    EXPECT_NE(r.err.find("NOPE"), std::string::npos) << r.err;
    r = run({"--format", "xml"});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    r = run({"--projection", "orthographic-ish"});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    r = run({"--help"});
    EXPECT_EQ(r.exit_code, 0);
    EXPECT_NE(r.out.find("--boundaries"), std::string::npos);
}

// A polygon the loader leaves out is named on stderr; the other countries are listed.
TEST(GeoCountriesCli, LeftOutPolygonsAreNamed) {
    const std::filesystem::path dir = deportmap::test::fresh_scratch_dir("countries_skipped");
    const std::string path = (dir / "b.geojson").string();
    std::ofstream(path) << R"({"type":"FeatureCollection","features":[)"
                           R"({"type":"Feature","properties":{"iso_a3":"AAA","name":"Good"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]]]}},)"
                           R"({"type":"Feature","properties":{"iso_a3":"BBB","name":"Far"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1e300,0],[1e300,10],[0,10],[0,0]]]}}]})";
    const Output r = run({"--boundaries", path});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_NE(r.err.find("deportmap: note: " + path + ": feature 2 (BBB): polygon 1 skipped: point 2 of its outer "
                         "ring (1e+300, 0) is not a longitude/latitude in degrees"),
              std::string::npos)
        << r.err;
    EXPECT_NE(r.out.find("AAA,Good"), std::string::npos) << r.out;
}
