// OffscreenMap: a map rendered into memory without a window (an offscreen target, the
// map renderer, readback). The export engine's GPU half; needs a current OpenGL 3.3
// context (platform::HeadlessGlContext, or the window's).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "core/color.hpp"
#include "core/geo/mesh.hpp"
#include "core/view.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_target.hpp"

namespace deportmap::render {

// What to draw (the renderer's own parameters: width and height are the output's
// pixels, lod must be ready in the ProjectedWorld; the image is always cleared first)
// and how many MSAA samples to draw it with.
struct MapImageRequest : DrawParams {
    int samples = 4;  // MSAA samples, clamped to the driver's GL_MAX_SAMPLES
};

struct RgbaImage {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgba;  // width * height * 4 bytes, rows top-down
};

// An offscreen target plus a map renderer, prepared before the geometry is ready: the
// constructor allocates the framebuffers, compiles the shaders and draws a tiny
// placeholder map once, because llvmpipe compiles its pipeline variants on the first
// draw (with one sample, the edge fringes too). Headless export builds this on the GL
// thread while a worker loads and projects the world, then calls render(). Needs a
// current OpenGL context for its whole life.
class OffscreenMap {
public:
    // Throws RenderError for a size beyond the driver's limits or a failed allocation.
    OffscreenMap(int width, int height, int samples = 4);

    int width() const { return target_.width(); }
    int height() const { return target_.height(); }

    // Draws `world` (every ready level is uploaded; request.lod picks the one drawn)
    // with per-country fill colours `country_colors` and returns the pixels.
    // request.width and request.height must equal the constructor's.
    RgbaImage render(const geo::ProjectedWorld& world, const MapImageRequest& request,
                     std::span<const Color> country_colors);
    // The same into `rgba` (resized to width * height * 4, rows top-down), for callers
    // that render many tiles through one buffer. The meshes are uploaded only when
    // `world` is not the one uploaded last.
    // `top_down` false leaves the rows bottom-up, as GL reads them.
    void render(const geo::ProjectedWorld& world, const MapImageRequest& request,
                std::span<const Color> country_colors, std::vector<uint8_t>& rgba,
                bool top_down = true);

private:
    OffscreenTarget target_;
    MapRenderer renderer_;
    const geo::ProjectedWorld* uploaded_ = nullptr;  // the world whose meshes are on the GPU
};

// Checks that a width x height image fits the current context's limits; throws
// RenderError with one line when it does not (or when the size is not positive).
void check_image_size(int width, int height);

// Draws `world` at request.lod with per-country fill colours `country_colors` (indexed
// like World::countries; missing entries use style.no_data) and returns the pixels.
// A one-shot OffscreenMap, for tests and single images. Throws RenderError for a size
// beyond the driver's limits or a failed allocation.
RgbaImage render_map_image(const geo::ProjectedWorld& world, const MapImageRequest& request,
                           std::span<const Color> country_colors);

}  // namespace deportmap::render
