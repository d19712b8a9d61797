// Simplified fills for the window (see fill_pyramid.hpp).
#include "core/geo/fill_pyramid.hpp"

#include <algorithm>
#include <cstring>
#include <numeric>
#include <utility>

#include "core/geo/border_pyramid.hpp"

namespace deportmap::geo {
namespace {

// A ring's vertices in the mesh: [first, first + size).
struct RingSpan {
    uint32_t first = 0;
    uint32_t size = 0;
};

class FillSimplifier {
public:
    FillSimplifier(const MapMesh& mesh, std::vector<RingSpan> rings,
                   std::vector<uint32_t> polygon_rings)
        : mesh_(mesh), rings_(std::move(rings)), polygon_rings_(std::move(polygon_rings)) {
        find_junctions();
    }

    // Triangles of every polygon with its rings simplified to `tolerance`.
    std::vector<uint32_t> triangulate(double tolerance) const {
        std::vector<uint32_t> out;
        std::vector<uint32_t> local;
        for (size_t p = 0; p + 1 < polygon_rings_.size(); ++p) {
            Polygon polygon;
            std::vector<uint32_t> vertex;  // polygon's vertex k -> mesh vertex
            for (uint32_t r = polygon_rings_[p]; r < polygon_rings_[p + 1]; ++r) {
                const std::vector<uint32_t> kept = simplify_ring(rings_[r], tolerance);
                if (kept.size() < 3) {
                    if (r == polygon_rings_[p]) break;  // the outer ring vanished: no polygon
                    continue;
                }
                Ring ring;
                ring.reserve(kept.size());
                for (uint32_t v : kept) ring.push_back(point(v));
                polygon.rings.push_back(std::move(ring));
                vertex.insert(vertex.end(), kept.begin(), kept.end());
            }
            if (polygon.rings.empty()) continue;
            local.clear();
            tessellate_indices(polygon, local, /*delaunay=*/true);
            for (uint32_t k : local) out.push_back(vertex[k]);
        }
        return out;
    }

private:
    uint64_t key(uint32_t v) const {
        uint32_t x = 0, y = 0;
        std::memcpy(&x, &mesh_.fill_xy[2 * static_cast<size_t>(v)], sizeof x);
        std::memcpy(&y, &mesh_.fill_xy[2 * static_cast<size_t>(v) + 1], sizeof y);
        return (uint64_t{x} << 32) | y;
    }
    Vec2 point(uint32_t v) const {
        return {mesh_.fill_xy[2 * static_cast<size_t>(v)], mesh_.fill_xy[2 * static_cast<size_t>(v) + 1]};
    }

    // A vertex is a junction where the rings through it do not all run between the same
    // two neighbours: where a shared border begins or ends, or three countries meet.
    // Between junctions both countries' rings hold the same vertices.
    void find_junctions() {
        const size_t n = mesh_.fill_country.size();
        junction_.assign(n, false);
        std::vector<uint32_t> ring_of(n, 0);
        for (uint32_t r = 0; r < rings_.size(); ++r) {
            for (uint32_t j = 0; j < rings_[r].size; ++j) ring_of[rings_[r].first + j] = r;
        }
        std::vector<uint32_t> order(n);
        std::iota(order.begin(), order.end(), 0u);
        std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
            const uint64_t ka = key(a), kb = key(b);
            return ka != kb ? ka < kb : a < b;
        });
        const auto neighbours = [&](uint32_t v) {
            const RingSpan& ring = rings_[ring_of[v]];
            const uint32_t j = v - ring.first;
            const uint64_t a = key(ring.first + (j + ring.size - 1) % ring.size);
            const uint64_t b = key(ring.first + (j + 1) % ring.size);
            return std::pair(std::min(a, b), std::max(a, b));
        };
        for (size_t g = 0; g < n;) {
            size_t end = g + 1;
            while (end < n && key(order[end]) == key(order[g])) ++end;
            if (end - g > 1) {
                const auto first = neighbours(order[g]);
                bool differ = false;
                for (size_t i = g + 1; i < end && !differ; ++i) differ = neighbours(order[i]) != first;
                if (differ) {
                    for (size_t i = g; i < end; ++i) junction_[order[i]] = true;
                }
            }
            g = end;
        }
    }

    // The ring's kept vertices (mesh indices, in ring order); fewer than 3 when it
    // shrinks below the tolerance.
    std::vector<uint32_t> simplify_ring(const RingSpan& ring, double tolerance) const {
        const uint32_t n = ring.size;
        std::vector<uint32_t> kept;
        if (n < 3) return kept;
        std::vector<uint32_t> fixed;
        for (uint32_t j = 0; j < n; ++j) {
            if (junction_[ring.first + j]) fixed.push_back(j);
        }
        if (fixed.empty()) {  // a ring of its own (or an enclave's): start at its least point
            uint32_t least = 0;
            for (uint32_t j = 1; j < n; ++j) {
                if (key(ring.first + j) < key(ring.first + least)) least = j;
            }
            fixed.push_back(least);
        }
        std::vector<bool> keep(n, false);
        std::vector<uint32_t> chain;
        std::vector<double> xy;
        for (size_t f = 0; f < fixed.size(); ++f) {
            const uint32_t a = fixed[f];
            keep[a] = true;
            const uint32_t b = fixed[(f + 1) % fixed.size()];
            uint32_t length = (b + n - a) % n;
            if (length == 0) length = n;  // one fixed vertex: the whole ring, back to it
            if (length < 2) continue;
            chain.clear();
            for (uint32_t i = 0; i <= length; ++i) chain.push_back((a + i) % n);
            // Both rings along a shared border simplify it in the same direction.
            const uint64_t k0 = key(ring.first + chain.front()), k1 = key(ring.first + chain.back());
            const bool reverse =
                k0 > k1 || (k0 == k1 && key(ring.first + chain[1]) > key(ring.first + chain[length - 1]));
            if (reverse) std::reverse(chain.begin(), chain.end());
            xy.clear();
            for (uint32_t j : chain) {
                const Vec2 p = point(ring.first + j);
                xy.push_back(p.x);
                xy.push_back(p.y);
            }
            for (uint32_t i : simplify_run(xy.data(), chain.size(), tolerance)) keep[chain[i]] = true;
        }
        for (uint32_t j = 0; j < n; ++j) {
            if (keep[j]) kept.push_back(ring.first + j);
        }
        return kept;
    }

    const MapMesh& mesh_;
    std::vector<RingSpan> rings_;
    std::vector<uint32_t> polygon_rings_;  // polygon p's rings: [p], [p+1])
    std::vector<bool> junction_;
};

}  // namespace

std::vector<FillPyramidLevel> build_fill_pyramid(const MapMesh& mesh,
                                          const std::vector<ProjectedShape>& shapes,
                                          double min_world_px, double max_world_px) {
    std::vector<FillPyramidLevel> pyramid;
    std::vector<RingSpan> rings;
    std::vector<uint32_t> polygon_rings;
    size_t vertices = 0;
    for (const ProjectedShape& shape : shapes) {
        for (const Polygon& polygon : shape.polygons) {
            polygon_rings.push_back(static_cast<uint32_t>(rings.size()));
            for (const Ring& ring : polygon.rings) {
                rings.push_back({static_cast<uint32_t>(vertices), static_cast<uint32_t>(ring.size())});
                vertices += ring.size();
            }
        }
    }
    polygon_rings.push_back(static_cast<uint32_t>(rings.size()));
    const double width = mesh.bounds.width();
    if (vertices == 0 || vertices != mesh.fill_country.size() ||
        2 * vertices != mesh.fill_xy.size() || !(width > 0.0)) {
        return pyramid;
    }
    const FillSimplifier simplifier(mesh, std::move(rings), std::move(polygon_rings));
    for (double world_px = copy_world_px(min_world_px); world_px <= kLastCopyWorldPx;
         world_px *= 2.0) {
        FillPyramidLevel copy;
        copy.max_world_px = world_px;
        copy.indices = simplifier.triangulate(width / world_px * 0.5);
        if (copy.indices.size() * 10 > mesh.fill_indices.size() * 6) break;
        pyramid.push_back(std::move(copy));
        if (world_px >= max_world_px) break;
    }
    return pyramid;
}

}  // namespace deportmap::geo
