// The camera: how projected coordinates map onto a viewport of pixels. Shared by the
// window, the exporter and the SVG writer so they agree exactly.
#pragma once
#include "core/geo/types.hpp"

namespace deportmap {

// Maps projected (x, y) to pixel coordinates with the origin at the top-left:
//   px = x * scale_x + offset_x,   py = -y * scale_y + offset_y
// scale_x == scale_y except for an explicit --bounds stretched onto an image.
struct ViewTransform {
    double scale_x = 1.0;
    double scale_y = 1.0;
    double offset_x = 0.0;
    double offset_y = 0.0;

    geo::Vec2 to_pixel(geo::Vec2 p) const {
        return {p.x * scale_x + offset_x, -p.y * scale_y + offset_y};
    }
    geo::Vec2 to_map(geo::Vec2 px) const {
        return {(px.x - offset_x) / scale_x, -(px.y - offset_y) / scale_y};
    }
};

// The transform that fits `bounds` centred inside a width x height viewport, leaving
// `margin_px` on every side.
ViewTransform fit_bounds(const geo::BBox& bounds, double width, double height,
                         double margin_px = 0.0);

// Maps `bounds` exactly onto the width x height viewport (x and y scaled separately),
// so the bounds' edges are the image's edges.
ViewTransform stretch_bounds(const geo::BBox& bounds, double width, double height);

// Interactive camera: centre in projected units and a zoom factor relative to fitting
// the world.
struct Camera {
    geo::Vec2 center;
    double zoom = 1.0;
    bool operator==(const Camera& o) const {
        return zoom == o.zoom && center.x == o.center.x && center.y == o.center.y;
    }

    // The transform for a viewport, given the world's bounds (zoom 1 fits them).
    ViewTransform transform(const geo::BBox& world, double width, double height) const;
    // Zooms by `factor` keeping the map point under pixel `anchor` fixed.
    void zoom_about(double factor, geo::Vec2 anchor_px, const geo::BBox& world, double width,
                    double height);
    // Pans by a pixel delta.
    void pan_pixels(geo::Vec2 delta_px, const geo::BBox& world, double width, double height);
};

}  // namespace deportmap
