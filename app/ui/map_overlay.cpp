// Markers and labels over the map (see map_overlay.hpp).
#include "ui/map_overlay.hpp"

#include <imgui.h>

#include <cmath>

#include "core/labels.hpp"

namespace deportmap::ui {

void MapOverlay::update(const Scene& scene, const AppData& data,
                        const geo::ProjectedWorld& projected, std::optional<geo::Lod> lod,
                        const ViewTransform& view, int width, int height, float scale) {
    const double px2 = std::abs(view.scale_x * view.scale_y);
    update_with(
        scene, data, projected, lod,
        [&](const geo::ProjectedShape& s) -> std::optional<ShapeOnScreen> {
            return ShapeOnScreen{view.to_pixel(s.label_point), s.area * px2};
        },
        width, height, scale);
}

void MapOverlay::update_globe(const Scene& scene, const AppData& data,
                              const geo::ProjectedWorld& projected, std::optional<geo::Lod> lod,
                              const geo::GlobeView& view, int width, int height, float scale) {
    update_with(
        scene, data, projected, lod,
        [&](const geo::ProjectedShape& s) -> std::optional<ShapeOnScreen> {
            const auto g = geo::globe_screen_shape(view, s.label_point, s.area, width, height);
            if (!g) return std::nullopt;
            return ShapeOnScreen{g->pixel, g->area_px2};
        },
        width, height, scale);
}

void MapOverlay::update_with(const Scene& scene, const AppData& data,
                             const geo::ProjectedWorld& projected, std::optional<geo::Lod> lod,
                             const ShapeToScreen& to_screen, int width, int height, float scale) {
    world_statuses(scene, data.timeline(), data.world_to_data(), statuses_);
    has_status_.assign(statuses_.size(), 0);
    for (size_t i = 0; i < statuses_.size(); ++i) has_status_[i] = statuses_[i] != data::kNoStatus;
    markers_.clear();
    screen_.assign(has_status_.size(), std::nullopt);
    if (!lod) return;
    const auto& shapes = projected.shapes[static_cast<size_t>(*lod)];
    for (size_t i = 0; i < shapes.size() && i < has_status_.size(); ++i) {
        if (has_status_[i] && !shapes[i].polygons.empty()) screen_[i] = to_screen(shapes[i]);
    }
    if (!scene.markers) return;
    MarkerRule rule;
    rule.radius_px *= scale;
    rule.max_area_px2 *= static_cast<double>(scale) * scale;
    markers_ = compute_markers(
        shapes, has_status_,
        [&](const geo::ProjectedShape& s) -> std::optional<ShapeOnScreen> {
            const auto i = static_cast<size_t>(&s - shapes.data());
            return i < screen_.size() ? screen_[i] : std::nullopt;
        },
        width, height, rule);
}

size_t MapOverlay::draw_labels(const Scene& scene, const geo::World& world, int width,
                               int height) const {
    if (!scene.labels) return 0;
    // Offsets of marker countries: their label sits right of the circle.
    std::vector<float> marker_radius(screen_.size(), 0.0f);
    for (const Marker& m : markers_) {
        if (static_cast<size_t>(m.country) < marker_radius.size())
            marker_radius[static_cast<size_t>(m.country)] = m.radius_px;
    }
    ImFont* font = ImGui::GetFont();
    const float size = ImGui::GetFontSize();
    const auto measure = [&](const std::string& s) {
        const ImVec2 t = font->CalcTextSizeA(size, 1e9f, 0.0f, s.data(), s.data() + s.size());
        return geo::Vec2{t.x, t.y};
    };
    std::vector<LabelCandidate> candidates;
    for (size_t i = 0; i < screen_.size() && i < world.countries.size(); ++i) {
        if (!screen_[i]) continue;
        geo::Vec2 anchor = screen_[i]->center;
        const LabelName label = label_name(world.countries[i].iso3, world.countries[i].name);
        if (marker_radius[i] > 0.0f) anchor.x += marker_radius[i] + 3.0 + measure(label.text).x * 0.5;
        candidates.push_back({static_cast<int>(i), label.text, anchor, screen_[i]->area_px2, label.short_text,
                              marker_radius[i] > 0.0f});
    }
    const std::vector<PlacedLabel> placed =
        place_labels(std::move(candidates), measure, width, height, {3.0, 2.0});
    const ThemeColors& theme = theme_colors(scene.theme);
    const ImU32 text = IM_COL32(theme.text.r, theme.text.g, theme.text.b, 255);
    // A halo in the page colour on eight sides: dark text stays readable on a deep blue or
    // grey fill (light theme), light text on yellow or pink (dark theme).
    const ImU32 halo = IM_COL32(theme.background.r, theme.background.g, theme.background.b, 210);
    // ImGui works in window coordinates; the map in framebuffer pixels.
    const ImVec2 fb_scale = ImGui::GetIO().DisplayFramebufferScale;
    const float sx = fb_scale.x > 0 ? 1.0f / fb_scale.x : 1.0f;
    const float sy = fb_scale.y > 0 ? 1.0f / fb_scale.y : 1.0f;
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    for (const PlacedLabel& l : placed) {
        const ImVec2 p(static_cast<float>(l.box.min_x) * sx, static_cast<float>(l.box.min_y) * sy);
        const char* b = l.text.data();
        const char* e = b + l.text.size();
        for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1), ImVec2(-1, -1), ImVec2(1, 1),
                               ImVec2(1, -1), ImVec2(-1, 1)})
            dl->AddText(font, size * sx, ImVec2(p.x + d.x, p.y + d.y), halo, b, e);
        dl->AddText(font, size * sx, p, text, b, e);
    }
    return placed.size();
}

}  // namespace deportmap::ui
