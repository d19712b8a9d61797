// Callout parsing and placement (see annotations.hpp).
#include "export/annotations.hpp"

#include <algorithm>
#include <cmath>

#include "export/compose.hpp"
#include "export/font.hpp"
#include "export/setup.hpp"
#include "core/util/args.hpp"

namespace deportmap::exporter {
namespace {

constexpr size_t kMaxAnnotationBytes = 200;

bool overlaps(const Rect& a, const Rect& b, double gap) {
    return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

bool inside(const Rect& r, const Rect& area, double margin) {
    return r.x >= area.x + margin && r.y >= area.y + margin && r.x + r.w <= area.x + area.w - margin &&
           r.y + r.h <= area.y + area.h - margin;
}

// The point of `r` nearest to `p`.
geo::Vec2 nearest_on(const Rect& r, geo::Vec2 p) {
    return {std::clamp(p.x, r.x, r.x + r.w), std::clamp(p.y, r.y, r.y + r.h)};
}

}  // namespace

std::vector<Annotation> parse_annotations(const geo::World& world, const data::CountryResolver* resolver,
                                          const std::vector<std::string>& values) {
    std::vector<Annotation> out;
    for (const std::string& v : values) {
        const size_t eq = v.find('=');
        if (eq == std::string::npos || eq == 0) {
            throw UsageError("--annotate '" + v + "': expected COUNTRY=TEXT, as in --annotate \"RWA=Paid $100,000\"");
        }
        std::string text = v.substr(eq + 1);
        if (text.empty()) throw UsageError("--annotate '" + v + "': the text after '=' is empty");
        if (text.size() > kMaxAnnotationBytes) {
            throw UsageError("--annotate: a note of " + std::to_string(text.size()) + " bytes; at most " +
                             std::to_string(kMaxAnnotationBytes));
        }
        const std::vector<int> c = country_indices(world, resolver, {v.substr(0, eq)}, "--annotate");
        out.push_back({c.front(), std::move(text)});
    }
    return out;
}

std::vector<Callout> place_callouts(const std::vector<Annotation>& annotations,
                                    const std::vector<geo::ProjectedShape>& shapes, const ViewTransform& view,
                                    const Rect& map_area, const std::vector<MapLabel>& labels, double unit) {
    const text::Font& font = text::Font::regular();
    const double size = 17.0 * unit, margin = 4.0 * unit, gap = 3.0 * unit;
    std::vector<Rect> taken;
    for (const MapLabel& l : labels) {
        const double w = font.measure(l.text, l.size);
        taken.push_back({l.x, l.baseline - font.ascent(l.size), w, font.ascent(l.size) + font.descent(l.size)});
    }
    // Spots around the anchor, nearest first: right, upper right, lower right, left, …
    const double dirs[8][2] = {{1, 0}, {1, -1}, {1, 1}, {-1, 0}, {-1, -1}, {-1, 1}, {0, -1}, {0, 1}};
    std::vector<Callout> out;
    for (const Annotation& a : annotations) {
        if (a.country < 0 || static_cast<size_t>(a.country) >= shapes.size() || shapes[a.country].bbox.empty()) continue;
        const geo::Vec2 p = view.to_pixel(shapes[static_cast<size_t>(a.country)].label_point);
        const geo::Vec2 anchor{p.x + map_area.x, p.y + map_area.y};
        const double w = font.measure(a.text, size), asc = font.ascent(size), h = asc + font.descent(size);
        std::optional<Rect> chosen, fallback;
        for (const double distance : {30.0 * unit, 60.0 * unit, 100.0 * unit, 150.0 * unit}) {
            for (const auto& d : dirs) {
                const double cx = anchor.x + d[0] * distance, cy = anchor.y + d[1] * distance * 0.7;
                Rect r{d[0] > 0 ? cx : d[0] < 0 ? cx - w : cx - w / 2, d[1] > 0 ? cy : d[1] < 0 ? cy - h : cy - h / 2, w, h};
                if (!fallback && inside(r, map_area, margin)) fallback = r;
                if (!inside(r, map_area, margin)) continue;
                const Rect dot{anchor.x - 3 * unit, anchor.y - 3 * unit, 6 * unit, 6 * unit};
                bool clear = !overlaps(r, dot, gap);
                for (const Rect& t : taken) clear = clear && !overlaps(r, t, gap);
                if (clear) {
                    chosen = r;
                    break;
                }
            }
            if (chosen) break;
        }
        Rect box = chosen ? *chosen : fallback ? *fallback
                                               : Rect{std::clamp(anchor.x + 30 * unit, map_area.x, map_area.x + map_area.w - w),
                                                      std::clamp(anchor.y, map_area.y, map_area.y + map_area.h - h), w, h};
        taken.push_back(box);
        Callout c;
        c.country = a.country;
        c.text = a.text;
        c.size = size;
        c.x = box.x;
        c.baseline = box.y + asc;
        c.box = box;
        c.from = anchor;
        c.to = nearest_on(Rect{box.x - gap, box.y - gap, box.w + 2 * gap, box.h + 2 * gap}, anchor);
        out.push_back(c);
    }
    return out;
}

}  // namespace deportmap::exporter
