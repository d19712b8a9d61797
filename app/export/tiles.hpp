// The map of an export is rendered through one offscreen target in tiles (strips, and
// columns past the driver's width limit), each read back straight into the page, and the
// page is composed and encoded in bands: memory stays bounded for any page size.
#pragma once
#include <span>
#include <utility>
#include <vector>

#include "core/color.hpp"
#include "core/geo/mesh.hpp"
#include "export/canvas.hpp"
#include "render/offscreen_map.hpp"
#include "render/offscreen_target.hpp"

namespace deportmap::exporter {

// Exports draw at one sample per pixel and anti-alias fill edges with fringes
// (render::DrawParams::edge_fringes); docs/rendering.md says why.
inline constexpr int kExportSamples = 1;

// At most this many pixels in the tile target.
inline constexpr long long kTilePixels = 4LL << 20;

// The tile size for a map_w x map_h map: full width up to `max_tile`, rows to fill
// kTilePixels (at least 64).
std::pair<int, int> tile_size(int map_w, int map_h, int max_tile);

// Renders the map tile by tile through `target` into `page` with its top-left corner at
// (x0, y0): copied (exact pixels), or blended over when `over` (a transparent page).
// Only tiles meeting the page's band are drawn; `scratch` is the reused readback buffer.
void render_map_into(render::OffscreenMap& target, const geo::ProjectedWorld& world,
                     const render::MapImageRequest& request, std::span<const Color> colors,
                     Canvas& page, int x0, int y0, bool over, std::vector<uint8_t>& scratch);

// The bands (first row, rows) a page_h-row page is composed and written in: the rows
// above the map, one band per row of map tiles, and the rows below it.
std::vector<std::pair<int, int>> page_bands(int page_h, int map_y, int map_h, int tile_rows);

}  // namespace deportmap::exporter
