// Frame-time statistics and the --zoom-to camera (see frame_bench.hpp).
#include "ui/frame_bench.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/geo/projection.hpp"
#include "ui/map_app.hpp"

namespace deportmap::ui {

static double median(std::vector<double> s) {
    if (s.empty()) return 0.0;
    std::sort(s.begin(), s.end());
    return s[(s.size() - 1) / 2];
}

std::string FrameBench::stage_summary() const {
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  "stages median_ms: ui=%.2f map=%.2f overlay=%.2f imgui=%.2f swap=%.2f",
                  median(stages_[0]), median(stages_[1]), median(stages_[2]), median(stages_[3]),
                  median(stages_[4]));
    return buf;
}

std::string FrameBench::cpu_summary() const {
    std::vector<double> s = cpu_;
    std::sort(s.begin(), s.end());
    const double med = s.empty() ? 0.0 : s[(s.size() - 1) / 2];
    const double p95 =
        s.empty() ? 0.0 : s[std::min(s.size() - 1, static_cast<size_t>(std::ceil(0.95 * static_cast<double>(s.size()))) - 1)];
    char buf[96];
    std::snprintf(buf, sizeof buf, "cpu median_ms=%.2f p95_ms=%.2f", med, p95);
    return buf;
}

std::string FrameBench::interaction_summary() const {
    double pick_sum = 0.0;
    for (double us : picks_) pick_sum += us;
    const double pick_mean = picks_.empty() ? 0.0 : pick_sum / static_cast<double>(picks_.size());
    const double pick_max = picks_.empty() ? 0.0 : *std::max_element(picks_.begin(), picks_.end());
    const double recolour_max =
        recolours_.empty() ? 0.0 : *std::max_element(recolours_.begin(), recolours_.end());
    char buf[192];
    std::snprintf(buf, sizeof buf,
                  "pick n=%zu mean_us=%.1f max_us=%.1f recolour n=%zu median_ms=%.3f max_ms=%.3f",
                  picks_.size(), pick_mean, pick_max, recolours_.size(), median(recolours_),
                  recolour_max);
    return buf;
}

std::string FrameBench::summary() const {
    std::vector<double> s = samples_;
    std::sort(s.begin(), s.end());
    const auto rank = [&](double q) {
        if (s.empty()) return 0.0;
        const auto i = static_cast<size_t>(std::ceil(q * static_cast<double>(s.size())));
        return s[std::min(s.size() - 1, i == 0 ? 0 : i - 1)];
    };
    char buf[160];
    std::snprintf(buf, sizeof buf, "frames=%zu median_ms=%.2f p95_ms=%.2f max_ms=%.2f", s.size(), rank(0.5),
                  rank(0.95), s.empty() ? 0.0 : s.back());
    return buf;
}

std::optional<Camera> zoom_to_camera(const std::string& target, const MapApp& app,
                                     const geo::ProjectedWorld& projected,
                                     const geo::Projector& projector, int width, int height,
                                     std::string& error) {
    const geo::BBox& world = projected.world_bounds;
    std::string lower = target;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "europe") {
        Camera c;
        c.center = projector.forward(geo::Vec2{12.0, 50.0});
        c.zoom = 8.5;
        return c;
    }
    const int i = app.find_country(target, error);
    if (i < 0) return std::nullopt;
    for (int l = 0; l < geo::kLodCount; ++l) {
        const auto& shapes = projected.shapes[static_cast<size_t>(l)];
        if (!projected.ready[static_cast<size_t>(l)] || static_cast<size_t>(i) >= shapes.size())
            continue;
        const geo::BBox& box = shapes[static_cast<size_t>(i)].bbox;
        if (!box.empty()) return camera_for_box(box, world, width, height);
    }
    error = "'" + target + "' has no boundaries";
    return std::nullopt;
}

}  // namespace deportmap::ui
