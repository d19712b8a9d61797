// The GPU map renderer (see map_renderer.hpp). Fills are indexed triangles with a
// per-vertex country index looked up in a small RGBA colour-table texture. For exports,
// borders are instanced segments expanded to screen-space quads in the vertex shader;
// their coverage is accumulated with GL_MAX into a single-channel texture and painted
// once, so joins and borders shared by two countries are not darkened by double
// blending. The window draws the meshes' pyramid levels instead (docs/map-drawing.md):
// simplified fills per zoom range, and borders deduplicated and simplified, as one
// triangle strip per run blended straight in.
#include "render/map_renderer.hpp"

#include "core/patterns.hpp"
#include "render/color_table.hpp"
#include "render/coverage_buffer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "core/geo/border_pyramid.hpp"
#include "render/gl/objects.hpp"

namespace deportmap::render {
namespace {


struct Level {
    bool ready = false;
    gl::VertexArray fill_vao;
    gl::Buffer fill_positions;
    gl::Buffer fill_countries;
    gl::Buffer fill_indices;
    GLsizei fill_index_count = 0;
    size_t fill_vertices = 0;
    gl::VertexArray border_vao;
    gl::Buffer border_segments;
    gl::Buffer border_countries;  // the country of each segment (uint16), for fringes
    GLsizei segment_count = 0;
    bool instanced = false;  // border_vao and its buffers were made (not for screen borders)
    // The same segments as a texture buffer for direct borders (0 when the driver's
    // texture buffer limit is smaller than the level).
    gl::Texture border_texture;
    // Runs of consecutive triangles / segments with their bounding boxes (projected
    // units), so direct draws can skip what lies outside the view.
    struct Chunk {
        geo::BBox box;
        GLsizei first = 0;
        GLsizei count = 0;
    };
    std::vector<Chunk> fill_chunks;     // in triangles
    // Runs of consecutive triangles of one country (for redrawing striped countries).
    struct CountryRun {
        uint16_t country = 0;
        GLint first = 0;  // triangles
        GLsizei count = 0;
    };
    std::vector<CountryRun> fill_runs;
    std::vector<Chunk> segment_chunks;  // in segments
    // The window's copies of the borders for direct drawing (each shared border once,
    // simplified per zoom range: MapMesh::border_pyramid), coarse to fine. Empty when
    // the mesh has none; then the full segments are drawn.
    struct BorderRunsLevel {
        double max_world_px = 0.0;
        gl::Buffer points;    // x, y per point (run flags in their lowest bits), runs in order
        gl::Texture texture;  // the same as a texture buffer (border_strip.vert)
        std::vector<GLint> run_starts;   // run k: points [k], [k+1])
        std::vector<Chunk> chunks;  // first/count in runs
    };
    std::vector<BorderRunsLevel> border_levels;
    // The window's simplified fills (MapMesh::fill_pyramid): the same vertex buffers
    // with their own triangles, coarse to fine; past the last, the full fills.
    struct FillPyramidLevel {
        double max_world_px = 0.0;
        gl::VertexArray vao;
        gl::Buffer indices;
        std::vector<Chunk> chunks;
        std::vector<CountryRun> runs;
    };
    std::vector<FillPyramidLevel> fill_levels;
    double world_width = 0.0;  // the mesh's width in projected units
};

constexpr size_t kChunkTriangles = 2048;
constexpr size_t kChunkSegments = 1024;

// Runs of `per` items out of `total`, each with the box that add(i, box) grows by
// item i's points.
template <typename Add>
std::vector<Level::Chunk> chunks_of(size_t total, size_t per, Add add) {
    std::vector<Level::Chunk> chunks;
    for (size_t k = 0; k < total; k += per) {
        Level::Chunk c;
        c.first = static_cast<GLsizei>(k);
        c.count = static_cast<GLsizei>(std::min(per, total - k));
        for (size_t i = k; i < k + static_cast<size_t>(c.count); ++i) add(i, c.box);
        chunks.push_back(c);
    }
    return chunks;
}

// Runs of kChunkSegments segments (x0, y0, x1, y1 each) with the box of their ends.
std::vector<Level::Chunk> segment_chunks(const std::vector<float>& segments) {
    return chunks_of(segments.size() / 4, kChunkSegments, [&](size_t i, geo::BBox& box) {
        box.add(geo::Vec2{segments[4 * i], segments[4 * i + 1]});
        box.add(geo::Vec2{segments[4 * i + 2], segments[4 * i + 3]});
    });
}

// Runs of kChunkTriangles triangles (indices into xy, x,y pairs) with their boxes.
std::vector<Level::Chunk> triangle_chunks(const std::vector<uint32_t>& indices,
                                          const std::vector<float>& xy) {
    return chunks_of(indices.size() / 3, kChunkTriangles, [&](size_t t, geo::BBox& box) {
        for (size_t k = 3 * t; k < 3 * t + 3; ++k) box.add(geo::Vec2{xy[2 * indices[k]], xy[2 * indices[k] + 1]});
    });
}

// Runs of consecutive triangles (indices into `country`, per vertex) of one country,
// by each triangle's first vertex.
std::vector<Level::CountryRun> country_runs(const std::vector<uint32_t>& indices,
                                            const std::vector<uint16_t>& country) {
    std::vector<Level::CountryRun> runs;
    for (size_t t = 0; t + 2 < indices.size(); t += 3) {
        const uint16_t c = country[indices[t]];
        if (runs.empty() || runs.back().country != c) {
            runs.push_back({c, static_cast<GLint>(t / 3), 0});
        }
        ++runs.back().count;
    }
    return runs;
}

// Calls draw(first, count) for each run of consecutive chunks whose box meets `view`.
template <typename Draw>
void draw_visible(const std::vector<Level::Chunk>& chunks, const geo::BBox& view, Draw draw) {
    GLsizei first = 0, count = 0;
    for (const Level::Chunk& c : chunks) {
        const bool visible = !(c.box.max_x < view.min_x || c.box.min_x > view.max_x ||
                               c.box.max_y < view.min_y || c.box.min_y > view.max_y);
        if (!visible) continue;
        if (count > 0 && first + count == c.first) {
            count += c.count;
        } else {
            if (count > 0) draw(first, count);
            first = c.first;
            count = c.count;
        }
    }
    if (count > 0) draw(first, count);
}

// Fills `segments` (x0, y0, x1, y1 per segment) and `countries` (one uint16 each) and
// binds them to `vao` as per-instance attributes 0 and 1. Leaves `vao` bound.
void bind_segment_attributes(const gl::VertexArray& vao, const gl::Buffer& segments,
                             const std::vector<float>& xy, const gl::Buffer& countries,
                             const std::vector<uint16_t>& index) {
    glBindVertexArray(vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, segments.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(xy.size() * sizeof(float)), xy.data(),
                 GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 0, nullptr);
    glVertexAttribDivisor(0, 1);
    glBindBuffer(GL_ARRAY_BUFFER, countries.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(index.size() * sizeof(uint16_t)),
                 index.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(1);
    glVertexAttribIPointer(1, 1, GL_UNSIGNED_SHORT, 0, nullptr);
    glVertexAttribDivisor(1, 1);
}

// Draws the segment quads (one instance each) of the runs of `level`'s segments that
// meet `view`. GL 3.3 has no base instance, so each run points the per-instance
// attributes at its first segment; the pointers are put back at the start afterwards.
void draw_segment_instances(const Level& level, const geo::BBox& view) {
    glBindVertexArray(level.border_vao.id());
    const auto point_at = [&](size_t first) {
        glBindBuffer(GL_ARRAY_BUFFER, level.border_segments.id());
        glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 0,
                              reinterpret_cast<const void*>(first * 4 * sizeof(float)));
        glBindBuffer(GL_ARRAY_BUFFER, level.border_countries.id());
        glVertexAttribIPointer(1, 1, GL_UNSIGNED_SHORT, 0,
                               reinterpret_cast<const void*>(first * sizeof(uint16_t)));
    };
    draw_visible(level.segment_chunks, view, [&](GLsizei first, GLsizei count) {
        point_at(static_cast<size_t>(first));
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, count);
    });
    point_at(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

// The first of `copies` (ordered by max_world_px) drawn at a world width of `world_px`
// pixels, or null when the view is past them all.
template <typename Copy>
const Copy* pyramid_level_for(const std::vector<Copy>& copies, double world_px) {
    for (const Copy& c : copies) {
        if (world_px <= c.max_world_px) return &c;
    }
    return nullptr;
}

void set_color_uniform(GLint location, Color c) {
    glUniform4f(location, c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, c.a / 255.0f);
}

}  // namespace

struct MapRenderer::Impl {
    gl::Program fill;       // fill.vert + fill.frag: stripes for approximate dates
    gl::Program fill_flat;  // fill.vert + fill_flat.frag: no stripes (cheaper per pixel)
    gl::Program border;
    gl::Program direct;  // border_direct.vert + overlay_line.frag: colour blended directly
    gl::Program strip;   // border_strip.vert + .frag: the pyramid levels' runs as strips
    gl::Program fringe;  // edge anti-aliasing without MSAA (fringe.vert/.frag)
    struct {
        GLint scale, offset, viewport, colors, color_count, no_data, solid, solid_color;
    } fringe_u{};
    struct {
        GLint segments, scale, offset, viewport, extent, half_width, color;
    } direct_u{}, strip_u{};  // strip_u.segments is its u_points
    std::vector<GLint> strip_firsts;  // scratch for the strips' multi-draw
    std::vector<GLsizei> strip_counts;
    struct FillUniforms {
        GLint clip_scale, clip_offset, colors, color_count, no_data, solid, solid_color, hatch_px,
            hatch_color, hatch_origin;
    };
    FillUniforms fill_u{};
    FillUniforms flat_u{};  // fill_flat's (its stripe uniforms are -1, ignored)
    struct {
        GLint scale, offset, viewport, extent, half_width, alpha_scale;
    } border_u{};

    std::array<Level, geo::kLodCount> levels;

    gl::VertexArray outline_vao;
    gl::Buffer outline_buffer;
    GLsizei outline_count = 0;
    bool outline_convex = false;
    geo::Ring outline_ring;  // a copy when convex, to tell when it covers the whole view
    double outline_orientation = 1.0;  // +1 counter-clockwise (y up), -1 clockwise
    // The outline as segments with the globe on their left, for its fringe.
    gl::VertexArray outline_segment_vao;
    gl::Buffer outline_segments;
    gl::Buffer outline_segment_countries;
    GLsizei outline_segment_count = 0;
    // The background around a convex outline (outside_triangles), for the window.
    gl::VertexArray outside_vao;
    gl::Buffer outside_buffer;
    GLsizei outside_count = 0;
    struct SlabRange {
        double max_world_px = 0.0;  // used while the outline's box spans at most this
        GLint first = 0;            // vertices in outside_buffer
        GLsizei count = 0;
    };
    std::vector<SlabRange> outside_slab_ranges;  // after the bands' 24 vertices
    double outside_world_width = 0.0;

    gl::Texture color_table;
    int color_count = 0;
    bool colors_opaque = true;  // every table entry has alpha >= 254 (no blending needed)
    std::vector<bool> striped;  // per country: alpha 254, an approximate date (stripes)
    bool any_striped = false;

    gl::VertexArray empty_vao;  // core profile needs a bound VAO even without attributes
    GLint max_texture_buffer = 65536;
    CoverageBuffer coverage;  // border coverage (GL_MAX), composited once

    void upload_outline(const geo::Ring& outline);
    void upload_level(const geo::MapMesh& mesh, Level& level);
    void upload_fills(const geo::MapMesh& mesh, Level& level);
    void upload_segment_instances(const geo::MapMesh& mesh, Level& level);
    void upload_border_runs(const geo::MapMesh& mesh, Level& level);

    // One draw's decisions, made once at its start (see MapRenderer::draw).
    struct DrawState {
        GLint target = 0;  // the framebuffer drawn into
        GLint saved_viewport[4] = {0, 0, 0, 0};
        bool ocean_by_clear = false;
        bool ocean_inverted = false;
        bool stencil_ready = false;
        bool opaque_fills = false;
        geo::BBox view_box;  // the view in projected units, grown for border widths
    };
    DrawState begin_draw(const DrawParams& params) const;
    void clear_and_draw_ocean(const DrawParams& params, const DrawState& state);
    void set_fill_uniforms(const DrawParams& params);
    void draw_fills(const DrawParams& params, const DrawState& state, const Level& level);
    void draw_borders(const DrawParams& params, const DrawState& state, const Level& level);
    void draw_border_runs(const DrawParams& params, const DrawState& state, const Level& level);
    // Compiles the window's direct-border program on first use (exports never need it).
    void ensure_direct();
    void set_fringe_uniforms(const ViewTransform& v, double w, double h, const MapStyle& style) const;
    // True when the (convex) globe outline contains the whole w x h view: the ocean is
    // then a clear rather than a full-screen draw (zoomed in, the common case).
    bool outline_covers(const ViewTransform& v, double w, double h) const;
};

MapRenderer::MapRenderer() : impl_(std::make_unique<Impl>()) {
    Impl& r = *impl_;
    r.fill = gl::load_program("fill.vert", "fill.frag");
    r.fill_flat = gl::load_program("fill.vert", "fill_flat.frag");
    r.border = gl::load_program("border.vert", "border.frag");
    const auto fill_uniforms = [](const gl::Program& p) {
        return Impl::FillUniforms{p.uniform("u_clip_scale"), p.uniform("u_clip_offset"),
                                  p.uniform("u_colors"),     p.uniform("u_color_count"),
                                  p.uniform("u_no_data"),    p.uniform("u_solid"),
                                  p.uniform("u_solid_color"), p.uniform("u_hatch_px"),
                                  p.uniform("u_hatch_color"), p.uniform("u_hatch_origin")};
    };
    r.fill_u = fill_uniforms(r.fill);
    r.flat_u = fill_uniforms(r.fill_flat);
    r.border_u = {r.border.uniform("u_scale"),      r.border.uniform("u_offset"),
                  r.border.uniform("u_viewport"),   r.border.uniform("u_extent"),
                  r.border.uniform("u_half_width"), r.border.uniform("u_alpha_scale")};
    glGetIntegerv(GL_MAX_TEXTURE_BUFFER_SIZE, &r.max_texture_buffer);

    r.fringe = gl::load_program("fringe.vert", "fringe.frag");
    r.fringe_u = {r.fringe.uniform("u_scale"),       r.fringe.uniform("u_offset"),
                  r.fringe.uniform("u_viewport"),    r.fringe.uniform("u_colors"),
                  r.fringe.uniform("u_color_count"), r.fringe.uniform("u_no_data"),
                  r.fringe.uniform("u_solid"),       r.fringe.uniform("u_solid_color")};

    r.empty_vao = gl::VertexArray::create();
    r.color_table = create_color_table();
    GL_CHECK((void)0);
}

MapRenderer::~MapRenderer() = default;

// Triangles (as vertex positions) covering the globe's outline. Projected outlines
// are convex (ellipse-like, rounded or plain rectangles): split them by recursive
// halving, so a few big triangles cover the middle and the many small ones hug the
// edge. A software rasteriser bins a long thin fan triangle into every tile it
// crosses; these triangles are compact (docs/map-drawing.md has the figures).
// A non-convex outline falls back to a fan from its box's centre.
static bool is_convex(const geo::Ring& outline) {
    const size_t n = outline.size();
    int sign = 0;
    for (size_t i = 0; i < n; ++i) {
        const geo::Vec2& a = outline[i];
        const geo::Vec2& b = outline[(i + 1) % n];
        const geo::Vec2& c = outline[(i + 2) % n];
        const double cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
        const int s = cross > 0 ? 1 : (cross < 0 ? -1 : 0);
        if (s != 0 && sign != 0 && s != sign) return false;
        if (s != 0) sign = s;
    }
    return true;
}

static std::vector<float> outline_triangles(const geo::Ring& outline, bool convex) {
    std::vector<float> xy;
    const size_t n = outline.size();
    const auto push = [&](const geo::Vec2& p) {
        xy.push_back(static_cast<float>(p.x));
        xy.push_back(static_cast<float>(p.y));
    };
    xy.reserve((n - 2) * 6);
    if (convex) {
        // Chains [a, b] of the ring with the chord a-b already covered on one side.
        std::vector<std::pair<size_t, size_t>> chains{{0, n - 1}};
        while (!chains.empty()) {
            const auto [a, b] = chains.back();
            chains.pop_back();
            if (b - a < 2) continue;
            const size_t m = a + (b - a) / 2;
            push(outline[a]);
            push(outline[m]);
            push(outline[b]);
            chains.push_back({a, m});
            chains.push_back({m, b});
        }
    } else {
        geo::BBox box;
        for (const geo::Vec2& p : outline) box.add(p);
        for (size_t i = 0; i < n; ++i) {
            push(box.center());
            push(outline[i]);
            push(outline[(i + 1) % n]);
        }
    }
    return xy;
}

// Triangles covering everything outside a convex outline (out to `reach` projected
// units past its box), for a view that clears to the ocean colour and paints only the
// background around the globe: at a world view that is a third of the pixels the ocean
// polygon would shade. Four bands around the outline's box (outside_bands), then,
// inside the box, a horizontal slab from each outline edge to the side of the box it
// faces (outside_slabs). Slabs are thin, and a software rasteriser pays per triangle, so
// they are made from the outline simplified for the zoom (chords of a convex outline
// fall inside it: the background covers at most a quarter pixel of ocean).
static void outside_bands(const geo::BBox& box, double reach, std::vector<float>& xy) {
    const auto push = [&](double x, double y) {
        xy.push_back(static_cast<float>(x));
        xy.push_back(static_cast<float>(y));
    };
    const auto quad = [&](double x0, double y0, double x1, double y1) {
        push(x0, y0), push(x1, y0), push(x1, y1);
        push(x0, y0), push(x1, y1), push(x0, y1);
    };
    quad(box.min_x - reach, box.max_y, box.max_x + reach, box.max_y + reach);
    quad(box.min_x - reach, box.min_y - reach, box.max_x + reach, box.min_y);
    quad(box.min_x - reach, box.min_y, box.min_x, box.max_y);
    quad(box.max_x, box.min_y, box.max_x + reach, box.max_y);
}

static void outside_slabs(const geo::Ring& outline, const geo::BBox& box, bool ccw,
                          std::vector<float>& xy) {
    const auto push = [&](double x, double y) {
        xy.push_back(static_cast<float>(x));
        xy.push_back(static_cast<float>(y));
    };
    const size_t n = outline.size();
    for (size_t i = 0; i < n; ++i) {
        const geo::Vec2& a = outline[i];
        const geo::Vec2& b = outline[(i + 1) % n];
        if (a.y == b.y) continue;
        // Counter-clockwise, an edge going down has the inside on its right: the
        // outside is to the left.
        const double x = ((b.y < a.y) == ccw) ? box.min_x : box.max_x;
        if (a.x == x && b.x == x) continue;
        push(a.x, a.y), push(b.x, b.y), push(x, b.y);
        push(a.x, a.y), push(x, b.y), push(x, a.y);
    }
}

// The outline with the vertices Douglas-Peucker keeps at `tolerance`.
static geo::Ring simplified_outline(const geo::Ring& outline, double tolerance) {
    std::vector<double> xy;
    xy.reserve(2 * outline.size() + 2);
    for (const geo::Vec2& p : outline) xy.insert(xy.end(), {p.x, p.y});
    xy.insert(xy.end(), {outline.front().x, outline.front().y});  // closed
    geo::Ring kept;
    for (uint32_t i : geo::simplify_run(xy.data(), outline.size() + 1, tolerance)) {
        if (i < outline.size()) kept.push_back(outline[i]);
    }
    return kept.size() >= 3 ? kept : outline;
}

void MapRenderer::Impl::upload_outline(const geo::Ring& outline) {
    outline_count = 0;
    outline_ring.clear();
    if (outline.size() < 3) return;
    outline_convex = is_convex(outline);
    if (outline_convex) outline_ring = outline;
    const std::vector<float> xy = outline_triangles(outline, outline_convex);
    if (!outline_vao) outline_vao = gl::VertexArray::create();
    if (!outline_buffer) outline_buffer = gl::Buffer::create();
    glBindVertexArray(outline_vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, outline_buffer.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(xy.size() * sizeof(float)), xy.data(),
                 GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    outline_count = static_cast<GLsizei>(xy.size() / 2);

    // Segments counter-clockwise (y up), so the globe is on their left like a country's
    // interior; the fringe shader ignores the country index (solid ocean colour).
    const bool ccw = geo::signed_area(outline) >= 0.0;
    outline_orientation = ccw ? 1.0 : -1.0;
    std::vector<float> segments;
    segments.reserve(outline.size() * 4);
    for (size_t i = 0; i < outline.size(); ++i) {
        geo::Vec2 a = outline[i], b = outline[(i + 1) % outline.size()];
        if (!ccw) std::swap(a, b);
        segments.insert(segments.end(), {static_cast<float>(a.x), static_cast<float>(a.y),
                                         static_cast<float>(b.x), static_cast<float>(b.y)});
    }
    const std::vector<uint16_t> countries(outline.size(), 0);
    outline_segment_vao = gl::VertexArray::create();
    outline_segments = gl::Buffer::create();
    outline_segment_countries = gl::Buffer::create();
    bind_segment_attributes(outline_segment_vao, outline_segments, segments,
                            outline_segment_countries, countries);
    outline_segment_count = static_cast<GLsizei>(outline.size());

    outside_slab_ranges.clear();
    outside_count = 0;
    if (outline_convex) {
        geo::BBox box;
        for (const geo::Vec2& p : outline) box.add(p);
        std::vector<float> outside;
        outside_bands(box, 64.0 * std::max(box.width(), box.height()), outside);
        // Slabs from a quarter-pixel simplification at world widths 1024, 2048, ...
        // pixels, then from the whole outline.
        const double width = box.width();
        for (double world_px = 1024.0; world_px <= 65536.0; world_px *= 2.0) {
            const auto first = static_cast<GLint>(outside.size() / 2);
            outside_slabs(simplified_outline(outline, width / world_px * 0.25), box, ccw, outside);
            outside_slab_ranges.push_back(
                {world_px, first, static_cast<GLsizei>(outside.size() / 2) - first});
        }
        const auto first = static_cast<GLint>(outside.size() / 2);
        outside_slabs(outline, box, ccw, outside);
        outside_slab_ranges.push_back({std::numeric_limits<double>::infinity(), first,
                                       static_cast<GLsizei>(outside.size() / 2) - first});
        outside_world_width = width;
        if (!outside_vao) outside_vao = gl::VertexArray::create();
        if (!outside_buffer) outside_buffer = gl::Buffer::create();
        glBindVertexArray(outside_vao.id());
        glBindBuffer(GL_ARRAY_BUFFER, outside_buffer.id());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(outside.size() * sizeof(float)),
                     outside.data(), GL_STATIC_DRAW);
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
        outside_count = static_cast<GLsizei>(outside.size() / 2);
    }
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

void MapRenderer::Impl::upload_level(const geo::MapMesh& mesh, Level& level) {
    level = Level{};
    upload_fills(mesh, level);
    upload_segment_instances(mesh, level);
    upload_border_runs(mesh, level);
    if (!level.instanced && !mesh.border_pyramid.empty())
        level.segment_count = static_cast<GLsizei>(mesh.border_pyramid.back().segment_count());
    level.world_width = mesh.bounds.width();
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    level.ready = true;
    GL_CHECK((void)0);
}


// Fill: positions (x, y floats), country index (uint16), triangle indices, and the
// simplified copies as index lists over the same vertices.
void MapRenderer::Impl::upload_fills(const geo::MapMesh& mesh, Level& level) {
    level.fill_vao = gl::VertexArray::create();
    level.fill_positions = gl::Buffer::create();
    level.fill_countries = gl::Buffer::create();
    level.fill_indices = gl::Buffer::create();
    glBindVertexArray(level.fill_vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, level.fill_positions.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.fill_xy.size() * sizeof(float)),
                 mesh.fill_xy.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, level.fill_countries.id());
    glBufferData(GL_ARRAY_BUFFER,
                 static_cast<GLsizeiptr>(mesh.fill_country.size() * sizeof(uint16_t)),
                 mesh.fill_country.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(1);
    glVertexAttribIPointer(1, 1, GL_UNSIGNED_SHORT, 0, nullptr);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, level.fill_indices.id());
    // Indices past the vertex arrays would read out of bounds: keep only whole,
    // valid triangles.
    const size_t vertex_count = std::min(mesh.fill_xy.size() / 2, mesh.fill_country.size());
    std::vector<uint32_t> indices;
    const std::vector<uint32_t>* upload = &mesh.fill_indices;
    const size_t whole = mesh.fill_indices.size() / 3 * 3;
    const bool all_valid =
        whole == mesh.fill_indices.size() &&
        std::all_of(mesh.fill_indices.begin(), mesh.fill_indices.end(),
                    [&](uint32_t i) { return i < vertex_count; });
    if (!all_valid) {
        for (size_t t = 0; t < whole; t += 3) {
            const uint32_t a = mesh.fill_indices[t], b = mesh.fill_indices[t + 1],
                           c = mesh.fill_indices[t + 2];
            if (a < vertex_count && b < vertex_count && c < vertex_count) {
                indices.insert(indices.end(), {a, b, c});
            }
        }
        upload = &indices;
    }
    glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                 static_cast<GLsizeiptr>(upload->size() * sizeof(uint32_t)), upload->data(),
                 GL_STATIC_DRAW);
    level.fill_index_count = static_cast<GLsizei>(upload->size());
    level.fill_chunks = triangle_chunks(*upload, mesh.fill_xy);
    level.fill_runs = country_runs(*upload, mesh.fill_country);
    for (const geo::FillPyramidLevel& copy : mesh.fill_pyramid) {
        const bool valid = copy.indices.size() % 3 == 0 &&
            std::all_of(copy.indices.begin(), copy.indices.end(),
                        [&](uint32_t i) { return i < vertex_count; });
        if (!valid || copy.indices.empty()) continue;
        Level::FillPyramidLevel& f = level.fill_levels.emplace_back();
        f.max_world_px = copy.max_world_px;
        f.vao = gl::VertexArray::create();
        f.indices = gl::Buffer::create();
        glBindVertexArray(f.vao.id());
        glBindBuffer(GL_ARRAY_BUFFER, level.fill_positions.id());
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
        glBindBuffer(GL_ARRAY_BUFFER, level.fill_countries.id());
        glEnableVertexAttribArray(1);
        glVertexAttribIPointer(1, 1, GL_UNSIGNED_SHORT, 0, nullptr);
        glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, f.indices.id());
        glBufferData(GL_ELEMENT_ARRAY_BUFFER,
                     static_cast<GLsizeiptr>(copy.indices.size() * sizeof(uint32_t)),
                     copy.indices.data(), GL_STATIC_DRAW);
        f.chunks = triangle_chunks(copy.indices, mesh.fill_xy);
        f.runs = country_runs(copy.indices, mesh.fill_country);
    }
    level.fill_vertices = vertex_count;
    glBindVertexArray(0);
}

void MapRenderer::Impl::upload_segment_instances(const geo::MapMesh& mesh, Level& level) {
    // Borders: one instance per segment (x0, y0, x1, y1), with its country, for the
    // coverage and fringe passes of exports. A mesh with screen borders (the window's)
    // is drawn from those alone, direct, and skips these buffers.
    if (mesh.border_pyramid.empty()) {
        std::vector<float> segments;
        std::vector<uint16_t> segment_countries;
        const size_t points = mesh.line_xy.size() / 2;
        segments.reserve(points * 4);
        segment_countries.reserve(points);
        for (size_t k = 0; k + 1 < mesh.line_starts.size(); ++k) {
            const size_t begin = mesh.line_starts[k];
            const size_t end = std::min<size_t>(mesh.line_starts[k + 1], points);
            for (size_t i = begin; i + 1 < end; ++i) {
                const float x0 = mesh.line_xy[2 * i], y0 = mesh.line_xy[2 * i + 1];
                const float x1 = mesh.line_xy[2 * i + 2], y1 = mesh.line_xy[2 * i + 3];
                if (x0 == x1 && y0 == y1) continue;
                segments.insert(segments.end(), {x0, y0, x1, y1});
                segment_countries.push_back(i < mesh.line_country.size() ? mesh.line_country[i]
                                                                         : 0xffff);
            }
        }
        level.border_vao = gl::VertexArray::create();
        level.border_segments = gl::Buffer::create();
        level.border_countries = gl::Buffer::create();
        bind_segment_attributes(level.border_vao, level.border_segments, segments,
                                level.border_countries, segment_countries);
        glBindVertexArray(0);
        const size_t segment_total = segments.size() / 4;
        if (segment_total > 0 && static_cast<GLint>(segment_total) <= max_texture_buffer) {
            level.border_texture = gl::Texture::create();
            glBindTexture(GL_TEXTURE_BUFFER, level.border_texture.id());
            glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA32F, level.border_segments.id());
            glBindTexture(GL_TEXTURE_BUFFER, 0);
        }
        level.segment_chunks = segment_chunks(segments);
        level.segment_count = static_cast<GLsizei>(segment_total);
        level.instanced = true;
    }
}

// The window's border copies: runs of points in a texture buffer, chunked by runs.
void MapRenderer::Impl::upload_border_runs(const geo::MapMesh& mesh, Level& level) {
    for (const geo::BorderPyramidLevel& copy : mesh.border_pyramid) {
        std::vector<float> points = copy.xy;
        Level::BorderRunsLevel d;
        d.run_starts.assign(copy.run_starts.begin(), copy.run_starts.end());
        const size_t runs = copy.run_count();
        const size_t total = points.size() / 2;
        if (total == 0 || static_cast<GLint>(total) > max_texture_buffer) continue;
        // Whether the run goes on before / after a point rides in the lowest mantissa
        // bit of its x / y (a metre or two at most): 8 bytes a point, not 16.
        const auto mark = [](float& f, bool on) {
            uint32_t u = 0;
            std::memcpy(&u, &f, sizeof u);
            u = on ? (u | 1u) : (u & ~1u);
            std::memcpy(&f, &u, sizeof u);
        };
        for (size_t r = 0; r < runs; ++r) {
            const size_t first = copy.run_starts[r], last = copy.run_starts[r + 1] - 1;
            for (size_t i = first; i <= last; ++i) {
                mark(points[2 * i], i > first);
                mark(points[2 * i + 1], i < last);
            }
        }
        d.max_world_px = copy.max_world_px;
        d.points = gl::Buffer::create();
        glBindBuffer(GL_TEXTURE_BUFFER, d.points.id());
        glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(points.size() * sizeof(float)),
                     points.data(), GL_STATIC_DRAW);
        glBindBuffer(GL_TEXTURE_BUFFER, 0);
        d.texture = gl::Texture::create();
        glBindTexture(GL_TEXTURE_BUFFER, d.texture.id());
        glTexBuffer(GL_TEXTURE_BUFFER, GL_RG32F, d.points.id());
        glBindTexture(GL_TEXTURE_BUFFER, 0);
        // Chunks of whole runs, about kChunkSegments points each.
        for (size_t r = 0; r < runs;) {
            Level::Chunk c;
            c.first = static_cast<GLsizei>(r);
            size_t n = 0;
            while (r < runs && (n == 0 || n + copy.run_starts[r + 1] - copy.run_starts[r] <= kChunkSegments)) {
                for (size_t i = copy.run_starts[r]; i < copy.run_starts[r + 1]; ++i)
                    c.box.add(geo::Vec2{copy.xy[2 * i], copy.xy[2 * i + 1]});
                n += copy.run_starts[r + 1] - copy.run_starts[r];
                ++r;
            }
            c.count = static_cast<GLsizei>(r) - c.first;
            d.chunks.push_back(c);
        }
        level.border_levels.push_back(std::move(d));
    }
}

void MapRenderer::Impl::ensure_direct() {
    if (direct) return;
    direct = gl::load_program("border_direct.vert", "overlay_line.frag");
    direct_u = {direct.uniform("u_segments"), direct.uniform("u_scale"),      direct.uniform("u_offset"),
                direct.uniform("u_viewport"), direct.uniform("u_extent"),
                direct.uniform("u_half_width"), direct.uniform("u_color")};
    strip = gl::load_program("border_strip.vert", "border_strip.frag");
    strip_u = {strip.uniform("u_points"),   strip.uniform("u_scale"),      strip.uniform("u_offset"),
               strip.uniform("u_viewport"), strip.uniform("u_extent"),
               strip.uniform("u_half_width"), strip.uniform("u_color")};
}

void MapRenderer::upload(const geo::ProjectedWorld& world) {
    impl_->upload_outline(world.outline);
    for (int i = 0; i < geo::kLodCount; ++i) {
        if (world.ready[static_cast<size_t>(i)]) {
            impl_->upload_level(world.meshes[static_cast<size_t>(i)],
                                impl_->levels[static_cast<size_t>(i)]);
        } else {
            impl_->levels[static_cast<size_t>(i)] = Level{};
        }
    }
}

void MapRenderer::upload_level(const geo::ProjectedWorld& world, geo::Lod lod) {
    const auto i = static_cast<size_t>(lod);
    impl_->upload_outline(world.outline);
    impl_->upload_level(world.meshes[i], impl_->levels[i]);
}

bool MapRenderer::has_level(geo::Lod lod) const {
    return impl_->levels[static_cast<size_t>(lod)].ready;
}

std::optional<geo::Lod> MapRenderer::level_for(geo::Lod lod) const {
    const int wanted = static_cast<int>(lod);
    for (int distance = 0; distance < geo::kLodCount; ++distance) {
        for (const int candidate : {wanted - distance, wanted + distance}) {
            if (candidate >= 0 && candidate < geo::kLodCount &&
                impl_->levels[static_cast<size_t>(candidate)].ready) {
                return static_cast<geo::Lod>(candidate);
            }
        }
    }
    return std::nullopt;
}

LevelStats MapRenderer::level_stats(geo::Lod lod) const {
    const Level& level = impl_->levels[static_cast<size_t>(lod)];
    if (!level.ready) return {};
    return {level.fill_vertices, static_cast<size_t>(level.fill_index_count) / 3,
            static_cast<size_t>(level.segment_count)};
}

void MapRenderer::set_country_colors(std::span<const Color> colors) {
    impl_->color_count = upload_color_table(impl_->color_table.id(), colors);
    impl_->colors_opaque = std::all_of(colors.begin(), colors.end(), [](const Color& c) { return c.a >= 254; });
    // Alpha 254 marks an approximate status (core/scene.hpp), as fill.vert reads it.
    impl_->striped.assign(colors.size(), false);
    // Striped or patterned (core/patterns.hpp): drawn again with the fill shader.
    for (size_t i = 0; i < colors.size(); ++i) {
        impl_->striped[i] = alpha_striped(colors[i].a) || alpha_pattern(colors[i].a) != 0;
    }
    impl_->any_striped = std::find(impl_->striped.begin(), impl_->striped.end(), true) != impl_->striped.end();
}

namespace {
// The view and width uniforms the border programs (coverage, direct, strips) share: the
// projected-to-pixel transform, the viewport, and how far the geometry reaches: half
// the width plus `reach_px` of anti-aliasing ramp, for a line `drawn_px` wide.
template <class Uniforms>
void set_segment_uniforms(const Uniforms& u, const ViewTransform& v, double w, double h,
                          float drawn_px, float reach_px = 1.0f) {
    glUniform2f(u.scale, static_cast<float>(v.scale_x), static_cast<float>(v.scale_y));
    glUniform2f(u.offset, static_cast<float>(v.offset_x), static_cast<float>(v.offset_y));
    glUniform2f(u.viewport, static_cast<float>(w), static_cast<float>(h));
    glUniform1f(u.extent, drawn_px * 0.5f + reach_px);
    glUniform1f(u.half_width, drawn_px * 0.5f);
}
}  // namespace

// The fringe program's uniforms: view, viewport and the colour table.
void MapRenderer::Impl::set_fringe_uniforms(const ViewTransform& v, double w, double h,
                                            const MapStyle& style) const {
    glUniform2f(fringe_u.scale, static_cast<float>(v.scale_x), static_cast<float>(v.scale_y));
    glUniform2f(fringe_u.offset, static_cast<float>(v.offset_x), static_cast<float>(v.offset_y));
    glUniform2f(fringe_u.viewport, static_cast<float>(w), static_cast<float>(h));
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, color_table.id());
    glUniform1i(fringe_u.colors, 0);
    glUniform1i(fringe_u.color_count, color_count);
    set_color_uniform(fringe_u.no_data, style.no_data);
}

bool MapRenderer::Impl::outline_covers(const ViewTransform& v, double w, double h) const {
    if (outline_ring.size() < 3) return false;
    const double orientation = outline_orientation;
    const size_t n = outline_ring.size();
    for (const geo::Vec2 corner : {v.to_map({0.0, 0.0}), v.to_map({w, 0.0}), v.to_map({0.0, h}),
                                   v.to_map({w, h})}) {
        for (size_t i = 0; i < n; ++i) {
            const geo::Vec2& a = outline_ring[i];
            const geo::Vec2& b = outline_ring[(i + 1) % n];
            const double cross = (b.x - a.x) * (corner.y - a.y) - (b.y - a.y) * (corner.x - a.x);
            if (cross * orientation <= 0.0) return false;
        }
    }
    return true;
}

// The framebuffer's state is saved, the fixed state set, and the draw's decisions made.
MapRenderer::Impl::DrawState MapRenderer::Impl::begin_draw(const DrawParams& params) const {
    DrawState state;
    const double w = params.width, h = params.height;
    const ViewTransform& v = params.view;
    const MapStyle& style = params.style;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &state.target);
    glGetIntegerv(GL_VIEWPORT, state.saved_viewport);
    glViewport(0, 0, params.width, params.height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    // Destination alpha accumulates towards 1, so an opaque target stays opaque.
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    state.ocean_by_clear = params.clear && style.ocean.a == 255 && outline_covers(v, w, h);
    // Without edge fringes (the window), an opaque ocean is a clear and the background
    // is painted around the outline: fewer pixels than the ocean polygon.
    state.ocean_inverted = params.clear && !state.ocean_by_clear && !params.edge_fringes &&
                           style.ocean.a == 255 && style.background.a == 255 && outside_count > 0;
    // The window's border strips use the stencil buffer where there is one; depth and
    // stencil are cleared with the colour, which a software rasteriser does as one fast
    // fill (stencil alone would be a masked write).
    if (params.clear && params.direct_borders) {
        // The size may only be asked of an attachment that exists.
        const GLenum attachment = state.target == 0 ? GL_STENCIL : GL_STENCIL_ATTACHMENT;
        GLint type = GL_NONE, bits = 0;
        glGetFramebufferAttachmentParameteriv(GL_DRAW_FRAMEBUFFER, attachment,
                                              GL_FRAMEBUFFER_ATTACHMENT_OBJECT_TYPE, &type);
        if (type != GL_NONE) {
            glGetFramebufferAttachmentParameteriv(GL_DRAW_FRAMEBUFFER, attachment,
                                                  GL_FRAMEBUFFER_ATTACHMENT_STENCIL_SIZE, &bits);
        }
        state.stencil_ready = bits > 0;
    }
    // Opaque fills need no blending: the same pixels, and a software rasteriser skips
    // reading the framebuffer (destination alpha becomes 1, as blending would make it).
    state.opaque_fills = colors_opaque && style.no_data.a == 255 && style.ocean.a == 255;
    const geo::Vec2 a = v.to_map({-4.0, -4.0});
    const geo::Vec2 b = v.to_map({w + 4.0, h + 4.0});
    state.view_box.add(a);
    state.view_box.add(b);
    return state;
}

void MapRenderer::Impl::clear_and_draw_ocean(const DrawParams& params, const DrawState& state) {
    const double w = params.width, h = params.height;
    const ViewTransform& v = params.view;
    const MapStyle& style = params.style;
    if (params.clear) {
        const Color bg = state.ocean_by_clear || state.ocean_inverted ? style.ocean : style.background;
        glClearColor(bg.r / 255.0f, bg.g / 255.0f, bg.b / 255.0f, bg.a / 255.0f);
        glClearDepth(1.0);
        glClearStencil(0);
        glClear(GL_COLOR_BUFFER_BIT |
                (state.stencil_ready ? GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT : 0));
    }

    set_fill_uniforms(params);
    // fill_flat (now in use) draws the ocean, the background and the countries; fill
    // only what may be striped.
    if (state.opaque_fills) glDisable(GL_BLEND);
    if (state.ocean_inverted) {
        glDisable(GL_BLEND);
        glUniform1i(flat_u.solid, 1);
        set_color_uniform(flat_u.solid_color, style.background);
        glBindVertexArray(outside_vao.id());
        glDrawArrays(GL_TRIANGLES, 0, 24);  // the bands
        if (const Impl::SlabRange* range =
                pyramid_level_for(outside_slab_ranges, outside_world_width * std::abs(v.scale_x))) {
            glDrawArrays(GL_TRIANGLES, range->first, range->count);
        }
        if (!state.opaque_fills) glEnable(GL_BLEND);
    } else if (outline_count > 0 && !state.ocean_by_clear) {
        glUniform1i(flat_u.solid, 1);
        set_color_uniform(flat_u.solid_color, style.ocean);
        glBindVertexArray(outline_vao.id());
        glDrawArrays(GL_TRIANGLES, 0, outline_count);
    }
    if (params.edge_fringes && outline_segment_count > 0 && !state.ocean_by_clear) {
        glEnable(GL_BLEND);
        fringe.use();
        set_fringe_uniforms(v, w, h, style);
        glUniform1i(fringe_u.solid, 1);
        set_color_uniform(fringe_u.solid_color, style.ocean);
        glBindVertexArray(outline_segment_vao.id());
        glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, outline_segment_count);
        fill_flat.use();
        if (state.opaque_fills) glDisable(GL_BLEND);
    }
}

// clip = projected * scale + offset, from pixel = (x sx + ox, -y sy + oy) with the
// origin at the top-left, computed in double and handed over as floats.
void MapRenderer::Impl::set_fill_uniforms(const DrawParams& params) {
    const double w = params.width, h = params.height;
    const ViewTransform& v = params.view;
    const MapStyle& style = params.style;
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, color_table.id());
    for (const auto& [program, u] : {std::pair{&fill, &fill_u}, std::pair{&fill_flat, &flat_u}}) {
        program->use();
        glUniform2f(u->clip_scale, static_cast<float>(2.0 * v.scale_x / w),
                    static_cast<float>(2.0 * v.scale_y / h));
        glUniform2f(u->clip_offset, static_cast<float>(2.0 * v.offset_x / w - 1.0),
                    static_cast<float>(1.0 - 2.0 * v.offset_y / h));
        glUniform1i(u->colors, 0);
        glUniform1i(u->color_count, color_count);
        set_color_uniform(u->no_data, style.no_data);
        glUniform1f(u->hatch_px, params.hatch_px);
        set_color_uniform(u->hatch_color, style.background);
        glUniform2f(u->hatch_origin, params.hatch_origin_x, params.hatch_origin_y);
    }
}

void MapRenderer::Impl::draw_fills(const DrawParams& params, const DrawState& state, const Level& level) {
    const double world_px = level.world_width * std::abs(params.view.scale_x);
    if (level.fill_index_count > 0) {
        // The window's simplified copy for this zoom, else the full fills.
        const Level::FillPyramidLevel* copy = pyramid_level_for(level.fill_levels, world_px);
        const bool stripes = params.hatch_px > 0.0f && any_striped;
        // Opaque fills are drawn flat, then the striped countries again with stripes
        // (the same triangles, unblended: the same pixels as one striped pass).
        // Translucent ones would blend twice, so they take one striped pass.
        const bool striped_pass_only = stripes && !state.opaque_fills;
        const Impl::FillUniforms& u = striped_pass_only ? fill_u : flat_u;
        (striped_pass_only ? fill : fill_flat).use();
        glUniform1i(u.solid, 0);
        glBindVertexArray(copy ? copy->vao.id() : level.fill_vao.id());
        const auto draw_triangles = [](GLsizei first, GLsizei count) {
            glDrawElements(GL_TRIANGLES, count * 3, GL_UNSIGNED_INT,
                           reinterpret_cast<const void*>(static_cast<size_t>(first) * 3 *
                                                         sizeof(uint32_t)));
        };
        draw_visible(copy ? copy->chunks : level.fill_chunks, state.view_box, draw_triangles);
        if (stripes && !striped_pass_only) {
            fill.use();
            glUniform1i(fill_u.solid, 0);
            for (const Level::CountryRun& run : copy ? copy->runs : level.fill_runs) {
                if (run.country < striped.size() && striped[run.country])
                    draw_triangles(run.first, run.count);
            }
        }
    }
}

// Fringes (exports), then the borders: the window's strips or segments direct, or the
// exports' coverage passes.
void MapRenderer::Impl::draw_borders(const DrawParams& params, const DrawState& state, const Level& level) {
    const double w = params.width, h = params.height;
    const ViewTransform& v = params.view;
    const MapStyle& style = params.style;
    glEnable(GL_BLEND);
    // Borders at least 2 px wide and opaque cover every pixel a fill edge can get
    // wrong (pixel centres within 0.71 px of the edge) with full coverage: the
    // country fringes would not show, so they are skipped (an 8K export's case).
    const bool borders_hide_edges = style.border_width_px >= 2.0f && style.border.a == 255;
    if (params.edge_fringes && level.instanced && level.segment_count > 0 &&
        !borders_hide_edges) {
        fringe.use();
        set_fringe_uniforms(v, w, h, style);
        glUniform1i(fringe_u.solid, 0);
        draw_segment_instances(level, state.view_box);
    }
    if (level.segment_count > 0 && style.border_width_px > 0.0f && style.border.a > 0 &&
        params.direct_borders && (!level.border_levels.empty() || level.border_texture)) {
        draw_border_runs(params, state, level);
    } else if (level.instanced && level.segment_count > 0 && style.border_width_px > 0.0f &&
               style.border.a > 0) {
        // Pass 1: coverage of every segment, combined with max().
        coverage.ensure(params.width, params.height);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, coverage.framebuffer());
        glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        glBlendEquation(GL_MAX);
        const float width_px = style.border_width_px;
        const float drawn = std::max(width_px, 1.0f);
        border.use();
        set_segment_uniforms(border_u, v, w, h, drawn);
        glUniform1f(border_u.alpha_scale, std::min(width_px, 1.0f));
        draw_segment_instances(level, state.view_box);

        // Pass 2: the border colour, weighted by coverage, over the map.
        coverage.composite(static_cast<GLuint>(state.target), style.border);
    }
}

void MapRenderer::Impl::draw_border_runs(const DrawParams& params, const DrawState& state, const Level& level) {
    const double w = params.width, h = params.height;
    const ViewTransform& v = params.view;
    const MapStyle& style = params.style;
    const double world_px = level.world_width * std::abs(v.scale_x);
    const float width_px = style.border_width_px;
    const float drawn = std::max(width_px, 1.0f);
    ensure_direct();
    Color c = style.border;
    c.a = static_cast<uint8_t>(std::lround(c.a * std::min(width_px, 1.0f)));
    // The window's copy for this zoom (strips of runs), else every segment.
    const Level::BorderRunsLevel* copy = pyramid_level_for(level.border_levels, world_px);
    const auto& u = copy ? strip_u : direct_u;
    (copy ? strip : direct).use();
    // Strips reach only as far as the coverage ramp does (half a pixel past the
    // line): less overlap where a sharp turn folds the strip onto itself.
    set_segment_uniforms(u, v, w, h, drawn, copy ? 0.5f : 1.0f);
    set_color_uniform(u.color, c);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_BUFFER,
                  copy ? copy->texture.id() : level.border_texture.id());
    glUniform1i(u.segments, 0);
    glBindVertexArray(empty_vao.id());
    if (copy) {
        // Two vertices a point, one strip a run, the runs of the visible chunks.
        std::vector<GLint>& firsts = strip_firsts;
        std::vector<GLsizei>& counts = strip_counts;
        firsts.clear();
        counts.clear();
        draw_visible(copy->chunks, state.view_box, [&](GLsizei first, GLsizei count) {
            for (auto k = static_cast<size_t>(first); k < static_cast<size_t>(first + count); ++k) {
                firsts.push_back(2 * copy->run_starts[k]);
                counts.push_back(2 * (copy->run_starts[k + 1] - copy->run_starts[k]));
            }
        });
        // Where a sharp turn folds a strip onto itself, its pixels would be blended
        // twice (dark specks on jagged coasts): with a stencil buffer, each pixel
        // takes the first fragment that covers it.
        if (state.stencil_ready) {
            glEnable(GL_STENCIL_TEST);
            glStencilFunc(GL_EQUAL, 0, 0xff);
            glStencilOp(GL_KEEP, GL_KEEP, GL_INCR);
        }
        if (!firsts.empty()) {
            glMultiDrawArrays(GL_TRIANGLE_STRIP, firsts.data(), counts.data(),
                              static_cast<GLsizei>(firsts.size()));
        }
        if (state.stencil_ready) glDisable(GL_STENCIL_TEST);
    } else {
        draw_visible(level.segment_chunks, state.view_box, [](GLsizei first, GLsizei count) {
            glDrawArrays(GL_TRIANGLES, first * 6, count * 6);
        });
    }
    glBindTexture(GL_TEXTURE_BUFFER, 0);
}

void MapRenderer::draw(const DrawParams& params) {
    Impl& r = *impl_;
    if (params.width <= 0 || params.height <= 0) return;
    const Impl::DrawState state = r.begin_draw(params);
    r.clear_and_draw_ocean(params, state);
    if (const std::optional<geo::Lod> lod = level_for(params.lod)) {
        const Level& level = r.levels[static_cast<size_t>(*lod)];
        r.draw_fills(params, state, level);
        r.draw_borders(params, state, level);
    }
    glEnable(GL_BLEND);
    glBindVertexArray(0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glUseProgram(0);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(state.target));
    glViewport(state.saved_viewport[0], state.saved_viewport[1], state.saved_viewport[2], state.saved_viewport[3]);
    GL_CHECK((void)0);
}

}  // namespace deportmap::render
