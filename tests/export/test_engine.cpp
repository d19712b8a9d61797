// The export engine called as a library (no binary): requests that are wrong fail with a
// typed, one-line error before anything is written; a good request writes the file and
// its sidecar and says what it wrote; the option table round-trips through the command
// line, the sidecar and the dialog's argv.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/data/stated_figures.hpp"
#include "core/util/args.hpp"
#include "core/util/paths.hpp"
#include "export/engine.hpp"
#include "export/frames.hpp"
#include "export/options.hpp"
#include "export/sidecar.hpp"
#include "export/sidecar_trust.hpp"
#include "scratch.hpp"

namespace deportmap::exporter {
namespace {

namespace fs = std::filesystem;

// The request `deportmap export ARGS...` makes.
ExportRequest request_of(const std::vector<std::string>& argv) {
    const Args args(argv, export_value_option_names(), export_flag_names());
    ExportRequest r;
    r.params = params_from_args(args);
    return r;
}

void expect_failure(const std::vector<std::string>& argv, ExportErrorKind kind, const std::string& part) {
    std::string line;
    for (const std::string& a : argv) line += a + " ";
    ExportOutcome outcome;
    try {
        outcome = run_export(request_of(argv));
    } catch (const UsageError& e) {  // the parser's own errors (syntax)
        EXPECT_EQ(kind, ExportErrorKind::Usage) << line;
        EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << line << ": " << e.what();
        return;
    }
    ASSERT_FALSE(outcome.ok()) << line;
    EXPECT_EQ(outcome.failure->kind, kind) << line << ": " << outcome.failure->message;
    EXPECT_NE(outcome.failure->message.find(part), std::string::npos) << line << ": " << outcome.failure->message;
    EXPECT_EQ(outcome.failure->message.find('\n'), std::string::npos) << "one line: " << outcome.failure->message;
}

TEST(ExportEngine, BadRequestsFailWithTypedOneLineErrors) {
    const fs::path dir = test::fresh_scratch_dir("bad");
    const std::string out = (dir / "bad.png").string();
    using K = ExportErrorKind;
    expect_failure({"--out", out, "--width", "0", "--height", "10"}, K::Usage, "--width must be a positive number of pixels");
    expect_failure({"--out", out, "--width", "10", "--height", "-5"}, K::Usage, "--height must be a positive number of pixels");
    expect_failure({"--out", out, "--width", "ten"}, K::Usage, "expects a whole number");
    expect_failure({"--out", out, "--width", "100000", "--height", "10"}, K::Usage, "is too large");
    expect_failure({"--out", out, "--width", "9999999"}, K::Usage, "is too large");
    expect_failure({"--out", out, "--projection", "gall"}, K::Usage, "unknown projection 'gall'");
    expect_failure({"--out", out, "--bounds", "1,2,3"}, K::Usage, "--bounds expects MINLON,MINLAT,MAXLON,MAXLAT");
    expect_failure({"--out", out, "--bounds", "10,0,5,5"}, K::Usage, "the minimum must be below the maximum");
    expect_failure({"--out", out, "--bounds", "-200,-90,180,90"}, K::Usage, "longitudes must lie in -180..180");
    expect_failure({"--out", out, "--layout", "poster"}, K::Usage, "unknown --layout 'poster'");
    expect_failure({"--out", out, "--lod", "20m"}, K::Usage, "unknown --lod");
    expect_failure({"--out", out, "--preset", "huge"}, K::Usage, "unknown --preset 'huge'");
    expect_failure({"--out", out, "--preset", "4k", "--width", "10"}, K::Usage, "not both");
    expect_failure({"--out", out, "--fps", "500", "--dates", "2025..2026", "--animate", (dir / "a.mp4").string()},
                   K::Usage, "--fps must be between 1 and 120");
    expect_failure({"--out", out, "--animate", (dir / "a.mp4").string()}, K::Usage, "--animate needs");
    expect_failure({"--out", (dir / "m.tif").string()}, K::Usage, "must end in .png, .svg, .pdf or .html");
    expect_failure({"--width", "10", "--height", "10"}, K::Usage, "export needs --out");
    expect_failure({"--out", out, "--hide-status", "nonsense"}, K::Usage, "unknown status 'nonsense'");
    expect_failure({"--out", out, "--highlight", "XXX"}, K::Usage, "--highlight: unknown country 'XXX'");
    expect_failure({"--out", "/nonexistent-deportmap-folder/map.png"}, K::Input,
                   "cannot write /nonexistent-deportmap-folder/map.png");
    expect_failure({"--out", out, "--boundaries", "/nonexistent-deportmap/b.gpkg"}, K::Input,
                   "/nonexistent-deportmap/b.gpkg");
    expect_failure({"--out", out, "--logo", (dir / "none.png").string()}, K::Input, "none.png");
    EXPECT_FALSE(fs::exists(out));
    EXPECT_FALSE(fs::exists(out + ".json"));
}

TEST(ExportEngine, WritesTheFileAndItsSidecarAndReportsThem) {
    const fs::path dir = test::fresh_scratch_dir("good");
    ExportRequest request = request_of({"--out", (dir / "m.svg").string(), "--width", "400", "--height", "200",
                                        "--date", "2025-07", "--layout", "map-only"});
    std::vector<size_t> progress;
    ExportCallbacks callbacks;
    callbacks.progress = [&](size_t done, size_t total, const std::string& file) {
        progress.push_back(done);
        EXPECT_EQ(total, 1u);
        EXPECT_EQ(file, (dir / "m.svg").string());
    };
    const ExportOutcome outcome = run_export(request, callbacks);
    ASSERT_TRUE(outcome.ok()) << outcome.failure->message;
    const ExportResult& r = *outcome.result;
    EXPECT_EQ(r.outputs, std::vector<std::string>{(dir / "m.svg").string()});
    EXPECT_EQ(r.sidecar, (dir / "m.svg.json").string());
    EXPECT_EQ(r.frames, 1u);
    EXPECT_EQ(r.width, 400);
    EXPECT_EQ(r.height, 200);
    EXPECT_EQ(progress, std::vector<size_t>{1});
    EXPECT_TRUE(fs::exists(r.sidecar));
    // The sidecar holds the request's parameters.
    const ExportParams back = read_sidecar(r.sidecar);
    EXPECT_EQ(back.date, "2025-07");
    EXPECT_EQ(back.width, 400);
    EXPECT_EQ(back.layout, "map-only");

    // --from repeats it byte for byte, here into another file.
    ExportRequest again;
    again.from = r.sidecar;
    again.out_override = (dir / "again.svg").string();
    const ExportOutcome repeated = run_export(again);
    ASSERT_TRUE(repeated.ok()) << repeated.failure->message;
    std::ifstream a(dir / "m.svg", std::ios::binary), b(dir / "again.svg", std::ios::binary);
    const std::string first((std::istreambuf_iterator<char>(a)), {}), second((std::istreambuf_iterator<char>(b)), {});
    EXPECT_FALSE(first.empty());
    EXPECT_EQ(first, second);
}

// Writes a sidecar whose parameters are `params` into `dir` as NAME.json.
fs::path write_sidecar(const fs::path& dir, const std::string& name, const ExportParams& params) {
    const fs::path path = dir / (name + ".json");
    write_file_atomic(path.string(), sidecar_json(params, {}, "test", {}));
    return path;
}

// Runs `body` with the current folder set to `dir`, then restores it.
template <class F>
void in_folder(const fs::path& dir, F body) {
    const fs::path before = fs::current_path();
    fs::current_path(dir);
    body();
    fs::current_path(before);
}

TEST(UntrustedSidecar, NeverChoosesWhereToWriteNorOverwrites) {
    const fs::path dir = test::fresh_scratch_dir("sidecar_out");
    ExportParams p;
    p.width = 300;
    p.height = 150;
    p.layout = "map-only";
    p.out = "../../.bashrc";
    ExportRequest r;
    r.from = write_sidecar(dir, "evil.svg", p).string();
    ExportOutcome o = run_export(r);
    ASSERT_FALSE(o.ok());
    EXPECT_EQ(o.failure->kind, ExportErrorKind::Input);
    EXPECT_NE(o.failure->message.find("parameters.out '../../.bashrc' leaves its folder"), std::string::npos)
        << o.failure->message;

    // A recorded absolute output is not where the file goes: the sidecar's own name in
    // the current folder is, and never over an existing file.
    const fs::path elsewhere = test::fresh_scratch_dir("sidecar_elsewhere");
    p.out = (elsewhere / "placed.svg").string();
    r.from = write_sidecar(dir, "map.svg", p).string();
    in_folder(dir, [&] {
        o = run_export(r);
        ASSERT_TRUE(o.ok()) << o.failure->message;
        EXPECT_EQ(o.result->outputs, std::vector<std::string>{"map.svg"});
        EXPECT_TRUE(fs::exists(dir / "map.svg"));
        EXPECT_FALSE(fs::exists(elsewhere / "placed.svg"));
        o = run_export(r);  // map.svg exists now, and the user did not name it
        ASSERT_FALSE(o.ok());
        EXPECT_NE(o.failure->message.find("map.svg already exists; give --out map.svg"), std::string::npos)
            << o.failure->message;
    });
}

TEST(UntrustedSidecar, InputsResolveAgainstItsFolderAndMustExist) {
    const fs::path dir = test::fresh_scratch_dir("sidecar_inputs");
    fs::copy_file(fs::path(DEPORTMAP_TEST_SOURCE_DIR) / "assets/statuses.csv", dir / "st.csv");
    ExportParams p;
    p.width = 300;
    p.height = 150;
    p.layout = "map-only";
    p.out = "m.svg";
    p.statuses = "st.csv";  // next to the sidecar, not in the current folder
    ExportRequest r;
    r.from = write_sidecar(dir, "m.svg", p).string();
    r.out_override = (dir / "out.svg").string();
    ExportOutcome o = run_export(r);
    ASSERT_TRUE(o.ok()) << o.failure->message;

    p.statuses = "missing.csv";
    r.from = write_sidecar(dir, "missing.svg", p).string();
    o = run_export(r);
    ASSERT_FALSE(o.ok());
    EXPECT_NE(o.failure->message.find("parameters.statuses 'missing.csv' is not there (looked for " +
                                      (dir / "missing.csv").string()),
              std::string::npos)
        << o.failure->message;

    p.statuses = "../st.csv";
    r.from = write_sidecar(dir, "up.svg", p).string();
    o = run_export(r);
    ASSERT_FALSE(o.ok());
    EXPECT_NE(o.failure->message.find("parameters.statuses '../st.csv' leaves its folder"), std::string::npos);
}

TEST(UntrustedSidecar, LargePagesNeedTheUsersSayso) {
    const fs::path dir = test::fresh_scratch_dir("sidecar_large");
    ExportParams p;
    p.width = 50000;
    p.height = 30000;
    p.out = "big.svg";
    ExportRequest r;
    r.from = write_sidecar(dir, "big.svg", p).string();
    r.out_override = (dir / "big-out.svg").string();
    ExportOutcome o = run_export(r);
    ASSERT_FALSE(o.ok());
    EXPECT_EQ(o.failure->kind, ExportErrorKind::Usage);
    EXPECT_NE(o.failure->message.find("asks for a page of 50000x30000 pixels"), std::string::npos)
        << o.failure->message;
    EXPECT_NE(o.failure->message.find("--allow-large"), std::string::npos);
    EXPECT_FALSE(fs::exists(dir / "big-out.svg"));

    p.width = 300;
    p.height = 150;
    p.dates = "2023-01-01..2026-12-31";  // 1,461 days
    p.step = "1d";
    r.from = write_sidecar(dir, "many.svg", p).string();
    o = run_export(r);
    ASSERT_FALSE(o.ok());
    EXPECT_NE(o.failure->message.find("frames; a sidecar may ask for at most 1000"), std::string::npos)
        << o.failure->message;
}

TEST(UntrustedSidecar, RecordsInputsRelativeToItsFolderAndOutputsByName) {
    const fs::path dir = test::fresh_scratch_dir("sidecar_record");
    ExportParams p;
    p.out = (dir / "sub" / "m.png").string();
    p.data = {(dir / "sub" / "a.csv").string(), "/elsewhere/b.csv"};
    p.animate = (dir / "sub" / "a.mp4").string();
    const ExportParams rec = params_for_sidecar(p, (dir / "sub").string());
    EXPECT_EQ(rec.out, "m.png");
    EXPECT_EQ(rec.animate, "a.mp4");
    // Outside the sidecar's folder: the name alone (no path of this machine is recorded).
    EXPECT_EQ(rec.data, (std::vector<std::string>{"a.csv", "b.csv"}));
    const std::vector<InputHash> hashes = inputs_for_sidecar(
        {{"data", (dir / "sub" / "deep" / "a.csv").string(), "00"}, {"data", "/home/someone/b.csv", "11"},
         {"statuses", data_path("assets/statuses.csv"), "22"}},
        (dir / "sub").string());
    ASSERT_EQ(hashes.size(), 3u);
    EXPECT_EQ(hashes[0].path, "deep/a.csv");
    EXPECT_EQ(hashes[1].path, "b.csv");
    EXPECT_EQ(hashes[2].path, "(bundled) assets/statuses.csv");
    EXPECT_EQ(hashes[1].sha256, "11");
}

// A real export's sidecar holds no absolute path, and --from run from another folder
// finds an input recorded by name beside the sidecar.
TEST(UntrustedSidecar, SidecarsArePortableAndPrivate) {
    const fs::path dir = test::fresh_scratch_dir("sidecar_private");
    const fs::path elsewhere = dir / "elsewhere";
    const fs::path sent = dir / "sent";
    fs::create_directories(elsewhere);
    fs::create_directories(sent);
    fs::copy_file(data::default_events_paths()[0], elsewhere / "events.csv");
    fs::copy_file(data::default_events_paths()[1], elsewhere / "sources.csv");
    ExportRequest request;
    request.params.out = (sent / "map.png").string();
    request.params.width = 160;
    request.params.height = 90;
    request.params.data = {(elsewhere / "events.csv").string(), (elsewhere / "sources.csv").string()};
    const ExportOutcome first = run_export(request, {});
    ASSERT_FALSE(first.failure) << first.failure->message;
    const std::string sidecar = test::slurp(sent / "map.png.json");
    EXPECT_EQ(sidecar.find(dir.string()), std::string::npos) << sidecar;
    EXPECT_EQ(sidecar.find("\"/"), std::string::npos) << "an absolute path is recorded:\n" << sidecar;
    // The sidecar's folder is sent on with the data file beside it; --from works from
    // anywhere (the current folder only receives the output).
    fs::copy_file(elsewhere / "events.csv", sent / "events.csv");
    fs::copy_file(elsewhere / "sources.csv", sent / "sources.csv");
    ExportRequest again;
    again.from = (sent / "map.png.json").string();
    // The same name in another folder: the credit line names its list, map.png.sources.csv.
    fs::create_directories(dir / "again");
    again.out_override = (dir / "again" / "map.png").string();
    const ExportOutcome second = run_export(again, {});
    ASSERT_FALSE(second.failure) << second.failure->message;
    EXPECT_EQ(test::slurp(dir / "again" / "map.png"), test::slurp(sent / "map.png"));
    EXPECT_EQ(test::slurp(dir / "again" / "map.png.sources.csv"), test::slurp(sent / "map.png.sources.csv"));
}

// A request with a value in every option that takes one (not necessarily a valid
// export: the table's round trips are checked, not the engine).
ExportParams every_option_set() {
    ExportParams p;
    p.out = "o.png";
    p.date = "2025-03";
    p.preset = "4k";
    p.width = 640;
    p.height = 480;
    p.scale = 1.5;
    p.size_scale = 0.5;
    p.dpi = 300;
    p.projection = "robinson";
    p.bounds = std::array<double, 4>{-20.5, 30.25, 45, 72.125};
    p.focus = {"RWA", "UGA"};
    p.title = "T";
    p.subtitle = "S";
    p.source = "Src";
    p.sources = "strong";
    p.notes = "N";
    p.logo = "l.png";
    p.theme = "dark";
    p.transparent = true;
    p.layout = "map-only";
    p.lod = "50m";
    p.border_width = 1.25;
    p.labels = true;
    p.markers = false;
    p.highlight = {"KOS"};
    p.hide_status = {"declined", "contacted"};
    p.highlight_status = "receiving";
    p.data = {"a.csv", "b.csv"};
    p.statuses = "s.csv";
    p.boundaries = "b.gpkg";
    p.id_field = "ISO";
    p.name_field = "NAME";
    p.each_event = true;
    p.dates = "2025..2026";
    p.step = "1w";
    p.animate = "a.mp4";
    p.fps = 12;
    p.hold_last = 2.5;
    return p;
}

void expect_same(const ExportParams& a, const ExportParams& b) {
    EXPECT_EQ(params_to_json(a).dump(), params_to_json(b).dump());
}

TEST(ExportOptions, EveryOptionRoundTripsThroughArgvAndSidecar) {
    const ExportParams p = every_option_set();
    std::vector<std::string> argv = params_to_argv(p);
    const Args args(argv, export_value_option_names(), export_flag_names());
    expect_same(params_from_args(args), p);
    expect_same(params_from_json(params_to_json(p), "test.json"), p);
    // Defaults give no options but --out.
    ExportParams defaults;
    defaults.out = "x.png";
    EXPECT_EQ(params_to_argv(defaults), (std::vector<std::string>{"--out", "x.png"}));
}

TEST(ExportOptions, HelpSidecarAndFromCheckCoverEveryOption) {
    const std::string help = export_help();
    const auto json = params_to_json(ExportParams{});
    const Args none(std::vector<std::string>{}, export_value_option_names(), export_flag_names());
    EXPECT_EQ(first_recorded_option(none), nullptr);
    for (const ExportOption& o : export_options()) {
        EXPECT_NE(help.find(std::string("--") + o.name), std::string::npos) << o.name;
        EXPECT_TRUE(json.contains(o.key)) << o.key;
        if (std::string(o.name) == "out") continue;
        std::vector<std::string> argv = {"--from", "x.json", std::string("--") + o.name};
        const bool flag = o.form == OptionForm::Flag || o.form == OptionForm::InvertedFlag;
        if (!flag) argv.push_back("1");
        const Args given(argv, export_value_option_names(), export_flag_names());
        EXPECT_STREQ(first_recorded_option(given), o.name);
    }
    EXPECT_EQ(json.size(), export_options().size());
}

TEST(ExportOptions, SidecarValuesOfTheWrongTypeOrRangeNameTheField) {
    auto j = params_to_json(ExportParams{});
    j["width"] = 1e20;
    try {
        params_from_json(j, "s.json");
        ADD_FAILURE() << "1e20 accepted as a width";
    } catch (const SidecarError& e) {
        EXPECT_NE(std::string(e.what()).find("s.json: parameters.width must be a whole number"), std::string::npos)
            << e.what();
    }
    j = params_to_json(ExportParams{});
    j["title"] = 5;
    try {
        params_from_json(j, "s.json");
        ADD_FAILURE() << "a number accepted as a title";
    } catch (const SidecarError& e) {
        EXPECT_STREQ(e.what(), "s.json: parameters.title has the wrong type");
    }
}

}  // namespace
}  // namespace deportmap::exporter

namespace deportmap::exporter {
namespace {

std::string slurp_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

}  // namespace

// The default credit line names the outlets of the facts shown (never a repost host),
// points at the list of sources written beside the page, footnotes weak facts and says
// what date the data runs through (issue 12).
TEST(ExportSources, CreditLineListOfSourcesAndDataThrough) {
    const fs::path dir = test::fresh_scratch_dir("sources_all");
    const fs::path out = dir / "map.svg";
    const ExportOutcome outcome =
        run_export(request_of({"--out", out.string(), "--width", "800", "--height", "450", "--date", "2025-05-10"}));
    ASSERT_TRUE(outcome.ok()) << outcome.failure->message;
    EXPECT_EQ(outcome.result->sources_list, out.string() + ".sources.csv");
    const std::string list = slurp_file(out.string() + ".sources.csv");
    EXPECT_EQ(list.substr(0, list.find('\n')), "iso3,country,date,status,url,publisher,outlet,published,tier");
    EXPECT_NE(list.find("\nAGO,Angola,2025-05-05,contacted,"), std::string::npos) << list;
    EXPECT_EQ(list.find(",2025-06-25,"), std::string::npos) << "a fact after the page's date is listed";
    const std::string svg = slurp_file(out);
    EXPECT_NE(svg.find("Sources: "), std::string::npos);
    EXPECT_NE(svg.find("(full list in map.svg.sources.csv)"), std::string::npos);
    EXPECT_NE(svg.find("rest only on weak sources."), std::string::npos);
    EXPECT_NE(svg.find("Data through 17 May 2026."), std::string::npos);
    for (const char* weak : {"Top20Picks", "Directorio Cubano", "American Renaissance", "repost"}) {
        EXPECT_EQ(svg.find(weak), std::string::npos) << weak;
    }
    EXPECT_NE(svg.find("<path id=\"AGO\" data-status=\"contacted\""), std::string::npos);
    EXPECT_EQ(read_sidecar(outcome.result->sidecar).sources, "all");
    // A page without a credit line (map only) writes no list.
    const ExportOutcome bare = run_export(request_of(
        {"--out", (dir / "bare.svg").string(), "--width", "400", "--height", "200", "--layout", "map-only"}));
    ASSERT_TRUE(bare.ok());
    EXPECT_TRUE(bare.result->sources_list.empty());
    EXPECT_FALSE(fs::exists(dir / "bare.svg.sources.csv"));
}

// --sources strong leaves out the facts resting only on weak sources and says so; the
// sidecar records the choice.
TEST(ExportSources, StrongLeavesOutWeakOnlyFacts) {
    const fs::path dir = test::fresh_scratch_dir("sources_strong");
    const fs::path out = dir / "map.svg";
    const ExportOutcome outcome = run_export(request_of(
        {"--out", out.string(), "--width", "800", "--height", "450", "--date", "2025-05-10", "--sources", "strong"}));
    ASSERT_TRUE(outcome.ok()) << outcome.failure->message;
    const std::string svg = slurp_file(out);
    EXPECT_NE(svg.find("<path id=\"AGO\" data-status=\"none\""), std::string::npos) << "Angola rests on weak sources only";
    EXPECT_NE(svg.find("facts resting only on weak sources are left out."), std::string::npos);
    EXPECT_EQ(read_sidecar(outcome.result->sidecar).sources, "strong");
    const std::string list = slurp_file(out.string() + ".sources.csv");
    EXPECT_EQ(list.find("\nAGO,"), std::string::npos);
    expect_failure({"--out", (dir / "x.svg").string(), "--sources", "some"}, ExportErrorKind::Usage,
                   "--sources must be all or strong, not 'some'");
}

// A date after the data's coverage still renders, with a warning and the page's note.
TEST(ExportSources, ADatePastTheDataWarns) {
    const fs::path dir = test::fresh_scratch_dir("sources_late");
    std::vector<std::string> notes;
    ExportCallbacks callbacks;
    callbacks.note = [&](const std::string& n) { notes.push_back(n); };
    const ExportOutcome outcome = run_export(
        request_of({"--out", (dir / "late.svg").string(), "--width", "400", "--height", "300", "--date", "2030"}),
        callbacks);
    ASSERT_TRUE(outcome.ok()) << outcome.failure->message;
    bool warned = false;
    for (const std::string& n : notes) warned |= n.find("warning: the data runs through 17 May 2026") == 0;
    EXPECT_TRUE(warned) << ::testing::PrintToString(notes);
    EXPECT_NE(slurp_file(dir / "late.svg").find("Data through 17 May 2026."), std::string::npos);
}

}  // namespace deportmap::exporter

namespace deportmap::exporter {

// export --story: each step's flight frames, then the step held for its duration; the
// frames are the same bytes on every run; the sidecar records the story and its hash.
TEST(ExportStory, FramesFollowTheStepsFlightsAndAreReproducible) {
    const fs::path dir = test::fresh_scratch_dir("story_export");
    const fs::path story = dir / "s.toml";
    std::ofstream(story) << "[[step]]\ndate = \"2025-02-25\"\nfocus = [\"Costa Rica\"]\ncaption = \"One\"\nduration = 1\n"
                            "[[step]]\ndate = \"2025-05-21\"\nfocus = [\"Libya\", \"South Sudan\"]\n"
                            "highlight = [\"blocked_by_court\"]\ncaption = \"Two\"\nduration = 2\n";
    auto run = [&](const std::string& folder) {
        fs::create_directories(dir / folder);
        return run_export(request_of({"--out", (dir / folder / "f.png").string(), "--width", "320", "--height",
                                      "180", "--story", story.string(), "--fps", "4", "--animate",
                                      (dir / folder / "s.mp4").string()}));
    };
    const ExportOutcome a = run("a");
    ASSERT_TRUE(a.ok()) << a.failure->message;
    // Step 1 held; the flight to step 2 (0.8-3 s at 4 frames a second); step 2 held.
    EXPECT_GE(a.result->frames, 2u + 3u);
    EXPECT_LE(a.result->frames, 2u + 12u);
    const ExportOutcome b = run("b");
    ASSERT_TRUE(b.ok());
    ASSERT_EQ(a.result->frames, b.result->frames);
    for (size_t i = 1; i <= a.result->frames; ++i) {
        const std::string name = frame_path("f.png", i - 1);
        EXPECT_EQ(slurp_file(dir / "a" / name), slurp_file(dir / "b" / name)) << name;
    }
    // The first frame is Costa Rica's step, the last the court's: their frames differ.
    EXPECT_NE(slurp_file(dir / "a" / frame_path("f.png", 0)),
              slurp_file(dir / "a" / frame_path("f.png", a.result->frames - 1)));
    const std::string sidecar = slurp_file(a.result->sidecar);
    EXPECT_NE(sidecar.find("\"role\": \"story\""), std::string::npos) << sidecar;
    EXPECT_EQ(read_sidecar(a.result->sidecar).story, "s.toml");
    // The held frames last their durations in a video: 1 s and 2 s at 4 fps.
    EXPECT_NE(sidecar.find("\"video_frames\": 4"), std::string::npos);
    EXPECT_NE(sidecar.find("\"video_frames\": 8"), std::string::npos);

    expect_failure({"--out", (dir / "x.png").string(), "--story", story.string(), "--each-event"},
                   ExportErrorKind::Usage, "--story gives the frames");
    const fs::path bad = dir / "bad.toml";
    std::ofstream(bad) << "[[step]]\ndate = \"2025-02-30\"\n";
    expect_failure({"--out", (dir / "y.png").string(), "--story", bad.string()}, ExportErrorKind::Input,
                   "bad.toml:2: step 1: date");
}

}  // namespace deportmap::exporter

namespace deportmap::exporter {

// The bundled data's page gets its headline and a subtitle saying what the colours show
// on the date; --title "" leaves the title out; other data gets neither (issue 15).
TEST(ExportPage, DefaultTitleAndSubtitleForTheBundledData) {
    const fs::path dir = test::fresh_scratch_dir("default_title");
    const std::vector<std::string> size = {"--width", "800", "--height", "450", "--date", "2025-07-01"};
    auto svg_of = [&](const std::string& name, std::vector<std::string> extra) {
        std::vector<std::string> argv = {"--out", (dir / name).string()};
        argv.insert(argv.end(), size.begin(), size.end());
        argv.insert(argv.end(), extra.begin(), extra.end());
        const ExportOutcome o = run_export(request_of(argv));
        EXPECT_TRUE(o.ok()) << o.failure->message;
        return slurp_file(dir / name);
    };
    const std::string plain = svg_of("a.svg", {});
    EXPECT_NE(plain.find(">Where the U.S. has sought to send deportees who are not citizens</text>"), std::string::npos);
    EXPECT_NE(plain.find("Each country&apos;s status on 1 July 2025"), std::string::npos) << plain.substr(0, 3000);
    const std::string untitled = svg_of("b.svg", {"--title", ""});
    EXPECT_EQ(untitled.find("Where the U.S. has sought"), std::string::npos);
    EXPECT_NE(untitled.find("status on 1 July 2025"), std::string::npos);
    const std::string own = svg_of("c.svg", {"--data", std::string(DEPORTMAP_TEST_FIXTURES) + "/data/events_clean.csv"});
    EXPECT_EQ(own.find("Where the U.S. has sought"), std::string::npos);
    EXPECT_EQ(own.find("status on 1 July 2025"), std::string::npos);
}

}  // namespace deportmap::exporter
