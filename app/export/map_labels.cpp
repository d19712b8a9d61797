// Labels and outlines of exported maps (see map_labels.hpp).
#include "export/map_labels.hpp"

#include <algorithm>
#include <cmath>

#include "export/layout.hpp"
#include "core/labels.hpp"
#include "export/font.hpp"

namespace deportmap::exporter {

std::vector<MapLabel> place_map_labels(const MapLabelInput& in) {
    std::vector<MapLabel> out;
    if (in.world == nullptr || in.shapes == nullptr) return out;
    const text::Font& font = text::Font::regular();
    const double px = kLabelUnits * in.unit;
    const double ascent = font.ascent(px), height = ascent + font.descent(px);
    const auto measure = [&](const std::string& s) { return geo::Vec2{font.measure(s, px), height}; };
    std::vector<uint8_t> has_marker(in.shapes->size(), 0);
    for (const int m : in.markers) {
        if (m >= 0 && static_cast<size_t>(m) < has_marker.size()) has_marker[static_cast<size_t>(m)] = 1;
    }
    const double px2 = std::abs(in.view.scale_x * in.view.scale_y);
    std::vector<LabelCandidate> candidates;
    const size_t n = std::min({in.shapes->size(), in.statuses.size(), in.world->countries.size()});
    for (size_t i = 0; i < n; ++i) {
        const geo::ProjectedShape& shape = (*in.shapes)[i];
        if (in.statuses[i] == data::kNoStatus || shape.polygons.empty()) continue;
        const LabelName label = label_name(in.world->countries[i].iso3, in.world->countries[i].name);
        if (label.text.empty()) continue;
        geo::Vec2 anchor = in.view.to_pixel(shape.label_point);
        if (has_marker[i]) anchor.x += in.marker_radius + 3.0 * in.unit + measure(label.text).x * 0.5;
        candidates.push_back({static_cast<int>(i), label.text, anchor, shape.area * px2, label.short_text,
                              has_marker[i] != 0});
    }
    const std::vector<PlacedLabel> placed = place_labels(
        std::move(candidates), measure, in.map_width, in.map_height, {3.0 * in.unit, 2.0 * in.unit});
    out.reserve(placed.size());
    for (const PlacedLabel& l : placed) {
        out.push_back({l.country, l.text, in.map_x + l.box.min_x, in.map_y + l.box.min_y + ascent, px});
    }
    return out;
}

void draw_map_labels(Canvas& canvas, const std::vector<MapLabel>& labels, Color text, Color halo) {
    const text::Font& font = text::Font::regular();
    halo.a = 255;
    for (const MapLabel& l : labels) {
        // A soft halo: the text in the background colour around the glyphs.
        const double r = std::max(1.0, l.size / 12.0);
        constexpr double kD = 0.7071;
        const double offsets[8][2] = {{-r, 0}, {r, 0}, {0, -r}, {0, r},
                                      {-r * kD, -r * kD}, {r * kD, -r * kD}, {-r * kD, r * kD}, {r * kD, r * kD}};
        Color soft = halo;
        soft.a = 150;
        for (const auto& d : offsets) font.draw(canvas, l.x + d[0], l.baseline + d[1], l.text, l.size, soft);
    }
    // Text after every halo, so a halo never covers a neighbour's letters.
    for (const MapLabel& l : labels) font.draw(canvas, l.x, l.baseline, l.text, l.size, text);
}

std::vector<std::vector<geo::Vec2>> shape_rings_px(const geo::ProjectedShape& shape,
                                                   const ViewTransform& view, double ox,
                                                   double oy) {
    std::vector<std::vector<geo::Vec2>> rings;
    for (const geo::Polygon& poly : shape.polygons) {
        for (const geo::Ring& ring : poly.rings) {
            std::vector<geo::Vec2> r;
            r.reserve(ring.size());
            for (const geo::Vec2& p : ring) {
                const geo::Vec2 q = view.to_pixel(p);
                r.push_back({q.x + ox, q.y + oy});
            }
            if (r.size() >= 2) rings.push_back(std::move(r));
        }
    }
    return rings;
}

void stroke_rings(Canvas& canvas, const std::vector<std::vector<geo::Vec2>>& rings, double width,
                  Color color, int clip_x0, int clip_y0, int clip_x1, int clip_y1) {
    if (!(width > 0) || canvas.width() <= 0 || canvas.height() <= 0) return;
    const double half = width / 2;
    const double reach = half + 1.0;
    // The page area the rings touch, clipped to the canvas.
    double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
    for (const auto& ring : rings) {
        for (const geo::Vec2& p : ring) {
            min_x = std::min(min_x, p.x);
            min_y = std::min(min_y, p.y);
            max_x = std::max(max_x, p.x);
            max_y = std::max(max_y, p.y);
        }
    }
    clip_x0 = std::max(0, clip_x0);
    clip_y0 = std::max(canvas.band_top(), clip_y0);
    clip_x1 = std::min(canvas.width(), clip_x1);
    clip_y1 = std::min(canvas.band_top() + canvas.band_rows(), clip_y1);
    if (!(min_x <= max_x) || !(min_y <= max_y)) return;
    // Clamped in double first: far-off points must not overflow an int.
    const auto clampi = [](double v, int lo, int hi) {
        return static_cast<int>(std::clamp(v, static_cast<double>(lo), static_cast<double>(hi)));
    };
    const int x0 = clampi(std::floor(min_x - reach), clip_x0, clip_x1);
    const int y0 = clampi(std::floor(min_y - reach), clip_y0, clip_y1);
    const int x1 = clampi(std::ceil(max_x + reach) + 1, clip_x0, clip_x1);
    const int y1 = clampi(std::ceil(max_y + reach) + 1, clip_y0, clip_y1);
    if (x1 <= x0 || y1 <= y0) return;
    const int mw = x1 - x0, mh = y1 - y0;
    std::vector<uint8_t> mask(static_cast<size_t>(mw) * static_cast<size_t>(mh), 0);
    for (const auto& ring : rings) {
        for (size_t k = 0; k < ring.size(); ++k) {
            const geo::Vec2 a = ring[k];
            const geo::Vec2 b = ring[(k + 1) % ring.size()];
            const int sx0 = clampi(std::floor(std::min(a.x, b.x) - reach), x0, x1);
            const int sy0 = clampi(std::floor(std::min(a.y, b.y) - reach), y0, y1);
            const int sx1 = clampi(std::ceil(std::max(a.x, b.x) + reach) + 1, x0, x1);
            const int sy1 = clampi(std::ceil(std::max(a.y, b.y) + reach) + 1, y0, y1);
            const double dx = b.x - a.x, dy = b.y - a.y;
            const double len2 = dx * dx + dy * dy;
            for (int y = sy0; y < sy1; ++y) {
                for (int x = sx0; x < sx1; ++x) {
                    const double px = x + 0.5 - a.x, py = y + 0.5 - a.y;
                    const double t = len2 > 0 ? std::clamp((px * dx + py * dy) / len2, 0.0, 1.0) : 0.0;
                    const double d = std::hypot(px - t * dx, py - t * dy);
                    const auto cover = static_cast<uint8_t>(std::lround(std::clamp(half - d + 0.5, 0.0, 1.0) * 255));
                    uint8_t& m = mask[static_cast<size_t>(y - y0) * static_cast<size_t>(mw) + static_cast<size_t>(x - x0)];
                    m = std::max(m, cover);
                }
            }
        }
    }
    for (int y = y0; y < y1; ++y) {
        for (int x = x0; x < x1; ++x) {
            const uint8_t m = mask[static_cast<size_t>(y - y0) * static_cast<size_t>(mw) + static_cast<size_t>(x - x0)];
            if (m > 0) canvas.blend(x, y, color, m / 255.0f);
        }
    }
}

}  // namespace deportmap::exporter
