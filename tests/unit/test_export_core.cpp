// Export core without GL: page layout (nothing overlaps, everything inside the page, the
// same proportions at any size), text measuring and wrapping, UTF-8 decoding, SVG escaping,
// SHA-256 against a known vector, the sidecar's JSON round trip and atomic writes.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "core/export/canvas.hpp"
#include "core/export/layout.hpp"
#include "core/export/sidecar.hpp"
#include "core/export/svg.hpp"
#include "core/text/font.hpp"

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
    for (const auto& [w, h] : std::vector<std::pair<int, int>>{{1920, 1080}, {1080, 1080}, {1200, 675}, {2480, 3508}}) {
        SCOPED_TRACE(std::to_string(w) + "x" + std::to_string(h));
        PageOptions o;
        o.width = w;
        o.height = h;
        o.unit = type_unit(w, h, 1.0, std::nullopt);
        o.logo_width = 200;
        o.logo_height = 100;
        const PageLayout page = compute_layout(sample_text(), o);
        std::vector<Rect> boxes;
        for (const TextItem& t : page.texts) boxes.push_back(text_box(t));
        for (const SwatchItem& s : page.swatches) boxes.push_back(s.rect);
        ASSERT_TRUE(page.logo.has_value());
        boxes.push_back(*page.logo);
        EXPECT_GT(page.map.h, h * 0.3);
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
    const fs::path dir = fs::temp_directory_path() / ("deportmap-sidecar-" + std::to_string(::getpid()));
    fs::create_directories(dir);
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
    const std::string path = (dir / "map.png.json").string();
    write_file_atomic(path, sidecar_json(p, {{"data", "/x/a.csv", "00"}}, "9.9", {"map.png"}));
    std::vector<InputHash> inputs;
    const ExportParams q = read_sidecar(path, &inputs);
    EXPECT_EQ(sidecar_json(q, inputs, "9.9", {"map.png"}), sidecar_json(p, inputs, "9.9", {"map.png"}));
    ASSERT_EQ(inputs.size(), 1u);
    EXPECT_EQ(inputs[0].path, "/x/a.csv");
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
    fs::remove_all(dir);
}

}  // namespace
}  // namespace deportmap::exporter
