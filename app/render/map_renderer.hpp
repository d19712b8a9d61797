// The GPU map renderer: uploads a level's projected meshes once, then draws filled
// countries (colours from a per-country table), anti-aliased borders of a width in
// screen pixels, and the ocean, into whatever framebuffer is bound. Used by the window
// and by headless export alike. Needs a current OpenGL 3.3 core context.
#pragma once
#include <memory>
#include <optional>
#include <span>

#include "core/color.hpp"
#include "core/geo/mesh.hpp"
#include "core/scene.hpp"
#include "core/view.hpp"
#include "render/error.hpp"

namespace deportmap::render {

// The map's colours besides the status fills: by default the light theme's
// (core/scene.hpp's theme_colors is the one palette); map_style() for a theme.
struct MapStyle {
    Color background = theme_colors(Theme::Light).background;  // outside the globe's outline
    Color ocean = theme_colors(Theme::Light).ocean;             // inside the outline
    Color border = theme_colors(Theme::Light).border;
    Color no_data = theme_colors(Theme::Light).no_data;  // countries without a colour entry
    float border_width_px = 0.6f;  // framebuffer pixels; 0 draws no borders
};

inline MapStyle map_style(const ThemeColors& colors) {
    MapStyle s;
    s.background = colors.background;
    s.ocean = colors.ocean;
    s.border = colors.border;
    s.no_data = colors.no_data;
    return s;
}

struct DrawParams {
    int width = 0;   // viewport, in framebuffer pixels
    int height = 0;
    ViewTransform view;  // projected -> framebuffer pixels (origin top-left)
    geo::Lod lod = geo::Lod::k110m;
    MapStyle style;
    bool clear = true;  // clear to style.background first
    // Borders blended straight into the target instead of through the max()-coverage
    // texture: no full-screen clear and composite pass and no framebuffer switch (on
    // llvmpipe that is most of a frame), at the price of slightly darker joins and
    // shared borders. The window uses it; exports keep the exact coverage path.
    bool direct_borders = false;
    // Anti-aliased fill edges without MSAA: after the fills, every border segment paints
    // its country's colour on its outside, weighted by the share of each pixel the
    // country covers (shaders/fringe.*), and the globe's outline does the same with the
    // ocean. Exports draw at one sample with this on; the window leaves it off.
    bool edge_fringes = false;
    // Diagonal stripes, this many pixels apart, over countries whose colour-table alpha is
    // 254 (status dated only to the month or year); 0 = none. Stripes mix in style.background.
    float hatch_px = 0.0f;
    // Where this target's bottom-left pixel lies in the whole picture (x right, y up),
    // when a picture is drawn in tiles: the stripes then run on across the seams.
    float hatch_origin_x = 0.0f;
    float hatch_origin_y = 0.0f;
};

// What one uploaded level holds on the GPU (zeros when not uploaded).
struct LevelStats {
    size_t fill_vertices = 0;
    size_t fill_triangles = 0;
    size_t border_segments = 0;
};

class MapRenderer {
public:
    // Compiles the shaders; throws RenderError naming the shader on failure.
    MapRenderer();
    ~MapRenderer();
    MapRenderer(const MapRenderer&) = delete;
    MapRenderer& operator=(const MapRenderer&) = delete;

    // Uploads the meshes of every ready level of `world` (and the globe outline).
    void upload(const geo::ProjectedWorld& world);
    // Uploads or replaces one level (e.g. when the 10m level finishes loading).
    void upload_level(const geo::ProjectedWorld& world, geo::Lod lod);
    bool has_level(geo::Lod lod) const;
    // The uploaded level draw() uses for `lod`: that level, else the nearest uploaded
    // one (coarser first); nullopt when nothing is uploaded.
    std::optional<geo::Lod> level_for(geo::Lod lod) const;
    LevelStats level_stats(geo::Lod lod) const;
    // Per-country fill colours, indexed like World::countries; countries past the end
    // use style.no_data. One small upload; the meshes are not touched.
    void set_country_colors(std::span<const Color> colors);
    // Draws into the framebuffer bound to GL_DRAW_FRAMEBUFFER, viewport (0, 0, width,
    // height): background, ocean (the globe's outline), countries of level_for(lod),
    // then borders. Sets blending (alpha over, destination alpha kept opaque) and leaves
    // the framebuffer binding and viewport as it found them. Throws RenderError only if
    // the border coverage buffer cannot be allocated.
    void draw(const DrawParams& params);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace deportmap::render
