// Monotone decomposition and triangulation (see sweep_triangulate.hpp). Steps:
//  1. load: the rings as linked vertices, outer ring counter-clockwise, holes clockwise,
//     so the interior is always on the left of an edge v -> next(v);
//  2. sweep: vertices from top to bottom (y down, then x up, then number); the status
//     holds the edges that go down (interior to their east) and cross the sweep line,
//     each with its helper; split and merge vertices get diagonals (O(n log n));
//  3. faces: the ring edges and both sides of each diagonal, walked face by face with
//     the interior on the left (each vertex's edges sorted by angle);
//  4. each face, y-monotone, is triangulated with a stack (linear in its size).
// Only orientation tests (cross products) and comparisons are used; nothing here loops
// longer than the number of edges, so crossing or touching input cannot make it hang.
#include "core/geo/sweep_triangulate.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <set>

namespace deportmap::geo {
namespace {

constexpr uint32_t kNone = 0xffffffffu;

enum class Kind : uint8_t { Start, End, Split, Merge, Regular };

struct Vertex {
    double x = 0.0;
    double y = 0.0;
    uint32_t index = 0;  // number in the input polygon
    uint32_t next = 0;   // ring order, interior on the left
    uint32_t prev = 0;
};

class SweepTriangulator {
public:
    bool run(const Polygon& polygon, std::vector<uint32_t>& out) {
        if (!load(polygon)) return false;
        out_ = &out;
        rank_vertices();
        classify();
        sweep();
        walk_faces();
        return true;
    }

private:
    // > 0 when a, b, c turn counter-clockwise.
    double cross(uint32_t a, uint32_t b, uint32_t c) const {
        const Vertex &p = v_[a], &q = v_[b], &r = v_[c];
        return (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    }
    bool above(uint32_t a, uint32_t b) const { return rank_[a] < rank_[b]; }

    // Step 1. Consecutive repeats are dropped; rings left with fewer than 3 points are
    // skipped (the outer one: nothing to fill).
    bool load(const Polygon& polygon) {
        v_.clear();
        uint32_t first = 0;
        for (size_t r = 0; r < polygon.rings.size(); ++r) {
            const Ring& ring = polygon.rings[r];
            const bool ok = add_ring(ring, first, r == 0);
            first += static_cast<uint32_t>(ring.size());
            if (!ok && r == 0) return false;
        }
        return !v_.empty() && finite_;
    }

    bool add_ring(const Ring& ring, uint32_t first, bool outer) {
        const size_t begin = v_.size();
        for (size_t i = 0; i < ring.size(); ++i) {
            const Vec2 p = ring[i];
            if (!std::isfinite(p.x) || !std::isfinite(p.y)) finite_ = false;
            if (v_.size() > begin && v_.back().x == p.x && v_.back().y == p.y) continue;
            v_.push_back({p.x, p.y, first + static_cast<uint32_t>(i), 0, 0});
        }
        while (v_.size() > begin + 1 && v_.back().x == v_[begin].x && v_.back().y == v_[begin].y) {
            v_.pop_back();
        }
        const size_t n = v_.size() - begin;
        if (n < 3) {
            v_.resize(begin);
            return false;
        }
        double area = 0.0;
        for (size_t k = 0; k < n; ++k) {
            const Vertex& a = v_[begin + k];
            const Vertex& b = v_[begin + (k + 1) % n];
            area += a.x * b.y - b.x * a.y;
        }
        const bool forward = outer ? area >= 0 : area <= 0;
        for (size_t k = 0; k < n; ++k) {
            const uint32_t id = static_cast<uint32_t>(begin + k);
            const uint32_t after = static_cast<uint32_t>(begin + (k + 1) % n);
            const uint32_t before = static_cast<uint32_t>(begin + (k + n - 1) % n);
            v_[id].next = forward ? after : before;
            v_[id].prev = forward ? before : after;
        }
        return true;
    }

    // Sweep order: higher y first, then lower x, then vertex number (a total order, so
    // repeated points elsewhere in the rings are ordered too).
    void rank_vertices() {
        order_.resize(v_.size());
        for (uint32_t i = 0; i < order_.size(); ++i) order_[i] = i;
        std::sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) {
            const Vertex &p = v_[a], &q = v_[b];
            if (p.y != q.y) return p.y > q.y;
            if (p.x != q.x) return p.x < q.x;
            return a < b;
        });
        rank_.resize(v_.size());
        for (uint32_t r = 0; r < order_.size(); ++r) rank_[order_[r]] = r;
    }

    void classify() {
        kind_.resize(v_.size());
        for (uint32_t i = 0; i < v_.size(); ++i) {
            const uint32_t p = v_[i].prev, n = v_[i].next;
            const bool convex = cross(p, i, n) > 0;
            if (above(i, p) && above(i, n)) {
                kind_[i] = convex ? Kind::Start : Kind::Split;
            } else if (above(p, i) && above(n, i)) {
                kind_[i] = convex ? Kind::End : Kind::Merge;
            } else {
                kind_[i] = Kind::Regular;
            }
        }
    }

    // The status: edges e -> next(e) that go down, left to right. An edge is named by its
    // upper vertex, so no two share a name. Two edges compare by the side of the one
    // starting higher on which the other's upper end (or, if that lies on its line, its
    // lower end) lies, which needs no sweep position and no division.
    struct At {
        uint32_t vertex;
    };
    struct EdgeLess {
        using is_transparent = void;
        const SweepTriangulator* t;
        // Edge e lies to the left of point v.
        bool left_of(uint32_t e, uint32_t v) const { return t->cross(e, t->v_[e].next, v) > 0; }
        bool operator()(uint32_t e1, uint32_t e2) const {
            if (e1 == e2) return false;
            const bool later = t->above(e2, e1);  // e1 starts lower: test e1 against e2
            const uint32_t a = later ? e1 : e2, b = later ? e2 : e1;
            double o = t->cross(b, t->v_[b].next, a);
            if (o == 0) o = t->cross(b, t->v_[b].next, t->v_[a].next);
            const bool a_left = o != 0 ? o < 0 : a < b;  // a point to the east gives o > 0
            return later ? a_left : !a_left;
        }
        bool operator()(uint32_t e, At p) const { return left_of(e, p.vertex); }
        bool operator()(At p, uint32_t e) const { return t->cross(e, t->v_[e].next, p.vertex) < 0; }
    };
    using Status = std::set<uint32_t, EdgeLess>;

    // Step 2.
    void sweep() {
        Status status(EdgeLess{this});
        status_ = &status;
        where_.assign(v_.size(), status.end());
        helper_.assign(v_.size(), kNone);
        diagonals_.clear();
        for (uint32_t v : order_) handle(v);
        status_ = nullptr;
    }

    void handle(uint32_t v) {
        const uint32_t p = v_[v].prev;
        switch (kind_[v]) {
            case Kind::Start:
                open_edge(v);
                break;
            case Kind::End:
                close_edge(p, v);
                break;
            case Kind::Split:
                if (const uint32_t e = edge_left_of(v); e != kNone) {
                    add_diagonal(v, helper_[e]);
                    helper_[e] = v;
                }
                open_edge(v);
                break;
            case Kind::Merge:
                close_edge(p, v);
                connect_left(v);
                break;
            case Kind::Regular:
                if (above(p, v)) {  // the boundary goes down here: interior to the east
                    close_edge(p, v);
                    open_edge(v);
                } else {
                    connect_left(v);
                }
                break;
        }
    }

    void open_edge(uint32_t e) {
        auto [it, inserted] = status_->insert(e);
        if (inserted) where_[e] = it;
        helper_[e] = e;
    }
    // The edge e ends at v: a merge vertex helping it gets its diagonal down to v.
    void close_edge(uint32_t e, uint32_t v) {
        if (where_[e] == status_->end()) return;  // never opened (crossing input)
        if (helper_[e] != kNone && kind_[helper_[e]] == Kind::Merge) add_diagonal(v, helper_[e]);
        status_->erase(where_[e]);
        where_[e] = status_->end();
    }
    void connect_left(uint32_t v) {
        const uint32_t e = edge_left_of(v);
        if (e == kNone) return;
        if (helper_[e] != kNone && kind_[helper_[e]] == Kind::Merge) add_diagonal(v, helper_[e]);
        helper_[e] = v;
    }
    uint32_t edge_left_of(uint32_t v) const {
        auto it = status_->lower_bound(At{v});  // first edge not to the left of v
        if (it == status_->begin()) return kNone;
        return *std::prev(it);
    }
    void add_diagonal(uint32_t a, uint32_t b) {
        if (a != b && b != kNone) diagonals_.push_back({a, b});
    }

    // Step 3. Half-edges leaving each vertex (its ring edge and its diagonals), sorted by
    // angle; from u -> v the face goes on along the first edge clockwise from v -> u.
    void build_half_edges() {
        const size_t n = v_.size();
        first_.assign(n + 1, 0);
        for (uint32_t i = 0; i < n; ++i) ++first_[i + 1];
        for (const auto& d : diagonals_) {
            ++first_[d.first + 1];
            ++first_[d.second + 1];
        }
        for (size_t i = 0; i < n; ++i) first_[i + 1] += first_[i];
        half_.resize(first_[n]);
        std::vector<uint32_t> fill(first_.begin(), first_.end() - 1);
        auto add = [&](uint32_t from, uint32_t to) { half_[fill[from]++] = {angle(from, to), to}; };
        for (uint32_t i = 0; i < n; ++i) add(i, v_[i].next);
        for (const auto& d : diagonals_) {
            add(d.first, d.second);
            add(d.second, d.first);
        }
        for (size_t i = 0; i < n; ++i) {
            std::sort(half_.begin() + first_[i], half_.begin() + first_[i + 1],
                      [](const Half& a, const Half& b) { return a.angle < b.angle; });
        }
    }
    double angle(uint32_t from, uint32_t to) const {
        return std::atan2(v_[to].y - v_[from].y, v_[to].x - v_[from].x);
    }
    // The half-edge that follows u -> v in its face.
    uint32_t next_half(uint32_t u, uint32_t v) const {
        const double back = angle(v, u);
        const auto begin = half_.begin() + first_[v], end = half_.begin() + first_[v + 1];
        auto it = std::lower_bound(begin, end, back,
                                   [](const Half& h, double a) { return h.angle < a; });
        if (it == begin) it = end;
        return static_cast<uint32_t>(std::prev(it) - half_.begin());
    }

    void walk_faces() {
        build_half_edges();
        std::vector<bool> used(half_.size(), false);
        std::vector<uint32_t> face;
        for (uint32_t from = 0; from < v_.size(); ++from) {
            for (uint32_t h = first_[from]; h < first_[from + 1]; ++h) {
                if (used[h]) continue;
                face.clear();
                uint32_t u = from, e = h;
                while (!used[e]) {  // each half-edge once: ends on any input
                    used[e] = true;
                    face.push_back(u);
                    const uint32_t v = half_[e].to;
                    e = next_half(u, v);
                    u = v;
                }
                if (e == h) triangulate_face(face);  // closed: a proper face
            }
        }
    }

    // Step 4. The face's vertices in counter-clockwise order; from the top one, the
    // left chain runs down to the bottom one and the right chain back up.
    void triangulate_face(const std::vector<uint32_t>& face) {
        const size_t m = face.size();
        if (m < 3) return;
        size_t top = 0, bottom = 0;
        for (size_t k = 1; k < m; ++k) {
            if (above(face[k], face[top])) top = k;
            if (above(face[bottom], face[k])) bottom = k;
        }
        merge_chains(face, top, bottom);
        stack_.clear();
        stack_.push_back(seq_[0]);
        stack_.push_back(seq_[1]);
        for (size_t j = 2; j + 1 < seq_.size(); ++j) {
            if (seq_[j].left != stack_.back().left) {
                fan_from(seq_[j]);
                stack_.push_back(seq_[j - 1]);
            } else {
                cut_same_side(seq_[j]);
            }
            stack_.push_back(seq_[j]);
        }
        fan_from(seq_.back());
    }

    struct Item {
        uint32_t vertex;
        bool left;  // on the left chain
    };
    // The face's vertices from top to bottom: the two chains merged by sweep order.
    void merge_chains(const std::vector<uint32_t>& face, size_t top, size_t bottom) {
        const size_t m = face.size();
        size_t l = (top + 1) % m;           // walks the left chain down
        size_t r = (top + m - 1) % m;       // walks the right chain down
        seq_.clear();
        seq_.push_back({face[top], true});
        while (seq_.size() + 1 < m) {
            const bool take_left = r == bottom || (l != bottom && above(face[l], face[r]));
            if (take_left) {
                seq_.push_back({face[l], true});
                l = (l + 1) % m;
            } else {
                seq_.push_back({face[r], false});
                r = (r + m - 1) % m;
            }
        }
        seq_.push_back({face[bottom], false});
    }

    // Triangles from u to each pair of consecutive stack entries; empties the stack.
    void fan_from(const Item& u) {
        for (size_t k = stack_.size(); k-- > 1;) emit(u.vertex, stack_[k].vertex, stack_[k - 1].vertex);
        stack_.clear();
    }

    // u is on the same chain as the stack's top: cut triangles while the diagonal from u
    // stays inside (the chain turns the right way).
    void cut_same_side(const Item& u) {
        Item last = stack_.back();
        stack_.pop_back();
        while (!stack_.empty()) {
            const Item q = stack_.back();
            const double turn = cross(q.vertex, last.vertex, u.vertex);
            if (!(u.left ? turn > 0 : turn < 0)) break;
            emit(q.vertex, last.vertex, u.vertex);
            last = q;
            stack_.pop_back();
        }
        stack_.push_back(last);
    }

    void emit(uint32_t a, uint32_t b, uint32_t c) {
        if (cross(a, b, c) < 0) std::swap(b, c);
        out_->push_back(v_[a].index);
        out_->push_back(v_[b].index);
        out_->push_back(v_[c].index);
    }

    struct Half {
        double angle;
        uint32_t to;
    };

    std::vector<Vertex> v_;
    bool finite_ = true;
    std::vector<uint32_t> order_;  // vertices in sweep order
    std::vector<uint32_t> rank_;   // position of each vertex in order_
    std::vector<Kind> kind_;
    Status* status_ = nullptr;
    std::vector<Status::iterator> where_;  // per edge: its place in the status, or end()
    std::vector<uint32_t> helper_;
    std::vector<std::pair<uint32_t, uint32_t>> diagonals_;
    std::vector<uint32_t> first_;  // half-edges leaving vertex v: half_[first_[v], first_[v+1])
    std::vector<Half> half_;
    std::vector<Item> seq_;
    std::vector<Item> stack_;
    std::vector<uint32_t>* out_ = nullptr;
};

}  // namespace

bool sweep_triangulate(const Polygon& polygon, std::vector<uint32_t>& out) {
    SweepTriangulator t;
    return t.run(polygon, out);
}

}  // namespace deportmap::geo
