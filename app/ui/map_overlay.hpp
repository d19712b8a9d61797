// What the window draws over the filled map besides ImGui panels: the small-country
// markers of the current view (the core rule, core/markers.hpp, fed with this frame's
// statuses) and, when labels are on, country names placed without overlaps
// (core/labels.hpp) and drawn on ImGui's background draw list. No GL here: the window
// hands the markers to render::OverlayRenderer.
#pragma once
#include <optional>
#include <vector>

#include "core/geo/mesh.hpp"
#include "core/geo/world.hpp"
#include "core/markers.hpp"
#include "core/scene.hpp"
#include "core/view.hpp"
#include "ui/app_data.hpp"

namespace deportmap::ui {

class MapOverlay {
public:
    // Recomputes this frame's statuses (one status_at per country) and markers for the
    // view; `scale` is the content scale (marker radius and threshold grow with it).
    void update(const Scene& scene, const AppData& data, const geo::ProjectedWorld& projected,
                std::optional<geo::Lod> lod, const ViewTransform& view, int width, int height,
                float scale);
    const std::vector<Marker>& markers() const { return markers_; }
    // Per World country: 1 when it holds a (visible) status on the scene's date.
    const std::vector<uint8_t>& has_status() const { return has_status_; }

    // Draws labels for countries with a status onto ImGui's background draw list (call
    // between NewFrame and Render, after update()). Returns how many were placed.
    size_t draw_labels(const Scene& scene, const geo::World& world,
                       const geo::ProjectedWorld& projected, std::optional<geo::Lod> lod,
                       const ViewTransform& view, int width, int height) const;

private:
    std::vector<data::StatusIndex> statuses_;
    std::vector<uint8_t> has_status_;
    std::vector<Marker> markers_;
};

}  // namespace deportmap::ui
