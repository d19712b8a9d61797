// A triangulator with a bounded cost, O(n log n) in the polygon's vertex count n
// whatever the shape: a top-to-bottom sweep adds diagonals that cut the polygon into
// y-monotone pieces (at split and merge vertices, the textbook construction), and each
// piece is then triangulated in linear time with a stack. tessellate.cpp hands a polygon
// to it when the ear clipper runs over its work budget, so the fills of ordinary
// boundaries still come from the ear clipper. Internal to core/geo.
#pragma once
#include <cstdint>
#include <vector>

#include "core/geo/types.hpp"

namespace deportmap::geo {

// Appends triangles to `out` as vertex numbers relative to the polygon's first vertex
// (rings numbered one after another, outer ring first), each counter-clockwise. A simple
// polygon with n vertices and h holes gets n - 2 + 2h triangles (repeated points are
// dropped first). Invalid input (crossing rings) still ends in bounded time without
// crashing, with some area left unfilled or filled twice. Returns false, appending
// nothing, when the outer ring has fewer than 3 distinct points or a coordinate is not
// finite.
bool sweep_triangulate(const Polygon& polygon, std::vector<uint32_t>& out);

}  // namespace deportmap::geo
