// What the window draws over the filled map besides ImGui panels: the small-country
// markers of the current view (the core rule, core/markers.hpp, fed with this frame's
// statuses) and, when labels are on, country names placed without overlaps
// (core/labels.hpp) and drawn on ImGui's background draw list. No GL here: the window
// hands the markers to render::OverlayRenderer. On the orthographic globe the same rules
// apply to the label points on the hemisphere facing the viewer.
#pragma once
#include <optional>
#include <vector>

#include "core/geo/globe.hpp"
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
    // The same on the orthographic globe: `projected` holds the Equirectangular levels;
    // only label points on the visible hemisphere get a marker or a label.
    void update_globe(const Scene& scene, const AppData& data,
                      const geo::ProjectedWorld& projected, std::optional<geo::Lod> lod,
                      const geo::GlobeView& view, int width, int height, float scale);
    const std::vector<Marker>& markers() const { return markers_; }
    // Per World country: 1 when it holds a (visible) status on the scene's date.
    const std::vector<uint8_t>& has_status() const { return has_status_; }

    // Where each country's label point and area landed in the last update (nullopt: no
    // status, no shape at that level, or on the globe's far side).
    const std::vector<std::optional<ShapeOnScreen>>& on_screen() const { return screen_; }

    // Draws labels for countries with a status onto ImGui's background draw list (call
    // between NewFrame and Render, after update() or update_globe(), whose view it
    // uses). Returns how many were placed.
    size_t draw_labels(const Scene& scene, const geo::World& world, int width, int height) const;

private:
    void update_with(const Scene& scene, const AppData& data,
                     const geo::ProjectedWorld& projected, std::optional<geo::Lod> lod,
                     const ShapeToScreen& to_screen, int width, int height, float scale);

    std::vector<data::StatusIndex> statuses_;
    std::vector<uint8_t> has_status_;
    std::vector<Marker> markers_;
    std::vector<std::optional<ShapeOnScreen>> screen_;
};

}  // namespace deportmap::ui
