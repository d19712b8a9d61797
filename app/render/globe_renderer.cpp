// The GPU orthographic globe (see globe_renderer.hpp). Fills are the flat renderer's
// indexed triangles; borders are GL_LINES pairs built from the border polylines.
#include "render/globe_renderer.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "render/color_table.hpp"
#include "render/gl/objects.hpp"

namespace deportmap::render {
namespace {


struct GlobeLevel {
    bool ready = false;
    gl::VertexArray fill_vao;
    gl::Buffer fill_positions;
    gl::Buffer fill_countries;
    gl::Buffer fill_indices;
    GLsizei fill_index_count = 0;
    gl::VertexArray line_vao;
    gl::Buffer line_positions;
    gl::Buffer line_countries;
    GLsizei line_vertex_count = 0;
};

void set_color(GLint location, Color c) {
    glUniform4f(location, c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, c.a / 255.0f);
}

void buffer_data(GLenum target, const gl::Buffer& buffer, const void* data, size_t bytes) {
    glBindBuffer(target, buffer.id());
    glBufferData(target, static_cast<GLsizeiptr>(bytes), data, GL_STATIC_DRAW);
}

}  // namespace

struct GlobeRenderer::Impl {
    gl::Program sphere;
    gl::Program disc;
    struct {
        GLint units, rotation, center, radius, viewport, colors, color_count, no_data, solid,
            solid_color, only_country, pixel_offset;
    } su{};
    struct {
        GLint center, radius, height, color;
    } du{};
    std::array<GlobeLevel, geo::kLodCount> levels;
    gl::Texture color_table;
    int color_count = 0;
    gl::VertexArray empty_vao;
};

GlobeRenderer::GlobeRenderer() : impl_(std::make_unique<Impl>()) {
    Impl& r = *impl_;
    r.sphere = gl::load_program("globe.vert", "fill.frag");
    r.disc = gl::load_program("fullscreen.vert", "globe_disc.frag");
    r.su = {r.sphere.uniform("u_units_per_radian"), r.sphere.uniform("u_rotation"),
            r.sphere.uniform("u_center"),           r.sphere.uniform("u_radius"),
            r.sphere.uniform("u_viewport"),         r.sphere.uniform("u_colors"),
            r.sphere.uniform("u_color_count"),      r.sphere.uniform("u_no_data"),
            r.sphere.uniform("u_solid"),            r.sphere.uniform("u_solid_color"),
            r.sphere.uniform("u_only_country"), r.sphere.uniform("u_pixel_offset")};
    r.du = {r.disc.uniform("u_center"), r.disc.uniform("u_radius"), r.disc.uniform("u_height"),
            r.disc.uniform("u_color")};
    r.empty_vao = gl::VertexArray::create();
    r.color_table = create_color_table();
}

GlobeRenderer::~GlobeRenderer() = default;

void GlobeRenderer::upload(const geo::ProjectedWorld& world) {
    Impl& r = *impl_;
    for (int l = 0; l < geo::kLodCount; ++l) {
        GlobeLevel& level = r.levels[static_cast<size_t>(l)];
        level = GlobeLevel{};
        if (!world.ready[static_cast<size_t>(l)]) continue;
        const geo::MapMesh& mesh = world.meshes[static_cast<size_t>(l)];
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
        buffer_data(GL_ELEMENT_ARRAY_BUFFER, level.fill_indices, mesh.fill_indices.data(),
                    mesh.fill_indices.size() * sizeof(uint32_t));
        level.fill_index_count = static_cast<GLsizei>(mesh.fill_indices.size());

        // Borders: each polyline segment as a GL_LINES pair.
        std::vector<float> xy;
        std::vector<uint16_t> country;
        for (size_t k = 0; k < mesh.line_count(); ++k) {
            const uint32_t a = mesh.line_starts[k], b = mesh.line_starts[k + 1];
            for (uint32_t i = a; i + 1 < b; ++i) {
                for (uint32_t j : {i, i + 1}) {
                    xy.push_back(mesh.line_xy[2 * j]);
                    xy.push_back(mesh.line_xy[2 * j + 1]);
                    country.push_back(j < mesh.line_country.size() ? mesh.line_country[j] : 0);
                }
            }
        }
        level.line_vao = gl::VertexArray::create();
        level.line_positions = gl::Buffer::create();
        level.line_countries = gl::Buffer::create();
        glBindVertexArray(level.line_vao.id());
        buffer_data(GL_ARRAY_BUFFER, level.line_positions, xy.data(), xy.size() * sizeof(float));
        glEnableVertexAttribArray(0);
        glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
        buffer_data(GL_ARRAY_BUFFER, level.line_countries, country.data(),
                    country.size() * sizeof(uint16_t));
        glEnableVertexAttribArray(1);
        glVertexAttribIPointer(1, 1, GL_UNSIGNED_SHORT, 0, nullptr);
        level.line_vertex_count = static_cast<GLsizei>(country.size());
        glBindVertexArray(0);
        glBindBuffer(GL_ARRAY_BUFFER, 0);
    }
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

void GlobeRenderer::draw(const GlobeDrawParams& p) {
    Impl& r = *impl_;
    if (p.width <= 0 || p.height <= 0) return;
    glViewport(0, 0, p.width, p.height);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ZERO, GL_ONE);
    if (p.clear) {
        const Color b = p.style.background;
        glClearColor(b.r / 255.0f, b.g / 255.0f, b.b / 255.0f, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    const double radius = p.view.radius_px(p.width, p.height);
    const float cx = static_cast<float>(p.width * 0.5), cy = static_cast<float>(p.height * 0.5);

    // Ocean disc.
    r.disc.use();
    glUniform2f(r.du.center, cx, cy);
    glUniform1f(r.du.radius, static_cast<float>(radius));
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
        glUniform1f(r.su.units, static_cast<float>(geo::kEqcUnitsPerRadian));
        glUniformMatrix3fv(r.su.rotation, 1, GL_TRUE, rot.data());
        glUniform2f(r.su.center, cx, cy);
        glUniform1f(r.su.radius, static_cast<float>(radius));
        glUniform2f(r.su.viewport, static_cast<float>(p.width), static_cast<float>(p.height));
        glActiveTexture(GL_TEXTURE0);
        glBindTexture(GL_TEXTURE_2D, r.color_table.id());
        glUniform1i(r.su.colors, 0);
        glUniform1i(r.su.color_count, r.color_count);
        set_color(r.su.no_data, p.style.no_data);
        glEnable(GL_CLIP_DISTANCE0);
        glUniform1i(r.su.solid, 0);
        glUniform1i(r.su.only_country, -1);
        glUniform2f(r.su.pixel_offset, 0.0f, 0.0f);
        glBindVertexArray(level.fill_vao.id());
        glDrawElements(GL_TRIANGLES, level.fill_index_count, GL_UNSIGNED_INT, nullptr);
        if (p.style.border_width_px > 0.0f && level.line_vertex_count > 0) {
            glUniform1i(r.su.solid, 1);
            set_color(r.su.solid_color, p.style.border);
            glBindVertexArray(level.line_vao.id());
            glDrawArrays(GL_LINES, 0, level.line_vertex_count);
        }
        // Hover, then selection: that country's borders only, in the highlight colour.
        for (const int country : {p.hovered, p.selected}) {
            if (country < 0 || level.line_vertex_count == 0) continue;
            glUniform1i(r.su.solid, 1);
            glUniform1i(r.su.only_country, country);
            Color c = p.highlight;
            if (country != p.selected) c.a = 200;
            set_color(r.su.solid_color, c);
            glBindVertexArray(level.line_vao.id());
            // One-pixel lines drawn at a few offsets: about 2 px (hover) or 3 px wide.
            const int reach = country == p.selected ? 1 : 0;
            for (int dy = -reach; dy <= 1; ++dy) {
                for (int dx = -reach; dx <= 1; ++dx) {
                    glUniform2f(r.su.pixel_offset, static_cast<float>(dx), static_cast<float>(dy));
                    glDrawArrays(GL_LINES, 0, level.line_vertex_count);
                }
            }
        }
        glUniform2f(r.su.pixel_offset, 0.0f, 0.0f);
        glDisable(GL_CLIP_DISTANCE0);
        glBindTexture(GL_TEXTURE_2D, 0);
    }
    glBindVertexArray(0);
    glUseProgram(0);
}

}  // namespace deportmap::render
