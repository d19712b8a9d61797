// Polygon triangulation for map fills: ear clipping on a circular linked list, holes
// bridged into the outer ring (left to right), a z-order (Morton) index so ear tests only
// look at nearby vertices on large rings, and fallbacks for the self-touching or slightly
// self-intersecting rings that quantised boundary data leaves behind. A work budget
// hands huge or hostile polygons to the O(n log n) sweep (sweep_triangulate.hpp). See
// docs/geometry.md for why this and not GEOS.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <memory>
#include <vector>

#include "core/geo/mesh.hpp"
#include "core/geo/sweep_triangulate.hpp"

namespace deportmap::geo {
namespace {

struct Node {
    uint32_t index = 0;  // vertex index (relative to the polygon's first vertex)
    double x = 0.0;
    double y = 0.0;
    Node* prev = nullptr;  // ring order
    Node* next = nullptr;
    uint32_t z = 0;  // Morton code of the position
    Node* prev_z = nullptr;  // z order (only when the ring is indexed)
    Node* next_z = nullptr;
};

// > 0 when a, b, c turn counter-clockwise (y up).
inline double cross(const Node* a, const Node* b, const Node* c) {
    return (b->x - a->x) * (c->y - a->y) - (b->y - a->y) * (c->x - a->x);
}
inline double cross(double ax, double ay, double bx, double by, double cx, double cy) {
    return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}
inline bool same_point(const Node* a, const Node* b) { return a->x == b->x && a->y == b->y; }

// p inside or on the counter-clockwise triangle a, b, c.
inline bool in_ccw_triangle(const Node* a, const Node* b, const Node* c, const Node* p) {
    return cross(a, b, p) >= 0 && cross(b, c, p) >= 0 && cross(c, a, p) >= 0;
}
// p inside or on the triangle, whatever its orientation.
inline bool in_triangle(double ax, double ay, double bx, double by, double cx, double cy,
                        double px, double py) {
    const double d1 = cross(ax, ay, bx, by, px, py);
    const double d2 = cross(bx, by, cx, cy, px, py);
    const double d3 = cross(cx, cy, ax, ay, px, py);
    return (d1 >= 0 && d2 >= 0 && d3 >= 0) || (d1 <= 0 && d2 <= 0 && d3 <= 0);
}

inline int sign(double v) { return (v > 0) - (v < 0); }
// q on segment p-r, given that the three are collinear.
inline bool within_box(const Node* p, const Node* q, const Node* r) {
    return q->x <= std::max(p->x, r->x) && q->x >= std::min(p->x, r->x) &&
           q->y <= std::max(p->y, r->y) && q->y >= std::min(p->y, r->y);
}
// Segments p1-q1 and p2-q2 intersect or touch.
bool segments_meet(const Node* p1, const Node* q1, const Node* p2, const Node* q2) {
    const int o1 = sign(cross(p1, q1, p2));
    const int o2 = sign(cross(p1, q1, q2));
    const int o3 = sign(cross(p2, q2, p1));
    const int o4 = sign(cross(p2, q2, q1));
    if (o1 != o2 && o3 != o4) return true;
    if (o1 == 0 && within_box(p1, p2, q1)) return true;
    if (o2 == 0 && within_box(p1, q2, q1)) return true;
    if (o3 == 0 && within_box(p2, p1, q2)) return true;
    if (o4 == 0 && within_box(p2, q1, q2)) return true;
    return false;
}

// Nodes come from fixed-size blocks so pointers stay valid; blocks are reused between
// polygons by the same thread.
class NodePool {
public:
    Node* make(uint32_t index, double x, double y) {
        if (block_ == blocks_.size()) blocks_.push_back(std::make_unique<Node[]>(kBlock));
        Node* n = &blocks_[block_][used_];
        *n = Node{};
        n->index = index;
        n->x = x;
        n->y = y;
        if (++used_ == kBlock) {
            ++block_;
            used_ = 0;
        }
        return n;
    }
    void reset() {
        block_ = 0;
        used_ = 0;
    }

private:
    static constexpr size_t kBlock = 4096;
    std::vector<std::unique_ptr<Node[]>> blocks_;
    size_t block_ = 0;
    size_t used_ = 0;
};

// Ear clipping is quadratic at worst (comb or spiral rings of 10^5 vertices took
// minutes), so it gets a budget: work units (vertices visited, loop steps) it may spend
// on a polygon of n vertices before it gives up and the polygon goes to the sweep
// (sweep_triangulate.hpp, O(n log n)). Polygons over kSweepAbove vertices go to the
// sweep at once. The bundled boundaries' worst polygon needs under a million units in
// any projection (docs/geometry.md), so their fills never change.
constexpr size_t kWorkPerVertex = 16;
constexpr size_t kWorkBase = size_t{1} << 22;
constexpr size_t kSweepAbove = size_t{1} << 17;
// Splits nested deeper than this also end the ear clipper's run (its recursion).
constexpr int kMaxSplitDepth = 256;

class EarClipper {
public:
    // False when the work budget ran out: `out` then holds a partial result to drop.
    bool run(const Polygon& polygon, std::vector<uint32_t>& out) {
        pool_.reset();
        out_ = &out;
        size_t vertices = 0;
        for (const Ring& ring : polygon.rings) vertices += ring.size();
        work_ = 0;
        budget_ = kWorkBase + kWorkPerVertex * vertices;
        over_ = false;
        depth_ = 0;
        uint32_t first = 0;
        Node* outer = nullptr;
        std::vector<Node*> holes;
        size_t total = 0;
        for (size_t r = 0; r < polygon.rings.size(); ++r) {
            const Ring& ring = polygon.rings[r];
            Node* list = make_ring(ring, first, r == 0);
            first += static_cast<uint32_t>(ring.size());
            total += ring.size();
            if (r == 0) {
                if (!list || list->next == list->prev) return true;  // fewer than 3 points
                outer = list;
            } else if (list && list->next != list->prev) {  // holes of 3+ points
                holes.push_back(leftmost(list));
            }
        }
        hashed_ = total > 80;
        if (hashed_) {
            double min_x = std::numeric_limits<double>::infinity(), min_y = min_x;
            double max_x = -min_x, max_y = -min_x;
            for (const Ring& ring : polygon.rings) {
                for (const Vec2& p : ring) {
                    min_x = std::min(min_x, p.x);
                    min_y = std::min(min_y, p.y);
                    max_x = std::max(max_x, p.x);
                    max_y = std::max(max_y, p.y);
                }
            }
            min_x_ = min_x;
            min_y_ = min_y;
            const double size = std::max(max_x - min_x, max_y - min_y);
            inv_size_ = size > 0 ? 32767.0 / size : 0.0;
        }
        if (!holes.empty()) outer = eliminate_holes(holes, outer);
        clip(outer, 0);
        return !over_;
    }

private:
    // Counts `units` of work; false once the budget is spent.
    bool spend(size_t units) {
        work_ += units;
        if (work_ > budget_) over_ = true;
        return !over_;
    }

    // Builds a circular list for a ring in the wanted orientation (outer rings
    // counter-clockwise, holes clockwise) and returns its last node.
    Node* make_ring(const Ring& ring, uint32_t first, bool ccw) {
        const size_t n = ring.size();
        if (n == 0) return nullptr;
        Node* last = nullptr;
        const bool forward = (signed_area(ring) >= 0) == ccw;
        for (size_t k = 0; k < n; ++k) {
            const size_t i = forward ? k : n - 1 - k;
            last = insert_after(static_cast<uint32_t>(first + i), ring[i].x, ring[i].y, last);
        }
        if (last && last != last->next && same_point(last, last->next)) {
            Node* next = last->next;
            remove(last);
            last = next;
        }
        return last;
    }

    Node* insert_after(uint32_t index, double x, double y, Node* last) {
        Node* p = pool_.make(index, x, y);
        if (!last) {
            p->prev = p;
            p->next = p;
        } else {
            p->next = last->next;
            p->prev = last;
            last->next->prev = p;
            last->next = p;
        }
        return p;
    }

    static void remove(Node* p) {
        p->next->prev = p->prev;
        p->prev->next = p->next;
        if (p->prev_z) p->prev_z->next_z = p->next_z;
        if (p->next_z) p->next_z->prev_z = p->prev_z;
    }

    void emit(const Node* a, const Node* b, const Node* c) {
        out_->push_back(a->index);
        out_->push_back(b->index);
        out_->push_back(c->index);
    }

    // Drops repeated and collinear points between start and end (default: all).
    Node* filter(Node* start, Node* end = nullptr) {
        if (!start) return start;
        if (!end) end = start;
        Node* p = start;
        bool again;
        size_t steps = 0;
        do {
            ++steps;
            again = false;
            if (same_point(p, p->next) || cross(p->prev, p, p->next) == 0) {
                remove(p);
                p = end = p->prev;
                if (p == p->next) break;
                again = true;
            } else {
                p = p->next;
            }
        } while (again || p != end);
        spend(steps);
        return end;
    }

    // Main loop: cut ears until two nodes are left. When no ear is found, retry after
    // filtering (pass 1), after curing small self-intersections (pass 2), then by
    // splitting the ring along a valid diagonal.
    void clip(Node* ear, int pass) {
        if (!ear) return;
        if (pass == 0 && hashed_) index_curve(ear);
        Node* stop = ear;
        while (ear->prev != ear->next) {
            if (!spend(1)) return;
            Node* prev = ear->prev;
            Node* next = ear->next;
            if (hashed_ ? is_ear_hashed(ear) : is_ear(ear)) {
                emit(prev, ear, next);
                remove(ear);
                // Skipping the next vertex gives fewer slivers.
                ear = next->next;
                stop = next->next;
                continue;
            }
            ear = next;
            if (ear == stop) {
                if (pass == 0) {
                    clip(filter(ear), 1);
                } else if (pass == 1) {
                    clip(cure_local_intersections(filter(ear)), 2);
                } else {
                    split(ear);
                }
                break;
            }
        }
    }

    bool blocks(const Node* a, const Node* b, const Node* c, const Node* p) const {
        // A vertex at the same place as a or c (a bridge's twin) touches the ear's corner
        // without entering it.
        if (same_point(p, a) || same_point(p, c)) return false;
        return in_ccw_triangle(a, b, c, p) && cross(p->prev, p, p->next) <= 0;
    }

    bool is_ear(const Node* ear) {
        const Node* a = ear->prev;
        const Node* b = ear;
        const Node* c = ear->next;
        if (cross(a, b, c) <= 0) return false;  // reflex or flat
        size_t steps = 0;
        bool ear_ok = true;
        for (const Node* p = c->next; p != a; p = p->next) {
            ++steps;
            if (blocks(a, b, c, p)) {
                ear_ok = false;
                break;
            }
        }
        spend(steps);
        return ear_ok;
    }

    bool is_ear_hashed(const Node* ear) {
        size_t steps = 0;
        const bool ear_ok = ear_in_z_range(ear, steps);
        spend(steps);
        return ear_ok;
    }

    // The ear test over the nodes whose z code lies within the triangle's box.
    bool ear_in_z_range(const Node* ear, size_t& steps) const {
        const Node* a = ear->prev;
        const Node* b = ear;
        const Node* c = ear->next;
        if (cross(a, b, c) <= 0) return false;
        const double min_x = std::min({a->x, b->x, c->x}), min_y = std::min({a->y, b->y, c->y});
        const double max_x = std::max({a->x, b->x, c->x}), max_y = std::max({a->y, b->y, c->y});
        const uint32_t min_z = z_order(min_x, min_y);
        const uint32_t max_z = z_order(max_x, max_y);
        auto check = [&](const Node* p) {
            ++steps;
            return p != a && p != c && p->x >= min_x && p->x <= max_x && p->y >= min_y &&
                   p->y <= max_y && blocks(a, b, c, p);
        };
        const Node* p = ear->prev_z;
        const Node* n = ear->next_z;
        while (p && p->z >= min_z && n && n->z <= max_z) {
            if (check(p) || check(n)) return false;
            p = p->prev_z;
            n = n->next_z;
        }
        for (; p && p->z >= min_z; p = p->prev_z) {
            if (check(p)) return false;
        }
        for (; n && n->z <= max_z; n = n->next_z) {
            if (check(n)) return false;
        }
        return true;
    }

    // Removes a small self-intersection a-p-p.next-b by cutting the triangle a, p, b.
    // Stops when fewer than four nodes are left: cutting two of them then would leave
    // `start` among the removed nodes, and the walk would circle the rest for ever.
    Node* cure_local_intersections(Node* start) {
        if (!start) return start;
        Node* p = start;
        do {
            if (p->next->next->next == p || !spend(1)) break;
            Node* a = p->prev;
            Node* b = p->next->next;
            if (!same_point(a, b) && segments_meet(a, p, p->next, b) && locally_inside(a, b) &&
                locally_inside(b, a)) {
                emit(a, p, b);
                remove(p);
                remove(p->next);
                p = start = b;
            }
            p = p->next;
        } while (p != start);
        return filter(p);
    }

    // Last resort: split the ring in two along a valid diagonal and clip both halves.
    void split(Node* start) {
        if (++depth_ > kMaxSplitDepth) over_ = true;
        Node* a = start;
        do {
            for (Node* b = a->next->next; b != a->prev && !over_; b = b->next) {
                if (a->index != b->index && is_valid_diagonal(a, b)) {
                    Node* c = split_ring(a, b);
                    a = filter(a, a->next);
                    c = filter(c, c->next);
                    clip(a, 0);
                    clip(c, 0);
                    --depth_;
                    return;
                }
            }
            a = a->next;
        } while (a != start && !over_);
        --depth_;
        // No diagonal at all: the remainder is degenerate; leave it unfilled.
    }

    bool is_valid_diagonal(const Node* a, const Node* b) {
        if (!spend(1)) return false;
        if (a->next->index == b->index || a->prev->index == b->index) return false;
        size_t steps = 0;
        const bool crosses = crosses_ring(a, b, steps);
        spend(steps);
        if (crosses || over_) return false;
        steps = 0;
        const bool inside =
            locally_inside(a, b) && locally_inside(b, a) && middle_inside(a, b, steps);
        if (!spend(steps)) return false;
        if (inside && (cross(a->prev, a, b->prev) != 0 || cross(a, b->prev, b) != 0)) return true;
        // A zero-length diagonal between two reflex twins (where a ring touches itself).
        return same_point(a, b) && cross(a->prev, a, a->next) < 0 && cross(b->prev, b, b->next) < 0;
    }

    // Any ring edge not incident to a or b meets segment a-b.
    static bool crosses_ring(const Node* a, const Node* b, size_t& steps) {
        const Node* p = a;
        do {
            ++steps;
            if (p->index != a->index && p->next->index != a->index && p->index != b->index &&
                p->next->index != b->index && segments_meet(p, p->next, a, b)) {
                return true;
            }
            p = p->next;
        } while (p != a);
        return false;
    }

    // The diagonal a->b leaves a into the polygon's interior (interior on the left).
    static bool locally_inside(const Node* a, const Node* b) {
        if (cross(a->prev, a, a->next) < 0) {  // reflex corner: all but the outer wedge
            return cross(a, a->next, b) >= 0 || cross(a, a->prev, b) <= 0;
        }
        return cross(a, a->next, b) >= 0 && cross(a, a->prev, b) <= 0;
    }

    // The midpoint of a-b is inside the ring (even-odd).
    static bool middle_inside(const Node* a, const Node* b, size_t& steps) {
        const double px = (a->x + b->x) / 2, py = (a->y + b->y) / 2;
        bool inside = false;
        const Node* p = a;
        do {
            ++steps;
            const Node* q = p->next;
            if ((p->y > py) != (q->y > py) && q->y != p->y &&
                px < (q->x - p->x) * (py - p->y) / (q->y - p->y) + p->x) {
                inside = !inside;
            }
            p = q;
        } while (p != a);
        return inside;
    }

    // Links a to b with a two-way bridge; returns the twin of b, which starts the other
    // half when a and b are on the same ring (or closes the loop for a hole).
    Node* split_ring(Node* a, Node* b) {
        Node* a2 = pool_.make(a->index, a->x, a->y);
        Node* b2 = pool_.make(b->index, b->x, b->y);
        Node* an = a->next;
        Node* bp = b->prev;
        a->next = b;
        b->prev = a;
        a2->next = an;
        an->prev = a2;
        b2->next = a2;
        a2->prev = b2;
        bp->next = b2;
        b2->prev = bp;
        return b2;
    }

    static Node* leftmost(Node* start) {
        Node* p = start;
        Node* best = start;
        do {
            if (p->x < best->x || (p->x == best->x && p->y < best->y)) best = p;
            p = p->next;
        } while (p != start);
        return best;
    }

    Node* eliminate_holes(std::vector<Node*>& holes, Node* outer) {
        std::sort(holes.begin(), holes.end(), [](const Node* a, const Node* b) {
            return a->x != b->x ? a->x < b->x : a->y < b->y;
        });
        for (Node* hole : holes) {
            size_t steps = 0;
            Node* bridge = find_bridge(hole, outer, steps);
            if (!spend(steps)) break;
            if (!bridge) continue;  // hole outside the outer ring (invalid input): skip it
            Node* twin = split_ring(bridge, hole);
            filter(twin, twin->next);
            outer = filter(bridge, bridge->next);
        }
        return outer;
    }

    // A vertex of the outer ring that the hole's leftmost point sees: cast a ray to the
    // left, take the nearest edge it hits from inside, then the vertex of minimum angle
    // inside the triangle spanned by the hit.
    static Node* find_bridge(const Node* hole, Node* outer, size_t& steps) {
        const double hx = hole->x, hy = hole->y;
        double qx = -std::numeric_limits<double>::infinity();
        Node* m = nullptr;
        Node* p = outer;
        do {
            ++steps;
            const Node* q = p->next;
            // Edges going down have the interior to their east, facing the ray.
            if (hy <= p->y && hy >= q->y && q->y != p->y) {
                const double x = p->x + (hy - p->y) * (q->x - p->x) / (q->y - p->y);
                if (x <= hx && x > qx) {
                    qx = x;
                    m = p->x < q->x ? p : p->next;
                    if (x == hx) return m;  // the hole touches this edge
                }
            }
            p = p->next;
        } while (p != outer);
        if (!m) return nullptr;

        const Node* stop = m;
        const double mx = m->x, my = m->y;
        double tan_min = std::numeric_limits<double>::infinity();
        p = m;
        do {
            ++steps;
            if (hx >= p->x && p->x >= mx && hx != p->x &&
                in_triangle(hx, hy, qx, hy, mx, my, p->x, p->y)) {
                const double tan = std::abs(hy - p->y) / (hx - p->x);
                if (locally_inside(p, hole) &&
                    (tan < tan_min ||
                     (tan == tan_min &&
                      (p->x > m->x || (p->x == m->x && sector_contains_sector(m, p)))))) {
                    m = p;
                    tan_min = tan;
                }
            }
            p = p->next;
        } while (p != stop);
        return m;
    }

    // m's wedge contains p's wedge (both at the same place).
    static bool sector_contains_sector(const Node* m, const Node* p) {
        return cross(m->prev, m, p->prev) > 0 && cross(p->next, m, m->next) > 0;
    }

    uint32_t z_order(double x, double y) const {
        auto spread = [](uint32_t v) {
            v = (v | (v << 8)) & 0x00FF00FFu;
            v = (v | (v << 4)) & 0x0F0F0F0Fu;
            v = (v | (v << 2)) & 0x33333333u;
            v = (v | (v << 1)) & 0x55555555u;
            return v;
        };
        const double fx = std::clamp((x - min_x_) * inv_size_, 0.0, 32767.0);
        const double fy = std::clamp((y - min_y_) * inv_size_, 0.0, 32767.0);
        return spread(static_cast<uint32_t>(fx)) | (spread(static_cast<uint32_t>(fy)) << 1);
    }

    // Links the ring's nodes in z order.
    void index_curve(Node* start) {
        order_.clear();
        Node* p = start;
        do {
            p->z = z_order(p->x, p->y);
            order_.push_back(p);
            p = p->next;
        } while (p != start);
        std::sort(order_.begin(), order_.end(),
                  [](const Node* a, const Node* b) { return a->z < b->z; });
        spend(order_.size());
        for (size_t i = 0; i < order_.size(); ++i) {
            order_[i]->prev_z = i > 0 ? order_[i - 1] : nullptr;
            order_[i]->next_z = i + 1 < order_.size() ? order_[i + 1] : nullptr;
        }
    }

    NodePool pool_;
    std::vector<Node*> order_;
    std::vector<uint32_t>* out_ = nullptr;
    size_t work_ = 0;    // units spent on this polygon
    size_t budget_ = 0;  // units allowed
    bool over_ = false;  // budget spent (or splits nested too deep): stop
    int depth_ = 0;      // nested splits
    bool hashed_ = false;
    double min_x_ = 0.0;
    double min_y_ = 0.0;
    double inv_size_ = 0.0;
};

// Edge flips towards a constrained Delaunay triangulation. Ear clipping leaves fans of
// long thin triangles; a software rasteriser bins each into every tile it crosses and
// shades partly covered blocks along its edges, so fat triangles with the same outline
// fill faster. An interior edge shared by two counter-clockwise triangles is flipped
// when the far vertex of one lies inside the other's circumcircle and the two stay
// counter-clockwise after the flip (Lawson's algorithm). Ring edges are never touched,
// nor are edges of flat or clockwise triangles (what cured self-intersections can leave).
class DelaunayFlipper {
public:
    void run(const Polygon& polygon, std::vector<uint32_t>& indices, size_t begin) {
        const size_t count = (indices.size() - begin) / 3;
        if (count < 2) return;
        points_.clear();
        for (const Ring& ring : polygon.rings) points_.insert(points_.end(), ring.begin(), ring.end());
        uint32_t* tri = indices.data() + begin;
        for (size_t k = 0; k < count * 3; ++k) {
            if (tri[k] >= points_.size()) return;  // not ours to judge
        }
        // Half-edge h = 3 t + e runs from tri[h] to tri[next(h)]; twin_[h] is the
        // opposite half-edge of the neighbouring triangle, or kNone. Half-edges are
        // listed by their start vertex (few per vertex) to find each one's reverse.
        twin_.assign(count * 3, kNone);
        valid_.assign(count, false);
        first_.assign(points_.size() + 1, 0);
        for (size_t t = 0; t < count; ++t) {
            valid_[t] = orient(tri[3 * t], tri[3 * t + 1], tri[3 * t + 2]) > 0.0;
            if (!valid_[t]) continue;
            for (uint32_t e = 0; e < 3; ++e) ++first_[tri[3 * t + e] + 1];
        }
        for (size_t v = 0; v < points_.size(); ++v) first_[v + 1] += first_[v];
        from_.resize(first_.back());
        fill_ = first_;
        for (uint32_t h = 0; h < count * 3; ++h) {
            if (valid_[h / 3]) from_[fill_[tri[h]]++] = h;
        }
        // Each vertex's half-edges by end vertex, so finding u -> v costs log(degree)
        // (a fan's hub can have thousands).
        const auto by_end = [&](uint32_t a, uint32_t b) {
            const uint32_t ea = tri[next(a)], eb = tri[next(b)];
            return ea != eb ? ea < eb : a < b;
        };
        for (size_t v = 0; v < points_.size(); ++v) {
            std::sort(from_.begin() + first_[v], from_.begin() + first_[v + 1], by_end);
        }
        // The half-edges u -> v: how many, and the last one.
        const auto find = [&](uint32_t u, uint32_t v, uint32_t& found) {
            const auto begin = from_.begin() + first_[u], end = from_.begin() + first_[u + 1];
            const auto lo = std::partition_point(begin, end, [&](uint32_t h) { return tri[next(h)] < v; });
            const auto hi = std::partition_point(lo, end, [&](uint32_t h) { return tri[next(h)] == v; });
            if (hi != lo) found = *(hi - 1);
            return static_cast<int>(hi - lo);
        };
        for (uint32_t h = 0; h < count * 3; ++h) {
            if (!valid_[h / 3]) continue;
            const uint32_t u = tri[h], v = tri[next(h)];
            uint32_t same = kNone, reverse = kNone;
            // Pair each half-edge with its reverse when both occur exactly once.
            if (find(u, v, same) == 1 && find(v, u, reverse) == 1) twin_[h] = reverse;
        }
        stack_.clear();
        for (uint32_t h = 0; h < count * 3; ++h) {
            if (twin_[h] != kNone && h < twin_[h]) stack_.push_back(h);
        }
        size_t budget = count * 16 + 1024;  // a guard: rounding must not make it loop
        while (!stack_.empty() && budget > 0) {
            const uint32_t h = stack_.back();
            stack_.pop_back();
            if (flip_if_better(tri, h)) --budget;
        }
    }

private:
    static constexpr uint32_t kNone = 0xffffffffu;
    static uint32_t next(uint32_t h) { return h % 3 == 2 ? h - 2 : h + 1; }
    static uint32_t prev(uint32_t h) { return h % 3 == 0 ? h + 2 : h - 1; }

    double orient(uint32_t a, uint32_t b, uint32_t c) const {
        const Vec2 &pa = points_[a], &pb = points_[b], &pc = points_[c];
        return (pb.x - pa.x) * (pc.y - pa.y) - (pb.y - pa.y) * (pc.x - pa.x);
    }
    // > 0 (with a margin for rounding) when d lies inside the circle through the
    // counter-clockwise triangle a, b, c.
    bool in_circle(uint32_t a, uint32_t b, uint32_t c, uint32_t d) const {
        const Vec2& pd = points_[d];
        const double adx = points_[a].x - pd.x, ady = points_[a].y - pd.y;
        const double bdx = points_[b].x - pd.x, bdy = points_[b].y - pd.y;
        const double cdx = points_[c].x - pd.x, cdy = points_[c].y - pd.y;
        const double alift = adx * adx + ady * ady;
        const double blift = bdx * bdx + bdy * bdy;
        const double clift = cdx * cdx + cdy * cdy;
        const double det = alift * (bdx * cdy - cdx * bdy) + blift * (cdx * ady - adx * cdy) +
                           clift * (adx * bdy - bdx * ady);
        const double permanent = alift * (std::abs(bdx * cdy) + std::abs(cdx * bdy)) +
                                 blift * (std::abs(cdx * ady) + std::abs(adx * cdy)) +
                                 clift * (std::abs(adx * bdy) + std::abs(bdx * ady));
        return det > permanent * 1e-10;
    }

    bool flip_if_better(uint32_t* tri, uint32_t h) {
        const uint32_t g = twin_[h];
        if (g == kNone) return false;
        // Triangle of h: u -> w, opposite p; triangle of g: w -> u, opposite q.
        const uint32_t u = tri[h], w = tri[next(h)], p = tri[prev(h)], q = tri[prev(g)];
        if (!in_circle(u, w, p, q)) return false;
        if (orient(p, u, q) <= 0.0 || orient(q, w, p) <= 0.0) return false;
        const uint32_t t = h - h % 3, s = g - g % 3;
        // Outer half-edges' twins before the flip: (p,u), (u,q), (q,w), (w,p).
        const uint32_t pu = twin_[prev(h)], uq = twin_[next(g)], qw = twin_[prev(g)],
                       wp = twin_[next(h)];
        tri[t] = p, tri[t + 1] = u, tri[t + 2] = q;  // (p,u) (u,q) (q,p)
        tri[s] = q, tri[s + 1] = w, tri[s + 2] = p;  // (q,w) (w,p) (p,q)
        const auto link = [&](uint32_t a, uint32_t b) {
            twin_[a] = b;
            if (b != kNone) twin_[b] = a;
        };
        link(t, pu);
        link(t + 1, uq);
        link(s, qw);
        link(s + 1, wp);
        link(t + 2, s + 2);
        for (uint32_t e : {t, t + 1, s, s + 1}) {
            if (twin_[e] != kNone) stack_.push_back(e);
        }
        return true;
    }

    std::vector<Vec2> points_;
    std::vector<uint32_t> twin_;
    std::vector<bool> valid_;       // triangle counter-clockwise (flippable)
    std::vector<uint32_t> first_;   // half-edges from vertex v: from_[first_[v], first_[v+1])
    std::vector<uint32_t> fill_;
    std::vector<uint32_t> from_;
    std::vector<uint32_t> stack_;
};

}  // namespace

void tessellate_indices(const Polygon& polygon, std::vector<uint32_t>& out_indices, bool delaunay) {
    if (polygon.rings.empty()) return;
    thread_local EarClipper clipper;
    const size_t begin = out_indices.size();
    size_t vertices = 0;
    for (const Ring& ring : polygon.rings) vertices += ring.size();
    if (vertices > kSweepAbove || !clipper.run(polygon, out_indices)) {
        // Over the ear clipper's budget (a huge ring with many reflex vertices): the
        // bounded sweep does the whole polygon instead.
        out_indices.resize(begin);
        sweep_triangulate(polygon, out_indices);
    }
    if (delaunay) {
        thread_local DelaunayFlipper flipper;
        flipper.run(polygon, out_indices, begin);
    }
}

void tessellate(const Polygon& polygon, std::vector<Vec2>& out_xy,
                std::vector<uint32_t>& out_indices, bool delaunay) {
    for (const Ring& ring : polygon.rings) out_xy.insert(out_xy.end(), ring.begin(), ring.end());
    tessellate_indices(polygon, out_indices, delaunay);
}

}  // namespace deportmap::geo
