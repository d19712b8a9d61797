// Prepared levels: no stripe across the map (no fill or border segment spans half the
// world), artificial edges left out of borders, Mercator's clip, borrowed small states in
// the coarse mesh, consistent mesh arrays, labels inside, and picking (Lesotho inside
// South Africa, Russia across the antimeridian, ocean).
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "core/geo/mesh.hpp"
#include "core/geo/world.hpp"

using namespace deportmap::geo;

namespace {

const World& bundled() {
    static const World world = load_world({});
    return world;
}

int index_of(const std::string& iso3) {
    const int i = bundled().find(iso3);
    EXPECT_GE(i, 0) << iso3;
    return i;
}

const ProjectedWorld& prepared(ProjectionKind kind) {
    static std::map<ProjectionKind, ProjectedWorld> cache;
    auto it = cache.find(kind);
    if (it == cache.end()) {
        it = cache.emplace(kind, project_world(bundled(), kind, {true, true, false})).first;
    }
    return it->second;
}

Vec2 fill_vertex(const MapMesh& m, size_t i) { return {m.fill_xy[2 * i], m.fill_xy[2 * i + 1]}; }
Vec2 line_vertex(const MapMesh& m, size_t i) { return {m.line_xy[2 * i], m.line_xy[2 * i + 1]}; }

// Triangle edges spanning more than `half` in x, except Antarctica's south of `south_y`.
size_t long_fill_edges(const MapMesh& m, double half, int antarctica, double south_y) {
    size_t count = 0;
    for (size_t i = 0; i < m.fill_indices.size(); i += 3) {
        for (int e = 0; e < 3; ++e) {
            const Vec2 a = fill_vertex(m, m.fill_indices[i + e]);
            const Vec2 b = fill_vertex(m, m.fill_indices[i + (e + 1) % 3]);
            if (std::abs(a.x - b.x) <= half) continue;
            const bool antarctic =
                m.fill_country[m.fill_indices[i]] == antarctica && a.y < south_y && b.y < south_y;
            if (!antarctic) ++count;
        }
    }
    return count;
}

// Projected polygons wider than `half`, other than the country at `except`. Densified
// edges make a stripe out of many short triangles, so the width of each polygon (each
// connected piece of a country) is the telling measure.
size_t wide_polygons(const ProjectedWorld& pw, int lod, double half, int except) {
    size_t count = 0;
    for (size_t i = 0; i < pw.shapes[lod].size(); ++i) {
        if (static_cast<int>(i) == except) continue;
        for (const Polygon& p : pw.shapes[lod][i].polygons) {
            BBox b;
            for (const Vec2& v : p.rings[0]) b.add(v);
            if (b.width() > half) ++count;
        }
    }
    return count;
}

}  // namespace

TEST(GeoMesh, StripeCheckCatchesAnUncutRing) {
    // A ring that jumps from 170°E to 170°W the short way round, as world-atlas stores
    // Chukotka: drawn in a plane it spans the whole map.
    World w;
    Country c;
    c.iso3 = "UNC";
    Polygon p;
    p.rings.push_back({{170, 60}, {190 - 360, 60}, {190 - 360, 70}, {170, 70}});
    c.shapes[0].polygons.push_back(p);
    c.present[0] = true;
    w.countries.push_back(c);
    const ProjectedWorld pw = project_world(w, ProjectionKind::EqualEarth, {true, false, false});
    EXPECT_EQ(wide_polygons(pw, 0, pw.world_bounds.width() / 2, -1), 1u);
    // Without densification the band's triangles themselves span the map.
    const ProjectedWorld coarse = project_world(w, ProjectionKind::EqualEarth, {true, false, false}, 0.0);
    EXPECT_GT(long_fill_edges(coarse.meshes[0], coarse.world_bounds.width() / 2, -1, 0), 0u);
}

TEST(GeoMesh, ArraysAreConsistent) {
    const ProjectedWorld& pw = prepared(ProjectionKind::EqualEarth);
    const size_t countries = bundled().countries.size();
    for (int l = 0; l < 2; ++l) {
        SCOPED_TRACE(l);
        ASSERT_TRUE(pw.ready[l]);
        const MapMesh& m = pw.meshes[l];
        ASSERT_EQ(m.fill_xy.size(), 2 * m.fill_vertex_count());
        ASSERT_EQ(m.fill_indices.size() % 3, 0u);
        ASSERT_GT(m.fill_indices.size(), 0u);
        for (uint32_t i : m.fill_indices) ASSERT_LT(i, m.fill_vertex_count());
        for (uint16_t c : m.fill_country) ASSERT_LT(c, countries);
        ASSERT_EQ(m.line_xy.size(), 2 * m.line_country.size());
        ASSERT_GE(m.line_starts.size(), 2u);
        EXPECT_EQ(m.line_starts.front(), 0u);
        EXPECT_EQ(m.line_starts.back(), m.line_country.size());
        for (size_t k = 1; k < m.line_starts.size(); ++k) {
            ASSERT_GE(m.line_starts[k] - m.line_starts[k - 1], 2u) << "a polyline has two points";
        }
        // Every triangle's vertices belong to one country.
        for (size_t i = 0; i < m.fill_indices.size(); i += 3) {
            ASSERT_EQ(m.fill_country[m.fill_indices[i]], m.fill_country[m.fill_indices[i + 1]]);
            ASSERT_EQ(m.fill_country[m.fill_indices[i]], m.fill_country[m.fill_indices[i + 2]]);
        }
        EXPECT_EQ(pw.shapes[l].size(), countries);
        // The mesh covers the sum of the shapes' areas (floats: loose tolerance).
        double mesh_area = 0, shape_area = 0;
        for (size_t i = 0; i < m.fill_indices.size(); i += 3) {
            const Vec2 a = fill_vertex(m, m.fill_indices[i]);
            const Vec2 b = fill_vertex(m, m.fill_indices[i + 1]);
            const Vec2 c = fill_vertex(m, m.fill_indices[i + 2]);
            mesh_area += std::abs((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2;
        }
        for (const ProjectedShape& s : pw.shapes[l]) shape_area += s.area;
        EXPECT_NEAR(mesh_area, shape_area, 1e-4 * shape_area);
        EXPECT_TRUE(pw.world_bounds.contains(m.bounds.center()));
    }
}

TEST(GeoMesh, NoStripeAcrossTheMap) {
    const int antarctica = index_of("ATA");
    for (ProjectionKind kind : all_projections()) {
        SCOPED_TRACE(std::string(projection_name(kind)));
        const ProjectedWorld& pw = prepared(kind);
        const double half = pw.world_bounds.width() / 2;
        // Only Antarctica, which really spans every longitude, may have triangles that
        // wide, and only south of 60°S.
        const double south60 = Projector(kind).forward({0, -60}).y;
        for (int l = 0; l < 2; ++l) {
            const MapMesh& m = pw.meshes[l];
            const size_t long_edges = long_fill_edges(m, half, antarctica, south60);
            EXPECT_EQ(long_edges, 0u) << "fill level " << l;
            EXPECT_EQ(wide_polygons(pw, l, half, antarctica), 0u) << "level " << l;
            size_t long_segments = 0;
            for (size_t k = 0; k + 1 < m.line_starts.size(); ++k) {
                for (uint32_t i = m.line_starts[k]; i + 1 < m.line_starts[k + 1]; ++i) {
                    if (std::abs(line_vertex(m, i).x - line_vertex(m, i + 1).x) > half) ++long_segments;
                }
            }
            EXPECT_EQ(long_segments, 0u) << "border level " << l;
            // Everything lies on the globe.
            const BBox grown{pw.world_bounds.min_x - 1, pw.world_bounds.min_y - 1,
                             pw.world_bounds.max_x + 1, pw.world_bounds.max_y + 1};
            for (size_t i = 0; i < m.fill_vertex_count(); ++i) ASSERT_TRUE(grown.contains(fill_vertex(m, i)));
        }
    }
}

TEST(GeoMesh, BordersLeaveOutTheCutAndThePole) {
    // In equirectangular the ±180° cut and the South Pole are straight map edges.
    const ProjectedWorld& pw = prepared(ProjectionKind::Equirectangular);
    const BBox& b = pw.world_bounds;
    for (int l = 0; l < 2; ++l) {
        const MapMesh& m = pw.meshes[l];
        size_t on_edge = 0;
        for (size_t k = 0; k + 1 < m.line_starts.size(); ++k) {
            for (uint32_t i = m.line_starts[k]; i + 1 < m.line_starts[k + 1]; ++i) {
                const Vec2 p = line_vertex(m, i), q = line_vertex(m, i + 1);
                const bool west = std::abs(p.x - b.min_x) < 1 && std::abs(q.x - b.min_x) < 1;
                const bool east = std::abs(p.x - b.max_x) < 1 && std::abs(q.x - b.max_x) < 1;
                const bool south = std::abs(p.y - b.min_y) < 1 && std::abs(q.y - b.min_y) < 1;
                if (west || east || south) ++on_edge;
            }
        }
        EXPECT_EQ(on_edge, 0u) << "level " << l;
        // ...while the fills do reach those edges (Russia, Fiji, Antarctica).
        EXPECT_NEAR(m.bounds.min_x, b.min_x, 1);
        EXPECT_NEAR(m.bounds.max_x, b.max_x, 1);
        EXPECT_NEAR(m.bounds.min_y, b.min_y, 1);
    }
}

TEST(GeoMesh, MercatorClipsAntarctica) {
    const ProjectedWorld& pw = prepared(ProjectionKind::Mercator);
    const BBox& b = pw.world_bounds;
    const MapMesh& m = pw.meshes[0];
    EXPECT_NEAR(m.bounds.min_y, b.min_y, 1) << "Antarctica reaches the clip line";
    EXPECT_GE(m.bounds.min_y, b.min_y - 1);
    size_t on_clip = 0;
    for (size_t k = 0; k + 1 < m.line_starts.size(); ++k) {
        for (uint32_t i = m.line_starts[k]; i + 1 < m.line_starts[k + 1]; ++i) {
            if (std::abs(line_vertex(m, i).y - b.min_y) < 1 && std::abs(line_vertex(m, i + 1).y - b.min_y) < 1) {
                ++on_clip;
            }
        }
    }
    EXPECT_EQ(on_clip, 0u) << "no border drawn along the clip line";
    const ProjectedShape& ata = pw.shapes[0][static_cast<size_t>(index_of("ATA"))];
    EXPECT_GT(ata.area, 0);
}

TEST(GeoMesh, CoarseLevelBorrowsSmallStates) {
    const ProjectedWorld& pw = prepared(ProjectionKind::EqualEarth);
    for (const char* iso3 : {"PLW", "ATG", "DMA", "CPV"}) {
        const int i = index_of(iso3);
        const MapMesh& m = pw.meshes[0];
        size_t triangles = 0;
        for (size_t k = 0; k < m.fill_indices.size(); k += 3) {
            triangles += m.fill_country[m.fill_indices[k]] == i;
        }
        EXPECT_GT(triangles, 0u) << iso3 << " is drawn at 110m";
        EXPECT_FALSE(pw.shapes[0][static_cast<size_t>(i)].polygons.empty()) << iso3;
    }
}

TEST(GeoMesh, LabelsLieInsideTheirCountry) {
    const ProjectedWorld& pw = prepared(ProjectionKind::EqualEarth);
    for (int l = 0; l < 2; ++l) {
        for (size_t i = 0; i < pw.shapes[l].size(); ++i) {
            const ProjectedShape& s = pw.shapes[l][i];
            if (s.polygons.empty()) continue;
            bool inside = false;
            for (const Polygon& p : s.polygons) inside = inside || point_in_polygon(p, s.label_point);
            EXPECT_TRUE(inside) << bundled().countries[i].iso3 << " level " << l;
            EXPECT_TRUE(s.bbox.contains(s.label_point));
            EXPECT_GT(s.area, 0);
        }
    }
}

TEST(GeoMesh, PickKnownPlaces) {
    const Projector projector(ProjectionKind::EqualEarth);
    const ProjectedWorld& pw = prepared(ProjectionKind::EqualEarth);
    struct Place {
        Vec2 lonlat;
        const char* iso3;
    };
    const Place places[] = {
        {{27.48, -29.31}, "LSO"},  // Maseru, inside the enclave
        {{28.04, -26.20}, "ZAF"},  // Johannesburg
        {{2.35, 48.86}, "FRA"},    {{-175.0, 67.0}, "RUS"},  // Chukotka, west of the cut
        {{100.0, 60.0}, "RUS"},    {{178.0, -17.8}, "FJI"},  // Viti Levu
        {{-47.9, -15.8}, "BRA"},   {{0.0, -85.0}, "ATA"},
    };
    for (int l = 0; l < 2; ++l) {
        for (const Place& p : places) {
            const int got = pw.pick(projector.forward(p.lonlat), static_cast<Lod>(l));
            ASSERT_GE(got, 0) << p.iso3 << " level " << l;
            EXPECT_EQ(bundled().countries[static_cast<size_t>(got)].iso3, p.iso3) << "level " << l;
        }
        EXPECT_EQ(pw.pick(projector.forward({-30, 0}), static_cast<Lod>(l)), -1) << "mid-Atlantic";
    }
    EXPECT_EQ(pw.pick({0, 0}, Lod::k10m), -1) << "level not prepared";
}

TEST(GeoMesh, ResultDoesNotDependOnThreads) {
    const Projector projector(ProjectionKind::Robinson);
    ProjectedWorld a, b;
    project_level(bundled(), projector, Lod::k110m, a);
    project_level(bundled(), projector, Lod::k110m, b);
    EXPECT_EQ(a.meshes[0].fill_xy, b.meshes[0].fill_xy);
    EXPECT_EQ(a.meshes[0].fill_indices, b.meshes[0].fill_indices);
    EXPECT_EQ(a.meshes[0].line_xy, b.meshes[0].line_xy);
    EXPECT_EQ(a.meshes[0].line_starts, b.meshes[0].line_starts);
    EXPECT_TRUE(a.ready[0]);
    EXPECT_FALSE(a.ready[1]);
    EXPECT_EQ(a.outline.size(), projector.outline().size());
}

// Picking looks only at the edges in the point's row of each big polygon; it must give
// exactly the full scan's answer, on the edges and vertices of the data too.
TEST(GeoMesh, RowsGiveTheFullScansAnswer) {
    const ProjectedWorld& pw = prepared(ProjectionKind::EqualEarth);
    const std::vector<ProjectedShape>& shapes = pw.shapes[1];
    size_t tested = 0, with_rows = 0, inside = 0;
    uint64_t seed = 12345;
    const auto next = [&] {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>(seed >> 11) / 9007199254740992.0;
    };
    for (const ProjectedShape& shape : shapes) {
        ASSERT_EQ(shape.rows.size(), shape.polygons.size());
        for (size_t k = 0; k < shape.polygons.size(); ++k) {
            const Polygon& poly = shape.polygons[k];
            const PolygonRows& rows = shape.rows[k];
            if (!rows.row_start.empty()) ++with_rows;
            const BBox& b = rows.box;
            std::vector<Vec2> points;
            for (int i = 0; i < 40; ++i) {
                points.push_back({b.min_x + next() * b.width(), b.min_y + next() * b.height()});
            }
            // Points exactly at vertex heights, where rounding would show.
            for (size_t i = 0; i < poly.rings[0].size(); i += std::max<size_t>(1, poly.rings[0].size() / 10)) {
                points.push_back({b.min_x + next() * b.width(), poly.rings[0][i].y});
            }
            for (const Vec2& p : points) {
                const bool full = point_in_polygon(poly, p);
                EXPECT_EQ(point_in_polygon(poly, rows, p), full);
                ++tested;
                inside += full;
            }
        }
    }
    EXPECT_GT(with_rows, 50u);
    EXPECT_GT(inside, tested / 4);
    EXPECT_GT(tested, 10000u);
}
