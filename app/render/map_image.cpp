// Offscreen map rendering into memory (see map_image.hpp).
#include "render/map_image.hpp"

#include <string>

#include "render/gl/gl.hpp"
#include "render/offscreen.hpp"

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

RgbaImage render_map_image(const geo::ProjectedWorld& world, const MapImageRequest& request,
                           std::span<const Color> country_colors) {
    check_image_size(request.width, request.height);
    OffscreenTarget target(request.width, request.height, request.samples);
    MapRenderer renderer;
    renderer.upload_level(world, request.lod);
    renderer.set_country_colors(country_colors);

    target.bind();
    DrawParams params;
    params.width = request.width;
    params.height = request.height;
    params.view = request.view;
    params.lod = request.lod;
    params.style = request.style;
    params.clear = true;
    renderer.draw(params);

    RgbaImage image;
    image.width = request.width;
    image.height = request.height;
    image.rgba = target.read_rgba();
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return image;
}

}  // namespace deportmap::render
