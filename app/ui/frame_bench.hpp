// --bench-frames support: the camera for --zoom-to and the frame-time statistics the
// window prints as its last line ("frames=N median_ms=X p95_ms=Y").
#pragma once
#include <array>
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
    // `cpu_ms`: the process's CPU time over the same frame (all threads, llvmpipe's
    // rasteriser threads included), a figure other processes' load does not inflate.
    void add(double ms, double cpu_ms = 0.0) {
        samples_.push_back(ms);
        cpu_.push_back(cpu_ms);
        for (size_t i = 0; i < kStages; ++i) stages_[i].push_back(pending_[i]);
        pending_ = {};
    }
    bool full() const { return static_cast<long long>(samples_.size()) >= count_; }
    // "frames=N median_ms=X p95_ms=Y" (two decimals; nearest-rank percentiles).
    std::string summary() const;
    // Per-stage times of the same frames (0 ui+panels, 1 map, 2 outlines+markers,
    // 3 ImGui draw, 4 swap), each stage finished with glFinish before the next.
    void add_stage(int stage, double ms) { pending_[static_cast<size_t>(stage)] += ms; }
    void drop_stages() { pending_ = {}; }
    // Called with add(): moves this frame's stage times into the medians' samples.
    // "stages median_ms: ui=.. map=.. overlay=.. imgui=.. swap=.."
    std::string stage_summary() const;
    // "cpu median_ms=X p95_ms=Y": the process CPU time per frame.
    std::string cpu_summary() const;
    // Hover picking (one ProjectedWorld::pick, microseconds) and recolouring on a date
    // change (new status colours for every country plus their upload, milliseconds).
    void add_pick(double us) { picks_.push_back(us); }
    void add_recolour(double ms) { recolours_.push_back(ms); }
    // "pick n=N mean_us=X max_us=Y recolour n=M median_ms=A max_ms=B"
    std::string interaction_summary() const;

private:
    static constexpr size_t kStages = 5;
    long long count_;
    std::vector<double> samples_;
    std::vector<double> cpu_;
    std::array<double, kStages> pending_{};
    std::array<std::vector<double>, kStages> stages_;
    std::vector<double> picks_;
    std::vector<double> recolours_;
};

// The camera --zoom-to asks for: "europe" (centred at 12°E 50°N, wide enough for the
// 1:10m level on a 1920-pixel window: zoom 8.5), or a country (ISO code or name) framed
// as the search's fly-to frames it. nullopt with `error` set for an unknown country.
std::optional<Camera> zoom_to_camera(const std::string& target, const MapApp& app,
                                     const geo::ProjectedWorld& projected,
                                     const geo::Projector& projector, int width, int height,
                                     std::string& error);

}  // namespace deportmap::ui
