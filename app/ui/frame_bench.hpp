// --bench-frames support: the camera for --zoom-to and the frame-time statistics the
// window prints as its last line ("frames=N median_ms=X p95_ms=Y").
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/geo/mesh.hpp"
#include "core/view.hpp"

namespace deportmap::ui {

class MapApp;

// Collects frame times; full() once `count` samples are in.
class FrameBench {
public:
    explicit FrameBench(long long count) : count_(count) {}
    void add(double ms) { samples_.push_back(ms); }
    bool full() const { return static_cast<long long>(samples_.size()) >= count_; }
    // "frames=N median_ms=X p95_ms=Y" (two decimals; nearest-rank percentiles).
    std::string summary() const;

private:
    long long count_;
    std::vector<double> samples_;
};

// The camera --zoom-to asks for: "europe" (centred at 12°E 50°N, wide enough for the
// 1:10m level on a 1920-pixel window: zoom 8.5), or a country (ISO code or name) framed
// as the search's fly-to frames it. nullopt with `error` set for an unknown country.
std::optional<Camera> zoom_to_camera(const std::string& target, const MapApp& app,
                                     const geo::ProjectedWorld& projected,
                                     const geo::Projector& projector, int width, int height,
                                     std::string& error);

}  // namespace deportmap::ui
