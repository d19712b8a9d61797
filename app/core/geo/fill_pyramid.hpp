// Simplified fills for the window. At 1:10m a zoomed-out view gets triangles a few
// pixels across, and a software rasteriser pays for each: these copies drop the ring
// vertices that lie within half a pixel of the line through their neighbours, with the
// same choice on both sides of every border (Douglas–Peucker between junctions, run in
// one fixed direction), so neighbouring fills still meet without gaps.
#pragma once
#include <cstdint>
#include <vector>

#include "core/geo/mesh.hpp"

namespace deportmap::geo {

// Copies of `mesh`'s fills (whose vertices are `shapes`' rings, country after country,
// polygon after polygon, ring after ring, as project_level writes them) for the power-of-
// two world widths from the first at or above min_world_px (1024 at least) to the first
// at or above max_world_px, each simplified to half a pixel at its width, while a copy
// keeps under 60 % of the triangles. Empty when the mesh and shapes disagree.
std::vector<FillPyramidLevel> build_fill_pyramid(const MapMesh& mesh,
                                          const std::vector<ProjectedShape>& shapes,
                                          double min_world_px, double max_world_px);

}  // namespace deportmap::geo
