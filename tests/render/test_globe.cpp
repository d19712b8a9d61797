// GlobeRenderer on a hand-made Equirectangular world: the ocean disc with background
// outside it, a country facing the viewer drawn in its colour, a country on the far
// side not drawn at all until the globe turns to it; anti-aliased borders as wide as the
// flat map's (both border paths), far-side borders skipped, hover/selection outlines,
// and small-country markers on the near side only. Headless through EGL.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <optional>
#include <vector>

#include "core/markers.hpp"
#include "gl_fixture.hpp"
#include "render/globe_renderer.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "render/overlay_renderer.hpp"
#include "render_fixtures.hpp"

namespace deportmap {
namespace {

using test::GlTest;

constexpr int kSize = 200;
const Color kRed{200, 40, 40, 255};
const Color kGreen{40, 160, 60, 255};

float eqc(double degrees) {
    return static_cast<float>(degrees * std::numbers::pi / 180.0 * geo::kEqcUnitsPerRadian);
}

// A lon/lat box as two triangles, plus its outline as a border polyline.
void add_box(geo::MapMesh& mesh, double lon0, double lat0, double lon1, double lat1,
             uint16_t country) {
    test::add_rect_country(mesh, eqc(lon0), eqc(lat0), eqc(lon1), eqc(lat1), country);
}

// Country 0 around (0, 0); country 1 around (175, 0), on the far side of a globe
// centred on (0, 0).
geo::ProjectedWorld make_world() {
    geo::ProjectedWorld world;
    world.projection = geo::ProjectionKind::Equirectangular;
    add_box(world.meshes[0], -20, -20, 20, 20, 0);
    add_box(world.meshes[0], 170, -10, 180, 10, 1);
    world.ready[0] = true;
    return world;
}

using Image = test::Pixels;

Image render(render::GlobeRenderer& renderer, const geo::GlobeView& view,
             const render::MapStyle& style) {
    return test::draw_offscreen(kSize, kSize, 1, [&] {
        render::GlobeDrawParams p;
        p.width = kSize;
        p.height = kSize;
        p.view = view;
        p.style = style;
        renderer.draw(p);
    });
}

TEST_F(GlTest, GlobeDrawsDiscNearSideOnly) {
    render::GlobeRenderer renderer;
    renderer.upload(make_world());
    const std::array<Color, 2> colors{kRed, kGreen};
    renderer.set_country_colors(colors);
    render::MapStyle style;
    style.border_width_px = 0.0f;
    geo::GlobeView view;
    view.center_lon = 0.0;
    view.center_lat = 0.0;
    const Image image = render(renderer, view, style);
    EXPECT_EQ(image.at(100, 100), kRed);              // the country facing the viewer
    EXPECT_EQ(image.at(100, 40), style.ocean);        // latitude ~42 N: ocean
    EXPECT_EQ(image.at(0, 0), style.background);      // corners: outside the disc
    EXPECT_EQ(image.at(kSize - 1, kSize - 1), style.background);
    EXPECT_EQ(image.at(2, 100), style.background);    // just outside the radius (90 px)
    EXPECT_EQ(image.count(kGreen), 0);                // the far side is not drawn
    EXPECT_GT(image.count(kRed), 1000);

    // Turned to face longitude 175, the other country is in the middle.
    view.center_lon = 175.0;
    const Image turned = render(renderer, view, style);
    EXPECT_EQ(turned.at(100, 100), kGreen);
    EXPECT_EQ(turned.count(kRed), 0);
}

// How much of a pixel a border of colour (0, 0, 255) covers over kRed, from the red
// channel (200 over red, 0 for the border itself).
double red_coverage(Color c) { return std::clamp((200.0 - c.r) / 200.0, 0.0, 1.0); }

// The line's ink across row y between x0 and x1: its width in pixels for a line
// crossing the row at right angles; `partial` counts pixels neither empty nor full.
double ink(const Image& image, int y, int x0, int x1, int* partial = nullptr) {
    double sum = 0.0;
    for (int x = x0; x <= x1; ++x) {
        const double c = red_coverage(image.at(x, y));
        sum += c;
        if (partial != nullptr && c > 0.1 && c < 0.9) ++*partial;
    }
    return sum;
}

Image render_globe(render::GlobeRenderer& renderer, render::GlobeDrawParams p) {
    p.width = p.height = kSize;
    return test::draw_offscreen(kSize, kSize, 1, [&] { renderer.draw(p); });
}

TEST_F(GlTest, GlobeBordersAreAntiAliasedAndAsWideAsTheFlatMaps) {
    const geo::ProjectedWorld world = make_world();
    render::GlobeRenderer renderer;
    renderer.upload(world);
    const std::array<Color, 2> colors{kRed, kGreen};
    renderer.set_country_colors(colors);
    render::GlobeDrawParams p;
    p.style.border = Color{0, 0, 255, 255};
    p.style.ocean = kRed;  // red on both sides of the box's edge: coverage from one channel
    p.style.border_width_px = 1.5f;
    p.view.center_lon = 0.0;
    p.view.center_lat = 0.0;
    // The box's western edge, longitude -20, crosses the equator at x = 100 - 90 sin(20°)
    // ≈ 69.2: nearly vertical there.
    for (const bool direct : {false, true}) {
        SCOPED_TRACE(direct ? "direct borders" : "coverage borders");
        p.direct_borders = direct;
        const Image image = render_globe(renderer, p);
        int partial = 0;
        const double width = ink(image, 100, 60, 78, &partial);
        EXPECT_NEAR(width, 1.5, 0.3);
        EXPECT_GE(partial, 1) << "no anti-aliased pixel at the edge";
        EXPECT_EQ(image.at(100, 100), kRed);
        EXPECT_EQ(image.count(kGreen), 0);
    }

    // The flat map (MapRenderer, coverage path) draws the same edge, straight on, with
    // the same ink across it.
    render::MapRenderer flat;
    flat.upload(world);
    flat.set_country_colors(colors);
    render::OffscreenTarget target(kSize, kSize, 1);
    target.bind();
    render::DrawParams fp;
    fp.width = fp.height = kSize;
    fp.style = p.style;
    fp.style.background = kRed;
    const double px_per_unit = 90.0 / geo::kEqcUnitsPerRadian;  // one radian = 90 px
    fp.view = ViewTransform{px_per_unit, px_per_unit, 100.0, 100.0};
    flat.draw(fp);
    const Image flat_image = test::pixels_of(target);
    const int edge_x = static_cast<int>(100.0 - 90.0 * 20.0 * std::numbers::pi / 180.0);
    const double flat_width = ink(flat_image, 100, edge_x - 9, edge_x + 9);
    EXPECT_NEAR(flat_width, 1.5, 0.3);
    p.direct_borders = false;
    EXPECT_NEAR(ink(render_globe(renderer, p), 100, 60, 78), flat_width, 0.25);
}

TEST_F(GlTest, GlobeSkipsWhatIsOutOfSight) {
    render::GlobeRenderer renderer;
    renderer.upload(make_world());
    render::GlobeDrawParams p;
    p.view.center_lon = 0.0;
    p.view.center_lat = 0.0;
    render_globe(renderer, p);
    // Only country 0's four segments face the viewer; country 1 (longitude 170-180) is
    // behind the globe.
    EXPECT_EQ(renderer.last_stats().border_segments, 4u);
    EXPECT_EQ(renderer.last_stats().border_draws, 1u);
    EXPECT_EQ(renderer.last_stats().fill_indices, 6u);  // its two triangles
    p.view.center_lon = 100.0;  // both can show now (country 0 near the left limb)
    render_globe(renderer, p);
    EXPECT_EQ(renderer.last_stats().border_segments, 8u);
    EXPECT_EQ(renderer.last_stats().fill_indices, 12u);
    // Zoomed in 20x there, the viewport sees only ~5° around longitude 100: neither.
    p.view.zoom = 20.0;
    const Image zoomed = render_globe(renderer, p);
    EXPECT_EQ(renderer.last_stats().border_segments, 0u);
    EXPECT_EQ(renderer.last_stats().fill_indices, 0u);
    EXPECT_EQ(zoomed.at(100, 100), p.style.ocean);
}

TEST_F(GlTest, GlobeCullsLongBordersInChunks) {
    // One country whose border runs round the whole equator in 0.1° steps (3,600
    // segments): facing longitude 0, the chunk behind the globe (1,024 segments at most
    // each) is skipped, the ones reaching the near side are drawn.
    geo::ProjectedWorld world;
    world.projection = geo::ProjectionKind::Equirectangular;
    geo::MapMesh& mesh = world.meshes[0];
    mesh.line_starts = {0};
    for (int i = 0; i <= 3600; ++i) {
        mesh.line_xy.insert(mesh.line_xy.end(), {eqc(-180.0 + i * 0.1), 0.0f});
        mesh.line_country.push_back(0);
    }
    mesh.line_starts.push_back(static_cast<uint32_t>(mesh.line_country.size()));
    world.ready[0] = true;
    render::GlobeRenderer renderer;
    renderer.upload(world);
    render::GlobeDrawParams p;
    p.view.center_lon = 0.0;
    p.view.center_lat = 0.0;
    p.style.border = Color{0, 0, 255, 255};
    p.style.ocean = kRed;
    p.style.border_width_px = 1.0f;
    const Image image = render_globe(renderer, p);
    EXPECT_GT(renderer.last_stats().border_segments, 1800u);
    EXPECT_LT(renderer.last_stats().border_segments, 3600u);
    // The equator is drawn across the whole disc (x 10..190 at row 100) all the same.
    EXPECT_NEAR(ink(image, 99, 10, 10) + ink(image, 100, 10, 10) + ink(image, 101, 10, 10), 1.0, 0.3);
    EXPECT_NEAR(ink(image, 99, 100, 100) + ink(image, 100, 100, 100) + ink(image, 101, 100, 100), 1.0, 0.3);
    EXPECT_NEAR(ink(image, 99, 189, 189) + ink(image, 100, 189, 189) + ink(image, 101, 189, 189), 1.0, 0.3);
    // Selected: the whole country's run, not one chunk. Outlines blend directly (as the
    // flat map's), so the 0.16 px segments' overlapping caps darken the 3 px line's
    // half-covered edge rows: between 3 and 4 px of ink.
    p.selected = 0;
    p.style.border_width_px = 0.0f;
    p.highlight = Color{0, 0, 255, 255};
    const Image selected = render_globe(renderer, p);
    for (const int x : {15, 100, 185}) {
        double column = 0.0;
        for (int y = 95; y <= 105; ++y) column += red_coverage(selected.at(x, y));
        EXPECT_GE(column, 2.7) << "x " << x;
        EXPECT_LE(column, 4.1) << "x " << x;
    }
}

TEST_F(GlTest, GlobeOutlinesHoveredAndSelectedCountries) {
    render::GlobeRenderer renderer;
    renderer.upload(make_world());
    const std::array<Color, 2> colors{kRed, kGreen};
    renderer.set_country_colors(colors);
    render::GlobeDrawParams p;
    p.style.border_width_px = 0.0f;  // only the outline
    p.style.ocean = kRed;
    p.view.center_lon = 0.0;
    p.view.center_lat = 0.0;
    p.highlight = Color{0, 0, 255, 255};
    const Image none = render_globe(renderer, p);
    EXPECT_NEAR(ink(none, 100, 60, 78), 0.0, 1e-9);
    p.selected = 0;
    p.selected_width_px = 3.0f;
    const Image selected = render_globe(renderer, p);
    EXPECT_NEAR(ink(selected, 100, 60, 78), 3.0, 0.4);
    p.selected = -1;
    p.hovered = 0;
    p.hover_width_px = 1.8f;
    const Image hovered = render_globe(renderer, p);
    // Hover: 1.8 px at alpha 200/255.
    EXPECT_NEAR(ink(hovered, 100, 60, 78), 1.8 * 200.0 / 255.0, 0.35);
}

// Small countries get markers on the globe by the flat map's rule, only on the near side.
TEST_F(GlTest, GlobeMarkersOnTheNearSideOnly) {
    geo::ProjectedWorld world = make_world();
    std::vector<geo::ProjectedShape> shapes(4);
    const auto shape = [&](double lon, double lat, double half) {
        geo::ProjectedShape s;
        geo::Polygon poly;
        poly.rings.push_back({{eqc(lon - half), eqc(lat - half)}, {eqc(lon + half), eqc(lat - half)},
                              {eqc(lon + half), eqc(lat + half)}, {eqc(lon - half), eqc(lat + half)}});
        s.polygons.push_back(poly);
        s.area = static_cast<double>(eqc(2 * half)) * eqc(2 * half);
        s.label_point = {eqc(lon), eqc(lat)};
        for (const auto& v : poly.rings[0]) s.bbox.add(v);
        return s;
    };
    shapes[0] = shape(0, 0, 20);    // big: no marker
    shapes[1] = shape(175, 0, 5);   // far side
    shapes[2] = shape(10, 5, 0.3);  // small, facing the viewer: a marker
    shapes[3] = shape(-40, -10, 0.3);  // small, but without a status
    const std::vector<uint8_t> has_status{1, 1, 1, 0};
    geo::GlobeView view;
    view.center_lon = 0.0;
    view.center_lat = 0.0;
    const auto to_screen = [&](const geo::ProjectedShape& s) -> std::optional<ShapeOnScreen> {
        const auto g = geo::globe_screen_shape(view, s.label_point, s.area, kSize, kSize);
        if (!g) return std::nullopt;
        return ShapeOnScreen{g->pixel, g->area_px2};
    };
    const std::vector<Marker> markers =
        compute_markers(shapes, has_status, to_screen, kSize, kSize, MarkerRule{});
    ASSERT_EQ(markers.size(), 1u);
    EXPECT_EQ(markers[0].country, 2);
    const auto expected = geo::globe_to_pixel(view, {10.0, 5.0}, kSize, kSize);
    ASSERT_TRUE(expected.has_value());
    EXPECT_NEAR(markers[0].center.x, expected->x, 1e-6);
    EXPECT_NEAR(markers[0].center.y, expected->y, 1e-6);

    // Drawn over the globe: the marker's fill colour at its centre.
    render::GlobeRenderer renderer;
    renderer.upload(world);
    const Color kBlue{30, 60, 220, 255};
    const std::array<Color, 3> colors{kRed, kGreen, kBlue};
    renderer.set_country_colors(colors);
    render::OverlayRenderer overlay;
    render::OffscreenTarget target(kSize, kSize, 1);
    target.bind();
    render::GlobeDrawParams p;
    p.width = p.height = kSize;
    p.view = view;
    renderer.draw(p);
    overlay.draw_markers(markers, colors, kSize, kSize, render::MarkerStyle{});
    const Image image = test::pixels_of(target);
    EXPECT_EQ(image.at(static_cast<int>(expected->x), static_cast<int>(expected->y)), kBlue);
    EXPECT_GT(image.count(kBlue), 20);  // the fill inside the 1 px ring: radius ~3.5 px
    EXPECT_LT(image.count(kBlue), 100);
}

}  // namespace
}  // namespace deportmap
