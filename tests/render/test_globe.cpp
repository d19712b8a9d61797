// GlobeRenderer on a hand-made Equirectangular world: the ocean disc with background
// outside it, a country facing the viewer drawn in its colour, a country on the far
// side not drawn at all until the globe turns to it. Headless through EGL.
#include <gtest/gtest.h>

#include <array>
#include <numbers>
#include <vector>

#include "gl_fixture.hpp"
#include "render/globe_renderer.hpp"
#include "render/offscreen.hpp"

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
    const auto base = static_cast<uint32_t>(mesh.fill_country.size());
    mesh.fill_xy.insert(mesh.fill_xy.end(), {eqc(lon0), eqc(lat0), eqc(lon1), eqc(lat0),
                                             eqc(lon1), eqc(lat1), eqc(lon0), eqc(lat1)});
    mesh.fill_country.insert(mesh.fill_country.end(), 4, country);
    mesh.fill_indices.insert(mesh.fill_indices.end(),
                             {base, base + 1, base + 2, base, base + 2, base + 3});
    if (mesh.line_starts.empty()) mesh.line_starts.push_back(0);
    mesh.line_xy.insert(mesh.line_xy.end(), {eqc(lon0), eqc(lat0), eqc(lon1), eqc(lat0),
                                             eqc(lon1), eqc(lat1), eqc(lon0), eqc(lat1),
                                             eqc(lon0), eqc(lat0)});
    mesh.line_country.insert(mesh.line_country.end(), 5, country);
    mesh.line_starts.push_back(static_cast<uint32_t>(mesh.line_xy.size() / 2));
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

struct Image {
    std::vector<uint8_t> rgba;
    Color at(int x, int y) const {
        const uint8_t* p = &rgba[(static_cast<size_t>(y) * kSize + static_cast<size_t>(x)) * 4];
        return {p[0], p[1], p[2], p[3]};
    }
    int count(Color c) const {
        int n = 0;
        for (int y = 0; y < kSize; ++y) {
            for (int x = 0; x < kSize; ++x) n += at(x, y) == c ? 1 : 0;
        }
        return n;
    }
};

Image render(render::GlobeRenderer& renderer, const geo::GlobeView& view,
             const render::MapStyle& style) {
    render::OffscreenTarget target(kSize, kSize, 1);
    target.bind();
    render::GlobeDrawParams p;
    p.width = kSize;
    p.height = kSize;
    p.view = view;
    p.style = style;
    renderer.draw(p);
    return {target.read_rgba()};
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

TEST_F(GlTest, GlobeBordersAreDrawn) {
    render::GlobeRenderer renderer;
    renderer.upload(make_world());
    const std::array<Color, 2> colors{kRed, kGreen};
    renderer.set_country_colors(colors);
    render::MapStyle style;
    style.border = Color{0, 0, 255, 255};
    geo::GlobeView view;
    view.center_lon = 0.0;
    view.center_lat = 0.0;
    const Image image = render(renderer, view, style);
    // The box's western edge, longitude -20, at the equator: x = 100 - 90 sin(20°) ≈ 69.
    int blue = 0;
    for (int x = 66; x <= 72; ++x) blue += image.at(x, 100) == style.border ? 1 : 0;
    EXPECT_GE(blue, 1);
    EXPECT_EQ(image.at(100, 100), kRed);
    const int border_pixels = image.count(style.border);

    // Selected: country 0's borders again in the highlight colour, nothing else.
    render::GlobeDrawParams p;
    render::OffscreenTarget target(kSize, kSize, 1);
    target.bind();
    p.width = p.height = kSize;
    p.view = view;
    p.style = style;
    p.selected = 0;
    p.highlight = Color{255, 0, 255, 255};
    renderer.draw(p);
    const Image selected{target.read_rgba()};
    EXPECT_GT(selected.count(p.highlight), border_pixels / 2);
    EXPECT_EQ(selected.count(kGreen), 0);
}

}  // namespace
}  // namespace deportmap
