// Preparing a level of detail for drawing: densify long edges in lon/lat, clip Mercator's
// latitude band, project through PROJ, tessellate each polygon, and collect everything
// into one mesh per level (fills with a country index per vertex, border polylines
// without the artificial ±180°/pole/clip edges), plus each country's projected shape with
// its bounding box, area and a label point. Countries are processed in parallel; the
// result does not depend on the thread count.
#include "core/geo/mesh.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <exception>
#include <limits>
#include <numeric>
#include <optional>
#include <queue>
#include <thread>

namespace deportmap::geo {

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// Runs fn(item) for every item on a few threads (work is handed out in the given order).
template <typename Fn>
void parallel_for(const std::vector<size_t>& items, Fn&& fn) {
    const unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    const size_t threads = std::min<size_t>({hw, 8, items.size()});
    if (threads <= 1) {
        for (size_t i : items) fn(i);
        return;
    }
    std::atomic<size_t> next{0};
    std::exception_ptr error;
    std::atomic<bool> failed{false};
    auto work = [&] {
        for (size_t k; !failed && (k = next.fetch_add(1)) < items.size();) {
            try {
                fn(items[k]);
            } catch (...) {
                if (!failed.exchange(true)) error = std::current_exception();
            }
        }
    };
    std::vector<std::thread> pool;
    for (size_t t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (std::thread& t : pool) t.join();
    if (error) std::rethrow_exception(error);
}

Ring densify(const Ring& ring, double max_segment) {
    if (!(max_segment > 0)) return ring;
    max_segment = std::max(max_segment, 0.01);  // guards against a runaway vertex count
    const size_t n = ring.size();
    const double max2 = max_segment * max_segment;
    // Count first so the copy is allocated once (fresh memory is costly to touch).
    size_t extra = 0;
    for (size_t i = 0; i < n; ++i) {
        const Vec2 a = ring[i], b = ring[(i + 1) % n];
        const double dx = b.x - a.x, dy = b.y - a.y;
        if (dx * dx + dy * dy > max2) {
            extra += static_cast<size_t>(std::ceil(std::sqrt(dx * dx + dy * dy) / max_segment)) - 1;
        }
    }
    if (extra == 0) return ring;
    Ring out;
    out.reserve(n + extra);
    for (size_t i = 0; i < n; ++i) {
        const Vec2 a = ring[i];
        const Vec2 b = ring[(i + 1) % n];
        out.push_back(a);
        const double dx = b.x - a.x, dy = b.y - a.y;
        if (dx * dx + dy * dy > max2) {
            const int k = static_cast<int>(std::ceil(std::sqrt(dx * dx + dy * dy) / max_segment));
            for (int j = 1; j < k; ++j) {
                const double t = static_cast<double>(j) / k;
                out.push_back({a.x + t * dx, a.y + t * dy});
            }
        }
    }
    return out;
}

// Sutherland–Hodgman against one horizontal line: keeps y <= limit (below) or y >= limit.
Ring clip_latitude(const Ring& ring, double limit, bool keep_below) {
    auto inside = [&](const Vec2& p) { return keep_below ? p.y <= limit : p.y >= limit; };
    Ring out;
    const size_t n = ring.size();
    for (size_t i = 0; i < n; ++i) {
        const Vec2 a = ring[i];
        const Vec2 b = ring[(i + 1) % n];
        const bool ain = inside(a), bin = inside(b);
        if (ain) out.push_back(a);
        if (ain != bin) {
            const double t = (limit - a.y) / (b.y - a.y);
            out.push_back({a.x + t * (b.x - a.x), limit});
        }
    }
    Ring clean;
    for (const Vec2& p : out) {
        if (clean.empty() || clean.back().x != p.x || clean.back().y != p.y) clean.push_back(p);
    }
    while (clean.size() > 1 && clean.back().x == clean.front().x && clean.back().y == clean.front().y) {
        clean.pop_back();
    }
    if (clean.size() < 3) clean.clear();
    return clean;
}

// Edge a-b lies on the map's edge rather than on a real border: the ±180° cut, a pole
// closure, or (Mercator) the clip latitude.
bool artificial_edge(Vec2 a, Vec2 b, double clip_lat) {
    constexpr double eps = 1e-9;
    if (std::abs(a.x - b.x) <= eps && std::abs(std::abs(a.x) - 180.0) <= eps) return true;
    if (std::abs(a.y - b.y) <= eps) {
        const double lat = std::abs(a.y);
        if (std::abs(lat - 90.0) <= eps) return true;
        if (clip_lat < 90.0 && std::abs(lat - clip_lat) <= eps) return true;
    }
    return false;
}

// Phase 1 result for one country: projected polygons and, per ring vertex, whether the
// edge leaving it is artificial.
struct Projected {
    std::vector<Polygon> polygons;
    std::vector<std::vector<std::vector<uint8_t>>> artificial;  // [polygon][ring][vertex]
};

Projected project_shape(const Shape& shape, const Projector& projector, double max_segment) {
    const bool mercator = projector.kind() == ProjectionKind::Mercator;
    const double clip_lat = mercator ? kMercatorMaxLat : 90.0;
    Projected out;
    for (const Polygon& source : shape.polygons) {
        Polygon poly;
        std::vector<std::vector<uint8_t>> flags;
        for (size_t r = 0; r < source.rings.size(); ++r) {
            Ring ring = densify(source.rings[r], max_segment);
            if (mercator) {
                ring = clip_latitude(ring, clip_lat, true);
                if (!ring.empty()) ring = clip_latitude(ring, -clip_lat, false);
            }
            if (ring.size() < 3) {
                if (r == 0) break;  // the outer ring is gone: so is the polygon
                continue;
            }
            std::vector<uint8_t> f(ring.size());
            for (size_t i = 0; i < ring.size(); ++i) {
                f[i] = artificial_edge(ring[i], ring[(i + 1) % ring.size()], clip_lat);
            }
            if (!projector.forward(ring)) {
                if (r == 0) break;
                continue;
            }
            poly.rings.push_back(std::move(ring));
            flags.push_back(std::move(f));
        }
        if (poly.rings.empty()) continue;
        out.polygons.push_back(std::move(poly));
        out.artificial.push_back(std::move(flags));
    }
    return out;
}

// Signed distance from p to the polygon's boundary (positive inside).
double signed_distance(const Polygon& poly, Vec2 p) {
    double best = std::numeric_limits<double>::infinity();
    for (const Ring& ring : poly.rings) {
        const size_t n = ring.size();
        for (size_t i = 0, j = n - 1; i < n; j = i++) {
            const Vec2 a = ring[j], b = ring[i];
            const double dx = b.x - a.x, dy = b.y - a.y;
            const double len2 = dx * dx + dy * dy;
            double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
            t = std::clamp(t, 0.0, 1.0);
            const double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
            best = std::min(best, ex * ex + ey * ey);
        }
    }
    const double d = std::sqrt(best);
    return point_in_polygon(poly, p) ? d : -d;
}

// A point far from the boundary (approximate pole of inaccessibility): a quadtree search
// over cells, best-first by the distance a cell could still reach.
std::optional<Vec2> search_label(const Polygon& poly, size_t max_cells) {
    BBox box;
    for (const Vec2& p : poly.rings[0]) box.add(p);
    const double w = box.width(), h = box.height();
    if (!(w > 0 && h > 0)) return std::nullopt;
    struct Cell {
        Vec2 c;
        double half;
        double d;
        double potential;
    };
    auto make = [&](Vec2 c, double half) {
        const double d = signed_distance(poly, c);
        return Cell{c, half, d, d + half * std::sqrt(2.0)};
    };
    auto cmp = [](const Cell& a, const Cell& b) { return a.potential < b.potential; };
    std::priority_queue<Cell, std::vector<Cell>, decltype(cmp)> queue(cmp);
    // Square cells covering the box; at most 16 along the long side for thin shapes.
    const double size = std::max(std::min(w, h), std::max(w, h) / 16);
    const double precision = std::max(w, h) / 100.0;
    size_t cells = 0;
    for (double x = box.min_x; x < box.max_x && cells < max_cells; x += size) {
        for (double y = box.min_y; y < box.max_y && cells < max_cells; y += size) {
            queue.push(make({x + size / 2, y + size / 2}, size / 2));
            ++cells;
        }
    }
    // Start from the ring's centroid when it is inside (often close to the answer).
    Cell best = make(box.center(), 0);
    {
        const Ring& r = poly.rings[0];
        double a = 0, cx = 0, cy = 0;
        for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
            const double f = r[j].x * r[i].y - r[i].x * r[j].y;
            a += f;
            cx += (r[j].x + r[i].x) * f;
            cy += (r[j].y + r[i].y) * f;
        }
        if (a != 0) {
            Cell centroid = make({cx / (3 * a), cy / (3 * a)}, 0);
            if (centroid.d > best.d) best = centroid;
        }
    }
    while (!queue.empty() && cells < max_cells) {
        const Cell cell = queue.top();
        queue.pop();
        if (cell.d > best.d) best = cell;
        if (cell.potential - best.d <= precision) continue;
        const double q = cell.half / 2;
        for (const Vec2 off : {Vec2{-q, -q}, Vec2{q, -q}, Vec2{-q, q}, Vec2{q, q}}) {
            queue.push(make({cell.c.x + off.x, cell.c.y + off.y}, q));
            ++cells;
        }
    }
    if (best.d <= 0) return std::nullopt;
    return best.c;
}

Vec2 label_point(const Polygon& poly) {
    size_t vertices = 0;
    for (const Ring& r : poly.rings) vertices += r.size();
    // Large polygons are searched on a thinned copy (labels need no 10m precision), and
    // the answer checked against the full polygon.
    constexpr size_t kMaxVertices = 128;
    if (vertices > kMaxVertices) {
        const size_t stride = (vertices + kMaxVertices - 1) / kMaxVertices;
        Polygon thin;
        for (size_t k = 0; k < poly.rings.size(); ++k) {
            Ring r;
            for (size_t i = 0; i < poly.rings[k].size(); i += stride) r.push_back(poly.rings[k][i]);
            if (r.size() >= 3) {
                thin.rings.push_back(std::move(r));
            } else if (k == 0) {
                break;
            }
        }
        if (!thin.rings.empty()) {
            if (auto p = search_label(thin, 300); p && point_in_polygon(poly, *p)) return *p;
        }
    }
    if (auto p = search_label(poly, 300)) return *p;
    // Degenerate (zero-width) polygon: any boundary point will do.
    return poly.rings[0][0];
}

// Walks a ring's border: calls point(i) for each vertex of a polyline and end() after
// each polyline. Artificial edges split the ring into open polylines; a ring without
// any is one closed polyline (its first vertex repeated at the end).
template <typename Point, typename End>
void walk_borders(size_t n, const std::vector<uint8_t>& artificial, Point&& point, End&& end) {
    size_t first_artificial = n;
    for (size_t i = 0; i < n; ++i) {
        if (artificial[i]) {
            first_artificial = i;
            break;
        }
    }
    if (first_artificial == n) {
        for (size_t i = 0; i < n; ++i) point(i);
        point(0);
        end();
        return;
    }
    bool open = false;
    for (size_t step = 0; step < n; ++step) {
        const size_t i = (first_artificial + 1 + step) % n;
        if (artificial[i]) {
            if (open) end();
            open = false;
            continue;
        }
        if (!open) point(i);
        open = true;
        point((i + 1) % n);
    }
    if (open) end();
}

// Phase 2 result for one country: triangles (indices over the country's vertices, ring
// after ring, polygon after polygon), border sizes and the projected shape.
struct Prepared {
    std::vector<uint32_t> indices;
    size_t vertices = 0;
    size_t line_vertices = 0;
    size_t lines = 0;
    std::vector<std::vector<std::vector<uint8_t>>> artificial;
    ProjectedShape shape;
};

// Turns every ring so that its polygon's interior lies to the left of its direction
// (outer rings counter-clockwise, holes clockwise, y up), keeping each edge's artificial
// flag with the edge. Renderers rely on this to tell a border's outside from its inside
// (the export's edge anti-aliasing paints a country's colour on the outside only).
void orient_rings(Projected& projected) {
    for (size_t k = 0; k < projected.polygons.size(); ++k) {
        std::vector<Ring>& rings = projected.polygons[k].rings;
        for (size_t r = 0; r < rings.size(); ++r) {
            const double area = signed_area(rings[r]);
            const bool want_ccw = r == 0;
            if (area == 0.0 || (area > 0.0) == want_ccw) continue;
            Ring& ring = rings[r];
            std::vector<uint8_t>& flags = projected.artificial[k][r];
            const size_t n = ring.size();
            std::reverse(ring.begin(), ring.end());
            // Old edge i runs ring[i] -> ring[i+1]; after reversing, edge j joins the old
            // vertices n-1-j and n-2-j, which is old edge (n-2-j) mod n walked backwards.
            std::vector<uint8_t> turned(n);
            for (size_t j = 0; j < n; ++j) turned[j] = flags[(2 * n - 2 - j) % n];
            flags = std::move(turned);
        }
    }
}

Prepared prepare(Projected&& projected) {
    orient_rings(projected);
    Prepared out;
    // A polygon of n vertices and h holes gives n + 2h - 2 triangles.
    size_t estimate = 0;
    for (const Polygon& poly : projected.polygons) {
        for (const Ring& r : poly.rings) estimate += r.size() + 2;
    }
    out.indices.reserve(3 * estimate);
    double largest = -1;
    size_t largest_index = 0;
    for (size_t k = 0; k < projected.polygons.size(); ++k) {
        const Polygon& poly = projected.polygons[k];
        const uint32_t base = static_cast<uint32_t>(out.vertices);
        const size_t first_index = out.indices.size();
        tessellate_indices(poly, out.indices);
        for (size_t i = first_index; i < out.indices.size(); ++i) out.indices[i] += base;
        for (size_t r = 0; r < poly.rings.size(); ++r) {
            out.vertices += poly.rings[r].size();
            walk_borders(
                poly.rings[r].size(), projected.artificial[k][r], [&](size_t) { ++out.line_vertices; },
                [&] { ++out.lines; });
        }
        for (const Vec2& p : poly.rings[0]) out.shape.bbox.add(p);
        const double area = polygon_area(poly);
        out.shape.area += area;
        if (area > largest) {
            largest = area;
            largest_index = k;
        }
    }
    if (!projected.polygons.empty()) out.shape.label_point = label_point(projected.polygons[largest_index]);
    out.shape.polygons = std::move(projected.polygons);
    out.shape.rows.reserve(out.shape.polygons.size());
    for (const Polygon& poly : out.shape.polygons) out.shape.rows.push_back(polygon_rows(poly));
    out.artificial = std::move(projected.artificial);
    return out;
}

// Where a country's data starts in the level's mesh arrays.
struct Offsets {
    size_t vertex = 0;
    size_t index = 0;
    size_t line_vertex = 0;
    size_t line = 0;
};

// Phase 3: writes one country into its slice of the (already sized) mesh arrays.
void write_country(const Prepared& p, uint16_t country, const Offsets& at, MapMesh& mesh) {
    size_t v = at.vertex;
    size_t lv = at.line_vertex;
    size_t line = at.line;
    for (size_t k = 0; k < p.shape.polygons.size(); ++k) {
        const Polygon& poly = p.shape.polygons[k];
        for (size_t r = 0; r < poly.rings.size(); ++r) {
            const Ring& ring = poly.rings[r];
            for (const Vec2& q : ring) {
                mesh.fill_xy[2 * v] = static_cast<float>(q.x);
                mesh.fill_xy[2 * v + 1] = static_cast<float>(q.y);
                mesh.fill_country[v] = country;
                ++v;
            }
            walk_borders(
                ring.size(), p.artificial[k][r],
                [&](size_t i) {
                    mesh.line_xy[2 * lv] = static_cast<float>(ring[i].x);
                    mesh.line_xy[2 * lv + 1] = static_cast<float>(ring[i].y);
                    mesh.line_country[lv] = country;
                    ++lv;
                },
                [&] { mesh.line_starts[++line] = static_cast<uint32_t>(lv); });
        }
    }
    const uint32_t base = static_cast<uint32_t>(at.vertex);
    for (size_t i = 0; i < p.indices.size(); ++i) mesh.fill_indices[at.index + i] = base + p.indices[i];
}

}  // namespace

PolygonRows polygon_rows(const Polygon& polygon) {
    PolygonRows rows;
    size_t vertices = 0;
    for (const Ring& ring : polygon.rings) {
        rows.ring_start.push_back(static_cast<uint32_t>(vertices));
        vertices += ring.size();
        for (const Vec2& p : ring) rows.box.add(p);
    }
    // Small polygons are quicker to scan whole (only their box is kept).
    if (vertices < 64 || !(rows.box.height() > 0.0)) {
        rows.ring_start.clear();
        return rows;
    }
    const size_t count = std::min<size_t>(4096, vertices / 16);
    rows.row_height = rows.box.height() / static_cast<double>(count);
    const auto row_of = [&](double y) {
        const auto r = static_cast<long long>((y - rows.box.min_y) / rows.row_height);
        return static_cast<size_t>(std::clamp<long long>(r, 0, static_cast<long long>(count) - 1));
    };
    // Two passes: count each row's edges, then fill.
    rows.row_start.assign(count + 1, 0);
    const auto each_edge = [&](auto&& visit) {
        uint32_t v = 0;
        for (const Ring& ring : polygon.rings) {
            const size_t n = ring.size();
            for (size_t i = 0; i < n; ++i, ++v) {
                if (n < 3) continue;
                const double y0 = ring[i].y, y1 = ring[(i + 1) % n].y;
                for (size_t r = row_of(std::min(y0, y1)); r <= row_of(std::max(y0, y1)); ++r) visit(r, v);
            }
        }
    };
    each_edge([&](size_t r, uint32_t) { ++rows.row_start[r + 1]; });
    for (size_t r = 0; r < count; ++r) rows.row_start[r + 1] += rows.row_start[r];
    rows.edges.resize(rows.row_start.back());
    std::vector<uint32_t> fill(rows.row_start.begin(), rows.row_start.end() - 1);
    each_edge([&](size_t r, uint32_t v) { rows.edges[fill[r]++] = v; });
    return rows;
}

bool point_in_polygon(const Polygon& polygon, const PolygonRows& rows, Vec2 p) {
    if (!rows.box.contains(p)) return false;
    if (rows.row_start.empty()) return point_in_polygon(polygon, p);
    const size_t count = rows.row_start.size() - 1;
    const auto r = static_cast<size_t>(std::clamp<long long>(
        static_cast<long long>((p.y - rows.box.min_y) / rows.row_height), 0,
        static_cast<long long>(count) - 1));
    bool inside = false;
    for (uint32_t e = rows.row_start[r]; e < rows.row_start[r + 1]; ++e) {
        const uint32_t v = rows.edges[e];
        // The ring holding vertex v (few rings: a linear search).
        size_t k = rows.ring_start.size() - 1;
        while (rows.ring_start[k] > v) --k;
        const Ring& ring = polygon.rings[k];
        const size_t i = v - rows.ring_start[k];
        const Vec2& a = ring[i];
        const Vec2& b = ring[(i + 1) % ring.size()];
        // The same crossing rule as the full scan, so the answers agree exactly.
        if ((a.y > p.y) != (b.y > p.y)) {
            const double x = b.x + (p.y - b.y) * (a.x - b.x) / (a.y - b.y);
            if (p.x < x) inside = !inside;
        }
    }
    return inside;
}

int ProjectedWorld::pick(Vec2 xy, Lod lod) const {
    const int l = static_cast<int>(lod);
    if (!ready[l]) return -1;
    const std::vector<ProjectedShape>& list = shapes[l];
    for (size_t i = 0; i < list.size(); ++i) {
        if (!list[i].bbox.contains(xy)) continue;
        const ProjectedShape& shape = list[i];
        for (size_t k = 0; k < shape.polygons.size(); ++k) {
            const bool inside = k < shape.rows.size()
                                    ? point_in_polygon(shape.polygons[k], shape.rows[k], xy)
                                    : point_in_polygon(shape.polygons[k], xy);
            if (inside) return static_cast<int>(i);
        }
    }
    return -1;
}

void project_level(const World& world, const Projector& projector, Lod lod, ProjectedWorld& out,
                   double max_segment_degrees) {
    const int l = static_cast<int>(lod);
    const size_t count = world.countries.size();
    out.projection = projector.kind();
    out.outline = projector.outline();
    out.world_bounds = projector.world_bounds();

    // Hand out the biggest countries first so the threads finish together.
    std::vector<size_t> order(count);
    std::iota(order.begin(), order.end(), size_t{0});
    std::vector<size_t> weight(count);
    for (size_t i = 0; i < count; ++i) weight[i] = world.countries[i].shape_at(lod).vertex_count();
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return weight[a] > weight[b]; });

    auto t0 = Clock::now();
    std::vector<Projected> projected(count);
    parallel_for(order, [&](size_t i) {
        projected[i] = project_shape(world.countries[i].shape_at(lod), projector, max_segment_degrees);
    });
    out.project_ms[l] = ms_since(t0);

    t0 = Clock::now();
    std::vector<Prepared> prepared(count);
    parallel_for(order, [&](size_t i) { prepared[i] = prepare(std::move(projected[i])); });
    projected.clear();

    std::vector<Offsets> offsets(count);
    Offsets total;
    MapMesh mesh;
    for (size_t i = 0; i < count; ++i) {
        offsets[i] = total;
        total.vertex += prepared[i].vertices;
        total.index += prepared[i].indices.size();
        total.line_vertex += prepared[i].line_vertices;
        total.line += prepared[i].lines;
        mesh.bounds.add(prepared[i].shape.bbox);
    }
    mesh.fill_xy.resize(2 * total.vertex);
    mesh.fill_country.resize(total.vertex);
    mesh.fill_indices.resize(total.index);
    mesh.line_xy.resize(2 * total.line_vertex);
    mesh.line_country.resize(total.line_vertex);
    mesh.line_starts.resize(total.line + 1);
    mesh.line_starts[0] = 0;
    parallel_for(order, [&](size_t i) {
        write_country(prepared[i], static_cast<uint16_t>(std::min<size_t>(i, 0xFFFF)), offsets[i], mesh);
    });

    std::vector<ProjectedShape> shapes(count);
    for (size_t i = 0; i < count; ++i) shapes[i] = std::move(prepared[i].shape);
    out.meshes[l] = std::move(mesh);
    out.shapes[l] = std::move(shapes);
    out.ready[l] = true;
    out.tessellate_ms[l] = ms_since(t0);
}

ProjectedWorld project_world(const World& world, ProjectionKind kind, std::array<bool, kLodCount> levels,
                             double max_segment_degrees) {
    ProjectedWorld out;
    out.projection = kind;
    const Projector projector(kind);
    out.outline = projector.outline();
    out.world_bounds = projector.world_bounds();
    for (int l = 0; l < kLodCount; ++l) {
        if (levels[l]) project_level(world, projector, static_cast<Lod>(l), out, max_segment_degrees);
    }
    return out;
}

}  // namespace deportmap::geo
