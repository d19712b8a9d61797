// Border lines for drawing on screen, where a software rasteriser pays for every
// segment: each border between two countries once (it is in both countries' rings,
// reversed), and a pyramid of copies simplified with Douglas–Peucker so that a zoomed-out
// view draws a few segments per pixel of border instead of dozens.
#pragma once
#include <cstdint>
#include <vector>

#include "core/geo/mesh.hpp"

namespace deportmap::geo {

// Polyline vertex runs with each shared segment kept once: the first time it appears in
// the mesh's line order, later copies (in either direction) dropped. A run is a list of
// x,y pairs; runs[k] covers points [starts[k], starts[k+1]).
struct BorderRuns {
    std::vector<float> xy;
    std::vector<uint32_t> starts;  // size = run count + 1 (or empty)
    size_t run_count() const { return starts.empty() ? 0 : starts.size() - 1; }
};
BorderRuns unique_border_runs(const MapMesh& mesh);

// Indices (into the run's points) that Douglas–Peucker keeps for a polyline at
// `tolerance`: the two ends always, then every point farther than `tolerance` from the
// simplified line. A closed run (first point = last) keeps its farthest point too.
std::vector<uint32_t> simplify_run(const double* xy, size_t count, double tolerance);
std::vector<uint32_t> simplify_run(const float* xy, size_t count, double tolerance);

// Pyramid levels are made for world widths (the level's width on screen, pixels) that
// are powers of two from kFirstCopyWorldPx to kLastCopyWorldPx.
inline constexpr double kFirstCopyWorldPx = 1024.0;
inline constexpr double kLastCopyWorldPx = 1048576.0;
// The first of those widths at or above `world_px` (the last one past it).
double copy_world_px(double world_px);

// The pyramid for one level drawn while its whole width spans min_world_px to
// max_world_px pixels: simplified copies for the powers of two from the first at or
// above min_world_px (1024 at least) to the first at or above max_world_px, while a copy
// keeps under 60 % of the segments, then the unsimplified (but deduplicated) lines, whose
// max_world_px is infinite. Drawn outside its range, a level falls back on the nearest
// finer copy. Empty for an empty mesh.
std::vector<BorderPyramidLevel> build_border_pyramid(const MapMesh& mesh, double min_world_px = 0.0,
                                              double max_world_px = kLastCopyWorldPx);

}  // namespace deportmap::geo
