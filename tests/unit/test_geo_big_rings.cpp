// Big and hostile rings: the O(n log n) sweep (sweep_triangulate) on hand-made polygons
// and on every valid country at 110m and 50m, then rings of 10^5 to 10^6 vertices
// (jagged circle, comb, spiral, noisy circle) through tessellate_indices, which the ear
// clipper alone took minutes over. Each must give n - 2 triangles covering exactly the
// ring's area; no timing is asserted: ctest's TIMEOUT bounds the run (a second or two).
#include <gtest/gtest.h>
#include <ogr_geometry.h>

#include <cmath>
#include <limits>

#include "core/geo/mesh.hpp"
#include "core/geo/sweep_triangulate.hpp"
#include "core/geo/world.hpp"

using namespace deportmap::geo;

namespace {

struct Cover {
    size_t triangles = 0;
    double abs_sum = 0.0;     // sum of |area|
    double signed_sum = 0.0;  // sum of signed areas (equal: none is clockwise)
    size_t outside = 0;       // non-sliver triangles whose centroid is outside
    bool indices_ok = true;
};

Vec2 vertex(const Polygon& poly, uint32_t i) {
    for (const Ring& ring : poly.rings) {
        if (i < ring.size()) return ring[i];
        i -= static_cast<uint32_t>(ring.size());
    }
    return {std::numeric_limits<double>::quiet_NaN(), 0.0};
}

size_t vertex_count(const Polygon& poly) {
    size_t n = 0;
    for (const Ring& r : poly.rings) n += r.size();
    return n;
}

Cover measure(const Polygon& poly, const std::vector<uint32_t>& idx, bool check_inside) {
    Cover c;
    const size_t n = vertex_count(poly);
    const double negligible = 1e-9 * std::abs(polygon_area(poly));
    c.indices_ok = idx.size() % 3 == 0;
    for (size_t t = 0; t + 2 < idx.size(); t += 3) {
        if (idx[t] >= n || idx[t + 1] >= n || idx[t + 2] >= n) {
            c.indices_ok = false;
            return c;
        }
        const Vec2 a = vertex(poly, idx[t]), b = vertex(poly, idx[t + 1]), c3 = vertex(poly, idx[t + 2]);
        const double area = 0.5 * ((b.x - a.x) * (c3.y - a.y) - (b.y - a.y) * (c3.x - a.x));
        ++c.triangles;
        c.abs_sum += std::abs(area);
        c.signed_sum += area;
        if (check_inside && std::abs(area) > negligible &&
            !point_in_polygon(poly, {(a.x + b.x + c3.x) / 3, (a.y + b.y + c3.y) / 3})) {
            ++c.outside;
        }
    }
    return c;
}

Cover by_sweep(const Polygon& poly, bool check_inside = true) {
    std::vector<uint32_t> idx;
    sweep_triangulate(poly, idx);
    return measure(poly, idx, check_inside);
}

Cover by_tessellate(const Polygon& poly, bool delaunay = false) {
    std::vector<uint32_t> idx;
    tessellate_indices(poly, idx, delaunay);
    return measure(poly, idx, false);
}

void expect_exact(const Cover& c, const Polygon& poly, size_t triangles, const std::string& what) {
    const double area = polygon_area(poly);
    EXPECT_TRUE(c.indices_ok) << what;
    EXPECT_EQ(c.triangles, triangles) << what;
    EXPECT_NEAR(c.abs_sum, area, 1e-9 * area) << what;
    EXPECT_NEAR(c.signed_sum, c.abs_sum, 1e-9 * area) << what << ": a clockwise triangle";
    EXPECT_EQ(c.outside, 0u) << what;
}

Polygon one_ring(Ring ring) {
    Polygon p;
    p.rings.push_back(std::move(ring));
    return p;
}

// n points on a circle, every other one pulled in: n/2 reflex vertices.
Ring jagged_circle(size_t n) {
    Ring r;
    for (size_t i = 0; i < n; ++i) {
        const double a = 2 * M_PI * static_cast<double>(i) / static_cast<double>(n);
        const double radius = i % 2 ? 0.97 : 1.0;
        r.push_back({radius * std::cos(a), radius * std::sin(a)});
    }
    return r;
}

// A circle whose radius jumps at random by up to 20 % from one point to the next.
Ring noisy_circle(size_t n) {
    Ring r;
    uint64_t state = 12345;
    for (size_t i = 0; i < n; ++i) {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        const double u = static_cast<double>(state >> 11) / static_cast<double>(1ull << 53);
        const double a = 2 * M_PI * static_cast<double>(i) / static_cast<double>(n);
        const double radius = 10 * (1.0 + 0.2 * u);
        r.push_back({radius * std::cos(a), radius * std::sin(a)});
    }
    return r;
}

// Thin teeth standing on a base bar: 4 vertices a tooth, then three for the bar.
Ring comb(size_t teeth) {
    Ring r;
    for (size_t i = 0; i < teeth; ++i) {
        const double x = static_cast<double>(i);
        r.insert(r.end(), {{x, 0}, {x, 10}, {x + 0.5, 10}, {x + 0.5, 1}});
    }
    const double end = static_cast<double>(teeth);
    r.insert(r.end(), {{end, 1}, {end, -1}, {0, -1}});
    return r;
}

// A band wound 20 times around the origin: out along its outer edge, back along its inner.
Ring spiral(size_t n) {
    Ring r;
    const size_t half = n / 2;
    const double turns = 20;
    for (int side = 0; side < 2; ++side) {
        for (size_t k = 0; k < half; ++k) {
            const size_t i = side == 0 ? k : half - 1 - k;
            const double t = static_cast<double>(i) / static_cast<double>(half - 1);
            const double radius = 1 + t * turns + (side == 0 ? 0.5 : 0.0);
            r.push_back({radius * std::cos(t * turns * 2 * M_PI), radius * std::sin(t * turns * 2 * M_PI)});
        }
    }
    return r;
}

bool is_valid(const Polygon& poly) {
    OGRPolygon out;
    for (const Ring& ring : poly.rings) {
        OGRLinearRing lr;
        for (const Vec2& p : ring) lr.addPoint(p.x, p.y);
        lr.addPoint(ring[0].x, ring[0].y);
        out.addRing(&lr);
    }
    CPLPushErrorHandler(CPLQuietErrorHandler);
    const bool valid = out.IsValid();
    CPLPopErrorHandler();
    return valid;
}

}  // namespace

TEST(GeoSweep, HandMadePolygons) {
    const Ring square{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    expect_exact(by_sweep(one_ring(square)), one_ring(square), 2, "square");
    const Ring clockwise{{0, 0}, {0, 10}, {10, 10}, {10, 0}};
    expect_exact(by_sweep(one_ring(clockwise)), one_ring(clockwise), 2, "clockwise square");
    const Polygon teeth = one_ring(comb(20));
    expect_exact(by_sweep(teeth), teeth, 81, "comb");
    const Polygon turns = one_ring(spiral(400));
    expect_exact(by_sweep(turns), turns, 398, "spiral");
    // Horizontal edges at one height, and collinear points.
    const Polygon steps = one_ring({{0, 0}, {4, 0}, {4, 1}, {3, 1}, {3, 2}, {2, 2}, {2, 1}, {1, 1},
                                    {1, 2}, {0, 2}, {0, 1}});
    expect_exact(by_sweep(steps), steps, 9, "steps");
}

TEST(GeoSweep, Holes) {
    const Ring outer{{0, 0}, {10, 0}, {10, 10}, {0, 10}};
    Polygon one{{outer, {{2, 2}, {2, 4}, {4, 4}, {4, 2}}}};
    expect_exact(by_sweep(one), one, 8, "one hole");
    Polygon three{{outer, {{2, 2}, {2, 4}, {4, 4}, {4, 2}}, {{6, 6}, {6, 8}, {8, 8}, {8, 6}},
                   {{2, 6}, {3, 8}, {4, 6}}}};
    expect_exact(by_sweep(three), three, 4 + 11 - 2 + 2 * 3, "three holes");
    // 49 holes in a wavy ring (hole orientation as given does not matter).
    Ring wavy;
    for (int i = 0; i < 360; ++i) {
        const double t = i * M_PI / 180, r = 100 + 10 * std::sin(7 * t);
        wavy.push_back({r * std::cos(t), r * std::sin(t)});
    }
    Polygon many{{wavy}};
    for (int gx = -3; gx <= 3; ++gx) {
        for (int gy = -3; gy <= 3; ++gy) {
            const double x = gx * 15.0, y = gy * 15.0;
            many.rings.push_back({{x, y}, {x + 5, y + 8}, {x + 10, y}});
        }
    }
    expect_exact(by_sweep(many), many, 360 + 49 * 3 - 2 + 2 * 49, "49 holes");
}

TEST(GeoSweep, EveryValidCountryAt110mAnd50m) {
    const World world = load_world({});
    size_t checked = 0;
    for (const Lod lod : {Lod::k110m, Lod::k50m}) {
        for (const Country& c : world.countries) {
            const Shape& shape = c.shapes[static_cast<int>(lod)];
            for (size_t k = 0; k < shape.polygons.size(); ++k) {
                const Polygon& poly = shape.polygons[k];
                if (!is_valid(poly)) continue;
                const Cover cover = by_sweep(poly);
                const double area = polygon_area(poly);
                const std::string what = c.iso3 + " " + lod_name(lod) + " polygon " + std::to_string(k);
                EXPECT_TRUE(cover.indices_ok) << what;
                EXPECT_LT(std::abs(cover.abs_sum - area), 1e-6 * area) << what;
                EXPECT_EQ(cover.outside, 0u) << what;
                ++checked;
            }
        }
    }
    EXPECT_GT(checked, 1550u);
}

TEST(GeoSweep, InvalidInputEndsWithoutCrashing) {
    std::vector<uint32_t> idx;
    EXPECT_FALSE(sweep_triangulate(Polygon{}, idx));
    EXPECT_FALSE(sweep_triangulate(one_ring({{0, 0}, {1, 1}}), idx));
    EXPECT_FALSE(sweep_triangulate(one_ring({{0, 0}, {1, 1}, {1, 1}, {0, 0}}), idx));
    EXPECT_FALSE(sweep_triangulate(one_ring({{0, 0}, {1, 0}, {NAN, 1}}), idx));
    EXPECT_TRUE(idx.empty());
    // Flat, bow tie, a huge coordinate, a hole outside its shell, crossing holes, a ring
    // crossing itself many times: valid indices, whatever the fill.
    const double huge = 1e300;
    const std::vector<Polygon> bad = {
        one_ring({{0, 0}, {1, 1}, {2, 2}}),
        one_ring({{0, 0}, {1, 1}, {0, 0}, {1, 1}}),
        one_ring({{0, 0}, {2, 2}, {2, 0}, {0, 2}}),
        one_ring({{0, 0}, {huge, 0}, {huge, huge}, {0, 1}}),
        one_ring({{0, 0}, {1, 0}, {NAN, 1}, {0, 1}}),
        one_ring({{0, 0}, {INFINITY, 0}, {1, 1}, {-huge, 1}}),
        Polygon{{{{0, 0}, {1, 0}, {1, 1}, {0, 1}}, {{5, 5}, {5, 6}, {6, 6}}}},
        Polygon{{{{0, 0}, {10, 0}, {10, 10}, {0, 10}}, {{2, 2}, {2, 6}, {6, 6}, {6, 2}},
                 {{4, 4}, {4, 8}, {8, 8}, {8, 4}}}},
        one_ring(noisy_circle(500)),
    };
    Polygon star = one_ring({});
    for (int i = 0; i < 1001; ++i) {  // a star polygon {1001/500}: every edge crosses others
        const double a = 2 * M_PI * ((i * 500) % 1001) / 1001.0;
        star.rings[0].push_back({std::cos(a), std::sin(a)});
    }
    std::vector<Polygon> all = bad;
    all.push_back(star);
    for (size_t k = 0; k < all.size(); ++k) {
        const Cover c = by_sweep(all[k], false);
        EXPECT_TRUE(c.indices_ok) << "case " << k;
        const Cover t = by_tessellate(all[k]);
        EXPECT_TRUE(t.indices_ok) << "case " << k;
    }
}

TEST(GeoTessellateBig, MillionPointJaggedCircle) {
    const Polygon poly = one_ring(jagged_circle(1'000'000));
    expect_exact(by_tessellate(poly), poly, 999'998, "jagged circle, 10^6 points");
}

TEST(GeoTessellateBig, CombsUnderAndOverTheSweepThreshold) {
    // 100,003 points: the ear clipper starts, runs over its budget, and the sweep
    // takes over; 300,003 points go to the sweep at once.
    for (const size_t teeth : {25'000u, 75'000u}) {
        const Polygon poly = one_ring(comb(teeth));
        const size_t n = poly.rings[0].size();
        expect_exact(by_tessellate(poly), poly, n - 2, "comb of " + std::to_string(n));
    }
}

TEST(GeoTessellateBig, SpiralAndNoisyCircle) {
    const Polygon turns = one_ring(spiral(200'000));
    expect_exact(by_tessellate(turns), turns, 199'998, "spiral, 200,000 points");
    const Polygon noisy = one_ring(noisy_circle(200'000));
    expect_exact(by_tessellate(noisy), noisy, 199'998, "noisy circle, 200,000 points");
}

TEST(GeoTessellateBig, DelaunayFlipsOnABigCombKeepTheArea) {
    // The sweep fans from some vertices; the flipper must not cost degree^2 there.
    const Polygon poly = one_ring(comb(50'000));
    const Cover c = by_tessellate(poly, /*delaunay=*/true);
    const double area = polygon_area(poly);
    EXPECT_TRUE(c.indices_ok);
    EXPECT_EQ(c.triangles, poly.rings[0].size() - 2);
    EXPECT_NEAR(c.abs_sum, area, 1e-9 * area);
}
