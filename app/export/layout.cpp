// Page layout maths for composed exports (see layout.hpp).
#include "export/layout.hpp"

#include <algorithm>
#include <cmath>

#include "core/patterns.hpp"
#include "export/font.hpp"

namespace deportmap::exporter {

double type_unit(int width, int height, double scale, std::optional<double> dpi) {
    if (dpi) return *dpi / 150.0 * scale;
    return std::min(width, height) / 1080.0 * scale;
}

namespace {

// Type scale in units (pixels at 1920x1080).
constexpr double kMargin = 40;
constexpr double kTitle = 44;
constexpr double kSubtitle = 26;
constexpr double kDate = 30;
constexpr double kLegend = 22;
constexpr double kSmall = 18;
constexpr double kLine = 1.25;  // line height / em size

// Shrinks the map's slot to the map's aspect (or by the reserved amount) and moves the
// header down and the footer up by half of what was taken out each.
void close_in(PageLayout& page, const PageOptions& o, size_t header_items) {
    double excess = 0;
    if (o.closed_in) {
        excess = *o.closed_in;
    } else if (o.map_aspect > 0) {
        const double needed = page.map.w / o.map_aspect;
        // Small differences stay: they are the fit's margin, not a band.
        if (page.map.h - needed > 0.04 * page.map.h) excess = 2 * std::floor((page.map.h - needed) / 2);
    }
    excess = std::clamp(excess, 0.0, page.map.h - 1);
    if (excess <= 0) return;
    const double half = excess / 2;
    for (size_t i = 0; i < page.texts.size(); ++i) page.texts[i].baseline += i < header_items ? half : -half;
    for (SwatchItem& s : page.swatches) s.rect.y -= half;
    if (page.logo) page.logo->y -= half;
    page.map.y += half;
    page.map.h -= excess;
    page.closed_in = excess;
}

}  // namespace

PageLayout compute_layout(const PageText& text, const PageOptions& o) {
    PageLayout page;
    page.width = o.width;
    page.height = o.height;
    page.unit = o.unit;
    if (!o.full) {
        page.map = {0, 0, static_cast<double>(o.width), static_cast<double>(o.height)};
        return page;
    }
    const text::Font& regular = text::Font::regular();
    const text::Font& bold = text::Font::bold();
    const double u = o.unit;
    const double m = std::round(std::min(kMargin * u, 0.08 * std::min(o.width, o.height)));
    const double left = m, right = o.width - m;
    const double cw = std::max(1.0, right - left);

    // Header: title (wrapped beside the date), subtitle below.
    double y = m;
    const double date_px = kDate * u;
    const double date_w = text.date_line.empty() ? 0 : bold.measure(text.date_line, date_px);
    const double title_px = kTitle * u;
    double first_baseline = y + bold.ascent(title_px);
    if (!text.title.empty()) {
        const double title_w = std::max(cw * 0.4, cw - date_w - 32 * u);
        const auto lines = text::wrap_text(bold, text.title, title_px, title_w);
        for (size_t i = 0; i < lines.size(); ++i) {
            const double baseline = y + bold.ascent(title_px);
            if (i == 0) first_baseline = baseline;
            page.texts.push_back({lines[i], left, baseline, title_px, true, false, false});
            y += title_px * kLine;
        }
    }
    if (!text.date_line.empty()) {
        if (text.title.empty()) {
            first_baseline = y + bold.ascent(date_px);
            y += date_px * kLine;
        }
        page.texts.push_back({text.date_line, right, first_baseline, date_px, true, false, true});
    }
    if (!text.subtitle.empty()) {
        const double px = kSubtitle * u;
        for (const std::string& line : text::wrap_text(regular, text.subtitle, px, cw)) {
            page.texts.push_back({line, left, y + regular.ascent(px), px, false, true, false});
            y += px * kLine;
        }
    }
    const double map_top = y > m ? y + 12 * u : m;
    const size_t header_items = page.texts.size();

    // Footer, from the bottom up: source line(s) beside the logo, then notes, then legend.
    double bottom = o.height - m;
    const double small = kSmall * u;
    double logo_w = 0;
    if (o.logo_width > 0 && o.logo_height > 0) {
        double lh = std::round(56 * u);
        double lw = std::round(lh * o.logo_width / o.logo_height);
        if (lw > cw * 0.3) {
            lw = std::round(cw * 0.3);
            lh = std::max(1.0, std::round(lw * o.logo_height / o.logo_width));
        }
        page.logo = Rect{std::round(right - lw), std::round(bottom - lh), lw, lh};
        logo_w = lw + 24 * u;
    }
    double footer_top = bottom;
    if (!text.source.empty()) {
        auto lines = text::wrap_text(regular, text.source, small, cw - logo_w);
        double ly = bottom - small * kLine * static_cast<double>(lines.size());
        footer_top = ly;
        for (const std::string& line : lines) {
            page.texts.push_back({line, left, ly + regular.ascent(small), small, false, true, false});
            ly += small * kLine;
        }
    }
    if (page.logo) footer_top = std::min(footer_top, page.logo->y);
    bottom = footer_top;
    if (!text.notes.empty()) {
        auto lines = text::wrap_text(regular, text.notes, small, cw);
        bottom -= 8 * u + small * kLine * static_cast<double>(lines.size());
        double ly = bottom;
        for (const std::string& line : lines) {
            page.texts.push_back({line, left, ly + regular.ascent(small), small, false, true, false});
            ly += small * kLine;
        }
    }
    if (!text.legend.empty()) {
        // Items flow left to right and wrap; each is a swatch, the label and the count.
        const double px = kLegend * u;
        const double sw = std::round(22 * u);
        const double gap = 8 * u, item_gap = 30 * u, row_h = 36 * u;
        struct Placed {
            double x;
            int row;
            double label_w;
        };
        std::vector<Placed> placed;
        double x = left;
        int row = 0;
        for (const LegendEntry& e : text.legend) {
            const double label_w = regular.measure(e.label, px);
            const double count_w = e.hatched ? 0 : 0.3 * px + bold.measure(std::to_string(e.count), px);
            const double w = sw + gap + label_w + count_w;
            if (x > left && x + w > right) {
                x = left;
                ++row;
            }
            placed.push_back({x, row, label_w});
            x += w + item_gap;
        }
        const double legend_h = (row + 1) * row_h;
        bottom -= 12 * u + legend_h;
        for (size_t i = 0; i < placed.size(); ++i) {
            const LegendEntry& e = text.legend[i];
            const double top = bottom + placed[i].row * row_h;
            const double centre = top + row_h / 2;
            const double sy = std::round(centre - sw / 2);
            page.swatches.push_back({{std::round(placed[i].x), sy, sw, sw}, e.color,
                                     std::max(1.0, std::round(u)), e.hatched ? kHatchUnits * u : 0.0, e.pattern,
                                     e.pattern != 0 ? pattern_period(kHatchUnits * u) : 0.0});
            const double baseline = std::round(centre + 0.36 * px);
            const double tx = placed[i].x + sw + gap;
            page.texts.push_back({e.label, tx, baseline, px, false, false, false});
            if (e.hatched) continue;
            page.texts.push_back({std::to_string(e.count), tx + placed[i].label_w + 0.3 * px, baseline, px, true, false, false});
        }
    }
    const double map_bottom = bottom < o.height - m ? bottom - 12 * u : o.height - m;
    const double mx = std::round(left), my = std::round(map_top);
    page.map = {mx, my, std::max(1.0, std::round(right) - mx), std::max(1.0, std::round(map_bottom) - my)};
    close_in(page, o, header_items);
    return page;
}

}  // namespace deportmap::exporter
