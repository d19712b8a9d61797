// Offscreen map rendering into memory (see offscreen_map.hpp).
#include "render/offscreen_map.hpp"

#include <string>

#include "render/gl/gl.hpp"
#include "render/offscreen_target.hpp"

namespace deportmap::render {

void check_image_size(int width, int height) {
    if (width <= 0 || height <= 0) {
        throw RenderError("image size " + std::to_string(width) + "x" + std::to_string(height) +
                          " must be positive");
    }
    const GlLimits limits = query_limits();
    if (width > limits.max_width() || height > limits.max_height()) {
        throw RenderError("image size " + std::to_string(width) + "x" + std::to_string(height) +
                          " exceeds this OpenGL driver's limit of " +
                          std::to_string(limits.max_width()) + "x" +
                          std::to_string(limits.max_height()) + " pixels");
    }
}

OffscreenMap::OffscreenMap(int width, int height, int samples)
    : target_(width, height, samples) {
    // A placeholder map (one triangle, one border segment, a square ocean) drawn once
    // runs every pipeline the real draw uses: fill, border coverage, composite, resolve
    // and readback.
    geo::ProjectedWorld placeholder;
    placeholder.outline = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
    geo::MapMesh& mesh = placeholder.meshes[0];
    mesh.fill_xy = {-0.5f, -0.5f, 0.5f, -0.5f, 0.0f, 0.5f};
    mesh.fill_country = {0, 0, 0};
    mesh.fill_indices = {0, 1, 2};
    mesh.line_xy = {-0.5f, -0.5f, 0.5f, -0.5f};
    mesh.line_country = {0, 0};
    mesh.line_starts = {0, 2};
    placeholder.ready[0] = true;
    renderer_.upload(placeholder);
    target_.bind();
    DrawParams params;
    params.width = width;
    params.height = height;
    params.view = fit_bounds(geo::BBox{-1, -1, 1, 1}, width, height);
    params.edge_fringes = target_.samples() == 1;  // what a one-sample export draws
    renderer_.draw(params);
    target_.resolve();
    (void)target_.read_pixel(0, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

RgbaImage OffscreenMap::render(const geo::ProjectedWorld& world, const MapImageRequest& request,
                               std::span<const Color> country_colors) {
    RgbaImage image;
    image.width = request.width;
    image.height = request.height;
    render(world, request, country_colors, image.rgba);
    return image;
}

void OffscreenMap::render(const geo::ProjectedWorld& world, const MapImageRequest& request,
                          std::span<const Color> country_colors, std::vector<uint8_t>& rgba,
                          bool top_down) {
    if (request.width != target_.width() || request.height != target_.height()) {
        throw RenderError("render size " + std::to_string(request.width) + "x" +
                          std::to_string(request.height) + " differs from the prepared " +
                          std::to_string(target_.width()) + "x" +
                          std::to_string(target_.height()));
    }
    if (uploaded_ != &world) {
        renderer_.upload(world);
        uploaded_ = &world;
    }
    renderer_.set_country_colors(country_colors);
    target_.bind();
    DrawParams params = request;
    params.clear = true;
    renderer_.draw(params);

    target_.read_rgba(rgba, top_down);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

RgbaImage render_map_image(const geo::ProjectedWorld& world, const MapImageRequest& request,
                           std::span<const Color> country_colors) {
    OffscreenMap map(request.width, request.height, request.samples);
    return map.render(world, request, country_colors);
}

}  // namespace deportmap::render
