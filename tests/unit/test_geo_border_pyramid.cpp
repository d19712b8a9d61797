// The window's border lines: a border shared by two countries is kept once, Douglas–
// Peucker keeps what lies beyond the tolerance and drops the rest, and the pyramid built
// from the bundled 1:110m level is ordered, bounded by its tolerance, and smaller than
// the lines it came from.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>
#include <tuple>

#include "core/geo/mesh.hpp"
#include "core/geo/border_pyramid.hpp"
#include "core/geo/world.hpp"

using namespace deportmap::geo;

namespace {

// Appends one polyline to the mesh's lines.
void add_line(MapMesh& mesh, std::initializer_list<std::pair<float, float>> points) {
    if (mesh.line_starts.empty()) mesh.line_starts.push_back(0);
    for (const auto& [x, y] : points) {
        mesh.line_xy.push_back(x);
        mesh.line_xy.push_back(y);
        mesh.line_country.push_back(0);
        mesh.bounds.add(Vec2{x, y});
    }
    mesh.line_starts.push_back(static_cast<uint32_t>(mesh.line_xy.size() / 2));
}

using Segment = std::tuple<double, double, double, double>;
Segment undirected(double x0, double y0, double x1, double y1) {
    if (std::tie(x0, y0) > std::tie(x1, y1)) return {x1, y1, x0, y0};
    return {x0, y0, x1, y1};
}

// A copy's segments as x0, y0, x1, y1 (consecutive points within each run).
std::vector<float> segments_of(const BorderPyramidLevel& copy) {
    std::vector<float> out;
    for (size_t r = 0; r < copy.run_count(); ++r) {
        for (uint32_t i = copy.run_starts[r]; i + 1 < copy.run_starts[r + 1]; ++i)
            out.insert(out.end(), {copy.xy[2 * i], copy.xy[2 * i + 1], copy.xy[2 * i + 2], copy.xy[2 * i + 3]});
    }
    return out;
}

double distance_to_segment(double px, double py, const float* s) {
    const double dx = s[2] - s[0], dy = s[3] - s[1];
    const double len2 = dx * dx + dy * dy;
    const double t =
        len2 > 0 ? std::clamp(((px - s[0]) * dx + (py - s[1]) * dy) / len2, 0.0, 1.0) : 0.0;
    return std::hypot(s[0] + t * dx - px, s[1] + t * dy - py);
}

}  // namespace

TEST(GeoScreenBorders, SharedBorderKeptOnce) {
    // Two unit squares side by side, both counter-clockwise: the edge x = 1 is in both
    // rings, once upwards (left square) and once downwards (right square).
    MapMesh mesh;
    add_line(mesh, {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}});
    add_line(mesh, {{1, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 0}});
    const BorderRuns runs = unique_border_runs(mesh);

    std::multiset<Segment> segments;
    for (size_t r = 0; r < runs.run_count(); ++r) {
        for (uint32_t i = runs.starts[r]; i + 1 < runs.starts[r + 1]; ++i) {
            segments.insert(undirected(runs.xy[2 * i], runs.xy[2 * i + 1], runs.xy[2 * i + 2],
                                       runs.xy[2 * i + 3]));
        }
    }
    EXPECT_EQ(segments.size(), 7u);  // 4 + 4, less the shared one
    EXPECT_EQ(segments.count(undirected(1, 0, 1, 1)), 1u);
    for (const Segment& s : segments) EXPECT_EQ(segments.count(s), 1u);
    // The right square's ring is cut where the shared edge was: one run for the left
    // square, one for the rest of the right one.
    EXPECT_EQ(runs.run_count(), 2u);
}

TEST(GeoScreenBorders, DegenerateAndRepeatedSegmentsAreDropped) {
    MapMesh mesh;
    add_line(mesh, {{0, 0}, {0, 0}, {3, 0}});  // a zero-length segment first
    add_line(mesh, {{3, 0}, {0, 0}});          // the same segment again, reversed
    const BorderRuns runs = unique_border_runs(mesh);
    ASSERT_EQ(runs.run_count(), 1u);
    EXPECT_EQ(runs.starts[1] - runs.starts[0], 2u);
}

TEST(GeoScreenBorders, DouglasPeuckerKeepsWhatIsFarEnough) {
    // A straight line with a 0.2 bump at x = 2 and a 1.0 bump at x = 5.
    const double xy[] = {0, 0, 1, 0, 2, 0.2, 3, 0, 4, 0, 5, 1.0, 6, 0, 7, 0};
    std::vector<uint32_t> kept = simplify_run(xy, 8, 0.5);
    // The ends and the big bump stay, and (4, 0), 0.78 from the chord (0,0)-(5,1); the
    // small bump goes, and so does (6, 0), 0.45 from (5,1)-(7,0).
    EXPECT_EQ(kept, (std::vector<uint32_t>{0, 4, 5, 7}));
    // A tolerance under the small bump keeps it as well.
    kept = simplify_run(xy, 8, 0.1);
    EXPECT_NE(std::find(kept.begin(), kept.end(), 2u), kept.end());
    // Two points stay two points; a closed ring keeps its far side.
    EXPECT_EQ(simplify_run(xy, 2, 10.0).size(), 2u);
    const double ring[] = {0, 0, 4, 0, 4, 4, 0, 4, 0, 0};
    kept = simplify_run(ring, 5, 0.5);
    EXPECT_GE(kept.size(), 4u);
    EXPECT_NE(std::find(kept.begin(), kept.end(), 2u), kept.end());
}

TEST(GeoScreenBorders, PyramidOfTheBundledCoarseLevel) {
    const World world = load_world({});
    const ProjectedWorld pw = project_world(world, ProjectionKind::EqualEarth, {true, false, false});
    const MapMesh& mesh = pw.meshes[0];
    const std::vector<BorderPyramidLevel> pyramid = build_border_pyramid(mesh);
    ASSERT_GE(pyramid.size(), 3u);

    // The full copy holds each of the mesh's segments once (in one direction or the other).
    std::set<Segment> in_mesh;
    size_t mesh_segments = 0;
    for (size_t k = 0; k < mesh.line_count(); ++k) {
        for (size_t i = mesh.line_starts[k]; i + 1 < mesh.line_starts[k + 1]; ++i) {
            const float* p = &mesh.line_xy[2 * i];
            if (p[0] == p[2] && p[1] == p[3]) continue;
            in_mesh.insert(undirected(p[0], p[1], p[2], p[3]));
            ++mesh_segments;
        }
    }
    const BorderPyramidLevel& full = pyramid.back();
    EXPECT_TRUE(std::isinf(full.max_world_px));
    EXPECT_EQ(full.tolerance, 0.0);
    const std::vector<float> full_segments = segments_of(full);
    EXPECT_EQ(full_segments.size() / 4, full.segment_count());
    std::set<Segment> in_full;
    for (size_t i = 0; i < full_segments.size(); i += 4) {
        const float* p = &full_segments[i];
        EXPECT_TRUE(in_full.insert(undirected(p[0], p[1], p[2], p[3])).second) << "twice";
    }
    EXPECT_EQ(in_full, in_mesh);
    EXPECT_LT(in_full.size(), mesh_segments * 9 / 10);  // land borders were there twice

    for (size_t k = 0; k + 1 < pyramid.size(); ++k) {
        const BorderPyramidLevel& copy = pyramid[k];
        EXPECT_NEAR(copy.tolerance, mesh.bounds.width() / copy.max_world_px * 0.5, 1e-6);
        EXPECT_LT(copy.max_world_px, pyramid[k + 1].max_world_px);
        EXPECT_LE(copy.segment_count(), pyramid[k + 1].segment_count());
        EXPECT_LT(copy.segment_count() * 10, full.segment_count() * 6);
        EXPECT_EQ(copy.run_count(), full.run_count());  // runs keep their ends
    }
    EXPECT_LT(pyramid.front().segment_count() * 2, full.segment_count());
    EXPECT_EQ(pyramid.front().max_world_px, 1024.0);

    // A zoom range: copies from the first power of two at or above its start to the
    // first at or above its end.
    const std::vector<BorderPyramidLevel> ranged = build_border_pyramid(mesh, 900.0, 2000.0);
    ASSERT_EQ(ranged.size(), 3u);
    EXPECT_EQ(ranged[0].max_world_px, 1024.0);
    EXPECT_EQ(ranged[1].max_world_px, 2048.0);
    EXPECT_TRUE(std::isinf(ranged[2].max_world_px));

    // Every full-line vertex lies within the tolerance of the coarsest copy (checked
    // against that copy's segments near it).
    const std::vector<float> coarse = segments_of(pyramid.front());
    const double tolerance = pyramid.front().tolerance;
    size_t far = 0;
    for (size_t i = 0; i < full_segments.size(); i += 4 * 7) {  // every 7th segment
        const double px = full_segments[i], py = full_segments[i + 1];
        double best = std::numeric_limits<double>::infinity();
        for (size_t j = 0; j < coarse.size(); j += 4)
            best = std::min(best, distance_to_segment(px, py, &coarse[j]));
        if (best > tolerance * 1.0001 + 1.0) ++far;  // + 1 m for float rounding
    }
    EXPECT_EQ(far, 0u);
}
