// The canvas back end of the page's display list (see drawing.hpp); the SVG one is in
// svg.cpp.
#include "export/drawing.hpp"

namespace deportmap::exporter {
namespace {

// Swatches, texts and the logo, from the drawing's lists.
void draw_page_items(Canvas& canvas, const PageDrawing& dr) {
    PageLayout page;
    page.width = dr.width;
    page.height = dr.height;
    page.unit = dr.unit;
    page.map = dr.map.area;
    page.texts = dr.texts;
    page.swatches = dr.swatches;
    page.logo = dr.logo_rect;
    draw_page(canvas, page, dr.colors, dr.logo);
}

}  // namespace

void draw_on_canvas(Canvas& canvas, const PageDrawing& dr) {
    const MapLayer& map = dr.map;
    const Rect& area = map.area;
    const int x0 = static_cast<int>(area.x), y0 = static_cast<int>(area.y);
    const int x1 = x0 + static_cast<int>(area.w), y1 = y0 + static_cast<int>(area.h);
    for (const OutlineItem& o : dr.outlines) {
        const geo::ProjectedShape& shape = (*map.shapes)[static_cast<size_t>(o.country)];
        stroke_rings(canvas, shape_rings_px(shape, map.area_view, area.x, area.y), o.width, o.color, x0, y0, x1,
                     y1);
    }
    for (const CircleItem& m : dr.markers) {
        const geo::Vec2 c = map.area_view.to_pixel(m.anchor);
        const double x = c.x + area.x, y = c.y + area.y;
        canvas.fill_circle(x, y, m.radius + m.ring_width, m.ring);
        canvas.fill_circle(x, y, m.radius, m.fill);
    }
    if (!dr.labels.empty()) draw_map_labels(canvas, dr.labels, dr.label_color, dr.label_halo);
    if (!dr.callouts.empty()) {
        std::vector<MapLabel> notes;
        for (const Callout& c : dr.callouts) {
            stroke_rings(canvas, {{c.from, c.to}}, std::max(1.0, 1.2 * dr.unit), dr.label_color, x0, y0, x1, y1);
            canvas.fill_circle(c.from.x, c.from.y, 2.2 * dr.unit, dr.label_color);
            notes.push_back({c.country, c.text, c.x, c.baseline, c.size});
        }
        draw_map_labels(canvas, notes, dr.label_color, dr.label_halo);
    }
    if (dr.full) draw_page_items(canvas, dr);
}

}  // namespace deportmap::exporter
