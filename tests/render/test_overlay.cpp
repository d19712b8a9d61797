// OverlayRenderer (small-country markers, hover/selection outlines) and MapRenderer's
// direct-border path used by the window, on hand-made geometry. Headless through EGL.
#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "core/geo/border_pyramid.hpp"
#include "core/markers.hpp"
#include "gl_fixture.hpp"
#include "render/gl/objects.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"
#include "render/overlay_renderer.hpp"
#include "render_fixtures.hpp"

namespace deportmap {
namespace {

using test::GlTest;
using test::Pixels;
using test::world_of;

constexpr int kW = 200;
constexpr int kH = 100;

void clear_white() {
    glClearColor(1.0f, 1.0f, 1.0f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

// Country 0: square [-8,-4]..[-2,4]; country 1: square [2,-4]..[8,4]; view 8 px/unit
// with the origin at pixel (100, 50).
geo::MapMesh two_squares() {
    geo::MapMesh mesh;
    test::add_rect_country(mesh, -8, -4, -2, 4, 0);
    test::add_rect_country(mesh, 2, -4, 8, 4, 1);
    mesh.bounds.add(geo::Vec2{-8, -4});
    mesh.bounds.add(geo::Vec2{8, 4});
    return mesh;
}

TEST_F(GlTest, MarkersAreFilledCirclesWithARing) {
    render::OverlayRenderer overlay;
    render::OffscreenTarget target(kW, kH, 0);
    target.bind();
    clear_white();
    const std::vector<Marker> markers{{1, {50.0, 50.0}, 8.0f}, {0, {150.0, 50.0}, 4.0f}};
    const std::vector<Color> colors{{0, 0, 255, 255}, {255, 0, 0, 255}};
    render::MarkerStyle style;
    style.ring = {0, 0, 0, 255};
    style.ring_width_px = 2.0f;
    overlay.draw_markers(markers, colors, kW, kH, style);
    const Pixels px = test::pixels_of(target);
    EXPECT_EQ(px.at(50, 50), (Color{255, 0, 0, 255}));    // centre: country 1's colour
    EXPECT_EQ(px.at(150, 50), (Color{0, 0, 255, 255}));   // country 0's colour
    const Color ring = px.at(57, 50);                      // 7 px out: inside the ring
    EXPECT_LT(ring.r, 60);
    EXPECT_LT(ring.g, 60);
    EXPECT_EQ(px.at(60, 50), (Color{255, 255, 255, 255}));  // outside the circle
    EXPECT_EQ(px.at(156, 50), (Color{255, 255, 255, 255}));
    // Anti-aliased: the edge has partial coverage somewhere between ring and white.
    bool partial = false;
    for (int x = 56; x <= 59; ++x) {
        const Color c = px.at(x, 47);
        partial = partial || (c.r > 20 && c.r < 235);
    }
    EXPECT_TRUE(partial);
}

TEST_F(GlTest, OutlineDrawsOnlyThatCountrysBorders) {
    render::OverlayRenderer overlay;
    render::OffscreenTarget target(kW, kH, 0);
    target.bind();
    clear_white();
    const geo::MapMesh mesh = two_squares();
    render::OutlineStyle style;
    style.color = {0, 128, 0, 255};
    style.width_px = 3.0f;
    overlay.draw_outline(1, mesh, 1, test::eight_px_view(), kW, kH, style);
    const Pixels px = test::pixels_of(target);
    EXPECT_EQ(px.at(116, 50), (Color{0, 128, 0, 255}));  // country 1's left edge (x = 2)
    EXPECT_EQ(px.at(164, 50), (Color{0, 128, 0, 255}));  // its right edge (x = 8)
    EXPECT_EQ(px.at(140, 50), (Color{255, 255, 255, 255}));  // inside: untouched
    EXPECT_EQ(px.at(36, 50), (Color{255, 255, 255, 255}));   // country 0: no outline
    EXPECT_EQ(px.at(120, 50), (Color{255, 255, 255, 255}));  // 4 px off the line
    // A negative country draws nothing.
    clear_white();
    overlay.draw_outline(0, mesh, -1, test::eight_px_view(), kW, kH, style);
    const Pixels none = test::pixels_of(target);
    EXPECT_EQ(none.at(116, 50), (Color{255, 255, 255, 255}));
}

TEST_F(GlTest, DirectBordersMatchCoverageBordersOnSingleLines) {
    render::MapRenderer renderer;
    renderer.upload(world_of(two_squares()));
    const std::vector<Color> colors{{200, 40, 40, 255}, {40, 160, 60, 255}};
    renderer.set_country_colors(colors);
    const auto draw = [&](bool direct, ViewTransform v) {
        render::OffscreenTarget target(kW, kH, 0);
        target.bind();
        render::DrawParams p;
        p.width = kW;
        p.height = kH;
        p.view = v;
        p.style.border_width_px = 2.0f;
        p.direct_borders = direct;
        renderer.draw(p);
        return test::pixels_of(target);
    };
    const Pixels cov = draw(false, test::eight_px_view());
    const Pixels dir = draw(true, test::eight_px_view());
    // Borders not shared by two countries look the same either way.
    for (const auto& [x, y] : std::vector<std::pair<int, int>>{{116, 50}, {36, 50}, {140, 50},
                                                                {60, 20}, {100, 50}}) {
        const Color a = cov.at(x, y), b = dir.at(x, y);
        EXPECT_NEAR(a.r, b.r, 2) << x << "," << y;
        EXPECT_NEAR(a.g, b.g, 2) << x << "," << y;
        EXPECT_NEAR(a.b, b.b, 2) << x << "," << y;
    }
    EXPECT_EQ(dir.at(140, 50), (Color{40, 160, 60, 255}));
    // Zoomed on country 0 with country 1 off screen (culled): country 0 still drawn.
    ViewTransform zoomed = test::eight_px_view();
    zoomed.scale_x = zoomed.scale_y = 40.0;
    zoomed.offset_x = 100.0 + 5.0 * 40.0;  // x = -5 at the centre
    const Pixels z = draw(true, zoomed);
    EXPECT_EQ(z.at(100, 50), (Color{200, 40, 40, 255}));
}

// The window's screen borders draw a border shared by two countries once: thin (so
// translucent) lines look as the export's coverage pass draws them, where the mesh's
// own lines, one per country, would blend the shared one twice.
TEST_F(GlTest, ScreenBordersDrawASharedBorderOnce) {
    const auto adjacent = [] {
        geo::MapMesh mesh = two_squares();
        for (float& v : mesh.fill_xy) v = v < 0 ? (v == -2 ? 0 : v) : (v == 2 ? 0 : v);
        for (float& v : mesh.line_xy) v = v < 0 ? (v == -2 ? 0 : v) : (v == 2 ? 0 : v);
        return mesh;
    };
    const auto draw = [&](bool screen, bool direct) {
        geo::MapMesh mesh = adjacent();
        if (screen) mesh.border_pyramid = geo::build_border_pyramid(mesh);
        render::MapRenderer renderer;
        renderer.upload(world_of(std::move(mesh)));
        renderer.set_country_colors(std::vector<Color>{{200, 40, 40, 255}, {40, 160, 60, 255}});
        render::OffscreenTarget target(kW, kH, 0);
        target.bind();
        render::DrawParams p;
        p.width = kW;
        p.height = kH;
        p.view = test::eight_px_view();
        p.style.border_width_px = 0.6f;
        p.direct_borders = direct;
        renderer.draw(p);
        return test::pixels_of(target);
    };
    const Pixels coverage = draw(false, false);
    const Pixels screen = draw(true, true);
    const Pixels twice = draw(false, true);
    // x = 0 is pixel column 100 (its centre 100.5 lies 0.5 px off the line).
    for (const auto& [x, y] : std::vector<std::pair<int, int>>{{99, 50}, {100, 50}, {36, 50},
                                                                {164, 50}, {60, 18}}) {
        const Color a = coverage.at(x, y), b = screen.at(x, y);
        EXPECT_NEAR(a.r, b.r, 2) << x << "," << y;
        EXPECT_NEAR(a.g, b.g, 2) << x << "," << y;
        EXPECT_NEAR(a.b, b.b, 2) << x << "," << y;
    }
    // The mesh's lines blend the shared border twice: visibly darker there.
    EXPECT_GT(std::abs(int{twice.at(100, 50).g} - int{coverage.at(100, 50).g}), 8);
    EXPECT_EQ(screen.at(140, 50), (Color{40, 160, 60, 255}));
}

// The window draws its screen border copies as one triangle strip per run. Where a run
// turns back on itself (a spit of land, a jagged coast) the strip folds over; with a
// stencil buffer each pixel takes one fragment, so the line is no darker there than the
// export's coverage pass (which keeps the maximum); without one it is.
TEST_F(GlTest, BorderStripsBlendEachPixelOnce) {
    geo::MapMesh mesh;
    mesh.line_starts.push_back(0);
    // Out along y = 0 and back 0.4 px lower: 64 px of line folded onto itself.
    for (const auto& [x, y] : std::vector<std::pair<float, float>>{{-4, 0}, {4, 0}, {-4, -0.05f}}) {
        mesh.line_xy.push_back(x);
        mesh.line_xy.push_back(y);
        mesh.line_country.push_back(0);
    }
    mesh.line_starts.push_back(static_cast<uint32_t>(mesh.line_xy.size() / 2));
    mesh.bounds.add(geo::Vec2{-10, -5});
    mesh.bounds.add(geo::Vec2{10, 5});
    render::DrawParams p;
    p.width = kW;
    p.height = kH;
    p.view = test::eight_px_view();
    p.style.border_width_px = 1.0f;
    p.style.border = {0, 0, 0, 153};  // translucent, so blending twice shows

    // The export's coverage pass: the reference.
    render::MapRenderer coverage;
    coverage.upload(world_of(mesh));
    render::OffscreenTarget plain(kW, kH, 0);
    plain.bind();
    p.direct_borders = false;
    coverage.draw(p);
    const Pixels reference = test::pixels_of(plain);

    // The window's strips, into a target with and without a stencil buffer.
    geo::MapMesh screen = mesh;
    screen.border_pyramid = geo::build_border_pyramid(screen);
    render::MapRenderer strips;
    strips.upload(world_of(screen));
    p.direct_borders = true;
    const auto strip_pixels = [&](bool stencil) {
        render::gl::Texture color = render::gl::Texture::create();
        glBindTexture(GL_TEXTURE_2D, color.id());
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, kW, kH, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
        render::gl::Renderbuffer depth_stencil = render::gl::Renderbuffer::create();
        glBindRenderbuffer(GL_RENDERBUFFER, depth_stencil.id());
        glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, kW, kH);
        render::gl::Framebuffer fbo = render::gl::Framebuffer::create();
        glBindFramebuffer(GL_FRAMEBUFFER, fbo.id());
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, color.id(), 0);
        if (stencil) {
            glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER,
                                      depth_stencil.id());
        }
        EXPECT_EQ(glCheckFramebufferStatus(GL_FRAMEBUFFER), static_cast<GLenum>(GL_FRAMEBUFFER_COMPLETE));
        strips.draw(p);
        std::vector<uint8_t> bottom_up(static_cast<size_t>(kW) * kH * 4);
        glPixelStorei(GL_PACK_ALIGNMENT, 1);
        glReadPixels(0, 0, kW, kH, GL_RGBA, GL_UNSIGNED_BYTE, bottom_up.data());
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        Pixels out{kW, kH, {}};  // rows top-down, as OffscreenTarget::read_rgba gives them
        const size_t row = static_cast<size_t>(kW) * 4;
        for (int y = kH - 1; y >= 0; --y) {
            out.rgba.insert(out.rgba.end(), bottom_up.begin() + static_cast<std::ptrdiff_t>(row * static_cast<size_t>(y)),
                            bottom_up.begin() + static_cast<std::ptrdiff_t>(row * static_cast<size_t>(y + 1)));
        }
        return out;
    };
    const auto darker = [&](const Pixels& image) {  // pixels well darker than the reference
        size_t n = 0;
        for (int y = 0; y < kH; ++y) {
            for (int x = 0; x < kW; ++x) {
                if (int{reference.at(x, y).g} - int{image.at(x, y).g} > 24) ++n;
            }
        }
        return n;
    };
    const Pixels once = strip_pixels(true);
    const Pixels twice = strip_pixels(false);
    EXPECT_LE(darker(once), 4u);
    EXPECT_GT(darker(twice), 20u);
    // The line is there: its middle, (0, 0) at pixel (100, 50) ... (100, 48) is on it.
    size_t inked = 0;
    for (int y = 44; y < 56; ++y) inked += once.at(100, y).g < reference.at(2, 2).g - 40 ? 1 : 0;
    EXPECT_GT(inked, 0u);
}

}  // namespace
}  // namespace deportmap
