// The GPU map renderer: uploads a level's projected meshes once, then draws filled
// countries (colours from a per-country table), anti-aliased borders of a width in
// screen pixels, and the ocean, into whatever framebuffer is bound. Used by the window
// and by headless export alike. Needs a current OpenGL 3.3 core context.
#pragma once
#include <memory>
#include <span>
#include <stdexcept>

#include "core/color.hpp"
#include "core/geo/mesh.hpp"
#include "core/view.hpp"

namespace deportmap::render {

struct RenderError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct MapStyle {
    Color background{0xf4, 0xf1, 0xea, 255};  // outside the globe's outline
    Color ocean{0xd6, 0xe6, 0xf0, 255};       // inside the outline
    Color border{0x40, 0x40, 0x48, 255};
    Color no_data{0xd9, 0xd6, 0xcf, 255};  // countries without a colour entry
    float border_width_px = 0.6f;
};

struct DrawParams {
    int width = 0;   // viewport, in framebuffer pixels
    int height = 0;
    ViewTransform view;  // projected -> framebuffer pixels (origin top-left)
    geo::Lod lod = geo::Lod::k110m;
    MapStyle style;
    bool clear = true;  // clear to style.background first
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
    // Per-country fill colours, indexed like World::countries; countries past the end
    // use style.no_data. One small upload; the meshes are not touched.
    void set_country_colors(std::span<const Color> colors);
    void draw(const DrawParams& params);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace deportmap::render
