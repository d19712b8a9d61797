// Export core without GL: page layout (nothing overlaps, everything inside the page, the
// same proportions at any size), text measuring and wrapping, UTF-8 decoding, SVG escaping,
// SHA-256 against a known vector, the sidecar's JSON round trip and atomic writes; the
// stripe key in the legend, stripes and outlines on the canvas, country labels without
// overlaps, and temporary files removed when SIGTERM ends a process.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "export/annotations.hpp"
#include "export/canvas.hpp"
#include "export/compose.hpp"
#include "export/font.hpp"
#include "core/util/args.hpp"
#include "export/frames.hpp"
#include "export/layout.hpp"
#include "export/map_labels.hpp"
#include "export/sidecar.hpp"
#include "export/svg.hpp"
#include "export/temp_files.hpp"
#include "scratch.hpp"

namespace deportmap::exporter {
namespace {

namespace fs = std::filesystem;

PageText sample_text() {
    PageText t;
    t.title = "Third-country deportations: who was asked, who agreed";
    t.subtitle = "Countries the U.S. asked to take deportees who are not their citizens";
    t.date_line = "As of 1 July 2025";
    t.source = "Sources: 46 publishers, including several newspapers. Boundaries: Natural Earth.";
    t.notes = "Counts are countries.";
    for (const char* label : {"Asked", "Negotiating", "Agreed", "Receiving", "Declined",
                              "Paused or ended", "Blocked by a court", "Allowed by a court",
                              "No known request"}) {
        t.legend.push_back({label, label, Color{10, 20, 30, 255}, 12});
    }
    return t;
}

bool overlaps(const Rect& a, const Rect& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// The box a text item's ink covers: Latin capitals and ascenders reach about 0.75 em
// above the baseline in Noto Sans, descenders about 0.25 em below.
Rect text_box(const TextItem& t) {
    const text::Font& f = t.bold ? text::Font::bold() : text::Font::regular();
    const double w = f.measure(t.text, t.size);
    const double x = t.anchor_end ? t.x - w : t.x;
    return {x, t.baseline - 0.76 * t.size, w, 1.0 * t.size};
}

TEST(ExportLayout, NothingOverlapsAndEverythingIsInsideThePage) {
    for (const auto& [w, h] : std::vector<std::pair<int, int>>{{1920, 1080}, {1080, 1080}, {1200, 675}, {2480, 3508}})
    for (const double aspect : {0.0, 2.05}) {
        SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h) + " aspect " + std::to_string(aspect));
        PageOptions o;
        o.width = w;
        o.height = h;
        o.unit = type_unit(w, h, 1.0, std::nullopt);
        o.logo_width = 200;
        o.logo_height = 100;
        o.map_aspect = aspect;
        const PageLayout page = compute_layout(sample_text(), o);
        std::vector<Rect> boxes;
        for (const TextItem& t : page.texts) boxes.push_back(text_box(t));
        for (const SwatchItem& s : page.swatches) boxes.push_back(s.rect);
        ASSERT_TRUE(page.logo.has_value());
        boxes.push_back(*page.logo);
        EXPECT_GT(page.map.h, h * 0.2);
        if (page.closed_in > 0) {
            EXPECT_NEAR(page.map.h, page.map.w / aspect, 2);
        }
        for (size_t i = 0; i < boxes.size(); ++i) {
            const Rect& b = boxes[i];
            EXPECT_GE(b.x, 0);
            EXPECT_GE(b.y, 0);
            EXPECT_LE(b.x + b.w, w);
            EXPECT_LE(b.y + b.h, h);
            EXPECT_FALSE(overlaps(b, page.map)) << "item " << i << " overlaps the map";
            for (size_t j = i + 1; j < boxes.size(); ++j) {
                EXPECT_FALSE(overlaps(b, boxes[j])) << "items " << i << " and " << j << " overlap";
            }
        }
    }
}

// A square page with a world map twice as wide as tall: the map's slot shrinks to the map,
// the header comes down and the footer up by the same amount, so nothing is left as an
// empty band around the map; a batch frame given the reserved amount closes in the same.
TEST(ExportLayout, SquarePageClosesInAroundAWideMap) {
    PageOptions o;
    o.width = o.height = 1080;
    o.unit = type_unit(1080, 1080, 1.0, std::nullopt);
    const PageLayout open = compute_layout(sample_text(), o);
    o.map_aspect = 2.0;
    const PageLayout closed = compute_layout(sample_text(), o);
    EXPECT_NEAR(closed.map.h, closed.map.w / 2, 2);
    EXPECT_GT(closed.closed_in, 100);
    EXPECT_EQ(closed.map.h + closed.closed_in, open.map.h);
    EXPECT_EQ(closed.map.y, open.map.y + closed.closed_in / 2);
    ASSERT_EQ(closed.texts.size(), open.texts.size());
    EXPECT_EQ(closed.texts.front().baseline, open.texts.front().baseline + closed.closed_in / 2);
    EXPECT_EQ(closed.texts.back().baseline, open.texts.back().baseline - closed.closed_in / 2);
    PageOptions frame = o;
    frame.map_aspect = 0;
    frame.closed_in = closed.closed_in;
    EXPECT_EQ(compute_layout(sample_text(), frame).map.y, closed.map.y);
    // A page already shaped like its map keeps its slot.
    o.width = 1920;
    o.map_aspect = 0;
    const PageLayout wide = compute_layout(sample_text(), o);
    o.map_aspect = wide.map.w / wide.map.h;
    EXPECT_EQ(compute_layout(sample_text(), o).closed_in, 0);
}

TEST(ExportLayout, ProportionsAreTheSameAtEverySize) {
    PageOptions small;
    small.width = 1920;
    small.height = 1080;
    small.unit = type_unit(1920, 1080, 1.0, std::nullopt);
    PageOptions big = small;
    big.width = 7680;
    big.height = 4320;
    big.unit = type_unit(7680, 4320, 1.0, std::nullopt);
    EXPECT_DOUBLE_EQ(big.unit, 4.0);
    const PageLayout a = compute_layout(sample_text(), small);
    const PageLayout b = compute_layout(sample_text(), big);
    ASSERT_EQ(a.texts.size(), b.texts.size());
    EXPECT_NEAR(b.map.y / 4320.0, a.map.y / 1080.0, 0.002);
    EXPECT_NEAR(b.map.h / 4320.0, a.map.h / 1080.0, 0.002);
    for (size_t i = 0; i < a.texts.size(); ++i) {
        EXPECT_EQ(a.texts[i].text, b.texts[i].text);
        EXPECT_NEAR(b.texts[i].baseline / 4, a.texts[i].baseline, 1.0);
    }
    // With a dpi, the unit follows the print resolution.
    EXPECT_DOUBLE_EQ(type_unit(3508, 2480, 1.0, 300.0), 2.0);
    EXPECT_DOUBLE_EQ(type_unit(1920, 1080, 1.5, std::nullopt), 1.5);
}

TEST(ExportLayout, MapOnlyFillsThePage) {
    PageOptions o;
    o.full = false;
    const PageLayout page = compute_layout(sample_text(), o);
    EXPECT_EQ(page.map.w, 1920);
    EXPECT_EQ(page.map.h, 1080);
    EXPECT_TRUE(page.texts.empty());
}

TEST(ExportText, MeasureWrapAndDecode) {
    const text::Font& f = text::Font::regular();
    EXPECT_GT(f.measure("Hello", 20), 30);
    EXPECT_NEAR(f.measure("Hello", 40), 2 * f.measure("Hello", 20), 0.01);
    const auto lines = text::wrap_text(f, "one two three four five six", 20, f.measure("one two three", 20) + 1);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], "one two three");
    EXPECT_EQ(lines[1], "four five six");
    EXPECT_EQ(text::decode_utf8("Côte"), (std::vector<uint32_t>{'C', 0xF4, 't', 'e'}));
    EXPECT_EQ(text::decode_utf8("\xff" "a"), (std::vector<uint32_t>{0xFFFD, 'a'}));
    EXPECT_EQ(text::decode_utf8("\xc3"), (std::vector<uint32_t>{0xFFFD}));
    // Drawing puts ink in the canvas.
    Canvas c(100, 40, Color{255, 255, 255, 255});
    f.draw(c, 5, 30, "Map", 24, Color{0, 0, 0, 255});
    int dark = 0;
    for (size_t i = 0; i < c.rgba().size(); i += 4) dark += c.rgba()[i] < 128;
    EXPECT_GT(dark, 50);
}

TEST(ExportSvg, EscapesText) {
    EXPECT_EQ(xml_escape("A & B <c> \"d\" 'e'"), "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;");
    EXPECT_EQ(xml_escape(std::string("a\x01z")), "az");
}

TEST(ExportSidecar, Sha256KnownVector) {
    EXPECT_EQ(sha256_hex("abc", 3), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("", 0), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(ExportSidecar, RoundTripAndAtomicWrite) {
    const fs::path dir = test::scratch();
    ExportParams p;
    p.out = "map.png";
    p.date = "2025-07";
    p.preset = "4k";
    p.scale = 1.5;
    p.dpi = 300;
    p.bounds = std::array<double, 4>{-20, -40, 55, 40};
    p.focus = {"KEN", "UGA"};
    p.title = "T \"quoted\"";
    p.source = "S";
    p.theme = "dark";
    p.transparent = true;
    p.data = {"a.csv", "b.csv"};
    p.fps = 12;
    p.hold_last = 2.5;
    p.labels = true;
    p.highlight = {"MEX", "GTM"};
    p.hide_status = {"contacted"};
    p.highlight_status = "receiving";
    const std::string path = (dir / "map.png.json").string();
    write_file_atomic(path, sidecar_json(p, {{"data", "/x/a.csv", "00"}}, "9.9", {"map.png"}));
    std::vector<InputHash> inputs;
    const ExportParams q = read_sidecar(path, &inputs);
    EXPECT_EQ(sidecar_json(q, inputs, "9.9", {"map.png"}), sidecar_json(p, inputs, "9.9", {"map.png"}));
    ASSERT_EQ(inputs.size(), 1u);
    EXPECT_EQ(inputs[0].path, "/x/a.csv");
    EXPECT_TRUE(q.labels);
    EXPECT_EQ(q.highlight, (std::vector<std::string>{"MEX", "GTM"}));
    EXPECT_EQ(q.hide_status, (std::vector<std::string>{"contacted"}));
    EXPECT_EQ(q.highlight_status, "receiving");
    // No temporary file is left behind.
    size_t files = 0;
    for (const auto& e : fs::directory_iterator(dir)) files += e.is_regular_file();
    EXPECT_EQ(files, 1u);
    // Bad sidecars are one-line errors naming the file.
    write_file_atomic((dir / "bad.json").string(), "{\"format\": \"deportmap-export-sidecar\", \"parameters\": {\"width\": \"wide\"}}");
    try {
        read_sidecar((dir / "bad.json").string());
        ADD_FAILURE() << "no error";
    } catch (const SidecarError& e) {
        EXPECT_NE(std::string(e.what()).find("parameters.width"), std::string::npos) << e.what();
    }
    EXPECT_THROW(write_file_atomic((dir / "missing" / "x.json").string(), "x"), std::runtime_error);
}

TEST(ExportLayout, StripeKeyHasAStripedSwatchAndNoCount) {
    PageText t = sample_text();
    LegendEntry key{"approximate", "Date known only to the month or year", Color{90, 90, 90, 255}, 0};
    key.hatched = true;
    t.legend.push_back(key);
    PageOptions o;
    o.unit = 2.0;
    const PageLayout page = compute_layout(t, o);
    ASSERT_EQ(page.swatches.size(), t.legend.size());
    EXPECT_DOUBLE_EQ(page.swatches.back().hatch, kHatchUnits * 2.0);
    EXPECT_EQ(page.swatches.front().hatch, 0.0);
    // Each status has a label and a count; the key only its label.
    size_t labels = 0, zeros = 0;
    for (const TextItem& item : page.texts) {
        labels += item.text == key.label;
        zeros += item.text == "0";
    }
    EXPECT_EQ(labels, 1u);
    EXPECT_EQ(zeros, 0u);
}

TEST(ExportCanvas, StripesFollowTheShaderRule) {
    // Period 10: a stripe is 3.5 px wide along x; x - y constant along a stripe.
    const int h = 40;
    int on = 0;
    for (int x = 0; x < 10; ++x) on += on_hatch_stripe(x, 0, h, 10.0);
    EXPECT_EQ(on, 4);  // pixel centres 0.5 .. 3.5 of each 10
    for (int x = 0; x < 30; ++x) {
        EXPECT_EQ(on_hatch_stripe(x, 5, h, 10.0), on_hatch_stripe(x + 1, 6, h, 10.0));
    }
    EXPECT_FALSE(on_hatch_stripe(3, 3, h, 0.0));
    Canvas c(20, 20, Color{0, 0, 0, 255});
    hatch_rect(c, 0, 0, 20, 20, 10.0, Color{200, 100, 50, 255});
    int mixed = 0;
    for (int y = 0; y < 20; ++y) {
        for (int x = 0; x < 20; ++x) {
            const uint8_t* p = c.pixel(x, y);
            if (on_hatch_stripe(x, y, 20, 10.0)) {
                EXPECT_EQ(p[0], 100);  // half the colour over black
                ++mixed;
            } else {
                EXPECT_EQ(p[0], 0);
            }
        }
    }
    EXPECT_GT(mixed, 100);
}

TEST(ExportCanvas, OutlineStrokesTheRingInsideTheClip) {
    Canvas c(100, 100, Color{255, 255, 255, 255});
    const std::vector<std::vector<geo::Vec2>> rings = {{{20, 20}, {80, 20}, {80, 80}, {20, 80}}};
    stroke_rings(c, rings, 3.0, Color{0, 0, 0, 255}, 0, 0, 60, 100);
    EXPECT_EQ(c.pixel(50, 20)[0], 0);      // on the top edge: full coverage
    EXPECT_EQ(c.pixel(20, 50)[0], 0);      // on the left edge
    EXPECT_EQ(c.pixel(50, 50)[0], 255);    // inside: untouched
    EXPECT_EQ(c.pixel(50, 25)[0], 255);    // beyond the stroke's half width
    EXPECT_EQ(c.pixel(80, 50)[0], 255);    // the right edge is outside the clip
    EXPECT_EQ(c.pixel(20, 20)[0], 0);      // the corner join is not darker than black...
    EXPECT_EQ(c.pixel(20, 20)[3], 255);    // ...and stays opaque
}

TEST(ExportCanvas, BandsHoldTheSamePixelsAsTheWholePage) {
    // What export does for big pages: compose band by band; every band must equal the
    // same rows of a page drawn whole (rectangles, discs, stripes, outlines, text, images).
    constexpr int kW = 160, kH = 90;
    const Color bg{240, 236, 228, 255};
    std::vector<uint8_t> image(static_cast<size_t>(30 * 20 * 4));
    for (size_t i = 0; i < image.size(); ++i) image[i] = static_cast<uint8_t>(i * 7);
    const auto draw = [&](exporter::Canvas& c) {
        c.fill_rect(10.3, 5.6, 70.2, 40.7, Color{200, 40, 40, 200});
        c.fill_circle(90.5, 44.2, 17.3, Color{20, 90, 200, 255});
        exporter::hatch_rect(c, 5, 50, 60, 85, 7.0, Color{255, 255, 255, 255});
        exporter::stroke_rings(c, {{{100, 10}, {150, 20}, {130, 70}}}, 3.0, Color{0, 0, 0, 255}, 0, 0, kW, kH);
        text::Font::bold().draw(c, 12, 62, "Banded Text", 22, Color{10, 10, 10, 255});
        c.blit(image, 30, 20, 120, 66);
        c.copy(image, 30, 20, -5, 70);
    };
    exporter::Canvas whole(kW, kH, bg);
    draw(whole);
    for (const int rows : {1, 7, 16, 45, 90}) {
        for (int top = 0; top < kH; top += rows) {
            const int n = std::min(rows, kH - top);
            exporter::Canvas band(kW, kH, bg, top, n);
            ASSERT_EQ(band.height(), kH);
            ASSERT_EQ(band.band_top(), top);
            ASSERT_EQ(band.rgba().size(), static_cast<size_t>(kW * n * 4));
            draw(band);
            const auto first = whole.rgba().begin() + static_cast<std::ptrdiff_t>(top) * kW * 4;
            ASSERT_TRUE(std::equal(band.rgba().begin(), band.rgba().end(), first))
                << "band of " << n << " rows at row " << top << " differs from the whole page";
        }
    }
    // Something was drawn at all (the comparison above is not between two blank pages).
    EXPECT_NE(whole.pixel(40, 20)[0], bg.r);
}

TEST(ExportLabels, PlacedWithoutOverlapsInsideTheMap) {
    geo::World world;
    std::vector<geo::ProjectedShape> shapes;
    for (int i = 0; i < 4; ++i) {
        geo::Country country;
        country.iso3 = "C" + std::to_string(i);
        country.name = "Country " + std::to_string(i);
        world.countries.push_back(country);
        geo::ProjectedShape shape;
        geo::Polygon poly;
        const double x = i < 2 ? 10.0 : 50.0 + i * 10;  // 0 and 1 on top of each other
        poly.rings.push_back({{x, 0}, {x + 5, 0}, {x + 5, 5}, {x, 5}});
        shape.polygons.push_back(poly);
        shape.area = 25.0 + i;
        shape.label_point = {x + 2.5, 2.5};
        shapes.push_back(shape);
    }
    MapLabelInput in;
    in.world = &world;
    in.shapes = &shapes;
    in.statuses = {0, 0, data::kNoStatus, 0};
    in.view = ViewTransform{4, 4, 0, 100};  // x: 0..400, y: 100 - 4y
    in.map_x = 30;
    in.map_y = 40;
    in.map_width = 480;
    in.map_height = 200;
    const std::vector<MapLabel> labels = place_map_labels(in);
    // Country 2 has no status; 0 and 1 collide (1 is larger, so it wins). Placement order:
    // largest first.
    ASSERT_EQ(labels.size(), 2u);
    EXPECT_EQ(labels[0].text, "Country 3");
    EXPECT_EQ(labels[1].text, "Country 1");
    EXPECT_DOUBLE_EQ(labels[0].size, kLabelUnits);
    for (const MapLabel& l : labels) {
        EXPECT_GE(l.x, in.map_x);
        EXPECT_LE(l.x + text::Font::regular().measure(l.text, l.size), in.map_x + in.map_width);
        EXPECT_GT(l.baseline, in.map_y);
        EXPECT_LT(l.baseline, in.map_y + in.map_height);
    }
    Canvas c(600, 300, Color{255, 255, 255, 255});
    draw_map_labels(c, labels, Color{0, 0, 0, 255}, Color{255, 255, 255, 255});
    int dark = 0;
    for (size_t i = 0; i < c.rgba().size(); i += 4) dark += c.rgba()[i] < 100;
    EXPECT_GT(dark, 40);
}

// These two fork the test itself (no program is run: the child calls the library's
// cleanup code), so they do not go through tests/support/run_binary.hpp.
std::vector<std::string> planned_dates(const std::string& dates, const std::string& step,
                                       const std::string& pace = "event", std::vector<int>* holds = nullptr) {
    ExportParams p;
    p.dates = dates;
    p.step = step;
    p.pace = pace;
    const data::Timeline timeline;
    std::vector<std::string> out;
    for (const Frame& f : plan_frames(p, timeline, data::Date{2025, 1, 1})) {
        out.push_back(f.date.iso());
        if (holds) holds->push_back(f.hold);
    }
    return out;
}

TEST(ExportFrames, MonthStepsDrawEachMonthsLastDayAndEndOnTo) {
    using V = std::vector<std::string>;
    EXPECT_EQ(planned_dates("2025-12..2026-03", "1m"), (V{"2025-12-31", "2026-01-31", "2026-02-28", "2026-03-31"}));
    // A step that does not land on TO still ends there.
    EXPECT_EQ(planned_dates("2025-01..2025-06", "2m"), (V{"2025-01-31", "2025-03-31", "2025-05-31", "2025-06-30"}));
    EXPECT_EQ(planned_dates("2025-01-10..2025-02-15", "1m"), (V{"2025-01-31", "2025-02-15"}));
    EXPECT_EQ(planned_dates("2024..2025", "1y"), (V{"2024-01-31", "2025-01-31", "2025-12-31"}));
    EXPECT_EQ(planned_dates("2025-01-01..2025-01-10", "4d"), (V{"2025-01-01", "2025-01-05", "2025-01-09", "2025-01-10"}));
    EXPECT_EQ(planned_dates("2025-02..2025-02", "1w"),
              (V{"2025-02-01", "2025-02-08", "2025-02-15", "2025-02-22", "2025-02-28"}));
    EXPECT_THROW(planned_dates("2025-01..2025-02", "0m"), deportmap::UsageError);
    EXPECT_THROW(planned_dates("2025-01..2025-02", "1q"), deportmap::UsageError);
    EXPECT_THROW(planned_dates("2025-01..2025-02", "1m", "fast"), deportmap::UsageError);
}

TEST(ExportFrames, TimePaceHoldsFramesByTheDaysTheyCover) {
    std::vector<int> event_holds;
    planned_dates("2025-01-01..2025-04-10", "1d", "event", &event_holds);
    EXPECT_TRUE(std::all_of(event_holds.begin(), event_holds.end(), [](int h) { return h == 1; }));
    // Frames 1 day, 9 days and 90 days apart: the frame before the long gap lasts longest.
    std::vector<Frame> frames = {Frame::on({2025, 1, 1}, data::days_from_civil(2025, 1, 1)),
                                 Frame::on({2025, 1, 2}, data::days_from_civil(2025, 1, 2)),
                                 Frame::on({2025, 1, 11}, data::days_from_civil(2025, 1, 11)),
                                 Frame::on({2025, 4, 11}, data::days_from_civil(2025, 4, 11))};
    pace_frames(frames, "time");
    int total = 0;
    for (const Frame& f : frames) {
        EXPECT_GE(f.hold, 1);
        total += f.hold;
    }
    EXPECT_EQ(total, 12);  // 3 video frames per frame, shared out
    EXPECT_GT(frames[2].hold, frames[1].hold);
    EXPECT_GT(frames[1].hold, 0);
    EXPECT_GE(frames[2].hold, 8);
}

TEST(ExportTempFiles, SigtermRemovesTheTemporaryFile) {
    const fs::path dir = test::scratch();
    int ready[2];
    ASSERT_EQ(::pipe(ready), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        // The child: a temporary file in progress, then wait to be killed.
        install_temp_cleanup_handlers();
        std::string temp = (dir / ".map.png.tmp-XXXXXX").string();
        const int fd = create_temp_file(temp);
        const char ok = fd >= 0 ? 'y' : 'n';
        (void)!::write(ready[1], &ok, 1);
        for (;;) ::pause();
    }
    ::close(ready[1]);
    char ok = 0;
    ASSERT_EQ(::read(ready[0], &ok, 1), 1);
    ::close(ready[0]);
    EXPECT_EQ(ok, 'y');
    size_t before = 0;
    for (const auto& e : fs::directory_iterator(dir)) before += e.path().filename().string().rfind(".map.png.tmp-", 0) == 0;
    EXPECT_EQ(before, 1u);  // the temporary file exists while the "export" runs
    ::kill(child, SIGTERM);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGTERM);  // re-raised, default action
    EXPECT_TRUE(fs::is_empty(dir));
}

TEST(ExportTempFiles, ReleasedFilesAreNotRemoved) {
    const fs::path dir = test::scratch();
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        install_temp_cleanup_handlers();
        std::string temp = (dir / ".x.tmp-XXXXXX").string();
        const int fd = create_temp_file(temp);
        if (fd < 0) ::_exit(3);
        ::close(fd);
        // Renamed into place and released: a later signal leaves the result alone.
        if (std::rename(temp.c_str(), (dir / "x").c_str()) != 0) ::_exit(4);
        release_temp_path(temp);
        std::string other = (dir / ".y.tmp-XXXXXX").string();
        if (create_temp_file(other) < 0) ::_exit(5);
        ::raise(SIGINT);
        ::_exit(6);
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGINT) << status;
    EXPECT_TRUE(fs::exists(dir / "x"));
    size_t files = 0;
    for (const auto& e : fs::directory_iterator(dir)) files += e.is_regular_file();
    EXPECT_EQ(files, 1u);  // .y.tmp- removed
}

// Callouts (issue 14): three notes on countries close together are placed without
// overlapping one another or a map label, inside the map's area, each with its leader
// line starting at its country's label point; the order is fixed, so twice is the same.
TEST(Annotations, CalloutsAvoidEachOtherAndTheLabels) {
    std::vector<geo::ProjectedShape> shapes(3);
    const geo::Vec2 points[3] = {{200, -150}, {215, -160}, {205, -140}};  // projected: y up
    for (int i = 0; i < 3; ++i) {
        shapes[static_cast<size_t>(i)].label_point = points[i];
        shapes[static_cast<size_t>(i)].bbox = {points[i].x - 5, points[i].y - 5, points[i].x + 5, points[i].y + 5};
    }
    ViewTransform view;  // identity: pixel = (x, -y)
    const Rect area{0, 0, 600, 400};
    const std::vector<MapLabel> labels = {{0, "Label", 230, 160, 16}};
    std::vector<Annotation> notes(3);
    const char* texts[3] = {"First note here", "Second, a longer note", "Third"};
    for (int i = 0; i < 3; ++i) {
        notes[static_cast<size_t>(i)].country = i;
        notes[static_cast<size_t>(i)].text = texts[i];
    }
    const std::vector<Callout> placed = place_callouts(notes, shapes, view, area, labels, 1.0);
    ASSERT_EQ(placed.size(), 3u);
    const text::Font& font = text::Font::regular();
    const Rect label_box{230, 160 - font.ascent(16), font.measure("Label", 16), font.ascent(16) + font.descent(16)};
    auto overlap = [](const Rect& a, const Rect& b) {
        return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    };
    for (size_t i = 0; i < placed.size(); ++i) {
        const Rect& r = placed[i].box;
        EXPECT_GE(r.x, area.x);
        EXPECT_GE(r.y, area.y);
        EXPECT_LE(r.x + r.w, area.x + area.w);
        EXPECT_LE(r.y + r.h, area.y + area.h);
        EXPECT_FALSE(overlap(r, label_box)) << placed[i].text;
        EXPECT_DOUBLE_EQ(placed[i].from.x, points[i].x);
        EXPECT_DOUBLE_EQ(placed[i].from.y, -points[i].y);
        for (size_t j = i + 1; j < placed.size(); ++j) {
            EXPECT_FALSE(overlap(r, placed[j].box)) << placed[i].text << " / " << placed[j].text;
        }
    }
    const std::vector<Callout> again = place_callouts(notes, shapes, view, area, labels, 1.0);
    for (size_t i = 0; i < placed.size(); ++i) EXPECT_EQ(again[i].x, placed[i].x);
}

}  // namespace
}  // namespace deportmap::exporter
