// Tiles and bands of an export's page (see tiles.hpp).
#include "export/tiles.hpp"

#include <algorithm>

namespace deportmap::exporter {

std::pair<int, int> tile_size(int map_w, int map_h, int max_tile) {
    const int tw = std::min(map_w, max_tile);
    const long long rows = std::max<long long>(64, kTilePixels / std::max(1, tw));
    const int th = static_cast<int>(std::min<long long>({rows, map_h, max_tile}));
    return {tw, th};
}

void render_map_into(render::OffscreenMap& target, const geo::ProjectedWorld& world,
                     const render::MapImageRequest& request, std::span<const Color> colors,
                     Canvas& page, int x0, int y0, bool over, std::vector<uint8_t>& scratch) {
    const int tw = target.width(), th = target.height();
    for (int ty = 0; ty < request.height; ty += th) {
        if (!page.rows_in_band(y0 + ty, y0 + std::min(request.height, ty + th))) continue;
        for (int tx = 0; tx < request.width; tx += tw) {
            render::MapImageRequest part = request;
            part.width = tw;
            part.height = th;
            part.view.offset_x -= tx;
            part.view.offset_y -= ty;
            part.hatch_origin_x = static_cast<float>(tx);  // GL's y runs up from the bottom
            part.hatch_origin_y = static_cast<float>(request.height - ty - th);
            target.render(world, part, colors, scratch, false);  // rows bottom-up
            const int cw = std::min(tw, request.width - tx), ch = std::min(th, request.height - ty);
            const size_t stride = static_cast<size_t>(tw) * 4;
            for (int row = 0; row < ch; ++row) {
                const std::span<const uint8_t> line(&scratch[static_cast<size_t>(th - 1 - row) * stride],
                                                    static_cast<size_t>(cw) * 4);
                if (over) {
                    page.blit(line, cw, 1, x0 + tx, y0 + ty + row);
                } else {
                    page.copy(line, cw, 1, x0 + tx, y0 + ty + row);
                }
            }
        }
    }
}

std::vector<std::pair<int, int>> page_bands(int page_h, int map_y, int map_h, int tile_rows) {
    std::vector<std::pair<int, int>> bands;  // (first row, rows)
    if (map_y > 0) bands.emplace_back(0, map_y);
    for (int y = 0; y < map_h; y += tile_rows) bands.emplace_back(map_y + y, std::min(tile_rows, map_h - y));
    if (map_y + map_h < page_h) bands.emplace_back(map_y + map_h, page_h - map_y - map_h);
    return bands;
}

}  // namespace deportmap::exporter
