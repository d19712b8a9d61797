// Hand-made geometry and pixel access shared by the GL render tests (map renderer,
// overlay, globe): rectangles as fills and border polylines, a one-level world in a
// [-10,10]x[-5,5] outline, the 8 px-per-unit view that puts it in a 200x100 image, and
// the pixels of an offscreen target.
#pragma once
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <utility>
#include <vector>

#include "core/color.hpp"
#include "core/geo/mesh.hpp"
#include "core/view.hpp"
#include "render/offscreen_target.hpp"

namespace deportmap::test {

// Appends `values` to `to` one by one (GCC 12 warns falsely, -Wstringop-overflow, on
// vector::insert of a list once these helpers are inlined into a fresh mesh).
template <typename T>
void append(std::vector<T>& to, std::initializer_list<T> values) {
    for (const T& v : values) to.push_back(v);
}

// Appends an axis-aligned rectangle's fill (two triangles) for `country`.
inline void add_rect(geo::MapMesh& mesh, float x0, float y0, float x1, float y1, uint16_t country) {
    const auto base = static_cast<uint32_t>(mesh.fill_country.size());
    append(mesh.fill_xy, {x0, y0, x1, y0, x1, y1, x0, y1});
    append(mesh.fill_country, {country, country, country, country});
    append(mesh.fill_indices, {base, base + 1, base + 2, base, base + 2, base + 3});
}

// Appends a closed rectangular border polyline (first point repeated at the end).
inline void add_rect_line(geo::MapMesh& mesh, float x0, float y0, float x1, float y1,
                          uint16_t country) {
    if (mesh.line_starts.empty()) mesh.line_starts.push_back(0);
    append(mesh.line_xy, {x0, y0, x1, y0, x1, y1, x0, y1, x0, y0});
    append(mesh.line_country, {country, country, country, country, country});
    mesh.line_starts.push_back(static_cast<uint32_t>(mesh.line_xy.size() / 2));
}

// A rectangular country: its fill and its border.
inline void add_rect_country(geo::MapMesh& mesh, float x0, float y0, float x1, float y1,
                             uint16_t country) {
    add_rect(mesh, x0, y0, x1, y1, country);
    add_rect_line(mesh, x0, y0, x1, y1, country);
}

// A world whose 110m level is `mesh` (the others not ready), in the globe outline
// [-10,10]x[-5,5].
inline geo::ProjectedWorld world_of(geo::MapMesh mesh) {
    geo::ProjectedWorld world;
    world.meshes[0] = std::move(mesh);
    world.ready[0] = true;
    world.outline = {{-10, -5}, {10, -5}, {10, 5}, {-10, 5}};
    world.world_bounds.add(geo::Vec2{-10, -5});
    world.world_bounds.add(geo::Vec2{10, 5});
    return world;
}

// Projected (x, y) -> pixel (8x + 100, -8y + 50): world_of's outline spans x 20..180,
// y 10..90 of a 200x100 image.
inline ViewTransform eight_px_view() {
    ViewTransform view;
    view.scale_x = view.scale_y = 8.0;
    view.offset_x = 100.0;
    view.offset_y = 50.0;
    return view;
}

// An RGBA8 image, rows top-down, as OffscreenTarget::read_rgba gives it.
struct Pixels {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> rgba;

    Color at(int x, int y) const {
        const uint8_t* p =
            &rgba[(static_cast<size_t>(y) * static_cast<size_t>(width) + static_cast<size_t>(x)) *
                  4];
        return {p[0], p[1], p[2], p[3]};
    }
    // How many pixels are exactly `c`.
    int count(Color c) const {
        int n = 0;
        for (int y = 0; y < height; ++y) {
            for (int x = 0; x < width; ++x) n += at(x, y) == c ? 1 : 0;
        }
        return n;
    }
};

// The resolved image of `target`.
inline Pixels pixels_of(const render::OffscreenTarget& target) {
    return {target.width(), target.height(), target.read_rgba()};
}

// Draws into a fresh width x height target with `samples` MSAA samples: binds it, calls
// `draw()`, and returns the resolved pixels.
template <typename Draw>
Pixels draw_offscreen(int width, int height, int samples, Draw&& draw) {
    render::OffscreenTarget target(width, height, samples);
    target.bind();
    draw();
    return pixels_of(target);
}

}  // namespace deportmap::test
