// Composed exports end to end through the real binary (DEPORTMAP_BINARY): a golden PNG
// for every preset at a quarter of its size (exact on llvmpipe; UPDATE=1 rewrites), PNG
// text chunks, dark + transparent pages, the SVG compared as text with a committed
// expectation and checked by xmllint, sidecar round trips giving identical bytes, an
// export killed midway leaving no file under its name, SIGTERM leaving no temporary file
// either, batch numbering, animation frame count and duration (ffprobe), the view's
// options (labels, outlines, hidden and highlighted statuses, stripes over approximate
// dates with their legend key) as a golden PNG and SVG, and every bad input as a one-line
// error.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/scene.hpp"
#include "export/compose.hpp"
#include "core/data/statuses.hpp"
#include "image_check.hpp"
#include "run_binary.hpp"
#include "scratch.hpp"

namespace deportmap {
namespace {

namespace fs = std::filesystem;

using Args = std::vector<std::string>;

const Args kCommon = {
    "--date",     "2025-07-01",
    "--title",    "Third-country deportations",
    "--subtitle", "Countries the U.S. asked to take deportees who are not their citizens"};

using test::expect_one_line_error;
using test::fresh_scratch_dir;
using test::RunResult;
using test::scratch;
using test::slurp;

// `args` followed by `more`.
Args operator+(Args args, const Args& more) {
    args.insert(args.end(), more.begin(), more.end());
    return args;
}

RunResult deportmap(const Args& arguments) { return test::run_deportmap(arguments); }

// xmllint's verdict on the file at `path` (exit 0: well-formed).
RunResult xmllint(const fs::path& path) {
    return test::run_binary({"xmllint", "--noout", path.string()});
}

// The tEXt chunks of a PNG file as "key=value" strings.
std::vector<std::string> png_text_chunks(const std::string& bytes) {
    std::vector<std::string> out;
    size_t pos = 8;
    while (pos + 12 <= bytes.size()) {
        const auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<uint8_t>(bytes[i])); };
        const uint32_t len = (b(pos) << 24) | (b(pos + 1) << 16) | (b(pos + 2) << 8) | b(pos + 3);
        const std::string type = bytes.substr(pos + 4, 4);
        if (type == "tEXt") {
            std::string body = bytes.substr(pos + 8, len);
            const size_t nul = body.find('\0');
            if (nul != std::string::npos) body[nul] = '=';
            out.push_back(body);
        }
        pos += 12 + len;
    }
    return out;
}

bool has_chunk(const std::vector<std::string>& chunks, const std::string& entry) {
    for (const std::string& c : chunks) {
        if (c == entry) return true;
    }
    return false;
}

class ExportComposeTest : public ::testing::Test {};

TEST_F(ExportComposeTest, EveryPresetMatchesItsGolden) {
    const std::vector<std::pair<std::string, std::string>> presets = {
        {"1080p", "0.25"}, {"4k", "0.25"}, {"8k", "0.125"}, {"square", "0.5"},
        {"social", "0.5"}, {"a4-300dpi", "0.25"}, {"letter-300dpi", "0.25"}};
    for (const auto& [preset, size_scale] : presets) {
        SCOPED_TRACE(preset);
        const fs::path png = scratch() / (preset + ".png");
        const RunResult run = deportmap(Args{"export", "--out", png.string(), "--preset", preset,
                                             "--size-scale", size_scale, "--quiet"} +
                                        kCommon);
        ASSERT_EQ(run.exit_code, 0) << run.err;
        const auto image = test::load_png(png.string());
        ASSERT_TRUE(image.has_value());
        for (size_t i = 3; i < image->rgba.size(); i += 4) ASSERT_EQ(image->rgba[i], 255);
        EXPECT_TRUE(test::check_golden("export_" + preset + ".png", *image));
    }
    // Proportions do not depend on the output size: the 4k page at a quarter and the 8k
    // page at an eighth (both 960x540) are the same image. The credit line names the
    // output's list of sources (NAME.sources.csv), so both are written under one name.
    for (const auto& [preset, size_scale] : {std::pair<std::string, std::string>{"4k", "0.25"}, {"8k", "0.125"}}) {
        fs::create_directories(scratch() / preset);
        ASSERT_EQ(deportmap(Args{"export", "--out", (scratch() / preset / "page.png").string(), "--preset", preset,
                                 "--size-scale", size_scale, "--quiet"} +
                            kCommon)
                      .exit_code,
                  0);
    }
    EXPECT_TRUE(slurp(scratch() / "4k" / "page.png") == slurp(scratch() / "8k" / "page.png"));
}

// Presenter frames headless, at 1280x720: the example story through the export path
// (the step's date, legend with counts, caption and credit line on every frame). The frame
// that holds step 3 (the Rwanda payment, a month-only date: striped) and the last step's
// are goldens; the frames are planned from the frame number, so each run gives these bytes.
TEST_F(ExportComposeTest, StoryFramesAt720pMatchTheirGoldens) {
    const fs::path dir = fresh_scratch_dir("story_golden");
    const std::string story = std::string(DEPORTMAP_TEST_SOURCE_DIR) + "/assets/stories/third-country-deportations.toml";
    const RunResult run = deportmap({"export", "--story", story, "--width", "1280", "--height", "720", "--fps", "2",
                                     "--out", (dir / "f.png").string(), "--quiet"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const nlohmann::json sidecar = nlohmann::json::parse(slurp(dir / "f.png.json"));
    const auto& frames = sidecar["frames"];
    ASSERT_GT(frames.size(), 7u);
    // The last frame on step 3's date (its held frame), and the very last frame.
    size_t step3 = 0;
    for (size_t i = 0; i < frames.size(); ++i) {
        if (frames[i]["date"] == "2025-04") step3 = i;
    }
    ASSERT_GT(step3, 0u);
    const auto frame_file = [&](size_t i) {
        char name[32];
        std::snprintf(name, sizeof name, "f-%04zu.png", i + 1);
        return (dir / name).string();
    };
    const auto held = test::load_png(frame_file(step3));
    const auto last = test::load_png(frame_file(frames.size() - 1));
    ASSERT_TRUE(held.has_value() && last.has_value());
    EXPECT_EQ(held->width, 1280);
    EXPECT_EQ(held->height, 720);
    EXPECT_TRUE(test::check_golden("story_720p_step3.png", *held));
    EXPECT_TRUE(test::check_golden("story_720p_last.png", *last));
}

TEST_F(ExportComposeTest, PngCarriesTextChunks) {
    const fs::path png = scratch() / "chunks.png";
    const RunResult run = deportmap(Args{"export", "--out", png.string(), "--width", "480",
                                         "--height", "270", "--source", "Test source"} +
                                    kCommon);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto chunks = png_text_chunks(slurp(png));
    EXPECT_TRUE(has_chunk(chunks, "Title=Third-country deportations"));
    EXPECT_TRUE(has_chunk(chunks, "Source=Test source"));
    EXPECT_TRUE(has_chunk(chunks, "Date=2025-07-01"));
    bool version = false;
    for (const auto& c : chunks) version |= c.rfind("Software=deportmap ", 0) == 0;
    EXPECT_TRUE(version);
}

TEST_F(ExportComposeTest, DarkTransparentPage) {
    const fs::path png = scratch() / "dark.png";
    const RunResult run = deportmap(Args{"export", "--out", png.string(), "--width", "640",
                                         "--height", "360", "--theme", "dark", "--transparent"} +
                                    kCommon);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto image = test::load_png(png.string());
    ASSERT_TRUE(image.has_value());
    EXPECT_EQ(image->at(0, 0)[3], 0);        // the page is transparent
    EXPECT_EQ(image->at(639, 359)[3], 0);
    EXPECT_EQ(image->at(320, 180)[3], 255);  // the ocean is not
    EXPECT_TRUE(test::check_golden("export_dark_transparent.png", *image));
}

TEST_F(ExportComposeTest, SvgMatchesExpectationAndIsValidXml) {
    const fs::path svg = scratch() / "central.svg";
    const RunResult run = deportmap(
        Args{"export", "--out", svg.string(), "--preset", "social", "--size-scale", "0.5", "--lod",
             "110m", "--focus", "SLV,GTM,HND,CRI,PAN,NIC,BLZ", "--notes", "A & B <notes>"} +
        kCommon);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string text = slurp(svg);
    EXPECT_TRUE(test::check_text_golden("export_central.svg", svg));
    EXPECT_EQ(xmllint(svg).exit_code, 0);
    EXPECT_NE(text.find("<g id=\"status-receiving\""), std::string::npos);
    EXPECT_NE(text.find("<path id=\"SLV\" data-status=\"receiving\""), std::string::npos);
    EXPECT_NE(text.find("font-family=\"Noto Sans"), std::string::npos);
    EXPECT_NE(text.find(">As of 1 July 2025</text>"), std::string::npos);
    EXPECT_NE(text.find("A &amp; B &lt;notes&gt;"), std::string::npos);
}

TEST_F(ExportComposeTest, SidecarRoundTripGivesIdenticalBytes) {
    for (const char* ext : {"png", "svg"}) {
        SCOPED_TRACE(ext);
        // The same name in two folders (the credit line names NAME.sources.csv).
        fs::create_directories(scratch() / "first");
        fs::create_directories(scratch() / "again");
        const fs::path first = scratch() / "first" / (std::string("map.") + ext);
        const fs::path again = scratch() / "again" / (std::string("map.") + ext);
        ASSERT_EQ(deportmap(Args{"export", "--out", first.string(), "--width", "400", "--height",
                                 "300", "--theme", "dark", "--labels", "--highlight", "MEX,PER",
                                 "--hide-status", "declined", "--highlight-status", "receiving"} +
                            kCommon)
                      .exit_code,
                  0);
        const fs::path sidecar = first.string() + ".json";
        ASSERT_TRUE(fs::exists(sidecar));
        const std::string json = slurp(sidecar);
        EXPECT_NE(json.find("\"sha256\": \""), std::string::npos);
        EXPECT_NE(json.find("\"role\": \"boundaries\""), std::string::npos);
        EXPECT_NE(json.find("\"theme\": \"dark\""), std::string::npos);
        EXPECT_NE(json.find("\"labels\": true"), std::string::npos);
        EXPECT_NE(json.find("\"highlight_status\": \"receiving\""), std::string::npos);
        const RunResult run =
            deportmap({"export", "--from", sidecar.string(), "--out", again.string()});
        ASSERT_EQ(run.exit_code, 0) << run.err;
        EXPECT_TRUE(slurp(first) == slurp(again));
        EXPECT_TRUE(fs::exists(again.string() + ".json"));
    }
}

// Starts the binary with `args` (no shell, so a signal reaches it and not a shell).
std::unique_ptr<test::Process> start_deportmap(Args args) {
    args.insert(args.begin(), DEPORTMAP_BINARY);
    return std::make_unique<test::Process>(std::move(args));
}

// Files in `dir` whose name starts with `prefix`.
size_t count_prefixed(const fs::path& dir, const std::string& prefix) {
    size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir)) n += e.path().filename().string().rfind(prefix, 0) == 0;
    return n;
}

// Waits (up to `limit`) until `dir` holds a file named `prefix`...; false if the process
// ended first or the time ran out.
bool wait_for_file(test::Process& process, const fs::path& dir, const std::string& prefix,
                   std::chrono::seconds limit) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (std::chrono::steady_clock::now() < end) {
        if (count_prefixed(dir, prefix) > 0) return true;
        if (!process.running()) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
}

TEST_F(ExportComposeTest, KilledExportLeavesNoFileUnderItsName) {
    const fs::path dir = fresh_scratch_dir("killed");
    const fs::path target = dir / "killed.png";
    {
        std::ofstream old(target);
        old << "previous";
    }
    const std::string out = target.string();
    const auto export_run = start_deportmap(
        {"export", "--out", out, "--width", "16000", "--height", "9000", "--quiet"});
    ASSERT_TRUE(export_run->started());
    // Kill it while the new PNG is being written: its hidden temporary file has appeared
    // (a 16000x9000 page takes seconds to draw and to encode). Should the time run out,
    // the Process kills it when it goes out of scope.
    const bool writing =
        wait_for_file(*export_run, dir, ".killed.png.tmp-", std::chrono::seconds(120));
    ASSERT_TRUE(writing) << "the export finished before it was killed (no temporary file seen)";
    export_run->signal(SIGKILL);
    const RunResult ended = export_run->wait();
    EXPECT_NE(ended.signal, 0) << "the export finished before it was killed: "
                               << ended.how_it_ended();
    EXPECT_EQ(slurp(target), "previous");  // the old file is untouched
    EXPECT_FALSE(fs::exists(out + ".json"));
}

TEST_F(ExportComposeTest, SigtermDuringTheWriteLeavesNoTemporaryFile) {
    // SIGTERM while the PNG is being encoded into its hidden temporary file: the handler
    // removes the temporary file and the process still dies of SIGTERM.
    const fs::path dir = fresh_scratch_dir("term");
    const std::string out = (dir / "term.png").string();
    const auto export_run = start_deportmap({"export", "--out", out, "--width", "8000", "--height",
                                             "4500", "--layout", "map-only", "--quiet"});
    ASSERT_TRUE(export_run->started());
    const bool writing =
        wait_for_file(*export_run, dir, ".term.png.tmp-", std::chrono::seconds(120));
    ASSERT_TRUE(writing) << "the export ended before its temporary file was seen";
    export_run->signal(SIGTERM);
    const RunResult ended = export_run->wait();
    EXPECT_EQ(ended.signal, SIGTERM) << ended.how_it_ended() << ": " << ended.err;
    EXPECT_FALSE(fs::exists(out));
    EXPECT_FALSE(fs::exists(out + ".json"));
    EXPECT_EQ(count_prefixed(dir, "."), 0u) << "a hidden temporary file was left behind";
    EXPECT_TRUE(fs::is_empty(dir));
}

TEST_F(ExportComposeTest, SigtermDuringAnAnimationStopsFfmpegAndLeavesNothing) {
    const fs::path dir = fresh_scratch_dir("term-anim");
    const std::string movie = (dir / "anim.mp4").string();
    const auto export_run =
        start_deportmap({"export", "--animate", movie, "--width", "640", "--height", "360",
                         "--dates", "2024-01..2025-12", "--step", "1d", "--quiet"});
    ASSERT_TRUE(export_run->started());
    // ffmpeg writes its output under ".anim.mp4.tmp-PID" once the first frames arrive.
    const bool encoding =
        wait_for_file(*export_run, dir, ".anim.mp4.tmp-", std::chrono::seconds(120));
    ASSERT_TRUE(encoding) << "the animation ended before ffmpeg's temporary file was seen";
    // To the binary only: stopping ffmpeg is its handler's job, which this checks.
    export_run->signal(SIGTERM);
    const RunResult ended = export_run->wait();
    EXPECT_EQ(ended.signal, SIGTERM) << ended.how_it_ended() << ": " << ended.err;
    // ffmpeg was killed and reaped by the handler, so nothing can appear later either.
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    EXPECT_TRUE(fs::is_empty(dir)) << "left: " << (fs::is_empty(dir) ? "" : fs::directory_iterator(dir)->path().string());
}

TEST_F(ExportComposeTest, ViewOptionsMatchTheirGoldens) {
    // Labels, an outlined country, a hidden status, and stripes over approximate dates
    // with their legend key: a PNG golden and the SVG as text.
    const Args view = {"--labels", "--highlight", "MEX,GTM", "--hide-status",
                       "declined", "--lod",       "110m"};
    const fs::path png = scratch() / "view.png";
    RunResult run = deportmap(
        Args{"export", "--out", png.string(), "--width", "960", "--height", "540", "--quiet"} +
        view + kCommon);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto image = test::load_png(png.string());
    ASSERT_TRUE(image.has_value());
    EXPECT_TRUE(test::check_golden("export_view.png", *image));

    const fs::path svg = scratch() / "view.svg";
    run = deportmap(Args{"export", "--out", svg.string(), "--preset", "social", "--size-scale",
                         "0.5", "--focus", "SLV,GTM,HND,CRI,PAN,NIC,BLZ,MEX"} +
                    view + kCommon);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string text = slurp(svg);
    EXPECT_TRUE(test::check_text_golden("export_view.svg", svg));
    EXPECT_EQ(xmllint(svg).exit_code, 0);
    EXPECT_NE(text.find("<text data-country=\"MEX\""), std::string::npos);
    EXPECT_NE(text.find("<g id=\"highlight\""), std::string::npos);
    EXPECT_NE(text.find("<path data-country=\"GTM\""), std::string::npos);  // outlined, striped
    EXPECT_NE(text.find("<pattern id=\"hatch\""), std::string::npos);
    EXPECT_NE(text.find("fill=\"url(#hatch)\""), std::string::npos);
    EXPECT_NE(text.find(">Date known only to the month or year</text>"), std::string::npos);
    EXPECT_EQ(text.find("status-declined"), std::string::npos);  // hidden: no group, no legend
    EXPECT_EQ(text.find(">Declined</text>"), std::string::npos);
    // Labels, outlines and stripes scale with the type unit: the 4k page at a quarter and
    // the 8k page at an eighth are the same image.
    for (const auto& [preset, size_scale] : {std::pair<std::string, std::string>{"4k", "0.25"}, {"8k", "0.125"}}) {
        fs::create_directories(scratch() / ("view-" + preset));
        run = deportmap(Args{"export", "--out", (scratch() / ("view-" + preset) / "view.png").string(),
                             "--preset", preset, "--size-scale", size_scale, "--quiet"} +
                        view + kCommon);
        ASSERT_EQ(run.exit_code, 0) << run.err;
    }
    EXPECT_TRUE(slurp(scratch() / "view-4k" / "view.png") == slurp(scratch() / "view-8k" / "view.png"));
}

TEST_F(ExportComposeTest, StripeKeyOnlyWhenAStripedCountryIsShown) {
    const auto svg_for = [&](const std::string& name, const Args& options) {
        const fs::path svg = scratch() / name;
        const RunResult run = deportmap(
            Args{"export", "--out", svg.string(), "--width", "480", "--height", "270", "--quiet"} +
            options);
        EXPECT_EQ(run.exit_code, 0) << run.err;
        return slurp(svg);
    };
    const std::string key = ">Date known only to the month or year</text>";
    // On 1 July 2025 fifteen countries' statuses rest on a month or a year.
    EXPECT_NE(svg_for("key-world.svg", {"--date", "2025-07-01"}).find(key), std::string::npos);
    // None before the first such event.
    const std::string early = svg_for("key-early.svg", {"--date", "2024-06-01"});
    EXPECT_EQ(early.find(key), std::string::npos);
    EXPECT_EQ(early.find("url(#hatch)"), std::string::npos);
    // Hidden statuses are not striped: hiding every striped one drops the key.
    EXPECT_EQ(svg_for("key-hidden.svg", {"--date", "2025-07-01", "--hide-status",
                                         "contacted,declined,negotiating,receiving"})
                  .find(key),
              std::string::npos);
    // An area that shows none of them (North America) has no key either.
    EXPECT_EQ(
        svg_for("key-area.svg", {"--date", "2025-07-01", "--bounds", "-170,18,-50,75"}).find(key),
        std::string::npos);
}

TEST_F(ExportComposeTest, SvgOpensInInkscapeAsThePngPage) {
    // Inkscape is not one of the project's packages: where it is installed, the SVG page
    // is rendered by it and compared with the PNG of the same page.
    if (!test::on_path("inkscape")) {
        GTEST_SKIP() << "inkscape is not installed (apt-get install inkscape)";
    }
    const fs::path svg = scratch() / "ink.svg";
    const fs::path png = scratch() / "ink.png";
    const fs::path rendered = scratch() / "ink-inkscape.png";
    const Args view = {"--preset",   "social",   "--size-scale", "0.5", "--date",
                       "2025-07-01", "--labels", "--highlight",  "MEX"};
    ASSERT_EQ(deportmap(Args{"export", "--out", svg.string()} + view + kCommon).exit_code, 0);
    ASSERT_EQ(deportmap(Args{"export", "--out", png.string()} + view + kCommon).exit_code, 0);
    test::RunOptions both_streams;
    both_streams.merge_stderr = true;
    const RunResult ink = test::run_binary(
        {"inkscape", "--export-type=png", "--export-filename=" + rendered.string(), svg.string()},
        both_streams);
    ASSERT_EQ(ink.exit_code, 0) << ink.out;
    const auto image = test::load_png(rendered.string());
    ASSERT_TRUE(image.has_value()) << "inkscape wrote no PNG: " << ink.out;
    // Two rasterisers: edges and glyphs differ, the page does not.
    EXPECT_TRUE(test::check_same_render("inkscape_vs_png", png, *image));
}

TEST_F(ExportComposeTest, TiledExportMatchesOneTarget) {
    // Sizes beyond the driver's limits are rendered in tiles: forced here with small tiles.
    // Africa on 1 July 2025 has striped (approximate) countries: each tile passes its
    // place to the stripes, so they run on across the seams exactly.
    // One name in two folders: the credit line names the output's NAME.sources.csv.
    fs::create_directories(scratch() / "whole");
    fs::create_directories(scratch() / "tiled");
    const fs::path whole = scratch() / "whole" / "africa.png";
    const fs::path tiled = scratch() / "tiled" / "africa.png";
    const Args area = {"--bounds", "-20,-36,55,38", "--date", "2025-07-01"};
    ASSERT_EQ(deportmap(Args{"export", "--out", whole.string(), "--width", "700", "--height", "400",
                             "--quiet"} +
                        area + kCommon)
                  .exit_code,
              0);
    const RunResult run = deportmap(Args{"export", "--out", tiled.string(), "--width", "700",
                                         "--height", "400", "--max-tile", "128", "--quiet"} +
                                    area + kCommon);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto image = test::load_png(tiled.string());
    ASSERT_TRUE(image.has_value());
    // llvmpipe rounds a few edge pixels differently per tile origin (goldens.hpp). A
    // comparison of two renders: UPDATE=1 does not make it pass.
    EXPECT_TRUE(test::check_same_render("tiled_vs_whole", whole, *image));
}

TEST_F(ExportComposeTest, BatchFramesAreNumberedAndDated) {
    const fs::path dir = fresh_scratch_dir("batch");
    const RunResult run =
        deportmap({"export", "--out", (dir / "m.png").string(), "--width", "320", "--height", "180",
                   "--dates", "2025-01..2025-04", "--step", "1m"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "");  // no progress bar when stderr is not a terminal
    const char* dates[] = {"2025-01-31", "2025-02-28", "2025-03-31", "2025-04-30"};
    for (int i = 1; i <= 4; ++i) {
        const fs::path frame = dir / ("m-000" + std::to_string(i) + ".png");
        ASSERT_TRUE(fs::exists(frame)) << frame;
        EXPECT_TRUE(has_chunk(png_text_chunks(slurp(frame)), std::string("Date=") + dates[i - 1]));
    }
    EXPECT_FALSE(fs::exists(dir / "m-0005.png"));
    ASSERT_TRUE(fs::exists(dir / "m.png.json"));
    const std::string sidecar = slurp(dir / "m.png.json");
    EXPECT_NE(sidecar.find("\"frames\""), std::string::npos) << sidecar;
    for (const char* d : dates) EXPECT_NE(sidecar.find(std::string("\"date\": \"") + d + "\""), std::string::npos) << d;
}

// A print preset's PNG says its resolution (pHYs), scaled with --size-scale so the page
// keeps its physical size: a4-300dpi at 0.1 is 30 dpi, 1181 pixels a metre.
TEST_F(ExportComposeTest, PrintPresetPngCarriesItsResolution) {
    const fs::path out = scratch() / "a4.png";
    const RunResult run =
        deportmap({"export", "--out", out.string(), "--preset", "a4-300dpi", "--size-scale", "0.1", "--quiet"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string bytes = slurp(out);
    EXPECT_NE(bytes.find(std::string("pHYs\x00\x00\x04\x9d\x00\x00\x04\x9d\x01", 13)), std::string::npos);
}

// --focus and --highlight take names and aliases as --select does: the same page as the codes.
TEST_F(ExportComposeTest, FocusAndHighlightTakeCountryNames) {
    const Args size = {"--width", "240", "--height", "140", "--date", "2025-07-01", "--quiet"};
    fs::create_directories(scratch() / "code");
    fs::create_directories(scratch() / "name");
    const fs::path by_code = scratch() / "code" / "m.png", by_name = scratch() / "name" / "m.png";
    RunResult run = deportmap(Args{"export", "--out", by_code.string(), "--focus", "SLV,GTM",
                                   "--highlight", "HND"} + size);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    run = deportmap(Args{"export", "--out", by_name.string(), "--focus", "El Salvador,guatemala",
                         "--highlight", "Honduras"} + size);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto a = test::load_png(by_code.string()), b = test::load_png(by_name.string());
    ASSERT_TRUE(a && b);
    EXPECT_EQ(a->rgba, b->rgba);
    expect_one_line_error(deportmap(Args{"export", "--out", (scratch() / "x.png").string(), "--focus",
                                         "Nambia"} + size), 2, "--focus: unknown country 'Nambia'");
}

TEST_F(ExportComposeTest, AnimationFrameCountAndDuration) {
    for (const char* ext : {"mp4", "gif"}) {
        SCOPED_TRACE(ext);
        const fs::path movie = scratch() / (std::string("anim.") + ext);
        const RunResult run = deportmap({"export", "--animate", movie.string(), "--width", "320",
                                         "--height", "180", "--dates", "2025-01..2025-06", "--step",
                                         "1m", "--fps", "5", "--hold-last", "1", "--quiet"});
        ASSERT_EQ(run.exit_code, 0) << run.err;
        const RunResult probe = test::run_binary(
            {"ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
             "stream=nb_read_frames", "-show_entries", "format=duration", "-of",
             "default=noprint_wrappers=1", movie.string()});
        ASSERT_EQ(probe.exit_code, 0) << probe.err;
        const std::string info = probe.out;
        EXPECT_NE(info.find("nb_read_frames=11"), std::string::npos) << info;  // 6 + 1 s x 5 fps
        const size_t d = info.find("duration=");
        ASSERT_NE(d, std::string::npos) << info;
        EXPECT_NEAR(std::stod(info.substr(d + 9)), 2.2, 0.05) << info;
    }
}

// --pace time: the frames share three video frames each in proportion to the days they
// cover; the total, and so the duration, is fixed, and the sidecar lists each frame's share.
TEST_F(ExportComposeTest, TimePacedAnimationHoldsLongGaps) {
    const fs::path movie = scratch() / "paced.mp4";
    const RunResult run = deportmap({"export", "--animate", movie.string(), "--width", "160", "--height",
                                     "90", "--dates", "2025-01-01..2025-03-31", "--step", "1m", "--pace",
                                     "time", "--fps", "10", "--quiet"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const RunResult probe = test::run_binary({"ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                                              "-show_entries", "stream=nb_read_frames", "-of",
                                              "default=noprint_wrappers=1", movie.string()});
    ASSERT_EQ(probe.exit_code, 0) << probe.err;
    EXPECT_NE(probe.out.find("nb_read_frames=9"), std::string::npos) << probe.out;  // 3 frames x 3
    const std::string sidecar = slurp(fs::path(movie.string() + ".json"));
    EXPECT_NE(sidecar.find("\"pace\": \"time\""), std::string::npos) << sidecar;
    EXPECT_NE(sidecar.find("\"video_frames\""), std::string::npos) << sidecar;
}

TEST_F(ExportComposeTest, BadInputsAreOneLineErrors) {
    const fs::path dir = scratch();
    const Args out = {"--out", (dir / "bad.png").string(), "--width", "64", "--height", "36"};
    const fs::path text_file = dir / "not-an-image.png";
    test::write_file(text_file, "not an image");
    const Args export_out = Args{"export"} + out;
    expect_one_line_error(deportmap(export_out + Args{"--logo", text_file.string()}), 1,
                          "cannot read logo");
    expect_one_line_error(
        deportmap({"export", "--out", (dir / "x.png").string(), "--preset", "5k"}), 2,
        "unknown --preset '5k'");
    expect_one_line_error(deportmap({"export", "--out", dir.string()}), 2, "is a folder");
    expect_one_line_error(deportmap({"export", "--out", "/etc/passwd/map.png"}), 1,
                          "cannot write /etc/passwd/map.png");
    expect_one_line_error(deportmap({"export", "--out", (dir / "x.tiff").string()}), 2,
                          "must end in .png, .svg, .pdf or .html");
    expect_one_line_error(
        deportmap(export_out + Args{"--animate", (dir / "a.avi").string(), "--each-event"}), 2,
        "must end in .mp4 or .gif");
    expect_one_line_error(deportmap(export_out + Args{"--animate", (dir / "a.mp4").string()}), 2,
                          "--animate needs --each-event or --dates");
    expect_one_line_error(deportmap(export_out + Args{"--dates", "2025-05..2025-01"}), 2,
                          "FROM is after TO");
    expect_one_line_error(
        deportmap(export_out + Args{"--dates", "2025-01..2025-05", "--step", "3x"}), 2,
        "--step expects");
    expect_one_line_error(deportmap(export_out + Args{"--date", "2025-13"}), 2, "--date '2025-13'");
    expect_one_line_error(deportmap({"export", "--from", (dir / "missing.json").string()}), 1,
                          "cannot read");
    expect_one_line_error(deportmap({"export", "--from", text_file.string()}), 1, "not valid JSON");
    expect_one_line_error(deportmap(export_out + Args{"--theme", "sepia"}), 2,
                          "unknown --theme 'sepia'");
    expect_one_line_error(deportmap(export_out + Args{"--focus", "XYZ"}), 2, "--focus");
    expect_one_line_error(deportmap(export_out + Args{"--highlight", "MEX,XYZ"}), 2,
                          "--highlight: unknown country 'XYZ'");
    expect_one_line_error(deportmap(export_out + Args{"--hide-status", "asked"}), 2,
                          "--hide-status: unknown status 'asked'");
    expect_one_line_error(deportmap(export_out + Args{"--highlight-status", "nope"}), 2,
                          "--highlight-status: unknown status 'nope'");
    expect_one_line_error(deportmap({"export", "--from", text_file.string(), "--labels"}), 2,
                          "only --out may be given with it (not --labels)");
    EXPECT_FALSE(fs::exists(dir / "bad.png"));
}

}  // namespace
}  // namespace deportmap

namespace deportmap {
namespace {

// Bad rows: the first few problems and the count on stderr, the good rows drawn; with
// --strict the same problems are one error, exit 1, and no file.
TEST_F(ExportComposeTest, BadRowsAreSaidAndStrictRefusesThem) {
    const std::string bad = std::string(DEPORTMAP_TEST_FIXTURES) + "/data/events_bad.csv";
    const fs::path png = scratch() / "rows.png";
    const Args page = {"export", "--out", png.string(), "--width", "320", "--height", "180", "--data", bad};
    RunResult run = deportmap(page);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_TRUE(fs::exists(png));
    EXPECT_NE(run.err.find(bad + ":3: country_name: unknown country 'Narnia'"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("3 bad rows left out (run deportmap validate)"), std::string::npos) << run.err;

    fs::remove(png);
    run = deportmap(page + Args{"--strict"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_FALSE(fs::exists(png));
    EXPECT_NE(run.err.find("deportmap: --strict: 3 bad rows in the data (run deportmap validate):"), std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("  " + bad + ":3: country_name: unknown country 'Narnia'"), std::string::npos) << run.err;
}

// --patterns (issue 15): a patterned country in the PNG holds its colour and the colour
// of the pattern's marks, where without patterns it is one flat colour; the legend's
// swatch is patterned too; the SVG defines the patterns and fills the shapes with them.
TEST_F(ExportComposeTest, PatternsMarkTheStatusesInPngAndSvg) {
    const fs::path plain = scratch() / "plain.png", patterned = scratch() / "patterned.png";
    const Args page = {"export", "--width", "960", "--height", "540", "--date", "2026-05-01",
                       "--bounds=-120,5,-80,35", "--layout", "map-only", "--quiet"};
    RunResult run = deportmap(page + Args{"--out", plain.string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    run = deportmap(page + Args{"--out", patterned.string(), "--patterns"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto a = test::load_png(plain.string()), b = test::load_png(patterned.string());
    ASSERT_TRUE(a && b);
    // Mexico is receiving on that date (vertical lines): the pixels of its colour lose
    // ground to the marks' colour.
    const data::StatusTable table = data::StatusTable::load_default();
    const Color receiving = table[static_cast<size_t>(table.find("receiving"))].colour_light;
    auto count = [&](const test::Image& im, Color c) {
        int n = 0;
        for (int y = 0; y < im.height; ++y) {
            for (int x = 0; x < im.width; ++x) {
                const uint8_t* p = im.at(x, y);
                n += p[0] == c.r && p[1] == c.g && p[2] == c.b;
            }
        }
        return n;
    };
    const int flat = count(*a, receiving), marked = count(*b, receiving);
    EXPECT_GT(flat, 2000) << "Mexico should fill a good part of this view";
    EXPECT_LT(marked, flat * 85 / 100) << "the lines take their share";
    EXPECT_GT(marked, flat * 40 / 100) << "the colour still shows";
    const Color mark = exporter::pattern_mark(receiving);
    EXPECT_EQ(mark.r, 255);  // light marks on a dark blue

    const fs::path svg = scratch() / "patterned.svg";
    run = deportmap({"export", "--out", svg.string(), "--width", "960", "--height", "540", "--date", "2026-05-01",
                     "--patterns", "--quiet"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string text = test::slurp(svg);
    EXPECT_NE(text.find("<pattern id=\"pattern-3-light\""), std::string::npos);
    EXPECT_NE(text.find("<g id=\"patterns\""), std::string::npos);
    EXPECT_NE(text.find("data-country=\"MEX\" fill=\"url(#pattern-3-light)\""), std::string::npos);
    // Without --patterns there are none.
    run = deportmap({"export", "--out", svg.string(), "--width", "960", "--height", "540", "--date", "2026-05-01",
                     "--quiet"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(test::slurp(svg).find("pattern-"), std::string::npos);
}

// The interactive HTML embed (issue 14), in a real browser: one file with nothing to fetch,
// under 3 MB at 1:110m; headless Chromium opens it at a date given in the hash and the
// script recolours the map and recounts the legend, which must agree with `deportmap
// status` for that date. Needs chromium (scripts/setup.sh installs it).
TEST_F(ExportComposeTest, HtmlEmbedRecountsInTheBrowser) {
    const fs::path html = scratch() / "embed.html";
    RunResult run = deportmap({"export", "--out", html.string(), "--width", "1280", "--height", "720", "--date",
                               "2025-07-01", "--quiet"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string page = test::slurp(html);
    EXPECT_LT(page.size(), 3u * 1024 * 1024);
    for (const char* remote : {"<script src", "<link", "url(http", "@import", "<img"}) {
        EXPECT_EQ(page.find(remote), std::string::npos) << remote;
    }
    EXPECT_NE(page.find("<path id=\"MEX\""), std::string::npos);
    EXPECT_NE(page.find("rel = \"noopener\""), std::string::npos) << "source links open safely";
    EXPECT_NE(page.find("<noscript>"), std::string::npos);
    if (!test::on_path("chromium")) GTEST_SKIP() << "chromium is not installed";
    const std::string date = "2025-09-01";
    test::RunOptions options;
    options.timeout = std::chrono::seconds(90);
    options.env = {"HOME=" + scratch().string()};
    const RunResult dom = test::run_binary({"chromium", "--headless", "--no-sandbox", "--disable-gpu",
                                            "--no-first-run", "--user-data-dir=" + (scratch() / "profile").string(),
                                            "--virtual-time-budget=3000", "--dump-dom",
                                            "file://" + html.string() + "#date=" + date},
                                           options);
    ASSERT_EQ(dom.exit_code, 0) << dom.how_it_ended() << ": " << dom.err.substr(0, 2000);
    ASSERT_NE(dom.out.find("data-ready=\"true\""), std::string::npos) << "the script did not run";
    EXPECT_NE(dom.out.find("As of 1 September 2025"), std::string::npos);
    // Expected counts: the status command's rows for the date, per status.
    const RunResult status = deportmap({"status", "--date", date, "--format", "json"});
    ASSERT_EQ(status.exit_code, 0) << status.err;
    std::map<std::string, int> expected;
    for (const auto& row : nlohmann::json::parse(status.out)) ++expected[row["status"].get<std::string>()];
    const data::StatusTable table = data::StatusTable::load_default();
    for (const data::Status& s : table.all()) {
        const std::string tag = "<li data-key=\"" + s.key + "\">";
        const size_t at = dom.out.find(tag);
        ASSERT_NE(at, std::string::npos) << s.key;
        const size_t count_at = dom.out.find("<span class=\"dm-count\">", at);
        ASSERT_NE(count_at, std::string::npos);
        const int shown = std::stoi(dom.out.substr(count_at + 23));
        EXPECT_EQ(shown, expected[s.key]) << s.key << " on " << date;
    }
    // Mexico was receiving on that date: its path says so.
    EXPECT_NE(dom.out.find("id=\"MEX\" data-status=\"receiving\""), std::string::npos);
}

// --annotate (issue 14): callouts in the PNG (the page changes where the notes are) and
// the SVG (<g id="annotations"> with the note's text, its leader line and dot), by code
// or name; a bad value is a one-line error.
TEST_F(ExportComposeTest, AnnotationsAreCalloutsOnEveryFormat) {
    const Args page = {"export", "--width", "960", "--height", "540", "--date", "2025-07-01", "--quiet"};
    const Args notes = {"--annotate", "RWA=Paid $100,000 for one deportee", "--annotate", "Kosovo=Agreed to take 50"};
    const fs::path plain = scratch() / "plain.png", noted = scratch() / "noted.png", svg = scratch() / "noted.svg";
    ASSERT_EQ(deportmap(page + Args{"--out", plain.string()}).exit_code, 0);
    RunResult run = deportmap(page + notes + Args{"--out", noted.string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(test::slurp(plain), test::slurp(noted));
    run = deportmap(page + notes + Args{"--out", svg.string()});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string text = test::slurp(svg);
    EXPECT_NE(text.find("<g id=\"annotations\""), std::string::npos);
    EXPECT_NE(text.find("<g data-country=\"RWA\"><line"), std::string::npos);
    EXPECT_NE(text.find(">Paid $100,000 for one deportee</text>"), std::string::npos);
    EXPECT_NE(text.find("<g data-country=\"XKX\"><line"), std::string::npos);
    expect_one_line_error(deportmap(page + Args{"--out", plain.string(), "--annotate", "Narnia=Hello"}), 2,
                          "--annotate");
    // A file of notes: by country or by lon/lat, each shown only between its dates.
    const fs::path file = scratch() / "notes.csv";
    std::ofstream(file) << "text,country,lon,lat,date_from,date_to\n"
                           "First flight lands,Rwanda,,,2025-04,\n"
                           "Court halts removals,,-77.0,38.9,2025-05-07,2025-06-30\n";
    const fs::path june = scratch() / "june.svg", august = scratch() / "august.svg";
    run = deportmap({"export", "--out", june.string(), "--width", "960", "--height", "540", "--date", "2025-06-01",
                     "--annotations", file.string(), "--quiet"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(test::slurp(june).find(">Court halts removals</text>"), std::string::npos);
    EXPECT_NE(test::slurp(june).find(">First flight lands</text>"), std::string::npos);
    run = deportmap({"export", "--out", august.string(), "--width", "960", "--height", "540", "--date", "2025-08-01",
                     "--annotations", file.string(), "--quiet"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(test::slurp(august).find("Court halts removals"), std::string::npos) << "past its date_to";
    const fs::path bad = scratch() / "bad.csv";
    std::ofstream(bad) << "text,country\nHello,Narnia\n";
    expect_one_line_error(deportmap(page + Args{"--out", plain.string(), "--annotations", bad.string()}), 2,
                          bad.string() + ":2: country: unknown country 'Narnia'");
    std::ofstream(bad) << "text,lon,lat\nThere,200,10\n";
    expect_one_line_error(deportmap(page + Args{"--out", plain.string(), "--annotations", bad.string()}), 2,
                          bad.string() + ":2: lon: '200' is not a longitude");
    expect_one_line_error(deportmap(page + Args{"--out", plain.string(), "--annotate", "no equals sign"}), 2,
                          "expected COUNTRY=TEXT");
}

// Vector PDF for print (issue 14): the page through Cairo, A4 and US Letter from the print
// presets, real text (pdftotext finds the title, the date and the credit), fonts
// embedded and subset, the same bytes from the same export, and a page of the image's
// aspect for other sizes. Needs poppler-utils (scripts/setup.sh installs it).
TEST_F(ExportComposeTest, PdfIsAVectorPageWithRealText) {
    if (!test::on_path("pdftotext") || !test::on_path("pdfinfo") || !test::on_path("pdffonts")) {
        GTEST_SKIP() << "pdftotext, pdfinfo or pdffonts (poppler-utils) is not installed";
    }
    const fs::path pdf = scratch() / "a4.pdf";
    RunResult run = deportmap({"export", "--out", pdf.string(), "--preset", "a4-300dpi", "--date", "2025-07-01",
                               "--patterns", "--quiet"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const RunResult info = test::run_binary({"pdfinfo", pdf.string()});
    EXPECT_NE(info.out.find("Page size:       841.92 x 595.2 pts (A4)"), std::string::npos) << info.out;
    EXPECT_NE(info.out.find("Title:           Where the U.S. has sought to send deportees who are not citizens"),
              std::string::npos)
        << info.out;
    const RunResult text = test::run_binary({"pdftotext", pdf.string(), "-"});
    EXPECT_NE(text.out.find("As of 1 July 2025"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("Receiving 6"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("Sources: The New York Times"), std::string::npos) << text.out;
    const RunResult fonts = test::run_binary({"pdffonts", pdf.string()});
    EXPECT_NE(fonts.out.find("NotoSans-Regular"), std::string::npos) << fonts.out;
    EXPECT_NE(fonts.out.find("yes yes"), std::string::npos) << "embedded and subset: " << fonts.out;
    // The same export into the same name elsewhere: the same bytes.
    const fs::path again = fresh_scratch_dir("again") / "a4.pdf";
    run = deportmap({"export", "--out", again.string(), "--preset", "a4-300dpi", "--date", "2025-07-01", "--patterns",
                     "--quiet"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(test::slurp(pdf), test::slurp(again));
    // US Letter, and a 1080p page at 150 dpi.
    const fs::path letter = scratch() / "letter.pdf", hd = scratch() / "hd.pdf";
    ASSERT_EQ(deportmap({"export", "--out", letter.string(), "--preset", "letter-300dpi", "--quiet"}).exit_code, 0);
    EXPECT_NE(test::run_binary({"pdfinfo", letter.string()}).out.find("792 x 612 pts (letter)"), std::string::npos);
    ASSERT_EQ(deportmap({"export", "--out", hd.string(), "--preset", "1080p", "--quiet"}).exit_code, 0);
    EXPECT_NE(test::run_binary({"pdfinfo", hd.string()}).out.find("921.6 x 518.4 pts"), std::string::npos);
    // An animation renders PNG frames only.
    expect_one_line_error(deportmap({"export", "--out", (scratch() / "f.pdf").string(), "--dates", "2025-03..2025-05",
                                     "--animate", (scratch() / "a.mp4").string()}),
                          2, "--animate renders PNG frames; --out must be .png");
}

// Beside every export (issue 14): OUT.alt.txt, the map in words, and OUT.csv, the same
// rows `deportmap status --format csv` prints for the date; the PNG carries the words in
// its Description (iTXt where the text is not ASCII), the SVG as <title> and <desc>;
// --no-extras leaves the two files out.
TEST_F(ExportComposeTest, AltTextAndDataBesideEveryExport) {
    const fs::path png = scratch() / "m.png";
    RunResult run = deportmap({"export", "--out", png.string(), "--width", "480", "--height", "270", "--date",
                               "2025-07-01", "--source", "Reuters, Médecins Sans Frontières", "--quiet"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string alt = test::slurp(png.string() + ".alt.txt");
    EXPECT_EQ(alt.rfind("World map as of 1 July 2025. Of the 53 countries the data names, on this date ", 0), 0u) << alt;
    EXPECT_NE(alt.find("6 were receiving them: El Salvador, Guatemala, Honduras, Mexico, Rwanda and Uzbekistan;"),
              std::string::npos)
        << alt;
    EXPECT_NE(alt.find("1 was negotiating: Equatorial Guinea;"), std::string::npos) << alt;
    EXPECT_NE(alt.find("Reuters, Médecins Sans Frontières"), std::string::npos) << alt;
    EXPECT_EQ(alt.back(), '\n');
    const RunResult status = deportmap({"status", "--date", "2025-07-01", "--format", "csv"});
    ASSERT_EQ(status.exit_code, 0) << status.err;
    EXPECT_EQ(test::slurp(png.string() + ".csv"), status.out);
    const std::string bytes = test::slurp(png);
    EXPECT_NE(bytes.find("iTXtSource"), std::string::npos) << "UTF-8 text goes in iTXt";
    EXPECT_NE(bytes.find("iTXtDescription"), std::string::npos) << "the description names the source too";
    EXPECT_NE(bytes.find("tEXtDate"), std::string::npos) << "ASCII text stays in tEXt";
    EXPECT_NE(bytes.find(alt.substr(0, 60)), std::string::npos);

    const fs::path svg = scratch() / "m.svg";
    run = deportmap({"export", "--out", svg.string(), "--width", "480", "--height", "270", "--date", "2025-07-01",
                     "--quiet"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string text = test::slurp(svg);
    EXPECT_NE(text.find("<title>Where the U.S. has sought to send deportees who are not citizens</title>"),
              std::string::npos);
    EXPECT_NE(text.find("<desc>World map as of 1 July 2025."), std::string::npos);
    EXPECT_TRUE(fs::exists(svg.string() + ".alt.txt"));

    const fs::path bare = scratch() / "bare.png";
    run = deportmap({"export", "--out", bare.string(), "--width", "480", "--height", "270", "--no-extras", "--quiet"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_FALSE(fs::exists(bare.string() + ".alt.txt"));
    EXPECT_FALSE(fs::exists(bare.string() + ".csv"));
    EXPECT_TRUE(fs::exists(bare.string() + ".json"));
}

// Markers at 8K (issue 15): twice 1080p's radius (the square root of the type unit, not
// the unit), and crowded ones shrink to half the distance to their nearest neighbour,
// so the Caribbean's markers no longer cover one another. Read from the SVG's circles.
TEST_F(ExportComposeTest, MarkersAt8KKeepClearOfTheirNeighbours) {
    const fs::path svg = scratch() / "8k.svg";
    const RunResult run = deportmap({"export", "--out", svg.string(), "--preset", "8k", "--date", "2026-05-01", "--quiet"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const std::string text = test::slurp(svg);
    struct Circle {
        std::string id;
        double x, y, r;
    };
    std::vector<Circle> circles;
    for (size_t at = text.find("<circle id=\"marker-"); at != std::string::npos;
         at = text.find("<circle id=\"marker-", at + 1)) {
        const size_t end = text.find('>', at);
        const std::string tag = text.substr(at, end - at);
        auto attr = [&](const std::string& name) {
            const size_t p = tag.find(" " + name + "=\"");
            return p == std::string::npos ? -1.0 : std::stod(tag.substr(p + name.size() + 3));
        };
        circles.push_back({tag.substr(19, 3), attr("cx"), attr("cy"), attr("r")});
    }
    ASSERT_GT(circles.size(), 10u);
    int crowded = 0;
    for (size_t i = 0; i < circles.size(); ++i) {
        EXPECT_LE(circles[i].r, 9.0 + 1e-9) << circles[i].id;
        EXPECT_GE(circles[i].r, 4.5 - 1e-9) << circles[i].id;
        for (size_t j = i + 1; j < circles.size(); ++j) {
            const double d = std::hypot(circles[i].x - circles[j].x, circles[i].y - circles[j].y);
            if (d < 18.0) ++crowded;
            if (d >= 9.0) {
                EXPECT_LE(circles[i].r + circles[j].r, d + 0.2) << circles[i].id << " covers " << circles[j].id;
            }
        }
    }
    EXPECT_GT(crowded, 0) << "the Caribbean's markers are close enough to need spacing";
}

// Type sized for print on a page too small for it (issue 15): the export says so with the
// figures and makes the type smaller, so the map keeps half the page's height; --scale
// the same. Measured on the PNG: the rows that hold the ocean's colour.
TEST_F(ExportComposeTest, TypeTooLargeForThePageIsSaidAndShrunk) {
    const Color ocean = theme_colors(Theme::Light).ocean;
    auto map_rows = [&](const fs::path& png) {
        const auto image = test::load_png(png.string());
        if (!image) return -1;
        int rows = 0;
        for (int y = 0; y < image->height; ++y) {
            for (int x = 0; x < image->width; ++x) {
                const uint8_t* p = image->at(x, y);
                if (p[0] == ocean.r && p[1] == ocean.g && p[2] == ocean.b) {
                    ++rows;
                    break;
                }
            }
        }
        return rows;
    };
    const fs::path png = scratch() / "dpi.png";
    RunResult run = deportmap({"export", "--out", png.string(), "--width", "960", "--height", "540", "--dpi", "300"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.err.find("warning: --dpi 300 on a 960x540 page (3.2 x 1.8 inches) would leave the map"),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("smaller to keep it half the page (for print at 300 dpi use a page of about"),
              std::string::npos)
        << run.err;
    EXPECT_GE(map_rows(png), 540 / 2 - 20) << "the map keeps about half the page";
    // --scale on a small page: the same rule.
    run = deportmap({"export", "--out", png.string(), "--width", "800", "--height", "600", "--scale", "4"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.err.find("warning: --scale 4 on a 800x600 page would leave the map"), std::string::npos) << run.err;
    EXPECT_GE(map_rows(png), 600 / 2 - 20);
    // A page with room for 300 dpi type says nothing.
    run = deportmap({"export", "--out", png.string(), "--preset", "a4-300dpi", "--size-scale", "0.5", "--quiet"});
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err.find("warning"), std::string::npos) << run.err;
}

// Boundaries that lack countries the data names: the export lists them, counts them in
// the legend as the window does, and --strict refuses.
TEST_F(ExportComposeTest, CountriesTheBoundariesLackAreListedAndCounted) {
    const fs::path geo = scratch() / "two.geojson";
    {
        std::ofstream f(geo);
        f << R"({"type":"FeatureCollection","features":[)"
          << R"({"type":"Feature","properties":{"iso3":"RWA","name":"Rwanda"},"geometry":{"type":"Polygon",)"
          << R"("coordinates":[[[29,-1],[31,-1],[31,-3],[29,-3],[29,-1]]]}},)"
          << R"({"type":"Feature","properties":{"iso3":"FRA","name":"France"},"geometry":{"type":"Polygon",)"
          << R"("coordinates":[[[0,45],[5,45],[5,49],[0,49],[0,45]]]}}]})";
    }
    const fs::path svg = scratch() / "two.svg";
    const Args page = {"export", "--out", svg.string(), "--width", "480", "--height", "270",
                       "--date", "2025-07-01", "--boundaries", geo.string()};
    RunResult run = deportmap(page);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.err.find(" of the data are not in " + geo.string() + " (counted in the legend, not drawn): "),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("Kosovo (XKX)"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.find("Rwanda (RWA)"), std::string::npos) << run.err;  // it is drawn
    // The legend counts what the window counts: `status` prints the same date's table.
    const RunResult status = deportmap({"status", "--date", "2025-07-01", "--format", "csv"});
    ASSERT_EQ(status.exit_code, 0) << status.err;
    int agreed = 0;
    for (const std::string& line : test::split_lines(status.out)) agreed += line.find(",agreed,") != std::string::npos;
    ASSERT_GT(agreed, 1);
    const std::string text = slurp(svg);
    EXPECT_NE(text.find(">Agreed</text>"), std::string::npos);
    EXPECT_NE(text.find(">" + std::to_string(agreed) + "</text>"), std::string::npos) << "agreed " << agreed;

    fs::remove(svg);
    run = deportmap(page + Args{"--strict"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_FALSE(fs::exists(svg));
    EXPECT_NE(run.err.find("deportmap: --strict: "), std::string::npos) << run.err;

    // The bundled boundaries (every level) carry every country of the bundled data.
    run = deportmap({"export", "--out", svg.string(), "--width", "480", "--height", "270", "--strict"});
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err.find("not in"), std::string::npos) << run.err;
}

}  // namespace
}  // namespace deportmap
