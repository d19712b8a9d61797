// Callout parsing and placement (see annotations.hpp).
#include "export/annotations.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>

#include "core/data/csv.hpp"
#include "core/data/text.hpp"
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
        Annotation a;
        a.country = c.front();
        a.text = std::move(text);
        out.push_back(std::move(a));
    }
    return out;
}

std::vector<Annotation> read_annotations_file(const std::string& path, const geo::World& world,
                                              const data::CountryResolver* resolver, const geo::Projector& projector) {
    constexpr size_t kMaxBytes = 1 << 20, kMaxNotes = 500;
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(path, ec);
    if (ec) throw UsageError("--annotations " + path + ": cannot be read (" + ec.message() + ")");
    if (bytes > kMaxBytes) throw UsageError("--annotations " + path + ": over 1 MB; an annotations file is a few notes");
    std::string text, error;
    if (!data::read_text_file(path, text, error)) throw UsageError("--annotations " + path + ": " + error);
    const data::CsvText csv = data::parse_csv(text);
    if (!csv.error.empty()) throw UsageError(path + ":" + std::to_string(csv.error_line) + ": " + csv.error);
    if (csv.records.empty()) throw UsageError(path + ": empty; expected a header with text and country (or lon, lat)");
    std::map<std::string, size_t> column;
    const auto& head = csv.records.front().fields;
    for (size_t i = 0; i < head.size(); ++i) column[std::string(data::trim(head[i]))] = i;
    const bool by_country = column.count("country") != 0, by_point = column.count("lon") && column.count("lat");
    if (!column.count("text") || (!by_country && !by_point)) {
        throw UsageError(path + ":1: header: needs text and either country or lon and lat");
    }
    std::vector<Annotation> out;
    for (size_t r = 1; r < csv.records.size(); ++r) {
        const data::CsvRecord& rec = csv.records[r];
        auto field = [&](const char* name) {
            const auto it = column.find(name);
            return it == column.end() || it->second >= rec.fields.size() ? std::string()
                                                                        : std::string(data::trim(rec.fields[it->second]));
        };
        auto fail = [&](const char* name, const std::string& message) {
            throw UsageError(path + ":" + std::to_string(rec.line) + ": " + name + ": " + message);
        };
        if (rec.fields.size() == 1 && data::trim(rec.fields[0]).empty()) continue;  // a blank line
        if (out.size() >= kMaxNotes) fail("text", "more than 500 notes");
        Annotation a;
        a.text = field("text");
        if (a.text.empty()) fail("text", "empty");
        if (a.text.size() > kMaxAnnotationBytes) fail("text", "longer than 200 bytes");
        const std::string country = by_country ? field("country") : std::string();
        if (!country.empty()) {
            try {
                a.country = country_indices(world, resolver, {country}, "country").front();
            } catch (const UsageError& e) {
                std::string why = e.what();
                if (why.rfind("country: ", 0) == 0) why.erase(0, 9);  // the field is named once
                fail("country", why);
            }
        } else if (by_point) {
            char* end = nullptr;
            const std::string lon = field("lon"), lat = field("lat");
            const double x = std::strtod(lon.c_str(), &end);
            if (lon.empty() || *end != '\0' || !(x >= -180 && x <= 180)) fail("lon", "'" + lon + "' is not a longitude");
            const double y = std::strtod(lat.c_str(), &end);
            if (lat.empty() || *end != '\0' || !(y >= -90 && y <= 90)) fail("lat", "'" + lat + "' is not a latitude");
            const geo::Vec2 p = projector.forward(geo::Vec2{x, y});
            if (!std::isfinite(p.x) || !std::isfinite(p.y)) fail("lon", "outside this projection");
            a.point = p;
        } else {
            fail("country", "empty (and no lon, lat)");
        }
        for (const char* name : {"date_from", "date_to"}) {
            const std::string v = field(name);
            if (v.empty()) continue;
            std::string why;
            const auto d = data::parse_date(v, &why);
            if (!d) fail(name, "'" + v + "': " + why);
            if (std::string(name) == "date_from") {
                a.from = d->first_day();
            } else {
                a.to = d->last_day();
            }
        }
        out.push_back(std::move(a));
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
        const bool on_shape =
            a.country >= 0 && static_cast<size_t>(a.country) < shapes.size() && !shapes[static_cast<size_t>(a.country)].bbox.empty();
        if (!on_shape && !a.point) continue;
        const geo::Vec2 p = view.to_pixel(a.point ? *a.point : shapes[static_cast<size_t>(a.country)].label_point);
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
