// Cairo PDF back end (see pdf.hpp). Drawn in page pixels under a scale to points, in the
// order of the SVG back end: background, ocean, countries by status, patterns, stripes,
// outlines, markers, labels, then the legend, the text and the logo.
#include "export/pdf.hpp"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <memory>
#include <stdexcept>

#include "core/patterns.hpp"
#include "export/compose.hpp"
#include "export/font.hpp"

namespace deportmap::exporter {
namespace {

struct CairoDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
    void operator()(cairo_pattern_t* p) const { cairo_pattern_destroy(p); }
};
using Context = std::unique_ptr<cairo_t, CairoDeleter>;
using Surface = std::unique_ptr<cairo_surface_t, CairoDeleter>;
using Pattern = std::unique_ptr<cairo_pattern_t, CairoDeleter>;

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void set_colour(cairo_t* cr, Color c, double opacity = 1.0) {
    cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, opacity);
}

void add_ring(cairo_t* cr, const geo::Ring& ring, const ViewTransform& view) {
    bool first = true;
    for (const geo::Vec2& p : ring) {
        const geo::Vec2 px = view.to_pixel(p);
        if (first) {
            cairo_move_to(cr, px.x, px.y);
            first = false;
        } else {
            cairo_line_to(cr, px.x, px.y);
        }
    }
    if (!first) cairo_close_path(cr);
}

void add_shape(cairo_t* cr, const geo::ProjectedShape& shape, const ViewTransform& view) {
    for (const geo::Polygon& poly : shape.polygons) {
        for (const geo::Ring& ring : poly.rings) add_ring(cr, ring, view);
    }
}

// A repeating cell of `size` pixels drawn by `draw`, as a vector pattern.
template <typename Draw>
Pattern cell_pattern(double size, Draw draw) {
    cairo_rectangle_t extents{0, 0, size, size};
    Surface rec(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
    {
        Context c(cairo_create(rec.get()));
        draw(c.get());
    }
    Pattern p(cairo_pattern_create_for_surface(rec.get()));
    cairo_pattern_set_extend(p.get(), CAIRO_EXTEND_REPEAT);
    return p;
}

// The stripes of an approximate date: diagonals `period` apart, 0.35 of it wide.
Pattern hatch_pattern(double period, Color colour) {
    return cell_pattern(period, [&](cairo_t* c) {
        const double w = period * 0.35;
        cairo_move_to(c, 0, 0);
        cairo_line_to(c, w, 0);
        cairo_line_to(c, period, period - w);
        cairo_line_to(c, period, period);
        cairo_close_path(c);
        cairo_move_to(c, 0, period - w);
        cairo_line_to(c, w, period);
        cairo_line_to(c, 0, period);
        cairo_close_path(c);
        set_colour(c, colour, 0.5);
        cairo_fill(c);
    });
}

// A status pattern (core/patterns.hpp) in `mark` at the mark's opacity.
Pattern status_pattern(int pattern, double period, Color mark) {
    const double p = pattern == 7 ? period * 1.5 : period;
    return cell_pattern(p, [&](cairo_t* c) {
        switch (pattern) {
            case 1: cairo_rectangle(c, 0, 0, p, p * 0.28); break;
            case 2: cairo_arc(c, p / 2, p / 2, p * 0.2, 0, 6.283185307179586); break;
            case 3: cairo_rectangle(c, 0, 0, p * 0.28, p); break;
            case 4: {
                const double w = p * 0.28;
                cairo_move_to(c, 0, 0);
                cairo_line_to(c, w, 0);
                cairo_line_to(c, 0, w);
                cairo_close_path(c);
                cairo_move_to(c, p, 0);
                cairo_line_to(c, p, w);
                cairo_line_to(c, w, p);
                cairo_line_to(c, 0, p);
                cairo_close_path(c);
                break;
            }
            case 5: cairo_rectangle(c, 0, 0, p, p * 0.18); cairo_rectangle(c, 0, 0, p * 0.18, p); break;
            case 6: cairo_rectangle(c, 0, 0, p / 2, p / 2); cairo_rectangle(c, p / 2, p / 2, p / 2, p / 2); break;
            case 7: cairo_arc(c, p / 2, p / 2, p * 0.3, 0, 6.283185307179586); break;
            default: return;
        }
        set_colour(c, mark, mark.a / 255.0);
        cairo_fill(c);
    });
}

void draw_countries(cairo_t* cr, const PageDrawing& dr) {
    const MapLayer& map = dr.map;
    if (map.shapes == nullptr || map.world == nullptr) return;
    const size_t count = std::min(map.world->countries.size(), map.shapes->size());
    cairo_set_fill_rule(cr, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (size_t c = 0; c < count; ++c) {
        add_shape(cr, (*map.shapes)[c], map.view);
        set_colour(cr, c < map.fill.size() ? map.fill[c] : map.no_data);
        if (map.border_width > 0) {
            cairo_fill_preserve(cr);
            set_colour(cr, map.border);
            cairo_set_line_width(cr, map.border_width);
            cairo_stroke(cr);
        } else {
            cairo_fill(cr);
        }
    }
    const double hatch = map.hatch_px > 0 ? map.hatch_px : kHatchUnits * dr.unit;
    for (size_t c = 0; c < count; ++c) {
        if (c < map.pattern.size() && map.pattern[c] != 0 && c < map.fill.size()) {
            Pattern p = status_pattern(map.pattern[c], pattern_period(hatch), pattern_mark(map.fill[c]));
            add_shape(cr, (*map.shapes)[c], map.view);
            cairo_set_source(cr, p.get());
            cairo_fill(cr);
        }
        if (c < map.striped.size() && map.striped[c] && map.hatch_px > 0) {
            Pattern p = hatch_pattern(map.hatch_px, map.background);
            add_shape(cr, (*map.shapes)[c], map.view);
            cairo_set_source(cr, p.get());
            cairo_fill(cr);
        }
    }
}

void draw_marks(cairo_t* cr, const PageDrawing& dr) {
    const MapLayer& map = dr.map;
    for (const OutlineItem& o : dr.outlines) {
        if (o.country < 0 || map.shapes == nullptr || static_cast<size_t>(o.country) >= map.shapes->size()) continue;
        add_shape(cr, (*map.shapes)[static_cast<size_t>(o.country)], map.view);
        set_colour(cr, o.color);
        cairo_set_line_width(cr, o.width);
        cairo_stroke(cr);
    }
    for (const CircleItem& m : dr.markers) {
        const geo::Vec2 p = map.view.to_pixel(m.anchor);
        cairo_new_sub_path(cr);
        cairo_arc(cr, p.x, p.y, m.radius, 0, 6.283185307179586);
        set_colour(cr, m.fill);
        cairo_fill_preserve(cr);
        set_colour(cr, m.ring);
        cairo_set_line_width(cr, std::max(0.1, m.ring_width));
        cairo_stroke(cr);
    }
}

// Noto Sans from the same files as the PNG's text (text::Font), through FreeType, so no
// font is looked up by name (fontconfig) and the PDF embeds exactly those faces. Loaded
// once and kept for the process.
cairo_font_face_t* noto_face(bool bold) {
    static FT_Library library = [] {
        FT_Library l = nullptr;
        if (FT_Init_FreeType(&l) != 0) throw ExportError("PDF: FreeType did not start");
        return l;
    }();
    static cairo_font_face_t* faces[2] = {nullptr, nullptr};
    static const cairo_user_data_key_t kFaceKey{};
    cairo_font_face_t*& face = faces[bold ? 1 : 0];
    if (face == nullptr) {
        const char* path = bold ? text::Font::kBoldPath : text::Font::kRegularPath;
        FT_Face ft = nullptr;
        if (FT_New_Face(library, path, 0, &ft) != 0) throw ExportError(std::string("PDF: cannot read the font ") + path);
        face = cairo_ft_font_face_create_for_ft_face(ft, 0);
        cairo_font_face_set_user_data(face, &kFaceKey, ft, [](void* f) { FT_Done_Face(static_cast<FT_Face>(f)); });
    }
    return face;
}

void select_font(cairo_t* cr, bool bold, double size) {
    cairo_set_font_face(cr, noto_face(bold));
    cairo_set_font_size(cr, size);
}

// Text over a halo of the page colour, as the PNG's labels.
void halo_text(cairo_t* cr, const PageDrawing& dr, const std::string& text, double x, double baseline, double size) {
    select_font(cr, false, size);
    cairo_move_to(cr, x, baseline);
    cairo_text_path(cr, text.c_str());
    set_colour(cr, dr.label_halo, 0.6);
    cairo_set_line_width(cr, std::max(1.0, size / 7.0));
    cairo_stroke_preserve(cr);
    set_colour(cr, dr.label_color);
    cairo_fill(cr);
}

void draw_labels(cairo_t* cr, const PageDrawing& dr) {
    for (const MapLabel& l : dr.labels) halo_text(cr, dr, l.text, l.x, l.baseline, l.size);
}

void draw_callouts(cairo_t* cr, const PageDrawing& dr) {
    for (const Callout& c : dr.callouts) {
        set_colour(cr, dr.label_color);
        cairo_set_line_width(cr, std::max(1.0, 1.2 * dr.unit));
        cairo_move_to(cr, c.from.x, c.from.y);
        cairo_line_to(cr, c.to.x, c.to.y);
        cairo_stroke(cr);
        cairo_new_sub_path(cr);
        cairo_arc(cr, c.from.x, c.from.y, 2.2 * dr.unit, 0, 6.283185307179586);
        cairo_fill(cr);
        halo_text(cr, dr, c.text, c.x, c.baseline, c.size);
    }
}

void draw_page_items(cairo_t* cr, const PageDrawing& dr) {
    const double hatch = kHatchUnits * dr.unit;
    for (const SwatchItem& sw : dr.swatches) {
        const double o = sw.outline;
        cairo_rectangle(cr, sw.rect.x + o / 2, sw.rect.y + o / 2, sw.rect.w - o, sw.rect.h - o);
        set_colour(cr, sw.color);
        cairo_fill_preserve(cr);
        set_colour(cr, dr.colors.outline);
        cairo_set_line_width(cr, o);
        cairo_stroke(cr);
        if (sw.pattern != 0 || sw.hatch > 0) {
            Pattern p = sw.pattern != 0 ? status_pattern(sw.pattern, sw.pattern_px, pattern_mark(sw.color))
                                        : hatch_pattern(sw.hatch > 0 ? sw.hatch : hatch, dr.colors.background);
            cairo_rectangle(cr, sw.rect.x + o, sw.rect.y + o, sw.rect.w - 2 * o, sw.rect.h - 2 * o);
            cairo_set_source(cr, p.get());
            cairo_fill(cr);
        }
    }
    for (const TextItem& t : dr.texts) {
        select_font(cr, t.bold, t.size);
        double x = t.x;
        if (t.anchor_end) {
            cairo_text_extents_t e;
            cairo_text_extents(cr, t.text.c_str(), &e);
            x -= e.x_advance;
        }
        const Color c = t.muted ? dr.colors.muted : dr.colors.text;
        set_colour(cr, c, c.a / 255.0);
        cairo_move_to(cr, x, t.baseline);
        cairo_show_text(cr, t.text.c_str());
    }
    if (dr.logo_rect && dr.logo != nullptr && dr.logo->width > 0) {
        const Image& img = *dr.logo;
        Surface s(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, img.width, img.height));
        cairo_surface_flush(s.get());
        unsigned char* px = cairo_image_surface_get_data(s.get());
        const int stride = cairo_image_surface_get_stride(s.get());
        for (int y = 0; y < img.height; ++y) {
            for (int x = 0; x < img.width; ++x) {
                const uint8_t* in = &img.rgba[(static_cast<size_t>(y) * img.width + x) * 4];
                const unsigned a = in[3];
                const uint32_t v = (a << 24) | ((in[0] * a / 255) << 16) | ((in[1] * a / 255) << 8) | (in[2] * a / 255);
                reinterpret_cast<uint32_t*>(px + static_cast<size_t>(y) * stride)[x] = v;
            }
        }
        cairo_surface_mark_dirty(s.get());
        const Rect& r = *dr.logo_rect;
        cairo_save(cr);
        cairo_translate(cr, r.x, r.y);
        cairo_scale(cr, r.w / img.width, r.h / img.height);
        cairo_set_source_surface(cr, s.get(), 0, 0);
        cairo_paint(cr);
        cairo_restore(cr);
    }
}

}  // namespace

std::string pdf_document(const PageDrawing& dr, double dpi, const std::string& date) {
    if (!(dpi > 0)) dpi = 150;
    const double points = 72.0 / dpi;
    std::string bytes;
    Surface surface(cairo_pdf_surface_create_for_stream(append, &bytes, dr.width * points, dr.height * points));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cannot start a PDF");
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, dr.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_SUBJECT, dr.description.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "deportmap");
    if (!date.empty()) cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, (date + "T00:00:00Z").c_str());
    {
        Context cr(cairo_create(surface.get()));
        cairo_scale(cr.get(), points, points);
        if (!dr.map.transparent) {
            set_colour(cr.get(), dr.map.background);
            cairo_paint(cr.get());
        }
        cairo_save(cr.get());
        const Rect& area = dr.map.area;
        cairo_rectangle(cr.get(), area.x, area.y, area.w, area.h);
        cairo_clip(cr.get());
        if (dr.map.outline != nullptr && !dr.map.outline->empty()) {
            add_ring(cr.get(), *dr.map.outline, dr.map.view);
            set_colour(cr.get(), dr.map.ocean);
            cairo_fill(cr.get());
        }
        draw_countries(cr.get(), dr);
        draw_marks(cr.get(), dr);
        draw_labels(cr.get(), dr);
        draw_callouts(cr.get(), dr);
        cairo_restore(cr.get());
        draw_page_items(cr.get(), dr);
        cairo_show_page(cr.get());
    }
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
        throw std::runtime_error(std::string("PDF: ") + cairo_status_to_string(cairo_surface_status(surface.get())));
    }
    return bytes;
}

}  // namespace deportmap::exporter
