// Deduplicated, simplified border lines for the window (see border_pyramid.hpp).
#include "core/geo/border_pyramid.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <utility>

namespace deportmap::geo {
namespace {

uint32_t float_bits(float f) {
    uint32_t u = 0;
    std::memcpy(&u, &f, sizeof u);
    return u;
}

// The segment's two ends in a fixed order, so a->b and b->a give the same key.
struct SegmentKey {
    uint32_t a0, a1, b0, b1;
    bool operator==(const SegmentKey&) const = default;
};

SegmentKey key_of(const float* p, const float* q) {
    SegmentKey k{float_bits(p[0]), float_bits(p[1]), float_bits(q[0]), float_bits(q[1])};
    if (std::pair(k.a0, k.a1) > std::pair(k.b0, k.b1)) {
        std::swap(k.a0, k.b0);
        std::swap(k.a1, k.b1);
    }
    return k;
}

uint64_t mix(uint64_t h) {  // splitmix64's finaliser
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebULL;
    h ^= h >> 31;
    return h;
}

uint64_t hash_of(const SegmentKey& k) {
    return mix((uint64_t{k.a0} << 32 | k.a1) ^ mix(uint64_t{k.b0} << 32 | k.b1));
}

// Squared distance from p to the segment a-b (to a itself when a = b).
template <typename T>
double distance2(const T* p, const T* a, const T* b) {
    const double ax = a[0], ay = a[1];
    const double dx = double{b[0]} - ax, dy = double{b[1]} - ay;
    const double len2 = dx * dx + dy * dy;
    double t = 0.0;
    if (len2 > 0.0) t = std::clamp(((p[0] - ax) * dx + (p[1] - ay) * dy) / len2, 0.0, 1.0);
    const double ex = ax + t * dx - p[0], ey = ay + t * dy - p[1];
    return ex * ex + ey * ey;
}

}  // namespace

BorderRuns unique_border_runs(const MapMesh& mesh) {
    BorderRuns runs;
    const size_t points = mesh.line_xy.size() / 2;
    const size_t lines = mesh.line_count();
    const auto line_end = [&](size_t k) {
        return std::min<size_t>(mesh.line_starts[k + 1], points);
    };
    const auto degenerate = [&](size_t i) {
        return mesh.line_xy[2 * i] == mesh.line_xy[2 * i + 2] &&
               mesh.line_xy[2 * i + 1] == mesh.line_xy[2 * i + 3];
    };

    // Every segment's hash with its first point; sorted, equal segments sit together.
    std::vector<std::pair<uint64_t, uint32_t>> order;
    order.reserve(points);
    for (size_t k = 0; k < lines; ++k) {
        for (size_t i = mesh.line_starts[k]; i + 1 < line_end(k); ++i) {
            if (degenerate(i)) continue;
            const SegmentKey key = key_of(&mesh.line_xy[2 * i], &mesh.line_xy[2 * i + 2]);
            order.emplace_back(hash_of(key), static_cast<uint32_t>(i));
        }
    }
    std::sort(order.begin(), order.end());
    std::vector<bool> duplicate(points, false);
    for (size_t g = 0; g < order.size();) {
        size_t end = g + 1;
        while (end < order.size() && order[end].first == order[g].first) ++end;
        for (size_t j = g + 1; j < end; ++j) {  // a hash collision is not a duplicate
            const uint32_t i = order[j].second;
            const SegmentKey key = key_of(&mesh.line_xy[2 * i], &mesh.line_xy[2 * i + 2]);
            for (size_t e = g; e < j; ++e) {
                const uint32_t earlier = order[e].second;
                if (!duplicate[earlier] &&
                    key_of(&mesh.line_xy[2 * earlier], &mesh.line_xy[2 * earlier + 2]) == key) {
                    duplicate[i] = true;
                    break;
                }
            }
        }
        g = end;
    }
    order = {};

    // Runs of consecutive kept segments.
    const auto push_point = [&](size_t i) {
        runs.xy.push_back(mesh.line_xy[2 * i]);
        runs.xy.push_back(mesh.line_xy[2 * i + 1]);
    };
    const auto close_run = [&]() {
        const auto n = static_cast<uint32_t>(runs.xy.size() / 2);
        if (n - runs.starts.back() >= 2) {
            runs.starts.push_back(n);
        } else {  // a lone point: drop it
            runs.xy.resize(2 * static_cast<size_t>(runs.starts.back()));
        }
    };
    runs.starts.push_back(0);
    for (size_t k = 0; k < lines; ++k) {
        bool open = false;
        for (size_t i = mesh.line_starts[k]; i + 1 < line_end(k); ++i) {
            if (degenerate(i)) continue;
            if (duplicate[i]) {
                if (open) close_run();
                open = false;
                continue;
            }
            if (!open) push_point(i);
            push_point(i + 1);
            open = true;
        }
        if (open) close_run();
    }
    if (runs.starts.size() == 1) runs.starts.clear();
    return runs;
}

namespace {
template <typename T>
std::vector<uint32_t> douglas_peucker(const T* xy, size_t count, double tolerance) {
    std::vector<uint32_t> kept;
    if (count == 0) return kept;
    if (count <= 2) {
        for (uint32_t i = 0; i < count; ++i) kept.push_back(i);
        return kept;
    }
    std::vector<bool> keep(count, false);
    keep[0] = keep[count - 1] = true;
    const double tol2 = tolerance * tolerance;
    std::vector<std::pair<size_t, size_t>> stack;
    const auto farthest = [&](size_t a, size_t b) {
        double best = -1.0;
        size_t at = a;
        for (size_t i = a + 1; i < b; ++i) {
            const double d = distance2(&xy[2 * i], &xy[2 * a], &xy[2 * b]);
            if (d > best) {
                best = d;
                at = i;
            }
        }
        return std::pair(at, best);
    };
    const bool closed = xy[0] == xy[2 * (count - 1)] && xy[1] == xy[2 * (count - 1) + 1];
    if (closed) {  // the far side of a ring, so it does not collapse onto its start
        const auto [m, d] = farthest(0, count - 1);
        keep[m] = true;
        stack.emplace_back(0, m);
        stack.emplace_back(m, count - 1);
    } else {
        stack.emplace_back(0, count - 1);
    }
    while (!stack.empty()) {
        const auto [a, b] = stack.back();
        stack.pop_back();
        if (b - a < 2) continue;
        const auto [m, d] = farthest(a, b);
        if (d <= tol2) continue;
        keep[m] = true;
        stack.emplace_back(a, m);
        stack.emplace_back(m, b);
    }
    for (uint32_t i = 0; i < count; ++i) {
        if (keep[i]) kept.push_back(i);
    }
    return kept;
}

}  // namespace

double copy_world_px(double world_px) {
    double step = kFirstCopyWorldPx;
    while (step < world_px && step < kLastCopyWorldPx) step *= 2.0;
    return step;
}

std::vector<uint32_t> simplify_run(const double* xy, size_t count, double tolerance) {
    return douglas_peucker(xy, count, tolerance);
}
std::vector<uint32_t> simplify_run(const float* xy, size_t count, double tolerance) {
    return douglas_peucker(xy, count, tolerance);
}

std::vector<BorderPyramidLevel> build_border_pyramid(const MapMesh& mesh, double min_world_px,
                                              double max_world_px) {
    std::vector<BorderPyramidLevel> pyramid;
    const BorderRuns runs = unique_border_runs(mesh);
    const double width = mesh.bounds.width();
    if (runs.run_count() == 0 || !(width > 0.0)) return pyramid;

    BorderPyramidLevel full;
    full.max_world_px = std::numeric_limits<double>::infinity();
    full.xy = runs.xy;
    full.run_starts = runs.starts;
    // Doubling world widths; a copy stops paying for its memory once it keeps most of
    // the segments, and from there the full lines are drawn.
    for (double world_px = copy_world_px(min_world_px); world_px <= kLastCopyWorldPx;
         world_px *= 2.0) {
        BorderPyramidLevel copy;
        copy.max_world_px = world_px;
        copy.tolerance = width / world_px * 0.5;
        copy.run_starts.push_back(0);
        for (size_t r = 0; r < runs.run_count(); ++r) {
            const float* xy = &runs.xy[2 * static_cast<size_t>(runs.starts[r])];
            for (uint32_t k : simplify_run(xy, runs.starts[r + 1] - runs.starts[r], copy.tolerance))
                copy.xy.insert(copy.xy.end(), {xy[2 * k], xy[2 * k + 1]});
            copy.run_starts.push_back(static_cast<uint32_t>(copy.xy.size() / 2));
        }
        if (copy.segment_count() * 10 > full.segment_count() * 6) break;
        pyramid.push_back(std::move(copy));
        if (world_px >= max_world_px) break;
    }
    pyramid.push_back(std::move(full));
    return pyramid;
}

}  // namespace deportmap::geo
