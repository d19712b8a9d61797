// The window's simplified fills: both sides of a shared border keep the same vertices
// (so neighbours meet without gaps), a lone island keeps its shape within the tolerance,
// and the copies of the bundled 1:110m level are smaller, valid, and cover the same area
// within what the tolerance allows.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <utility>

#include "core/geo/mesh.hpp"
#include "core/geo/fill_pyramid.hpp"
#include "core/geo/world.hpp"

using namespace deportmap::geo;

namespace {

// Appends a country of one polygon (outer ring only) to the mesh and the shapes, the
// way project_level lays them out.
void add_country(MapMesh& mesh, std::vector<ProjectedShape>& shapes, const Ring& ring) {
    const auto country = static_cast<uint16_t>(shapes.size());
    ProjectedShape shape;
    Polygon polygon;
    polygon.rings.push_back(ring);
    const auto base = static_cast<uint32_t>(mesh.fill_country.size());
    for (const Vec2& p : ring) {
        mesh.fill_xy.push_back(static_cast<float>(p.x));
        mesh.fill_xy.push_back(static_cast<float>(p.y));
        mesh.fill_country.push_back(country);
        mesh.bounds.add(p);
    }
    std::vector<uint32_t> local;
    tessellate_indices(polygon, local);
    for (uint32_t i : local) mesh.fill_indices.push_back(base + i);
    shape.polygons.push_back(std::move(polygon));
    shapes.push_back(std::move(shape));
}

double triangle_area(const MapMesh& mesh, const std::vector<uint32_t>& idx, size_t t) {
    const float* a = &mesh.fill_xy[2 * idx[t]];
    const float* b = &mesh.fill_xy[2 * idx[t + 1]];
    const float* c = &mesh.fill_xy[2 * idx[t + 2]];
    return 0.5 * std::abs((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
}

// The positions of the vertices a country's triangles use.
std::set<std::pair<float, float>> used_points(const MapMesh& mesh, const std::vector<uint32_t>& idx,
                                              uint16_t country) {
    std::set<std::pair<float, float>> points;
    for (uint32_t v : idx) {
        if (mesh.fill_country[v] == country) points.insert({mesh.fill_xy[2 * v], mesh.fill_xy[2 * v + 1]});
    }
    return points;
}

}  // namespace

TEST(GeoScreenFills, NeighboursKeepTheSameBorderVertices) {
    // Two countries 1000 units wide sharing a wiggly border along x = 0 (wiggles of up
    // to 3 units, some above and some below a 2-unit tolerance), each drawn counter-
    // clockwise so the border runs up in one and down in the other.
    Ring border;  // bottom to top
    for (int i = 0; i <= 100; ++i) {
        const double wiggle = (i % 7 == 3) ? 3.0 : ((i % 5 == 1) ? 0.5 : 0.0);
        border.push_back({wiggle, -500.0 + 10.0 * i});
    }
    Ring east{{1000, -500}, {1000, 500}};
    east.insert(east.end(), border.rbegin(), border.rend());  // top to bottom
    Ring west{{-1000, 500}, {-1000, -500}};
    west.insert(west.end(), border.begin(), border.end());  // bottom to top
    MapMesh mesh;
    std::vector<ProjectedShape> shapes;
    add_country(mesh, shapes, east);
    add_country(mesh, shapes, west);

    // The mesh is 2000 units wide: at 1024 px the tolerance is 2000 / 1024 / 2 ≈ 0.98.
    const std::vector<FillPyramidLevel> copies = build_fill_pyramid(mesh, shapes, 0.0, 1024.0);
    ASSERT_EQ(copies.size(), 1u);
    const std::vector<uint32_t>& idx = copies[0].indices;
    EXPECT_LT(idx.size(), mesh.fill_indices.size() * 6 / 10);
    std::set<std::pair<float, float>> east_border, west_border;
    for (const auto& p : used_points(mesh, idx, 0)) {
        if (std::abs(p.first) < 10) east_border.insert(p);
    }
    for (const auto& p : used_points(mesh, idx, 1)) {
        if (std::abs(p.first) < 10) west_border.insert(p);
    }
    EXPECT_EQ(east_border, west_border);
    EXPECT_TRUE(east_border.count({3.0f, -470.0f}));  // a 3-unit wiggle stays
    EXPECT_FALSE(east_border.count({0.5f, -490.0f}));  // a 0.5-unit one goes
    // No gap and no overlap: the two countries still cover the whole 2000 x 1000.
    double area = 0.0;
    for (size_t t = 0; t < idx.size(); t += 3) area += triangle_area(mesh, idx, t);
    EXPECT_NEAR(area, 2000.0 * 1000.0, 1e-6 * area);
}

TEST(GeoScreenFills, BundledCoarseLevel) {
    const World world = load_world({});
    const ProjectedWorld pw = project_world(world, ProjectionKind::EqualEarth, {true, false, false});
    const MapMesh& mesh = pw.meshes[0];
    const std::vector<FillPyramidLevel> copies = build_fill_pyramid(mesh, pw.shapes[0], 0.0, 3840.0);
    ASSERT_GE(copies.size(), 2u);
    EXPECT_EQ(copies[0].max_world_px, 1024.0);

    double full_area = 0.0, perimeter = 0.0;
    for (size_t t = 0; t < mesh.fill_indices.size(); t += 3)
        full_area += triangle_area(mesh, mesh.fill_indices, t);
    for (const ProjectedShape& shape : pw.shapes[0]) {
        for (const Polygon& polygon : shape.polygons) {
            for (const Ring& ring : polygon.rings) {
                for (size_t i = 0; i < ring.size(); ++i) {
                    const Vec2& a = ring[i];
                    const Vec2& b = ring[(i + 1) % ring.size()];
                    perimeter += std::hypot(b.x - a.x, b.y - a.y);
                }
            }
        }
    }
    size_t previous = 0;
    for (const FillPyramidLevel& copy : copies) {
        ASSERT_EQ(copy.indices.size() % 3, 0u);
        for (uint32_t v : copy.indices) ASSERT_LT(v, mesh.fill_country.size());
        EXPECT_LT(copy.indices.size() * 10, mesh.fill_indices.size() * 6);
        EXPECT_GT(copy.indices.size(), previous);  // finer copies keep more
        previous = copy.indices.size();
        // Every triangle stays within one country.
        for (size_t t = 0; t < copy.indices.size(); t += 3) {
            const uint16_t c = mesh.fill_country[copy.indices[t]];
            ASSERT_EQ(mesh.fill_country[copy.indices[t + 1]], c);
            ASSERT_EQ(mesh.fill_country[copy.indices[t + 2]], c);
        }
        // The area moves by no more than the tolerance times the boundary's length.
        double area = 0.0;
        for (size_t t = 0; t < copy.indices.size(); t += 3) area += triangle_area(mesh, copy.indices, t);
        const double tolerance = mesh.bounds.width() / copy.max_world_px * 0.5;
        EXPECT_LT(std::abs(area - full_area), tolerance * perimeter);
        EXPECT_GT(area, 0.97 * full_area);
    }
}

TEST(GeoScreenFills, MismatchedShapesGiveNoCopies) {
    MapMesh mesh;
    std::vector<ProjectedShape> shapes;
    add_country(mesh, shapes, Ring{{0, 0}, {10, 0}, {10, 10}, {0, 10}});
    shapes[0].polygons[0].rings[0].push_back({5, 12});  // one vertex the mesh lacks
    EXPECT_TRUE(build_fill_pyramid(mesh, shapes, 0.0, 4096.0).empty());
}
