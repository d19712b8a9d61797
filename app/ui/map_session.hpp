// The interactive map's model-side state: the loaded world, its projected levels of
// detail, and one worker thread that prepares the expensive parts (the 10m level, a
// newly chosen projection, and for Equirectangular levels the globe's preparation) off
// the frame. The frame loop polls for finished work and never waits on it. No GL here:
// the window hands what poll() reports to the renderers.
#pragma once
#include <array>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/geo/mesh.hpp"
#include "core/geo/projection.hpp"
#include "core/geo/world.hpp"

namespace deportmap::render {
struct GlobeLevelPrep;
}

namespace deportmap::ui {

// Level-of-detail rule: the finer levels appear as the whole world, drawn at the
// current zoom, grows wider in framebuffer pixels. 110m below 3840 px (3x a
// 1280-px-wide map), 50m below 15360 px (12x), 10m beyond.
inline constexpr double kLod50mWorldWidthPx = 3840.0;
inline constexpr double kLod10mWorldWidthPx = 15360.0;
geo::Lod lod_for_world_width(double world_width_px);
// The level to draw when `wanted` may not be ready yet: the finest ready level not
// finer than `wanted`, else the coarsest ready one; nullopt when none is ready.
std::optional<geo::Lod> best_ready_lod(geo::Lod wanted,
                                       const std::array<bool, geo::kLodCount>& ready);

using GlobePreps = std::array<std::shared_ptr<const render::GlobeLevelPrep>, geo::kLodCount>;

class MapSession {
public:
    // Prepares the 110m and 50m levels of `projection` now (on the calling thread) and
    // queues the 10m level on the worker. Throws what geo::project_world throws.
    MapSession(std::shared_ptr<const geo::World> world, geo::ProjectionKind projection);
    // Stops the worker; waits for the job it is running, if any.
    ~MapSession();
    MapSession(const MapSession&) = delete;
    MapSession& operator=(const MapSession&) = delete;

    const geo::World& world() const { return *world_; }
    // The geometry currently shown (read-only between poll() calls).
    const geo::ProjectedWorld& projected() const { return projected_; }
    // Frees the meshes' screen pyramids (borders and fills) once the renderer holds
    // them (they are copied to the GPU when a level is uploaded, and only for that).
    void release_pyramids();
    // The projection of projected(), for inverse lookups on the frame's thread.
    const geo::Projector& projector() const { return *projector_; }
    // The projection last asked for (differs from projected() while it is prepared).
    geo::ProjectionKind requested_projection() const { return requested_; }
    // True while the worker has queued or running work.
    bool busy() const;

    // Called on the worker thread (under the session's lock, so keep it short and
    // non-blocking) each time a result is ready, e.g. to wake a sleeping frame loop.
    // An empty function clears it; once this returns the old one is never called.
    void set_wake_callback(std::function<void()> wake);

    // Asks for the map in another projection: its 110m and 50m levels are prepared on
    // the worker, then its 10m level. Earlier unfinished requests are dropped.
    void request_projection(geo::ProjectionKind kind);

    struct Changes {
        // projected() now holds another projection; `previous` is the old one's
        // projector (to carry the camera over), every ready level must be uploaded.
        bool projection_changed = false;
        std::optional<geo::Projector> previous;
        geo::BBox previous_bounds;
        // Levels that became ready in the current projection (upload them).
        std::array<bool, geo::kLodCount> levels_added{};
        // One-line messages from failed worker jobs.
        std::vector<std::string> errors;

        bool any() const {
            return projection_changed || levels_added[0] || levels_added[1] ||
                   levels_added[2] || !errors.empty();
        }
    };
    // Applies work the worker has finished since the last call. Never blocks on the
    // worker beyond a short lock.
    Changes poll();
    // The globe's CPU preparation of a level of projected(), made on the worker when the
    // projection is Equirectangular (the globe draws those levels); null when there is
    // none, and the globe then prepares the level itself.
    const render::GlobeLevelPrep* globe_prep(geo::Lod lod) const {
        return globe_prep_[static_cast<size_t>(lod)].get();
    }

private:
    struct Job {
        uint64_t generation = 0;
        geo::ProjectionKind kind = geo::ProjectionKind::EqualEarth;
        std::array<bool, geo::kLodCount> levels{};
    };
    struct Result {
        Job job;
        std::unique_ptr<geo::ProjectedWorld> world;
        GlobePreps globe;  // for Equirectangular levels: the globe's preparation
        std::string error;
    };

    void enqueue_locked(const Job& job);
    GlobePreps globe_prep_;  // matches projected_ (empty unless it is Equirectangular)
    void worker_loop();

    std::shared_ptr<const geo::World> world_;
    geo::ProjectedWorld projected_;
    std::unique_ptr<geo::Projector> projector_;
    geo::ProjectionKind requested_;

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> queue_;
    std::vector<Result> finished_;
    uint64_t generation_ = 0;  // guarded by mutex_
    bool running_job_ = false;
    bool stop_ = false;
    std::function<void()> wake_callback_;  // guarded by mutex_
    std::thread worker_;
};

}  // namespace deportmap::ui
