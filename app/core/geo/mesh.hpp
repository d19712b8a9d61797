// Projected, tessellated geometry ready for a GPU or an SVG writer: fill triangles and
// border polylines per level of detail, each vertex tagged with its country's index so
// colours come from a small per-country table.
#pragma once
#include <array>
#include <cstdint>
#include <vector>

#include "core/geo/projection.hpp"
#include "core/geo/world.hpp"

namespace deportmap::geo {

// One copy of a level's border lines for the window (see border_pyramid.hpp).
struct BorderPyramidLevel {
    // Drawn while the level's whole width spans at most max_world_px pixels; there its
    // vertices are within half a pixel of the full lines.
    double max_world_px = 0.0;
    double tolerance = 0.0;           // projected units; 0 = every vertex kept
    std::vector<float> xy;            // x, y per point, runs one after another
    std::vector<uint32_t> run_starts;  // run k covers points [k], [k+1]) (size runs + 1)
    size_t run_count() const { return run_starts.empty() ? 0 : run_starts.size() - 1; }
    size_t segment_count() const { return xy.size() / 2 - run_count(); }
};

// A coarser triangulation of a level's fills for the window (see fill_pyramid.hpp):
// triangles over a subset of the mesh's own vertices, so it costs only indices.
struct FillPyramidLevel {
    double max_world_px = 0.0;       // drawn while the level's width spans at most this
    std::vector<uint32_t> indices;   // into MapMesh::fill_xy / fill_country
};

struct MapMesh {
    // Fill triangles: x,y pairs in projected units, country index per vertex.
    std::vector<float> fill_xy;
    std::vector<uint16_t> fill_country;
    std::vector<uint32_t> fill_indices;
    // Border polylines: x,y pairs; polyline k covers vertices
    // [line_starts[k], line_starts[k+1]). Artificial edges (the ±180° cut, the pole
    // closure) are left out, so a ring can give several open polylines.
    std::vector<float> line_xy;
    std::vector<uint16_t> line_country;
    std::vector<uint32_t> line_starts;  // size = polyline count + 1
    BBox bounds;
    // Optional, for the window: each shared border once, simplified per zoom range
    // (build_border_pyramid). Empty unless someone fills it; exports leave it so.
    std::vector<BorderPyramidLevel> border_pyramid;
    // Optional, for the window: the fills simplified per zoom range (build_fill_pyramid).
    std::vector<FillPyramidLevel> fill_pyramid;

    size_t fill_vertex_count() const { return fill_country.size(); }
    size_t line_count() const { return line_starts.empty() ? 0 : line_starts.size() - 1; }
};

// A polygon's edges sorted into horizontal rows of its box, so a point-in-polygon test
// (one ray along the point's row) looks at the edges reaching that row instead of all
// of them: hover picking over a 1:10m country of 60,000 vertices.
struct PolygonRows {
    BBox box;
    double row_height = 0.0;
    std::vector<uint32_t> row_start;  // rows + 1 offsets into `edges`; empty: no rows
    std::vector<uint32_t> ring_start;  // first vertex number of each ring
    std::vector<uint32_t> edges;       // vertex numbers (ring after ring): edge v -> v+1
};
PolygonRows polygon_rows(const Polygon& polygon);
// point_in_polygon, through the rows when there are some.
bool point_in_polygon(const Polygon& polygon, const PolygonRows& rows, Vec2 p);

// One country's projected geometry at one level, for picking, labels and SVG.
struct ProjectedShape {
    std::vector<Polygon> polygons;  // projected, densified
    std::vector<PolygonRows> rows;  // parallel to polygons (for picking)
    BBox bbox;
    double area = 0.0;        // projected units²
    Vec2 label_point;         // a point well inside the largest polygon
};

struct ProjectedWorld {
    ProjectionKind projection = ProjectionKind::EqualEarth;
    // Per level: one mesh holding every country (a coarse level borrows countries it
    // lacks from the next finer level), and each country's shape, parallel to
    // World::countries.
    std::array<MapMesh, kLodCount> meshes;
    std::array<std::vector<ProjectedShape>, kLodCount> shapes;
    std::array<bool, kLodCount> ready{};  // which levels were prepared
    Ring outline;      // the globe's projected outline (ocean fill)
    BBox world_bounds;
    // Wall-clock milliseconds per level: densify + clip + project, then tessellate +
    // borders + labels + mesh assembly (the figures `deportmap countries --timings` prints).
    std::array<double, kLodCount> project_ms{};
    std::array<double, kLodCount> tessellate_ms{};

    // Index of the country under a projected point at `lod`, or -1.
    int pick(Vec2 xy, Lod lod) const;
};

// Projects, densifies and tessellates the levels in `levels` (others stay not ready).
// Long edges are densified (max_segment_degrees, at least 0.01; 0 turns it off) so curved
// projections stay smooth.
ProjectedWorld project_world(const World& world, ProjectionKind kind,
                             std::array<bool, kLodCount> levels = {true, true, true},
                             double max_segment_degrees = 1.0);
// Prepares one level into an existing ProjectedWorld (e.g. on a worker thread); also sets
// its projection, outline and world bounds. The Projector may be shared between threads.
void project_level(const World& world, const Projector& projector, Lod lod,
                   ProjectedWorld& out, double max_segment_degrees = 1.0);

// Triangulates one polygon (outer ring + holes) into triangles appended to `out_xy`
// (vertex positions) and `out_indices` (offsets relative to the first vertex this call
// appends). Copes with invalid input (self-touching rings) without crashing. With
// `delaunay`, edge flips then fatten the ear clipper's slivers (a constrained Delaunay
// triangulation where the triangles allow it): the same area, triangles a tile-based
// software rasteriser draws faster; it costs a fifth more time, so only the window's
// copies ask for it.
void tessellate(const Polygon& polygon, std::vector<Vec2>& out_xy,
                std::vector<uint32_t>& out_indices, bool delaunay = false);
// The same without copying vertices: indices refer to the polygon's vertices numbered
// ring after ring (outer ring first), and are appended to `out_indices`.
void tessellate_indices(const Polygon& polygon, std::vector<uint32_t>& out_indices,
                        bool delaunay = false);

}  // namespace deportmap::geo
