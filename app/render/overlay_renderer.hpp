// Draws what sits on top of the filled map: outlines of the hovered and selected
// countries (their border polylines, thicker, in the highlight colour) and small-country
// markers (anti-aliased instanced circles in their status colour). The window's; exports
// draw the same outlines and markers on the CPU (export/frame_writer.cpp) with the same
// widths. Needs a current OpenGL 3.3 context.
#pragma once
#include <memory>
#include <span>

#include "core/color.hpp"
#include "core/geo/mesh.hpp"
#include "core/markers.hpp"
#include "core/view.hpp"

namespace deportmap::render {

struct OutlineStyle {
    Color color{0x10, 0x10, 0x18, 255};
    float width_px = 2.0f;  // framebuffer pixels
};

struct MarkerStyle {
    Color ring{0x30, 0x30, 0x38, 255};  // circle edge
    float ring_width_px = 1.0f;
    Color fallback{0x80, 0x80, 0x80, 255};  // a country past the end of the colour span
};

class OverlayRenderer {
public:
    // Compiles the shaders; throws RenderError naming the shader on failure.
    OverlayRenderer();
    ~OverlayRenderer();
    OverlayRenderer(const OverlayRenderer&) = delete;
    OverlayRenderer& operator=(const OverlayRenderer&) = delete;

    // Outlines country `country` of `mesh` (its border polylines) into the bound
    // framebuffer, viewport (0, 0, width, height). The segments are uploaded only when
    // the country or mesh changes (one cached slot per `slot`, 0 or 1, e.g. hover and
    // selection). Does nothing for a negative or unknown country.
    void draw_outline(int slot, const geo::MapMesh& mesh, int country, const ViewTransform& view,
                      int width, int height, const OutlineStyle& style);
    // Draws markers as circles filled with colors[marker.country]. One small upload and
    // one instanced draw call.
    void draw_markers(std::span<const Marker> markers, std::span<const Color> colors, int width,
                      int height, const MarkerStyle& style);

    // Forgets cached outlines (call when the meshes are replaced: new projection or world).
    void invalidate();

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace deportmap::render
