// The GPU orthographic globe (see globe_renderer.hpp). Fills are the flat renderer's
// indexed triangles, placed on the sphere by globe.vert. Borders are the flat map's
// technique on the sphere: one instance per segment, widened to a screen-space quad in
// globe_border.vert, with coverage from border.frag written with GL_MAX into a coverage
// buffer and painted once (border_composite.frag), or blended directly with
// overlay_line.frag. Segments are stored grouped by country, so one country's outline
// is one contiguous run; segments and triangles are culled in chunks (at most 1,024
// segments or 2,048 triangles of one country) whose spherical caps are out of sight.
#include "render/globe_renderer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

#include "render/color_table.hpp"
#include "render/coverage_buffer.hpp"
#include "render/gl/objects.hpp"

namespace deportmap::render {
namespace {

// A chunk of one country's border segments ([first, first + count) in the level's
// segment buffer) or fill triangles (indices), with the spherical cap around its
// vertices (unit centre, angular radius) so chunks out of sight are skipped.
struct CountryRun {
    GLint first = 0;
    GLsizei count = 0;
    std::array<double, 3> centre{0.0, 0.0, 1.0};
    double radius = std::numbers::pi;  // radians
};

struct GlobeLevel {
    bool ready = false;
    gl::VertexArray fill_vao;
    gl::Buffer fill_positions;
    gl::Buffer fill_countries;
    gl::Buffer fill_indices;
    GLsizei fill_index_count = 0;
    std::vector<CountryRun> fill_runs;  // chunks of consecutive triangles (in indices)
    gl::VertexArray segment_vao;
    gl::Buffer segments;  // x0, y0, x1, y1 (eqc metres) per segment, grouped by country
    GLsizei segment_count = 0;
    std::vector<CountryRun> runs;  // chunks of segments, in buffer order
    // Each country's segments, [first, first + count) (indexed by country; count 0
    // when it has no borders): its hover or selection outline.
    std::vector<std::pair<GLint, GLsizei>> country_segments;
};

constexpr size_t kChunkSegments = 1024;
constexpr size_t kChunkIndices = 2048 * 3;

using Unit = std::array<float, 3>;

void set_color(GLint location, Color c) {
    glUniform4f(location, c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, c.a / 255.0f);
}

void buffer_data(GLenum target, const gl::Buffer& buffer, const void* data, size_t bytes) {
    glBindBuffer(target, buffer.id());
    glBufferData(target, static_cast<GLsizeiptr>(bytes), data, GL_STATIC_DRAW);
}

std::array<double, 3> unit_vector(double x_eqc, double y_eqc) {
    const double lon = x_eqc / geo::kEqcUnitsPerRadian, lat = y_eqc / geo::kEqcUnitsPerRadian;
    return {std::cos(lat) * std::sin(lon), std::sin(lat), std::cos(lat) * std::cos(lon)};
}

double angle_between(const std::array<double, 3>& a, const std::array<double, 3>& b) {
    const double d = a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    return std::acos(std::clamp(d, -1.0, 1.0));
}

// Unit vectors of xy's points (eqc metres), once per point.
std::vector<Unit> unit_vectors(const std::vector<float>& xy, size_t count) {
    std::vector<Unit> out(count);
    for (size_t i = 0; i < count; ++i) {
        const auto u = unit_vector(xy[2 * i], xy[2 * i + 1]);
        out[i] = {static_cast<float>(u[0]), static_cast<float>(u[1]), static_cast<float>(u[2])};
    }
    return out;
}

// Sets run.centre and run.radius to a cap holding the unit vectors point(i), i in
// [0, n): centred on their mean, reaching the farthest (plus float slack).
template <class Point>
void fit_cap(CountryRun& run, size_t n, Point point) {
    std::array<double, 3> sum{};
    for (size_t i = 0; i < n; ++i) {
        const auto u = point(i);
        for (size_t j = 0; j < 3; ++j) sum[j] += u[j];
    }
    const double len = std::sqrt(sum[0] * sum[0] + sum[1] * sum[1] + sum[2] * sum[2]);
    if (!(len > 1e-9)) return;  // spread all round: the default cap is the whole sphere
    run.centre = {sum[0] / len, sum[1] / len, sum[2] / len};
    double min_dot = 1.0;
    for (size_t i = 0; i < n; ++i) {
        const auto u = point(i);
        min_dot = std::min(min_dot, u[0] * run.centre[0] + u[1] * run.centre[1] + u[2] * run.centre[2]);
    }
    run.radius = std::acos(std::clamp(min_dot, -1.0, 1.0)) + 1e-4;
}

// The runs whose cap comes within `reach` radians of `facing` (adjacent runs merged),
// as (first, count) pairs; adds their counts to `total`.
std::vector<std::pair<GLint, GLsizei>> visible_runs(const std::vector<CountryRun>& runs,
                                                    const std::array<double, 3>& facing,
                                                    double reach, size_t& total) {
    std::vector<std::pair<GLint, GLsizei>> out;
    for (const CountryRun& run : runs) {
        if (run.count == 0) continue;
        if (angle_between(run.centre, facing) - run.radius > reach) continue;
        if (!out.empty() && out.back().first + out.back().second == run.first) {
            out.back().second += run.count;
        } else {
            out.emplace_back(run.first, run.count);
        }
        total += static_cast<size_t>(run.count);
    }
    return out;
}

}  // namespace

struct GlobeRenderer::Impl {
    gl::Program sphere;
    gl::Program disc;
    gl::Program coverage_prog;  // globe_border.vert + border.frag
    gl::Program direct;         // globe_border.vert + overlay_line.frag
    struct {
        GLint units, rotation, center, radius, viewport, colors, color_count, no_data, hatch_px,
            hatch_color;
    } su{};
    struct {
        GLint center, radius, height, color;
    } du{};
    // Uniforms of a program using globe_border.vert.
    struct SegmentUniforms {
        GLint units, rotation, center, radius, viewport, extent, half_width, alpha_scale, color;
    };
    SegmentUniforms cu{}, lu{};
    std::array<GlobeLevel, geo::kLodCount> levels;
    gl::Texture color_table;
    int color_count = 0;
    gl::VertexArray empty_vao;
    CoverageBuffer coverage;
    GlobeDrawStats stats;

    static SegmentUniforms segment_uniforms(const gl::Program& p) {
        return {p.uniform("u_units_per_radian"), p.uniform("u_rotation"), p.uniform("u_center"),
                p.uniform("u_radius"),           p.uniform("u_viewport"), p.uniform("u_extent"),
                p.uniform("u_half_width"),       p.uniform("u_alpha_scale"),
                p.uniform("u_color")};
    }
};

GlobeRenderer::GlobeRenderer() : impl_(std::make_unique<Impl>()) {
    Impl& r = *impl_;
    r.sphere = gl::load_program("globe.vert", "fill.frag");
    r.disc = gl::load_program("fullscreen.vert", "globe_disc.frag");
    r.coverage_prog = gl::load_program("globe_border.vert", "border.frag");
    r.direct = gl::load_program("globe_border.vert", "overlay_line.frag");
    r.su = {r.sphere.uniform("u_units_per_radian"), r.sphere.uniform("u_rotation"),
            r.sphere.uniform("u_center"),           r.sphere.uniform("u_radius"),
            r.sphere.uniform("u_viewport"),         r.sphere.uniform("u_colors"),
            r.sphere.uniform("u_color_count"),      r.sphere.uniform("u_no_data"),
            r.sphere.uniform("u_hatch_px"),         r.sphere.uniform("u_hatch_color")};
    r.du = {r.disc.uniform("u_center"), r.disc.uniform("u_radius"), r.disc.uniform("u_height"),
            r.disc.uniform("u_color")};
    r.cu = Impl::segment_uniforms(r.coverage_prog);
    r.lu = Impl::segment_uniforms(r.direct);
    r.empty_vao = gl::VertexArray::create();
    r.color_table = create_color_table();
}

GlobeRenderer::~GlobeRenderer() = default;

void GlobeRenderer::upload(const geo::ProjectedWorld& world) {
    for (int l = 0; l < geo::kLodCount; ++l) upload_level(world, static_cast<geo::Lod>(l));
}

// What uploading a level computes on the CPU (no GL): the valid triangle indices, the
// fill and border chunks with their caps, and the border segments grouped by country.
struct GlobeLevelPrep {
    std::vector<uint32_t> indices;
    std::vector<CountryRun> fill_runs;
    std::vector<float> segments;  // x0, y0, x1, y1 per segment
    std::vector<CountryRun> runs;
    std::vector<std::pair<GLint, GLsizei>> country_segments;
};

std::shared_ptr<const GlobeLevelPrep> GlobeRenderer::prepare(const geo::MapMesh& mesh) {
    auto prep = std::make_shared<GlobeLevelPrep>();
    // Only whole triangles whose indices lie within the vertex arrays.
    const size_t vertex_count = std::min(mesh.fill_xy.size() / 2, mesh.fill_country.size());
    std::vector<uint32_t>& indices = prep->indices;
    indices.reserve(mesh.fill_indices.size());
    for (size_t t = 0; t + 2 < mesh.fill_indices.size(); t += 3) {
        const uint32_t a = mesh.fill_indices[t], b = mesh.fill_indices[t + 1],
                       c = mesh.fill_indices[t + 2];
        if (a < vertex_count && b < vertex_count && c < vertex_count) indices.insert(indices.end(), {a, b, c});
    }
    // Chunks of consecutive triangles of one country.
    {
        const std::vector<Unit> units = unit_vectors(mesh.fill_xy, vertex_count);
        for (size_t t = 0; t < indices.size();) {
            const uint16_t country = mesh.fill_country[indices[t]];
            size_t e = t + 3;
            while (e < indices.size() && e - t < kChunkIndices && mesh.fill_country[indices[e]] == country)
                e += 3;
            CountryRun run;
            run.first = static_cast<GLint>(t);
            run.count = static_cast<GLsizei>(e - t);
            fit_cap(run, e - t, [&](size_t i) { return units[indices[t + i]]; });
            prep->fill_runs.push_back(run);
            t = e;
        }
    }
    // Borders: the polylines' segments, grouped by country (each segment by the index of
    // its first point).
    std::vector<std::vector<uint32_t>> by_country;
    const size_t points = std::min(mesh.line_xy.size() / 2, mesh.line_country.size());
    const std::vector<Unit> units = unit_vectors(mesh.line_xy, points);
    for (size_t k = 0; k < mesh.line_count(); ++k) {
        const size_t a = mesh.line_starts[k];
        const size_t b = std::min<size_t>(mesh.line_starts[k + 1], points);
        if (a + 1 >= b) continue;
        const size_t country = mesh.line_country[a];
        if (country >= by_country.size()) by_country.resize(country + 1);
        std::vector<uint32_t>& out = by_country[country];
        for (size_t i = a; i + 1 < b; ++i) {
            if (mesh.line_xy[2 * i] == mesh.line_xy[2 * i + 2] &&
                mesh.line_xy[2 * i + 1] == mesh.line_xy[2 * i + 3])
                continue;
            out.push_back(static_cast<uint32_t>(i));
        }
    }
    size_t total = 0;
    for (const auto& s : by_country) total += s.size();
    prep->segments.resize(total * 4);
    prep->country_segments.assign(by_country.size(), {0, 0});
    size_t base = 0;
    for (size_t c = 0; c < by_country.size(); ++c) {
        const std::vector<uint32_t>& s = by_country[c];
        prep->country_segments[c] = {static_cast<GLint>(base), static_cast<GLsizei>(s.size())};
        for (size_t k = 0; k < s.size(); ++k) {
            std::copy_n(&mesh.line_xy[2 * static_cast<size_t>(s[k])], 4, &prep->segments[(base + k) * 4]);
        }
        for (size_t k = 0; k < s.size(); k += kChunkSegments) {
            const size_t n = std::min(kChunkSegments, s.size() - k);
            CountryRun run;
            run.first = static_cast<GLint>(base + k);
            run.count = static_cast<GLsizei>(n);
            // Both ends of every segment: points s[k + j] and s[k + j] + 1.
            fit_cap(run, 2 * n, [&](size_t j) { return units[s[k + j / 2] + (j & 1)]; });
            prep->runs.push_back(run);
        }
        base += s.size();
    }
    return prep;
}

void GlobeRenderer::upload_level(const geo::ProjectedWorld& world, geo::Lod lod) {
    const auto l = static_cast<size_t>(lod);
    if (!world.ready[l]) {
        impl_->levels[l] = GlobeLevel{};
        return;
    }
    upload_level(lod, world.meshes[l], *prepare(world.meshes[l]));
}

void GlobeRenderer::upload_level(geo::Lod lod, const geo::MapMesh& mesh, const GlobeLevelPrep& prep) {
    GlobeLevel& level = impl_->levels[static_cast<size_t>(lod)];
    level = GlobeLevel{};
    level.ready = true;
    level.fill_vao = gl::VertexArray::create();
    level.fill_positions = gl::Buffer::create();
    level.fill_countries = gl::Buffer::create();
    level.fill_indices = gl::Buffer::create();
    glBindVertexArray(level.fill_vao.id());
    buffer_data(GL_ARRAY_BUFFER, level.fill_positions, mesh.fill_xy.data(),
                mesh.fill_xy.size() * sizeof(float));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    buffer_data(GL_ARRAY_BUFFER, level.fill_countries, mesh.fill_country.data(),
                mesh.fill_country.size() * sizeof(uint16_t));
    glEnableVertexAttribArray(1);
    glVertexAttribIPointer(1, 1, GL_UNSIGNED_SHORT, 0, nullptr);
    buffer_data(GL_ELEMENT_ARRAY_BUFFER, level.fill_indices, prep.indices.data(),
                prep.indices.size() * sizeof(uint32_t));
    level.fill_index_count = static_cast<GLsizei>(prep.indices.size());
    level.fill_runs = prep.fill_runs;
    level.country_segments = prep.country_segments;
    level.runs = prep.runs;
    level.segment_count = static_cast<GLsizei>(prep.segments.size() / 4);
    level.segment_vao = gl::VertexArray::create();
    level.segments = gl::Buffer::create();
    glBindVertexArray(level.segment_vao.id());
    buffer_data(GL_ARRAY_BUFFER, level.segments, prep.segments.data(), prep.segments.size() * sizeof(float));
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 0, nullptr);
    glVertexAttribDivisor(0, 1);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

std::optional<geo::Lod> GlobeRenderer::level_for(geo::Lod lod) const {
    const int want = static_cast<int>(lod);
    for (int l = want; l >= 0; --l) {
        if (impl_->levels[static_cast<size_t>(l)].ready) return static_cast<geo::Lod>(l);
    }
    for (int l = want + 1; l < geo::kLodCount; ++l) {
        if (impl_->levels[static_cast<size_t>(l)].ready) return static_cast<geo::Lod>(l);
    }
    return std::nullopt;
}

void GlobeRenderer::set_country_colors(std::span<const Color> colors) {
    impl_->color_count = upload_color_table(impl_->color_table.id(), colors);
}

const GlobeDrawStats& GlobeRenderer::last_stats() const { return impl_->stats; }

namespace {

// The sphere uniforms every globe_border.vert program shares, and the quad's half width
// plus 1 px of anti-aliasing ramp for a line `drawn_px` wide (as the flat map's borders).
template <class Uniforms>
void set_sphere_uniforms(const Uniforms& u, const std::array<float, 9>& rot, float cx, float cy,
                         float radius, int width, int height) {
    glUniform1f(u.units, static_cast<float>(geo::kEqcUnitsPerRadian));
    glUniformMatrix3fv(u.rotation, 1, GL_TRUE, rot.data());
    glUniform2f(u.center, cx, cy);
    glUniform1f(u.radius, radius);
    glUniform2f(u.viewport, static_cast<float>(width), static_cast<float>(height));
}

void set_width(GLint extent, GLint half_width, float drawn_px) {
    glUniform1f(extent, drawn_px * 0.5f + 1.0f);
    glUniform1f(half_width, drawn_px * 0.5f);
}

// Draws segments [first, first + count) of the level's buffer, one instance each (the
// segment VAO must be bound and its buffer on GL_ARRAY_BUFFER).
void draw_segments(GLint first, GLsizei count) {
    glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 0,
                          reinterpret_cast<const void*>(static_cast<size_t>(first) * 4 * sizeof(float)));
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, count);
}

}  // namespace

void GlobeRenderer::draw(const GlobeDrawParams& p) {
    Impl& r = *impl_;
    r.stats = {};
    if (p.width <= 0 || p.height <= 0) return;
    GLint target = 0;
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &target);
    glViewport(0, 0, p.width, p.height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glDisable(GL_SCISSOR_TEST);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE);
    if (p.clear) {
        const Color b = p.style.background;
        glClearColor(b.r / 255.0f, b.g / 255.0f, b.b / 255.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    const double radius = p.view.radius_px(p.width, p.height);
    const float cx = static_cast<float>(p.width * 0.5), cy = static_cast<float>(p.height * 0.5);
    const float rad = static_cast<float>(radius);

    // Ocean disc.
    r.disc.use();
    glUniform2f(r.du.center, cx, cy);
    glUniform1f(r.du.radius, rad);
    glUniform1f(r.du.height, static_cast<float>(p.height));
    set_color(r.du.color, p.style.ocean);
    glBindVertexArray(r.empty_vao.id());
    glDrawArrays(GL_TRIANGLES, 0, 3);

    const auto lod = level_for(p.lod);
    if (lod) {
        const GlobeLevel& level = r.levels[static_cast<size_t>(*lod)];
        const auto m = geo::globe_rotation(p.view);
        std::array<float, 9> rot{};
        for (size_t i = 0; i < 9; ++i) rot[i] = static_cast<float>(m[i]);
        r.sphere.use();
        set_sphere_uniforms(r.su, rot, cx, cy, rad, p.width, p.height);
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, r.color_table.id());
        glUniform1i(r.su.colors, 0);
        glUniform1i(r.su.color_count, r.color_count);
        set_color(r.su.no_data, p.style.no_data);
        glUniform1f(r.su.hatch_px, p.hatch_px);
        set_color(r.su.hatch_color, p.style.background);
        // What can be seen: the hemisphere facing the viewer, or when zoomed in so far
        // that the viewport's corners lie inside the disc, the smaller cap they reach
        // (plus slack for line widths).
        const double lon = p.view.center_lon * std::numbers::pi / 180.0;
        const double lat = p.view.center_lat * std::numbers::pi / 180.0;
        const std::array<double, 3> facing{std::cos(lat) * std::sin(lon), std::sin(lat),
                                           std::cos(lat) * std::cos(lon)};
        const double corner = 0.5 * std::hypot(p.width, p.height) + 4.0;
        const double reach =
            (corner < radius ? std::asin(corner / radius) : std::numbers::pi / 2) + 0.01;

        glEnable(GL_CLIP_DISTANCE0);
        glBindVertexArray(level.fill_vao.id());
        for (const auto& [first, count] : visible_runs(level.fill_runs, facing, reach, r.stats.fill_indices)) {
            glDrawElements(GL_TRIANGLES, count, GL_UNSIGNED_INT,
                           reinterpret_cast<const void*>(static_cast<size_t>(first) * sizeof(uint32_t)));
        }
        glBindTexture(GL_TEXTURE_2D, 0);

        const std::vector<std::pair<GLint, GLsizei>> visible =
            visible_runs(level.runs, facing, reach, r.stats.border_segments);
        r.stats.border_draws = visible.size();

        const MapStyle& style = p.style;
        if (!visible.empty() && style.border_width_px > 0.0f && style.border.a > 0) {
            const float width_px = style.border_width_px;
            const float drawn = std::max(width_px, 1.0f);
            glBindVertexArray(level.segment_vao.id());
            glBindBuffer(GL_ARRAY_BUFFER, level.segments.id());
            if (p.direct_borders) {
                r.direct.use();
                set_sphere_uniforms(r.lu, rot, cx, cy, rad, p.width, p.height);
                set_width(r.lu.extent, r.lu.half_width, drawn);
                Color c = style.border;
                c.a = static_cast<uint8_t>(std::lround(c.a * std::min(width_px, 1.0f)));
                set_color(r.lu.color, c);
                for (const auto& [first, count] : visible) draw_segments(first, count);
            } else {
                // Pass 1: coverage of every segment, combined with max().
                r.coverage.ensure(p.width, p.height);
                glClearColor(0.0f, 0.0f, 0.0f, 0.0f);
                glClear(GL_COLOR_BUFFER_BIT);
                glBlendEquation(GL_MAX);
                r.coverage_prog.use();
                set_sphere_uniforms(r.cu, rot, cx, cy, rad, p.width, p.height);
                set_width(r.cu.extent, r.cu.half_width, drawn);
                glUniform1f(r.cu.alpha_scale, std::min(width_px, 1.0f));
                for (const auto& [first, count] : visible) draw_segments(first, count);
                // Pass 2: the border colour, weighted by coverage, over the globe.
                glDisable(GL_CLIP_DISTANCE0);
                r.coverage.composite(static_cast<GLuint>(target), style.border);
                glEnable(GL_CLIP_DISTANCE0);
            }
        }

        // Hover, then selection: that country's own segments, thicker, in the highlight
        // colour (the flat map's outline widths and alphas).
        for (const int country : {p.hovered, p.selected}) {
            if (country < 0 || static_cast<size_t>(country) >= level.country_segments.size())
                continue;
            if (country == p.hovered && country == p.selected) continue;  // selection wins
            const auto [run_first, run_count] = level.country_segments[static_cast<size_t>(country)];
            if (run_count == 0) continue;
            const bool selected = country == p.selected;
            const float width_px = selected ? p.selected_width_px : p.hover_width_px;
            if (!(width_px > 0.0f)) continue;
            r.direct.use();
            set_sphere_uniforms(r.lu, rot, cx, cy, rad, p.width, p.height);
            set_width(r.lu.extent, r.lu.half_width, std::max(width_px, 1.0f));
            Color c = p.highlight;
            c.a = selected ? 255 : 200;
            set_color(r.lu.color, c);
            glBindVertexArray(level.segment_vao.id());
            glBindBuffer(GL_ARRAY_BUFFER, level.segments.id());
            draw_segments(run_first, run_count);
        }
        glBindBuffer(GL_ARRAY_BUFFER, 0);
        glDisable(GL_CLIP_DISTANCE0);
    }
    glBindVertexArray(0);
    glUseProgram(0);
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, static_cast<GLuint>(target));
}

}  // namespace deportmap::render
