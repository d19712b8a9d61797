// SVG writer for composed exports (see svg.hpp). Numbers are printed with fixed
// formatting so the same inputs always give the same bytes.
#include "export/svg.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/patterns.hpp"
#include "export/compose.hpp"
#include "export/font.hpp"

namespace deportmap::exporter {

std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default:
                // Control characters are not allowed in XML 1.0.
                if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') break;
                out += c;
        }
    }
    return out;
}

namespace {

// Fixed-point number in tenths: "12.3", "12" (no trailing ".0"), "-0.5".
void put_number(std::string& out, long tenths) {
    if (tenths < 0) {
        out += '-';
        tenths = -tenths;
    }
    out += std::to_string(tenths / 10);
    if (tenths % 10) {
        out += '.';
        out += static_cast<char>('0' + tenths % 10);
    }
}

std::string num(double v) {
    std::string s;
    put_number(s, std::lround(v * 10));
    return s;
}

std::string color_attr(Color c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
    return buf;
}

std::string opacity_attr(const char* name, Color c) {
    if (c.a == 255) return "";
    char buf[48];
    std::snprintf(buf, sizeof buf, " %s=\"%.3f\"", name, c.a / 255.0);
    return buf;
}

// Appends path data for `ring` in page pixels, skipping points that round to the same.
void put_ring(std::string& d, const geo::Ring& ring, const ViewTransform& view) {
    long px = 0, py = 0;
    bool first = true;
    size_t n = 0;
    for (const geo::Vec2& p : ring) {
        const geo::Vec2 q = view.to_pixel(p);
        const long x = std::lround(q.x * 10), y = std::lround(q.y * 10);
        if (!first && x == px && y == py) continue;
        d += first ? 'M' : 'L';
        put_number(d, x);
        d += ' ';
        put_number(d, y);
        px = x;
        py = y;
        first = false;
        ++n;
    }
    if (n > 0) d += 'Z';
}

// A userSpaceOnUse pattern of diagonal stripes (top-left to bottom-right), `period`
// pixels apart along x and 0.35 of it wide, in `color` at half opacity.
std::string hatch_pattern(double period, Color color) {
    const double w = period * 0.35;
    return "<pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"" + num(period) +
           "\" height=\"" + num(period) + "\"><path d=\"M0 0H" + num(w) + "L" + num(period) + " " +
           num(period - w) + "V" + num(period) + "ZM0 " + num(period - w) + "L" + num(w) + " " +
           num(period) + "H0Z\" fill=\"" + color_attr(color) + "\" fill-opacity=\"0.5\"/></pattern>";
}

// The id of a status pattern's marks in `mark` (dark or light, by the fill beneath).
std::string pattern_id(int pattern, Color mark) {
    return "pattern-" + std::to_string(pattern) + (mark.r == 0 ? "-dark" : "-light");
}

// A userSpaceOnUse pattern of status pattern `pattern` (core/patterns.hpp), `period`
// pixels, its marks in `mark` at the mark's opacity: the shapes of on_pattern.
std::string status_pattern_def(int pattern, double period, Color mark) {
    const double p = pattern == 7 ? period * 1.5 : period;
    const std::string P = num(p);
    std::string shapes;
    auto rect = [&](double x, double y, double w, double h) {
        shapes += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) + "\"/>";
    };
    switch (pattern) {
        case 1: rect(0, 0, p, p * 0.28); break;
        case 2: shapes = "<circle cx=\"" + num(p / 2) + "\" cy=\"" + num(p / 2) + "\" r=\"" + num(p * 0.2) + "\"/>"; break;
        case 3: rect(0, 0, p * 0.28, p); break;
        case 4: {
            const double w = p * 0.28;
            shapes = "<path d=\"M0 0H" + num(w) + "L0 " + num(w) + "ZM" + P + " 0L" + P + " " + num(w) + "L" + num(w) +
                     " " + P + "L0 " + P + "Z\"/>";
            break;
        }
        case 5: rect(0, 0, p, p * 0.18); rect(0, 0, p * 0.18, p); break;
        case 6: rect(0, 0, p / 2, p / 2); rect(p / 2, p / 2, p / 2, p / 2); break;
        case 7: shapes = "<circle cx=\"" + num(p / 2) + "\" cy=\"" + num(p / 2) + "\" r=\"" + num(p * 0.3) + "\"/>"; break;
        default: return "";
    }
    return "<pattern id=\"" + pattern_id(pattern, mark) + "\" patternUnits=\"userSpaceOnUse\" width=\"" + P +
           "\" height=\"" + P + "\"><g fill=\"" + color_attr(mark) + "\" fill-opacity=\"" + num(mark.a / 255.0) +
           "\">" + shapes + "</g></pattern>";
}

// Every status pattern the page uses (map and legend), once each.
std::string status_pattern_defs(const PageDrawing& dr, double period) {
    std::vector<std::string> ids;
    std::string s;
    auto add = [&](int pattern, Color fill) {
        if (pattern == 0) return;
        const Color mark = pattern_mark(fill);
        const std::string id = pattern_id(pattern, mark);
        if (std::find(ids.begin(), ids.end(), id) != ids.end()) return;
        ids.push_back(id);
        s += status_pattern_def(pattern, period, mark);
    };
    for (size_t c = 0; c < dr.map.pattern.size() && c < dr.map.fill.size(); ++c) add(dr.map.pattern[c], dr.map.fill[c]);
    for (const SwatchItem& sw : dr.swatches) add(sw.pattern, sw.color);
    return s;
}

std::string base64(const std::string& bytes) {
    static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const uint32_t v = (static_cast<uint8_t>(bytes[i]) << 16) |
                           (static_cast<uint8_t>(bytes[i + 1]) << 8) | static_cast<uint8_t>(bytes[i + 2]);
        out += k[v >> 18];
        out += k[(v >> 12) & 63];
        out += k[(v >> 6) & 63];
        out += k[v & 63];
    }
    if (i + 1 == bytes.size()) {
        const uint32_t v = static_cast<uint8_t>(bytes[i]) << 16;
        out += k[v >> 18];
        out += k[(v >> 12) & 63];
        out += "==";
    } else if (i + 2 == bytes.size()) {
        const uint32_t v = (static_cast<uint8_t>(bytes[i]) << 16) | (static_cast<uint8_t>(bytes[i + 1]) << 8);
        out += k[v >> 18];
        out += k[(v >> 12) & 63];
        out += k[(v >> 6) & 63];
        out += '=';
    }
    return out;
}

}  // namespace

namespace {

std::string svg_head(const PageDrawing& dr) {
    const MapLayer& map = dr.map;
    const std::string w = std::to_string(dr.width), h = std::to_string(dr.height);
    std::string s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    s += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + w + "\" height=\"" + h +
         "\" viewBox=\"0 0 " + w + " " + h + "\">\n";
    // What a screen reader announces: the title, then the map in words.
    if (!dr.title.empty()) s += "<title>" + xml_escape(dr.title) + "</title>\n";
    if (!dr.description.empty()) s += "<desc>" + xml_escape(dr.description) + "</desc>\n";
    const Rect& r = map.area;
    bool hatched = false;
    for (const SwatchItem& sw : dr.swatches) hatched = hatched || sw.hatch > 0;
    for (const uint8_t a : map.striped) hatched = hatched || (a != 0 && map.hatch_px > 0);
    const double hatch_period = map.hatch_px > 0 ? map.hatch_px : kHatchUnits * dr.unit;
    s += "<defs><clipPath id=\"map-clip\"><rect x=\"" + num(r.x) + "\" y=\"" + num(r.y) + "\" width=\"" +
         num(r.w) + "\" height=\"" + num(r.h) + "\"/></clipPath>" +
         (hatched ? hatch_pattern(hatch_period, map.background) : std::string()) +
         status_pattern_defs(dr, pattern_period(hatch_period)) + "</defs>\n";
    if (!map.transparent) {
        s += "<rect id=\"background\" width=\"" + w + "\" height=\"" + h + "\" fill=\"" +
             color_attr(map.background) + "\"/>\n";
    }
    return s;
}

std::string stroke_attrs(const MapLayer& map) {
    return " stroke=\"" + color_attr(map.border) + "\" stroke-width=\"" + num(map.border_width) +
           "\" stroke-linejoin=\"round\"";
}

// Whether a country's box meets the map area (countries wholly outside are left out).
bool in_area(const MapLayer& map, const geo::ProjectedShape& shape) {
    const Rect& r = map.area;
    const geo::Vec2 a = map.view.to_pixel({shape.bbox.min_x, shape.bbox.min_y});
    const geo::Vec2 b = map.view.to_pixel({shape.bbox.max_x, shape.bbox.max_y});
    return !(std::max(a.x, b.x) < r.x || std::min(a.x, b.x) > r.x + r.w || std::max(a.y, b.y) < r.y ||
             std::min(a.y, b.y) > r.y + r.h);
}

// The countries, one group per status in legend order, then those without one; then
// the striped overlay. Fills `shape_data` (path data per country) for the outlines.
std::string svg_countries(const MapLayer& map, std::vector<std::string>& shape_data) {
    std::string s;
    std::vector<data::StatusIndex> groups;
    if (map.table != nullptr) groups = map.table->legend();
    groups.push_back(data::kNoStatus);
    const size_t count = map.world ? map.world->countries.size() : 0;
    shape_data.assign(count, std::string());
    std::string approximate;  // the striped overlay: shapes again, pattern-filled
    std::string patterned;    // the status patterns' overlay (--patterns)
    for (const data::StatusIndex g : groups) {
        const bool none = g == data::kNoStatus;
        const std::string key = none ? "none" : (*map.table)[static_cast<size_t>(g)].key;
        std::string body;
        std::optional<Color> fill;
        for (size_t c = 0; c < count; ++c) {
            const data::StatusIndex sc = c < map.statuses.size() ? map.statuses[c] : data::kNoStatus;
            if (sc != g || map.shapes == nullptr || c >= map.shapes->size()) continue;
            const geo::ProjectedShape& shape = (*map.shapes)[c];
            if (!in_area(map, shape)) continue;
            std::string d;
            for (const geo::Polygon& poly : shape.polygons) {
                for (const geo::Ring& ring : poly.rings) put_ring(d, ring, map.view);
            }
            if (d.empty()) continue;
            if (!fill && c < map.fill.size()) fill = map.fill[c];  // one status, one fill
            const std::string iso3 = xml_escape(map.world->countries[c].iso3);
            body += "<path id=\"" + iso3 + "\" data-status=\"" + xml_escape(key) + "\" d=\"" + d + "\"/>\n";
            if (c < map.pattern.size() && map.pattern[c] != 0 && c < map.fill.size()) {
                patterned += "<path data-country=\"" + iso3 + "\" fill=\"url(#" +
                             pattern_id(map.pattern[c], pattern_mark(map.fill[c])) + ")\" d=\"" + d + "\"/>\n";
            }
            if (c < map.striped.size() && map.striped[c] && map.hatch_px > 0) {
                approximate += "<path data-country=\"" + iso3 + "\" d=\"" + d + "\"/>\n";
            }
            shape_data[c] = std::move(d);
        }
        if (body.empty()) continue;
        s += "<g id=\"status-" + xml_escape(key) + "\" fill=\"" + color_attr(fill.value_or(map.no_data)) +
             "\" fill-rule=\"evenodd\"" + (map.border_width > 0 ? stroke_attrs(map) : std::string()) + ">\n";
        s += body;
        s += "</g>\n";
    }
    if (!patterned.empty()) s += "<g id=\"patterns\" fill-rule=\"evenodd\">\n" + patterned + "</g>\n";
    if (!approximate.empty()) {
        s += "<g id=\"approximate\" fill=\"url(#hatch)\" fill-rule=\"evenodd\">\n" + approximate + "</g>\n";
    }
    return s;
}

// Outlines, markers and labels over the countries.
std::string svg_map_shapes(const PageDrawing& dr, const std::vector<std::string>& shape_data) {
    const MapLayer& map = dr.map;
    const size_t count = shape_data.size();
    std::string s, outlines;
    for (const OutlineItem& o : dr.outlines) {
        const int c = o.country;
        if (c < 0 || static_cast<size_t>(c) >= count || shape_data[static_cast<size_t>(c)].empty()) continue;
        outlines += "<path data-country=\"" + xml_escape(map.world->countries[static_cast<size_t>(c)].iso3) +
                    "\" d=\"" + shape_data[static_cast<size_t>(c)] + "\"/>\n";
    }
    if (!outlines.empty()) {
        const OutlineItem& first = dr.outlines.front();
        s += "<g id=\"highlight\" fill=\"none\" stroke=\"" + color_attr(first.color) + "\" stroke-width=\"" +
             num(first.width) + "\" stroke-linejoin=\"round\">\n" + outlines + "</g>\n";
    }
    if (!dr.markers.empty()) {
        s += "<g id=\"markers\"" + stroke_attrs(map) + ">\n";
        for (const CircleItem& m : dr.markers) {
            const auto i = static_cast<size_t>(m.country);
            const geo::Vec2 p = map.view.to_pixel(m.anchor);
            const data::Status& st = (*map.table)[static_cast<size_t>(map.statuses[i])];
            s += "<circle id=\"marker-" + xml_escape(map.world->countries[i].iso3) + "\" data-status=\"" +
                 xml_escape(st.key) + "\" cx=\"" + num(p.x) + "\" cy=\"" + num(p.y) + "\" r=\"" +
                 num(m.radius) + "\" fill=\"" + color_attr(m.fill) + "\"/>\n";
        }
        s += "</g>\n";
    }
    if (!dr.labels.empty()) {
        const double size = dr.labels.front().size;
        s += std::string("<g id=\"labels\" font-family=\"") + text::Font::kFamily + ", sans-serif\" font-size=\"" +
             num(size) + "\" fill=\"" + color_attr(dr.label_color) + "\" stroke=\"" + color_attr(dr.label_halo) +
             "\" stroke-opacity=\"0.6\" stroke-width=\"" + num(std::max(1.0, size / 7.0)) +
             "\" stroke-linejoin=\"round\" paint-order=\"stroke\">\n";
        for (const MapLabel& l : dr.labels) {
            const auto i = static_cast<size_t>(l.country);
            s += "<text data-country=\"" + (i < count ? xml_escape(map.world->countries[i].iso3) : std::string()) +
                 "\" x=\"" + num(l.x) + "\" y=\"" + num(l.baseline) + "\">" + xml_escape(l.text) + "</text>\n";
        }
        s += "</g>\n";
    }
    if (!dr.callouts.empty()) {
        const std::string ink = color_attr(dr.label_color);
        s += std::string("<g id=\"annotations\" font-family=\"") + text::Font::kFamily + ", sans-serif\">\n";
        for (const Callout& c : dr.callouts) {
            const std::string iso3 = c.country >= 0 && static_cast<size_t>(c.country) < count
                                         ? xml_escape(map.world->countries[static_cast<size_t>(c.country)].iso3)
                                         : std::string();
            s += "<g data-country=\"" + iso3 + "\"><line x1=\"" + num(c.from.x) + "\" y1=\"" + num(c.from.y) +
                 "\" x2=\"" + num(c.to.x) + "\" y2=\"" + num(c.to.y) + "\" stroke=\"" + ink + "\" stroke-width=\"" +
                 num(std::max(1.0, 1.2 * dr.unit)) + "\"/><circle cx=\"" + num(c.from.x) + "\" cy=\"" + num(c.from.y) +
                 "\" r=\"" + num(2.2 * dr.unit) + "\" fill=\"" + ink + "\"/><text x=\"" + num(c.x) + "\" y=\"" +
                 num(c.baseline) + "\" font-size=\"" + num(c.size) + "\" fill=\"" + ink + "\" stroke=\"" +
                 color_attr(dr.label_halo) + "\" stroke-opacity=\"0.6\" stroke-width=\"" +
                 num(std::max(1.0, c.size / 7.0)) + "\" stroke-linejoin=\"round\" paint-order=\"stroke\">" +
                 xml_escape(c.text) + "</text></g>\n";
        }
        s += "</g>\n";
    }
    return s;
}

// The legend's swatches, the page's text runs and the logo.
std::string svg_page_items(const PageDrawing& dr) {
    const PageColors& colors = dr.colors;
    std::string s = "<g id=\"legend\">\n";
    for (const SwatchItem& sw : dr.swatches) {
        s += "<rect x=\"" + num(sw.rect.x + sw.outline / 2) + "\" y=\"" + num(sw.rect.y + sw.outline / 2) +
             "\" width=\"" + num(sw.rect.w - sw.outline) + "\" height=\"" + num(sw.rect.h - sw.outline) +
             "\" fill=\"" + color_attr(sw.color) + "\" stroke=\"" + color_attr(colors.outline) +
             "\" stroke-width=\"" + num(sw.outline) + "\"/>\n";
        if (sw.pattern != 0) {
            s += "<rect x=\"" + num(sw.rect.x + sw.outline) + "\" y=\"" + num(sw.rect.y + sw.outline) +
                 "\" width=\"" + num(sw.rect.w - 2 * sw.outline) + "\" height=\"" + num(sw.rect.h - 2 * sw.outline) +
                 "\" fill=\"url(#" + pattern_id(sw.pattern, pattern_mark(sw.color)) + ")\"/>\n";
        }
        if (sw.hatch > 0) {
            s += "<rect x=\"" + num(sw.rect.x + sw.outline) + "\" y=\"" + num(sw.rect.y + sw.outline) +
                 "\" width=\"" + num(sw.rect.w - 2 * sw.outline) + "\" height=\"" + num(sw.rect.h - 2 * sw.outline) +
                 "\" fill=\"url(#hatch)\"/>\n";
        }
    }
    s += "</g>\n";
    s += std::string("<g id=\"text\" font-family=\"") + text::Font::kFamily + ", sans-serif\">\n";
    for (const TextItem& t : dr.texts) {
        const Color c = t.muted ? colors.muted : colors.text;
        s += "<text x=\"" + num(t.x) + "\" y=\"" + num(t.baseline) + "\" font-size=\"" + num(t.size) + "\"" +
             (t.bold ? " font-weight=\"bold\"" : "") + (t.anchor_end ? " text-anchor=\"end\"" : "") + " fill=\"" +
             color_attr(c) + "\"" + opacity_attr("fill-opacity", c) + ">" + xml_escape(t.text) + "</text>\n";
    }
    s += "</g>\n";
    if (dr.logo_rect && !dr.logo_bytes.empty()) {
        const Rect& l = *dr.logo_rect;
        s += "<image id=\"logo\" x=\"" + num(l.x) + "\" y=\"" + num(l.y) + "\" width=\"" + num(l.w) +
             "\" height=\"" + num(l.h) + "\" href=\"data:" + dr.logo_mime + ";base64," + base64(dr.logo_bytes) +
             "\"/>\n";
    }
    return s;
}

}  // namespace

std::string svg_document(const PageDrawing& dr) {
    std::string s;
    s.reserve(1 << 20);
    s += svg_head(dr);
    s += "<g id=\"map\" clip-path=\"url(#map-clip)\">\n";
    if (dr.map.outline != nullptr && !dr.map.outline->empty()) {
        std::string d;
        put_ring(d, *dr.map.outline, dr.map.view);
        s += "<path id=\"ocean\" fill=\"" + color_attr(dr.map.ocean) + "\" d=\"" + d + "\"/>\n";
    }
    std::vector<std::string> shape_data;
    s += svg_countries(dr.map, shape_data);
    s += svg_map_shapes(dr, shape_data);
    s += "</g>\n";
    s += svg_page_items(dr);
    s += "</svg>\n";
    return s;
}

}  // namespace deportmap::exporter
