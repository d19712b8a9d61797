// The GPU orthographic globe: uploads the Equirectangular ("+proj=eqc") levels' meshes
// once; the vertex shader turns them into unit-sphere points, rotates them to the
// view's centre and projects them orthographically, cutting the far side off with a
// clip distance. Draws the background, the ocean as an anti-aliased disc, countries in
// their colours, and one-pixel borders. Needs a current OpenGL 3.3 core context.
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
    // Countries (World indices, -1: none) whose borders are drawn again in `highlight`.
    int hovered = -1;
    int selected = -1;
    Color highlight{0x10, 0x10, 0x10, 255};
};

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
    // The uploaded level drawn for `lod` (that one, else the nearest coarser, else any).
    std::optional<geo::Lod> level_for(geo::Lod lod) const;
    // Per-country fill colours, indexed like World::countries (as MapRenderer's).
    void set_country_colors(std::span<const Color> colors);
    // Draws into the bound framebuffer, viewport (0, 0, width, height); leaves blending
    // on (alpha over) and clip distance 0 off.
    void draw(const GlobeDrawParams& params);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace deportmap::render
