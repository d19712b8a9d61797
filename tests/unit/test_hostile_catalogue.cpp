// Issue 16's hostile-input catalogue: files someone might email the newsroom (empty,
// random bytes under every extension, broken CSV, huge fields and rows, format
// specifiers, impossible dates and counts, degenerate and enormous geometry, a cut
// GeoPackage, images that are not images or claim 30000x30000, broken sidecars and
// stories), each made here in the test's scratch folder and run through every entry
// point of the built program that takes such a file: validate, status --data,
// countries --boundaries, export --data / --boundaries / --logo / --from, and
// validate --story. Absurd page sizes and bad output paths are in the table too.
//
// Every run is a real process (tests/support/run_binary.hpp: argv, never a shell) under
// a memory cap: the argv starts with `prlimit --as=2147483648 --`, so a run that
// needs more than 2 GiB of address space fails its allocation (and then this test, by
// its exit code or signal) instead of passing on a large machine. Under AddressSanitizer
// (./test.sh --sanitize) the cap is left off, since ASan reserves terabytes of address
// space for its shadow memory before main, and the time bounds are multiplied by
// kSanitizerSlowdown; the cases and their expected lines are the same. For each run the test
// asserts the exit code, that no signal ended it and it did not time out, that it took
// less than a generous bound (a guard against hangs, not a benchmark; the measured
// figures are in docs/hostile-inputs.md and printed here), and the exact lines it
// printed: each expected line must be a whole line of stdout or stderr ("...*" at the
// end: a line starting so, where the rest is a random byte). A run that fails must name
// its file. One table row per file; the ctest names are unit.HostileCatalogue.File/NAME.
#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "run_binary.hpp"
#include "scratch.hpp"

namespace {

namespace fs = std::filesystem;
using deportmap::test::RunResult;

// One run of the program on a case's file. In args, {F} is the file's path and {D} the
// case's scratch folder; in lines, {F} is the file's path.
struct Call {
    Call(std::vector<std::string> a, int c, std::vector<std::string> l)
        : args(std::move(a)), code(c), lines(std::move(l)) {}
    std::vector<std::string> args;
    int code = 0;
    std::vector<std::string> lines;
    double max_seconds = 60.0;  // the hang guard
    std::string writes;         // a file (under {D}) that must exist afterwards, or ""
};

// One hostile file and what every entry point that takes it must do with it.
struct Case {
    std::string name;  // the test's name
    std::string file;  // its base name in the scratch folder ("": the runs take no file)
    std::function<void(const std::string& path)> make;
    std::vector<Call> calls;
};
// How GoogleTest shows a case (its name, not its bytes).
void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

const std::string kHeader =
    "country_name,iso3,date,status,deportees,payment_usd,summary,source_url,source_publisher,"
    "source_date";
const std::string kFormat = "%s%n%x";

void write(const std::string& path, const std::string& bytes) {
    deportmap::test::write_file(path, bytes);
}

// A maker that writes `bytes`.
std::function<void(const std::string&)> bytes(std::string text) {
    return [text = std::move(text)](const std::string& path) { write(path, text); };
}

// `n` bytes from a fixed seed (the same file on every run and machine).
std::function<void(const std::string&)> random_bytes(size_t n = 4096) {
    return [n](const std::string& path) {
        std::mt19937 gen(16);
        std::string s(n, '\0');
        for (char& c : s) c = static_cast<char>(gen() & 0xFF);
        s[0] = static_cast<char>(0xB3);  // never a readable first character
        write(path, s);
    };
}

// An events file: the header and `rows` (each without its line end).
std::function<void(const std::string&)> events(std::vector<std::string> rows) {
    return [rows = std::move(rows)](const std::string& path) {
        std::string s = kHeader + "\n";
        for (const std::string& r : rows) s.append(r).append("\n");
        write(path, s);
    };
}

// A row of Kosovo, 2025-04-01, contacted, with the date, counts and summary given.
std::string row(const std::string& date = "2025-04-01", const std::string& count = "",
                const std::string& summary = "x") {
    std::string r = "Kosovo,XKX,";
    r.append(date).append(",receiving,").append(count).append(",").append(count).append(",");
    return r.append(summary).append(",https://example.org/a,Example Wire,2025-04-01");
}

// A GeoJSON FeatureCollection of one feature with `properties` and `geometry` (JSON text).
std::function<void(const std::string&)> geojson(std::string properties, std::string geometry) {
    return [properties = std::move(properties), geometry = std::move(geometry)](const std::string& path) {
        std::string s = R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)";
        s.append(properties).append(R"(,"geometry":)").append(geometry).append("}]}");
        write(path, s);
    };
}
const std::string kRwanda = R"({"iso3":"RWA","name":"Rwanda"})";
std::string polygon(const std::string& ring) { return R"({"type":"Polygon","coordinates":[)" + ring + "]}"; }

// One ring of `n` vertices around Rwanda (a star: alternately 1.0 and 1.05 times the
// radius, so no three neighbours are collinear and the tessellator has work to do).
void million_vertices(const std::string& path, int n = 1000000) {
    std::string ring = "[";
    char buf[64];
    for (int i = 0; i <= n; ++i) {
        const double a = 2.0 * M_PI * (i % n) / n;
        const double r = 1.5 * ((i % n) % 2 == 0 ? 1.0 : 1.05);
        std::snprintf(buf, sizeof buf, "%s[%.7f,%.7f]", i == 0 ? "" : ",", 30.0 + r * std::cos(a),
                      -2.0 + r * std::sin(a));
        ring += buf;
    }
    ring += "]";
    geojson(kRwanda, polygon(ring))(path);
}

// A real GeoPackage of 200 countries (made through GDAL's C API), then cut to half its
// size, as a download that stopped half way.
void truncated_geopackage(const std::string& path) {
    GDALAllRegister();
    const std::string whole = path + ".whole.gpkg";
    GDALDriverH driver = GDALGetDriverByName("GPKG");
    ASSERT_NE(driver, nullptr);
    GDALDatasetH ds = GDALCreate(driver, whole.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    ASSERT_NE(ds, nullptr);
    OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(wgs84, 4326);
    OGRLayerH layer = GDALDatasetCreateLayer(ds, "countries", wgs84, wkbPolygon, nullptr);
    for (const char* field : {"iso3", "name"}) {
        OGRFieldDefnH f = OGR_Fld_Create(field, OFTString);
        OGR_L_CreateField(layer, f, TRUE);
        OGR_Fld_Destroy(f);
    }
    for (int i = 0; i < 200; ++i) {
        std::string wkt = "POLYGON((";
        char point[64];
        for (int k = 0; k <= 400; ++k) {
            const double a = 2.0 * M_PI * (k % 400) / 400.0;
            std::snprintf(point, sizeof point, "%s%.6f %.6f", k == 0 ? "" : ",",
                          -170.0 + 1.7 * i + 0.5 * std::cos(a), 0.5 * std::sin(a));
            wkt += point;
        }
        wkt += "))";
        char iso3[8], name[32];
        std::snprintf(iso3, sizeof iso3, "Q%02d", i % 100);
        std::snprintf(name, sizeof name, "Country %d", i);
        OGRFeatureH feature = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetFieldString(feature, 0, i == 0 ? "RWA" : iso3);
        OGR_F_SetFieldString(feature, 1, name);
        OGRGeometryH g = nullptr;
        char* text = wkt.data();
        OGR_G_CreateFromWkt(&text, wgs84, &g);
        OGR_F_SetGeometryDirectly(feature, g);
        EXPECT_EQ(OGR_L_CreateFeature(layer, feature), OGRERR_NONE);
        OGR_F_Destroy(feature);
    }
    OSRDestroySpatialReference(wgs84);
    GDALClose(ds);
    const std::string data = deportmap::test::slurp(whole);
    ASSERT_GT(data.size(), 100000u);
    write(path, data.substr(0, data.size() / 2));
    fs::remove(whole);
}

// A PNG whose header says 30000x30000 (RGBA), with one tiny IDAT: a decoder that trusts
// the header asks for 3.6 GB.
void png_claiming_30000(const std::string& path) {
    const auto be32 = [](uint32_t v) {
        return std::string{static_cast<char>(v >> 24), static_cast<char>(v >> 16),
                           static_cast<char>(v >> 8), static_cast<char>(v)};
    };
    std::string s = "\x89PNG\r\n\x1a\n";
    s += be32(13) + "IHDR" + be32(30000) + be32(30000) + std::string("\x08\x06\x00\x00\x00", 5);
    s += be32(0x5a2d6b60);  // the chunk's CRC (not checked before the size by stb_image)
    s += be32(0) + "IEND" + be32(0xae426082);
    write(path, s);
}

// A sidecar ("format" and "parameters" as `export` writes them) with these parameters.
std::function<void(const std::string&)> sidecar(const std::string& parameters) {
    return bytes(R"({"format":"deportmap-export-sidecar","format_version":1,"parameters":)" + parameters + "}\n");
}

// A story of one step with these keys (TOML lines).
std::function<void(const std::string&)> story(const std::string& step) {
    return bytes("title = \"x\"\n\n[[step]]\n" + step);
}

// --- the entry points -------------------------------------------------------------

const std::vector<std::string> kSmall = {"--width", "320", "--height", "180", "--quiet"};

Call validate(int code, std::vector<std::string> lines) { return {{"validate", "{F}"}, code, std::move(lines)}; }
Call status(int code, std::vector<std::string> lines) {
    return {{"status", "--date", "2025-06-30", "--data", "{F}", "--format", "csv"}, code, std::move(lines)};
}
Call exporting(const std::string& option, int code, std::vector<std::string> lines) {
    Call r{{"export", option, "{F}", "--out", "{D}/out.png"}, code, std::move(lines)};
    r.args.insert(r.args.end(), kSmall.begin(), kSmall.end());
    if (code == 0) r.writes = "out.png";
    return r;
}
Call countries(int code, std::vector<std::string> lines) {
    return {{"countries", "--boundaries", "{F}"}, code, std::move(lines)};
}
Call from(int code, std::vector<std::string> lines) {
    return {{"export", "--from", "{F}", "--out", "{D}/out.png", "--quiet"}, code, std::move(lines)};
}
Call story_check(int code, std::vector<std::string> lines) {
    return {{"validate", "--story", "{F}"}, code, std::move(lines)};
}
// export with these options (no file) into {D}/out.png.
Call export_args(std::vector<std::string> args, int code, std::vector<std::string> lines) {
    args.insert(args.begin(), "export");
    args.insert(args.end(), "--quiet");
    return {std::move(args), code, std::move(lines)};
}
Call with_bound(Call r, double seconds) {
    r.max_seconds = seconds;
    return r;
}

// The one-file summary of validate.
std::string summary(int rows, int good, int bad, int problems) {
    const std::string p = problems == 1 ? " problem)" : " problems)";
    return "1 file, " + std::to_string(rows) + (rows == 1 ? " row: " : " rows: ") + std::to_string(good) +
           " good, " + std::to_string(bad) + " bad (" + std::to_string(problems) + p;
}
const std::string kUnreadable = "1 file, 0 rows: 0 good, 0 bad, 1 unreadable (1 problem)";

// The three events entry points on a file they cannot read: validate says `why` with its
// summary; status and export say it, export after "deportmap: ".
std::vector<Call> unreadable_events(const std::string& why) {
    return {validate(1, {why, kUnreadable}), status(1, {why}), exporting("--data", 1, {"deportmap: " + why})};
}
// The same for a file whose every row is bad (each problem a line): validate fails;
// status and export leave the rows out, saying so with each problem (export: the
// first, as a note).
std::vector<Call> bad_rows(std::vector<std::string> problems, int rows) {
    const int n = static_cast<int>(problems.size());
    const std::string left_out = std::to_string(rows) + (rows == 1 ? " bad row" : " bad rows") + " left out";
    std::vector<std::string> v = problems;
    v.push_back(summary(rows, 0, rows, n));
    std::vector<std::string> s = problems;
    s.push_back("deportmap: " + left_out + "; the other rows are used");
    return {validate(1, v), status(0, s),
            exporting("--data", 0, {"deportmap: note: " + problems.front(),
                                    "deportmap: note: " + left_out + " (run deportmap validate)"})};
}
// Both boundaries entry points on a file they refuse with `why`.
std::vector<Call> bad_boundaries(const std::string& why) {
    return {countries(1, {"deportmap: " + why}), exporting("--boundaries", 1, {"deportmap: " + why})};
}
// Both on a file that loads, noting `note` (a polygon left out) when given.
std::vector<Call> boundaries_load(const std::string& csv_line, const std::string& note = "") {
    std::vector<std::string> c = {csv_line};
    std::vector<std::string> e;
    if (!note.empty()) {
        c.push_back("deportmap: note: " + note);
        e.push_back("deportmap: note: " + note);
    }
    return {countries(0, c), exporting("--boundaries", 0, e)};
}

const std::string kNotGdal = "{F}: cannot read: not a table GDAL can read";
const std::string kNotFormat = "{F}: cannot read boundaries: `{F}' not recognized as a supported file format";
const std::string kNoSteps = "{F}: no [[step]] tables: a story needs at least one step";
std::string not_number(const std::string& field, const std::string& v) {
    return "{F}:2: " + field + ": '" + v + "' is not a number (use a plain whole number such as 5000)";
}
std::string bad_date(const std::string& v, const std::string& why) {
    return "{F}:2: date: '" + v + "' is not a valid date: " + why;
}
std::string all_format_row() {
    std::string r = kFormat;
    for (int i = 1; i < 10; ++i) r.append(",").append(kFormat);
    return r;
}

// The hundred thousand rows: five countries, every status, dates over five years.
void hundred_thousand_rows(const std::string& path) {
    const char* const who[] = {"Kosovo,XKX", "Rwanda,RWA", "Peru,PER", "Eswatini,SWZ", "Uganda,UGA"};
    const char* const what[] = {"contacted", "negotiating", "agreed", "receiving", "declined"};
    std::string s = kHeader + "\n";
    char line[256];
    for (int i = 0; i < 100000; ++i) {
        const int y = 2020 + (i / 1825) % 5, m = 1 + (i / 28) % 12, d = 1 + i % 28;
        std::snprintf(line, sizeof line, "%s,%d-%02d-%02d,%s,%d,,row %d,https://example.org/%d,P%d,\n",
                      who[i % 5], y, m, d, what[i % 5], i % 100, i, i, i % 7);
        s += line;
    }
    write(path, s);
}

std::vector<Case> catalogue() {
    std::vector<Case> c;
    auto add = [&](std::string name, std::string file, std::function<void(const std::string&)> make,
                   std::vector<Call> calls) {
        c.push_back({std::move(name), std::move(file), std::move(make), std::move(calls)});
    };
    auto join = [](std::vector<Call> a, const std::vector<Call>& b) {
        a.insert(a.end(), b.begin(), b.end());
        return a;
    };

    // Events tables.
    add("empty_csv", "empty.csv", bytes(""), unreadable_events("{F}: empty file: no header line"));
    add("random_csv", "random.csv", random_bytes(),
        {validate(1, {"{F}:1: header: invalid UTF-8 (byte 0xB3 at character 1)", kUnreadable}),
         status(1, {"{F}:1: header: invalid UTF-8 (byte 0xB3 at character 1)"}),
         exporting("--data", 1, {"deportmap: {F}:1: header: invalid UTF-8 (byte 0xB3 at character 1)"})});
    add("random_xlsx", "random.xlsx", random_bytes(), unreadable_events(kNotGdal));
    add("random_json", "random.json", random_bytes(),
        join(unreadable_events(kNotGdal),
             {countries(1, {"deportmap: " + kNotFormat}),
              from(1, {"deportmap: {F}:1:1: not valid JSON: syntax error while parsing value - invalid literal"})}));
    add("header_only", "header.csv", bytes(kHeader + "\n"),
        {validate(0, {summary(0, 0, 0, 0)}), status(0, {}), exporting("--data", 0, {})});
    add("duplicate_header", "dup.csv", bytes(kHeader + ",date\n" + row() + ",2025-04-02\n"),
        {validate(1, {"{F}:1: date: duplicate column (also column 3); this one, column 11, is ignored",
                      summary(1, 1, 0, 1)})});
    add("unterminated_quote", "quote.csv", events({"Kosovo,XKX,2025-04-01,contacted,,,\"never ends,https://example.org/a,P,"}),
        bad_rows({"{F}:2: row: a quoted field that starts on line 2 never ends"}, 1));
    add("invalid_utf8", "utf8.csv", events({row("2025-04-01", "", "bad \xff\xfe text")}),
        bad_rows({"{F}:2: summary: invalid UTF-8 (byte 0xFF at character 5)"}, 1));
    add("bom_crlf_loads", "bom.csv", bytes("\xef\xbb\xbf" + kHeader + "\r\n" + row("2025-04-01", "3") + "\r\n"),
        {validate(0, {summary(1, 1, 0, 0)}),
         status(0, {"XKX,Kosovo,receiving,2025-04-01,false,3,3,https://example.org/a,Example Wire,3,3,x"}),
         exporting("--data", 0, {})});
    add("field_10mb_summary_loads", "big.csv", events({row("2025-04-01", "", std::string(10000000, 'A'))}),
        {validate(0, {summary(1, 1, 0, 0)}), exporting("--data", 0, {})});
    add("field_10mb_country", "bigname.csv",
        events({std::string(10000000, 'A') + ",,2025-04-01,contacted,,,x,https://example.org/a,P,"}),
        bad_rows({"{F}:2: country_name: unknown country '" + std::string(60, 'A') + "...'"}, 1));
    add("rows_100000_load", "many.csv", hundred_thousand_rows,
        {with_bound(validate(0, {summary(100000, 100000, 0, 0)}), 20.0),
         with_bound(status(0, {"XKX,Kosovo,contacted,2020-01-01,false,0,,https://example.org/0,P0,,,row 0"}), 20.0),
         with_bound(exporting("--data", 0, {}), 30.0)});
    add("printf_in_every_field", "format.csv", events({all_format_row()}),
        bad_rows({"{F}:2: iso3: unknown country code '%s%n%x'", "{F}:2: country_name: unknown country '%s%n%x'",
                  "{F}:2: date: '%s%n%x' is not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD",
                  "{F}:2: status: unknown status '%s%n%x' (known: contacted, negotiating, agreed, receiving, "
                  "declined, paused_or_ended, blocked_by_court, court_allowed)",
                  not_number("deportees", kFormat), not_number("payment_usd", kFormat),
                  "{F}:2: source_url: '%s%n%x' is not a web address (expected http:// or https:// and a host "
                  "name, no spaces)",
                  "{F}:2: source_date: '%s%n%x' is not a valid date: use YYYY, YYYY-MM or YYYY-MM-DD"},
                 1));
    add("printf_in_text_loads", "format_text.csv",
        events({"Kosovo,XKX,2025-04-01,agreed,,,%s%n%x,https://example.org/%s%n%x,%s%n%x,2025-04-01"}),
        {validate(0, {summary(1, 1, 0, 0)}),
         status(0, {"XKX,Kosovo,agreed,2025-04-01,false,,,https://example.org/%s%n%x,%s%n%x,,,%s%n%x"}),
         exporting("--data", 0, {})});
    add("date_2025_02_30", "feb30.csv", events({row("2025-02-30")}),
        bad_rows({bad_date("2025-02-30", "February 2025 has 28 days")}, 1));
    add("date_0000_00_00", "zero.csv", events({row("0000-00-00")}),
        bad_rows({bad_date("0000-00-00", "year 0000 does not exist")}, 1));
    add("date_99999_01_01", "year99999.csv", events({row("99999-01-01")}),
        bad_rows({bad_date("99999-01-01", "use YYYY, YYYY-MM or YYYY-MM-DD")}, 1));
    add("date_2025_13", "month13.csv", events({row("2025-13")}),
        bad_rows({bad_date("2025-13", "month 13 does not exist")}, 1));
    add("count_1e30", "c1e30.csv", events({row("2025-04-01", "1e30")}),
        bad_rows({not_number("deportees", "1e30"), not_number("payment_usd", "1e30")}, 1));
    add("count_minus_5", "cneg.csv", events({row("2025-04-01", "-5")}),
        bad_rows({"{F}:2: deportees: '-5' is negative", "{F}:2: payment_usd: '-5' is negative"}, 1));
    add("count_2_pow_64", "c2_64.csv", events({row("2025-04-01", "18446744073709551616")}),
        bad_rows({"{F}:2: deportees: '18446744073709551616' is larger than 10,000,000, the most this column accepts",
                  "{F}:2: payment_usd: '18446744073709551616' is larger than 100,000,000,000, the most this "
                  "column accepts"},
                 1));

    // Boundaries.
    add("random_gpkg", "random.gpkg", random_bytes(),
        join(bad_boundaries("{F}: cannot read boundaries: `{F}' not recognized as a supported file format"),
             {validate(1, {kNotGdal, kUnreadable})}));
    add("random_geojson", "random.geojson", random_bytes(),
        join(bad_boundaries(kNotFormat.substr(0)), {validate(1, {kNotGdal, kUnreadable})}));
    add("truncated_gpkg", "cut.gpkg", truncated_geopackage,
        join(bad_boundaries("{F}: cannot read boundaries: database disk image is malformed"),
             {validate(1, {"{F}: cannot read: database disk image is malformed", kUnreadable})}));
    add("points_only_geojson", "points.geojson",
        geojson(kRwanda, R"({"type":"Point","coordinates":[30,-2]})"), bad_boundaries("{F}: no polygon layer found"));
    add("no_id_field", "noid.geojson", geojson(R"({"colour":"red"})", polygon("[[0,0],[10,0],[10,10],[0,0]]")),
        bad_boundaries("{F}: layer 'noid' has no country id field (looked for ISO_A3, ADM0_A3, iso3, id, ...; "
                       "fields: colour); name one with --id-field"));
    add("no_name_field_loads", "noname.geojson", geojson(R"({"iso3":"RWA"})", polygon("[[29,-1],[31,-1],[30,-3],[29,-1]]")),
        boundaries_load("RWA,RWA,1,1,3,1,1,3,1,1,3"));
    add("coordinate_1e300", "far.geojson", geojson(kRwanda, polygon("[[0,0],[1e300,0],[1e300,1e300],[0,0]]")),
        boundaries_load("RWA,Rwanda,0,0,0,0,0,0,0,0,0",
                        "{F}: feature 1 (RWA): polygon 1 skipped: point 2 of its outer ring (1e+300, 0) is "
                        "not a longitude/latitude in degrees"));
    add("coordinate_nan", "nan.geojson", geojson(kRwanda, polygon("[[0,0],[NaN,0],[10,10],[0,0]]")),
        boundaries_load("RWA,Rwanda,0,0,0,0,0,0,0,0,0",
                        "{F}: feature 1 (RWA): polygon 1 skipped: point 2 of its outer ring (nan, 0) is not "
                        "a longitude/latitude in degrees"));
    add("self_intersecting_loads", "bowtie.geojson", geojson(kRwanda, polygon("[[29,-1],[31,-3],[31,-1],[29,-3],[29,-1]]")),
        boundaries_load("RWA,Rwanda,1,1,4,1,1,4,1,1,4"));
    add("two_point_ring", "two.geojson", geojson(kRwanda, polygon("[[29,-1],[31,-3]]")),
        boundaries_load("RWA,Rwanda,0,0,0,0,0,0,0,0,0",
                        "{F}: feature 1 (RWA): polygon 1 skipped: its outer ring has only 2 distinct points"));
    add("million_vertices_bounded", "million.geojson", [](const std::string& p) { million_vertices(p); },
        {with_bound(countries(0, {"RWA,Rwanda,1,1,1000000,1,1,1000000,1,1,1000000"}), 60.0),
         with_bound(exporting("--boundaries", 0, {}), 90.0)});

    // Logos.
    add("logo_not_an_image", "logo.png", random_bytes(),
        {exporting("--logo", 1, {"deportmap: cannot read logo {F}: unknown image type"})});
    add("logo_claims_30000x30000", "huge.png", png_claiming_30000,
        {exporting("--logo", 1, {"deportmap: cannot read logo {F}: too large"})});

    // Sidecars (--from).
    add("sidecar_truncated_json", "cut.png.json", bytes("{\"format\":\"deportmap-export-sidecar\",\"par"),
        {from(1, {"deportmap: {F}:1:42: not valid JSON: syntax error while parsing object key - invalid string: "
                  "missing closing quote"})});
    add("sidecar_wrong_type", "type.png.json", sidecar(R"({"width":"abc","title":5})"),
        {from(1, {"deportmap: {F}: parameters.width has the wrong type"})});
    add("sidecar_width_1e20", "wide.png.json", sidecar(R"({"width":1e20,"height":180})"),
        {from(1, {"deportmap: {F}: parameters.width must be a whole number, got 1e+20"})});
    add("sidecar_page_50000x30000", "page.png.json", sidecar(R"({"width":50000,"height":30000})"),
        {from(2, {"deportmap: {F} asks for a page of 50000x30000 pixels; a sidecar may ask for at most 16384 a "
                  "side and 100 megapixels unless you add --allow-large"})});
    add("sidecar_out_leaves_folder", "up.png.json", sidecar(R"({"width":320,"height":180,"out":"../x.png"})"),
        {Call{{"export", "--from", "{F}", "--quiet"}, 1,
             {"deportmap: {F}: parameters.out '../x.png' leaves its folder (..); a sidecar may not name such a path"}}});
    add("sidecar_fps_1e9", "fps.png.json", sidecar(R"({"width":320,"height":180,"fps":1000000000})"),
        {from(2, {"deportmap: {F}: --fps must be between 1 and 120"})});
    add("sidecar_printf_text_renders", "text.png.json",
        sidecar(R"({"width":320,"height":180,"title":"%s%n%x","subtitle":"%s%n%x","notes":"%s%n%x","source":"%s%n%x"})"),
        {[] {
            Call r = from(0, {});
            r.writes = "out.png";
            return r;
        }()});

    // Stories (validate --story).
    add("story_random_toml", "random.toml", random_bytes(),
        {story_check(1, {"{F}: not a TOML story file (it holds binary data)"})});
    add("story_empty", "empty.toml", bytes(""), {story_check(1, {kNoSteps})});
    add("story_broken_toml", "broken.toml", bytes("title = \"x\"\n[[step\nfoo = = 3\n"),
        {story_check(1, {"{F}:2: Error while parsing table header: expected ']', saw '\\n'"})});
    add("story_printf_fields", "format.toml",
        story("date = \"2025-04-01\"\nfocus = [\"%s%n%x\"]\nhighlight = [\"%s%n%x\"]\ncaption = \"%s%n%x\"\n"
              "notes = \"%s%n%x\"\n"),
        {story_check(1, {"{F}:5: step 1: focus: unknown country '%s%n%x'",
                         "{F}:6: step 1: highlight: unknown status '%s%n%x' (one of contacted, negotiating, "
                         "agreed, receiving, declined, paused_or_ended, blocked_by_court, court_allowed)",
                         "{F}: 1 step: 0 good, 1 bad (2 problems)"})});
    add("story_impossible_date", "date.toml", story("date = \"2025-02-30\"\nfocus = \"world\"\ncaption = \"c\"\n"),
        {story_check(1, {"{F}:4: step 1: date '2025-02-30': February 2025 has 28 days"})});
    add("story_duration_2_pow_64", "duration.toml",
        story("date = \"2025-04-01\"\nfocus = \"world\"\nduration = 18446744073709551616\ncaption = \"c\"\n"),
        {story_check(1, {"{F}:6: Error while parsing decimal integer: '18446744073709551616' is not representable "
                         "in 64 bits"})});
    add("story_invalid_utf8", "utf8.toml", story("date = \"2025-04-01\"\nfocus = \"world\"\ncaption = \"\xff\xfe\"\n"),
        {story_check(1, {"{F}:6: Encountered invalid utf-8 sequence"})});
    add("story_over_4mb", "big.toml",
        story("date = \"2025-04-01\"\nfocus = \"world\"\ncaption = \"" + std::string(10000000, 'A') + "\"\n"),
        {story_check(1, {"{F}: larger than 4 MB: not a story file"})});

    // Page sizes and output paths (no input file).
    add("width_0", "", nullptr,
        {export_args({"--width", "0", "--height", "180", "--out", "{D}/out.png"}, 2,
                     {"deportmap: --width must be a positive number of pixels, got 0"})});
    add("width_minus_1", "", nullptr,
        {export_args({"--width", "-1", "--height", "180", "--out", "{D}/out.png"}, 2,
                     {"deportmap: --width must be a positive number of pixels, got -1"})});
    add("width_99999999", "", nullptr,
        {export_args({"--width", "99999999", "--height", "180", "--out", "{D}/out.png"}, 2,
                     {"deportmap: --width 99999999 is too large"})});
    add("page_beyond_memory", "", nullptr,
        {export_args({"--width", "50000", "--height", "50000", "--out", "{D}/out.png"}, 2,
                     {"deportmap: an image of 50000x50000 is too large (at most 50000 pixels a side and 1.5 "
                      "gigapixels)"})});
    add("out_in_missing_folder", "", nullptr,
        {export_args({"--width", "320", "--height", "180", "--out", "{D}/missing/out.png"}, 1,
                     {"deportmap: cannot write {D}/missing/out.png: folder {D}/missing/ does not exist"})});
    add("out_is_a_folder", "folder.png", [](const std::string& p) { fs::create_directories(p); },
        {export_args({"--width", "320", "--height", "180", "--out", "{F}"}, 2,
                     {"deportmap: --out {F} is a folder, not a file"})});
    return c;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
        s.replace(at, from.size(), to);
    }
    return s;
}

// Whether `expected` is a whole line of `lines` (with a final '*': the start of one).
bool has_line(const std::vector<std::string>& lines, const std::string& expected) {
    const bool prefix = !expected.empty() && expected.back() == '*';
    const std::string want = prefix ? expected.substr(0, expected.size() - 1) : expected;
    for (const std::string& l : lines) {
        if (prefix ? l.rfind(want, 0) == 0 : l == want) return true;
    }
    return false;
}

// A shortened copy of what a run printed, for failure messages (a 10 MB line stays out).
std::string shown(const std::string& text) {
    return text.size() <= 4000 ? text : text.substr(0, 4000) + "... (" + std::to_string(text.size()) + " bytes)";
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
constexpr double kSanitizerSlowdown = 6.0;  // a Debug build with ASan and UBSan
#else
constexpr bool kSanitized = false;
constexpr double kSanitizerSlowdown = 1.0;
#endif

// The start of every run's argv: the memory cap, then the program.
std::vector<std::string> capped_program() {
    if (kSanitized) return {DEPORTMAP_BINARY};
    return {"prlimit", "--as=2147483648", "--", DEPORTMAP_BINARY};
}

class HostileCatalogue : public ::testing::TestWithParam<Case> {};

TEST_P(HostileCatalogue, File) {
    ASSERT_TRUE(fs::exists(DEPORTMAP_BINARY)) << DEPORTMAP_BINARY << " is missing: build deportmap first";
    ASSERT_TRUE(deportmap::test::on_path("prlimit")) << "prlimit (util-linux) caps each run's memory";
    const Case& c = GetParam();
    const std::string dir = deportmap::test::scratch().string();
    const std::string path = c.file.empty() ? std::string() : dir + "/" + c.file;
    if (c.make) {
        c.make(path);
        if (::testing::Test::HasFatalFailure()) return;
    }
    for (const Call& call : c.calls) {
        std::vector<std::string> argv = capped_program();
        std::string shown_args;
        for (const std::string& a : call.args) {
            argv.push_back(replace_all(replace_all(a, "{F}", path), "{D}", dir));
            shown_args.append(" ").append(a);
        }
        fs::remove(dir + "/out.png");
        deportmap::test::RunOptions options;
        options.unset_env = {"DISPLAY", "WAYLAND_DISPLAY"};
        if (kSanitized) options.timeout = std::chrono::seconds(600);
        const auto start = std::chrono::steady_clock::now();
        const RunResult r = deportmap::test::run_binary(argv, options);
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        std::printf("%s:%s: %s in %.2f s\n", c.name.c_str(), shown_args.c_str(), r.how_it_ended().c_str(), seconds);
        SCOPED_TRACE("deportmap" + shown_args + "\nstdout: " + shown(r.out) + "\nstderr: " + shown(r.err));
        EXPECT_EQ(r.signal, 0) << "died by a signal";
        EXPECT_FALSE(r.timed_out);
        EXPECT_EQ(r.exit_code, call.code);
        EXPECT_LT(seconds, call.max_seconds * kSanitizerSlowdown) << "the hang guard";
        std::vector<std::string> lines = deportmap::test::split_lines(r.out);
        for (const std::string& l : deportmap::test::split_lines(r.err)) lines.push_back(l);
        for (const std::string& l : call.lines) {
            const std::string want = replace_all(replace_all(l, "{F}", path), "{D}", dir);
            EXPECT_TRUE(has_line(lines, want)) << "expected the line: " << shown(want);
        }
        if (call.code != 0 && !path.empty()) {
            EXPECT_NE((r.out + r.err).find(path), std::string::npos) << "the message does not name the file";
        }
        if (!call.writes.empty()) {
            EXPECT_TRUE(fs::exists(dir + "/" + call.writes)) << call.writes;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(, HostileCatalogue, ::testing::ValuesIn(catalogue()),
                         [](const ::testing::TestParamInfo<Case>& info) { return info.param.name; });

}  // namespace
