// The Export dialog's argument vector and view bounds (see export_command.hpp).
#include "ui/export_command.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "export/options.hpp"
#include "ui/widgets.hpp"

namespace deportmap::ui {

void view_options_from_scene(ExportRequest& r, const Scene& scene, const geo::World& world,
                             const data::StatusTable& table) {
    r.labels = scene.labels;
    r.patterns = scene.patterns;
    r.markers = scene.markers;
    r.highlight.clear();
    if (scene.selected >= 0 && static_cast<size_t>(scene.selected) < world.countries.size()) {
        const std::string& iso3 = world.countries[static_cast<size_t>(scene.selected)].iso3;
        if (!iso3.empty()) r.highlight.push_back(iso3);
    }
    r.hide_status.clear();
    for (size_t i = 0; i < scene.hidden_statuses.size() && i < table.size(); ++i) {
        if (scene.hidden_statuses[i]) r.hide_status.push_back(table[i].key);
    }
    r.highlight_status.clear();
    if (scene.highlighted_status >= 0 && static_cast<size_t>(scene.highlighted_status) < table.size()) {
        r.highlight_status = table[static_cast<size_t>(scene.highlighted_status)].key;
    }
}

exporter::ExportParams export_params(const ExportRequest& r) {
    exporter::ExportParams p;
    p.out = r.out;
    p.preset = r.preset;
    if (r.preset.empty()) {
        p.width = r.width;
        p.height = r.height;
    }
    p.date = iso_day(r.date);
    p.projection = std::string(geo::projection_name(r.projection));
    if (r.bounds) {
        // 4 decimals, as written on the command line: what the sidecar records.
        p.bounds = exporter::parse_bounds_text(exporter::format_bounds(*r.bounds));
    }
    p.theme = std::string(theme_name(r.theme));
    if (r.no_titles) {
        p.title = "";
        p.subtitle = "";
    } else {
        if (!r.title.empty()) p.title = r.title;
        if (!r.subtitle.empty()) p.subtitle = r.subtitle;
    }
    if (!r.source.empty()) p.source = r.source;
    p.transparent = r.transparent;
    p.size_scale = r.size_scale;
    if (r.strong_sources) p.sources = "strong";
    p.labels = r.labels;
    p.patterns = r.patterns;
    p.markers = r.markers;
    p.highlight = r.highlight;
    p.hide_status = r.hide_status;
    p.highlight_status = r.highlight_status;
    p.data = r.inputs.data_files;
    p.statuses = r.inputs.statuses_path;
    if (!r.inputs.boundaries_path.empty()) {
        p.boundaries = r.inputs.boundaries_path;
        p.id_field = r.inputs.id_field;
        p.name_field = r.inputs.name_field;
    }
    return p;
}

std::vector<std::string> build_export_argv(const ExportRequest& r) {
    std::vector<std::string> a = {"export"};
    const std::vector<std::string> options = exporter::params_to_argv(export_params(r));
    a.insert(a.end(), options.begin(), options.end());
    a.push_back("--quiet");
    return a;
}

std::optional<std::array<double, 4>> visible_lonlat_bounds(const Camera& camera,
                                                           const geo::BBox& world, int width,
                                                           int height,
                                                           const geo::Projector& projector) {
    if (width <= 0 || height <= 0 || world.empty()) return std::nullopt;
    const ViewTransform v = camera.transform(world, width, height);
    const geo::Vec2 a = v.to_map({0.0, 0.0});
    const geo::Vec2 b = v.to_map({static_cast<double>(width), static_cast<double>(height)});
    geo::BBox shown;
    shown.min_x = std::max(world.min_x, std::min(a.x, b.x));
    shown.max_x = std::min(world.max_x, std::max(a.x, b.x));
    shown.min_y = std::max(world.min_y, std::min(a.y, b.y));
    shown.max_y = std::min(world.max_y, std::max(a.y, b.y));
    if (shown.empty()) return std::nullopt;
    if (shown.width() >= 0.98 * world.width() && shown.height() >= 0.98 * world.height()) {
        return std::nullopt;
    }
    // A grid over the visible rectangle: its corners may lie outside the globe's outline
    // (nothing to invert there), its inside points do not.
    constexpr int kSteps = 32;
    double min_lon = 180, min_lat = 90, max_lon = -180, max_lat = -90;
    bool any = false;
    for (int j = 0; j <= kSteps; ++j) {
        for (int i = 0; i <= kSteps; ++i) {
            const geo::Vec2 p{shown.min_x + shown.width() * i / kSteps,
                              shown.min_y + shown.height() * j / kSteps};
            const auto ll = projector.inverse(p);
            if (!ll || !std::isfinite(ll->x) || !std::isfinite(ll->y)) continue;
            if (ll->x < -180.0001 || ll->x > 180.0001 || ll->y < -90.0001 || ll->y > 90.0001) continue;
            min_lon = std::min(min_lon, ll->x);
            max_lon = std::max(max_lon, ll->x);
            min_lat = std::min(min_lat, ll->y);
            max_lat = std::max(max_lat, ll->y);
            any = true;
        }
    }
    if (!any || max_lon - min_lon < 1e-3 || max_lat - min_lat < 1e-3) return std::nullopt;
    return std::array<double, 4>{std::max(-180.0, min_lon), std::max(-90.0, min_lat),
                                 std::min(180.0, max_lon), std::min(90.0, max_lat)};
}

std::string default_export_name(data::Day date, const std::string& format) {
    return "deportmap-" + iso_day(date) + "." + format;
}

}  // namespace deportmap::ui
