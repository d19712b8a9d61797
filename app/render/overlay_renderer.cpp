// Outlines and markers over the map (see overlay_renderer.hpp). Outlines reuse the
// border technique (segments widened to quads in the vertex shader, coverage from the
// distance to the segment) but blend the colour directly: only one country's borders
// are drawn, so double blending at its joins is barely visible.
#include "render/overlay_renderer.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <vector>

#include "core/geo/border_pyramid.hpp"
#include "render/gl/objects.hpp"

namespace deportmap::render {

namespace {
void set_color(GLint location, Color c) {
    glUniform4f(location, c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, c.a / 255.0f);
}

// Restores blending state, program, VAO and viewport a draw changed.
struct BlendScope {
    GLint viewport[4] = {0, 0, 0, 0};
    GLboolean blend = GL_FALSE;
    BlendScope(int width, int height) {
        glGetIntegerv(GL_VIEWPORT, viewport);
        blend = glIsEnabled(GL_BLEND);
        glViewport(0, 0, width, height);
        glEnable(GL_BLEND);
        glBlendEquation(GL_FUNC_ADD);
        glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_SCISSOR_TEST);
    }
    ~BlendScope() {
        glBindVertexArray(0);
        glUseProgram(0);
        if (!blend) glDisable(GL_BLEND);
        glViewport(viewport[0], viewport[1], viewport[2], viewport[3]);
    }
};
}  // namespace

struct OverlayRenderer::Impl {
    gl::Program line;
    gl::Program marker;
    struct {
        GLint scale, offset, viewport, extent, half_width, color;
    } line_u{};
    struct {
        GLint viewport, ring_color, ring_width;
    } marker_u{};

    struct OutlineSlot {
        const geo::MapMesh* mesh = nullptr;
        int country = -1;
        double world_px = 0.0;  // the simplification's world width (see draw_outline)
        gl::VertexArray vao;
        gl::Buffer buffer;
        GLsizei count = 0;
    };
    std::array<OutlineSlot, 2> slots;

    gl::VertexArray marker_vao;
    gl::Buffer marker_buffer;
    std::vector<float> marker_data;  // reused between frames
};

OverlayRenderer::OverlayRenderer() : impl_(std::make_unique<Impl>()) {
    Impl& r = *impl_;
    r.line = gl::load_program("overlay_line.vert", "overlay_line.frag");
    r.marker = gl::load_program("marker.vert", "marker.frag");
    r.line_u = {r.line.uniform("u_scale"),  r.line.uniform("u_offset"),
                r.line.uniform("u_viewport"), r.line.uniform("u_extent"),
                r.line.uniform("u_half_width"), r.line.uniform("u_color")};
    r.marker_u = {r.marker.uniform("u_viewport"), r.marker.uniform("u_ring_color"),
                  r.marker.uniform("u_ring_width")};

    r.marker_vao = gl::VertexArray::create();
    r.marker_buffer = gl::Buffer::create();
    glBindVertexArray(r.marker_vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, r.marker_buffer.id());
    // Per instance: x, y, radius as floats, then RGBA as 4 bytes packed in one float slot.
    const GLsizei stride = 4 * sizeof(float);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, stride, nullptr);
    glVertexAttribDivisor(0, 1);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                          reinterpret_cast<const void*>(3 * sizeof(float)));
    glVertexAttribDivisor(1, 1);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

OverlayRenderer::~OverlayRenderer() = default;

void OverlayRenderer::invalidate() {
    for (auto& s : impl_->slots) {
        s.mesh = nullptr;
        s.country = -1;
        s.count = 0;
    }
}

void OverlayRenderer::draw_outline(int slot_index, const geo::MapMesh& mesh, int country,
                                   const ViewTransform& v, int width, int height,
                                   const OutlineStyle& style) {
    if (country < 0 || width <= 0 || height <= 0 || style.width_px <= 0.0f) return;
    Impl& r = *impl_;
    Impl::OutlineSlot& slot = r.slots[static_cast<size_t>(std::clamp(slot_index, 0, 1))];
    // The outline is simplified to half a pixel for the next power-of-two world width
    // at or above the view's (llvmpipe pays per segment: a 1:10m country at a
    // continent's scale has several per pixel), and made again when that changes.
    const double bucket = geo::copy_world_px(mesh.bounds.width() * std::abs(v.scale_x));
    if (slot.mesh != &mesh || slot.country != country || slot.world_px != bucket) {
        std::vector<float> seg;
        const double tolerance = mesh.bounds.width() / bucket * 0.5;
        const auto c = static_cast<uint16_t>(country);
        for (size_t k = 0; k < mesh.line_count(); ++k) {
            const uint32_t a = mesh.line_starts[k];
            const uint32_t b = std::min<uint32_t>(mesh.line_starts[k + 1],
                                                  static_cast<uint32_t>(mesh.line_xy.size() / 2));
            if (a >= b || mesh.line_country[a] != c) continue;
            const float* xy = &mesh.line_xy[2 * static_cast<size_t>(a)];
            const std::vector<uint32_t> kept = geo::simplify_run(xy, b - a, tolerance);
            for (size_t j = 0; j + 1 < kept.size(); ++j) {
                const float* p = &xy[2 * kept[j]];
                const float* q = &xy[2 * kept[j + 1]];
                seg.insert(seg.end(), {p[0], p[1], q[0], q[1]});
            }
        }
        if (!slot.vao) {
            slot.vao = gl::VertexArray::create();
            slot.buffer = gl::Buffer::create();
            glBindVertexArray(slot.vao.id());
            glBindBuffer(GL_ARRAY_BUFFER, slot.buffer.id());
            glEnableVertexAttribArray(0);
            glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, 0, nullptr);
            glVertexAttribDivisor(0, 1);
            glBindVertexArray(0);
        }
        glBindBuffer(GL_ARRAY_BUFFER, slot.buffer.id());
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(seg.size() * sizeof(float)),
                     seg.data(), GL_DYNAMIC_DRAW);
        glBindBuffer(GL_ARRAY_BUFFER, 0);
        slot.count = static_cast<GLsizei>(seg.size() / 4);
        slot.mesh = &mesh;
        slot.country = country;
        slot.world_px = bucket;
    }
    if (slot.count == 0) return;
    BlendScope scope(width, height);
    r.line.use();
    glUniform2f(r.line_u.scale, static_cast<float>(v.scale_x), static_cast<float>(v.scale_y));
    glUniform2f(r.line_u.offset, static_cast<float>(v.offset_x), static_cast<float>(v.offset_y));
    glUniform2f(r.line_u.viewport, static_cast<float>(width), static_cast<float>(height));
    const float half = std::max(style.width_px, 1.0f) * 0.5f;
    glUniform1f(r.line_u.extent, half + 1.0f);
    glUniform1f(r.line_u.half_width, half);
    set_color(r.line_u.color, style.color);
    glBindVertexArray(slot.vao.id());
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, slot.count);
}

void OverlayRenderer::draw_markers(std::span<const Marker> markers, std::span<const Color> colors,
                                   int width, int height, const MarkerStyle& style) {
    if (markers.empty() || width <= 0 || height <= 0) return;
    Impl& r = *impl_;
    r.marker_data.resize(markers.size() * 4);
    for (size_t i = 0; i < markers.size(); ++i) {
        const Marker& m = markers[i];
        const Color c = m.country >= 0 && static_cast<size_t>(m.country) < colors.size()
                            ? colors[static_cast<size_t>(m.country)]
                            : style.fallback;
        float* p = &r.marker_data[i * 4];
        p[0] = static_cast<float>(m.center.x);
        p[1] = static_cast<float>(m.center.y);
        p[2] = m.radius_px;
        const std::array<uint8_t, 4> rgba{c.r, c.g, c.b, c.a};
        std::memcpy(&p[3], rgba.data(), 4);
    }
    BlendScope scope(width, height);
    glBindBuffer(GL_ARRAY_BUFFER, r.marker_buffer.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(r.marker_data.size() * sizeof(float)),
                 r.marker_data.data(), GL_STREAM_DRAW);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    r.marker.use();
    glUniform2f(r.marker_u.viewport, static_cast<float>(width), static_cast<float>(height));
    set_color(r.marker_u.ring_color, style.ring);
    glUniform1f(r.marker_u.ring_width, style.ring_width_px);
    glBindVertexArray(r.marker_vao.id());
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(markers.size()));
}

}  // namespace deportmap::render
