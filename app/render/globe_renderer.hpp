// The GPU orthographic globe: uploads the Equirectangular ("+proj=eqc") levels' meshes
// once; the vertex shader turns them into unit-sphere points, rotates them to the
// view's centre and projects them orthographically, cutting the far side off with a
// clip distance. Draws the background, the ocean as an anti-aliased disc, countries in
// their colours (striped where the status date is approximate), anti-aliased borders of
// the flat map's width (the flat map's border.frag coverage pass, or blended directly),
// and the hovered and selected countries' outlines. Needs a current OpenGL 3.3 core context.
#pragma once
#include <memory>
#include <optional>
#include <span>

#include "core/color.hpp"
#include "core/geo/globe.hpp"
#include "core/geo/mesh.hpp"
#include "render/map_renderer.hpp"

namespace deportmap::render {

struct GlobeDrawParams {
    int width = 0;  // viewport, framebuffer pixels
    int height = 0;
    geo::GlobeView view;
    geo::Lod lod = geo::Lod::k110m;
    MapStyle style;
    bool clear = true;  // clear to style.background first
    // As DrawParams::direct_borders: borders blended straight into the target instead of
    // through the GL_MAX coverage buffer and its composite pass (the window's choice).
    bool direct_borders = false;
    // Stripes this many pixels apart over approximate statuses (DrawParams::hatch_px).
    float hatch_px = 0.0f;
    // Countries (World indices, -1: none) outlined in `highlight` over the borders, as the
    // flat map's OverlayRenderer::draw_outline does: hover (alpha 200), selection (opaque).
    int hovered = -1;
    int selected = -1;
    Color highlight{0x10, 0x10, 0x10, 255};
    float hover_width_px = 1.8f;     // framebuffer pixels (x content scale in the window)
    float selected_width_px = 3.0f;
};

// What draw() drew last time (for tests and the frame overlay).
struct GlobeDrawStats {
    size_t fill_indices = 0;     // triangle indices submitted (countries in sight)
    size_t border_segments = 0;  // segments submitted (countries in sight)
    size_t border_draws = 0;     // instanced draw calls for them
};

// A level's CPU-side preparation for the globe (GlobeRenderer::prepare).
struct GlobeLevelPrep;

class GlobeRenderer {
public:
    // Compiles the shaders; throws RenderError naming the shader on failure.
    GlobeRenderer();
    ~GlobeRenderer();
    GlobeRenderer(const GlobeRenderer&) = delete;
    GlobeRenderer& operator=(const GlobeRenderer&) = delete;

    // Uploads every ready level of `world`, which must be in ProjectionKind::
    // Equirectangular (other projections would be drawn wrongly).
    void upload(const geo::ProjectedWorld& world);
    // Uploads or replaces one level (a level that became ready), or clears it when it is
    // not ready in `world`: the others are not touched.
    void upload_level(const geo::ProjectedWorld& world, geo::Lod lod);
    // The CPU half of uploading an Equirectangular level (valid indices, culling caps,
    // border segments by country): no GL, so a worker thread can do it (about 170 ms for
    // the three levels on llvmpipe's machine, mostly 1:10m) and the frame never waits.
    static std::shared_ptr<const GlobeLevelPrep> prepare(const geo::MapMesh& mesh);
    // Uploads `mesh` as level `lod` from its preparation: only GL buffer uploads.
    void upload_level(geo::Lod lod, const geo::MapMesh& mesh, const GlobeLevelPrep& prep);
    // The uploaded level drawn for `lod` (that one, else the nearest coarser, else any).
    std::optional<geo::Lod> level_for(geo::Lod lod) const;
    // Per-country fill colours, indexed like World::countries (as MapRenderer's).
    void set_country_colors(std::span<const Color> colors);
    // Draws into the framebuffer bound to GL_DRAW_FRAMEBUFFER, viewport (0, 0, width,
    // height), and leaves that binding as it found it; leaves blending on (alpha over)
    // and clip distance 0 off. Throws RenderError only if the coverage buffer cannot be
    // allocated.
    void draw(const GlobeDrawParams& params);
    const GlobeDrawStats& last_stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace deportmap::render
