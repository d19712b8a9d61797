// Projected levels of detail prepared on a worker thread (see map_session.hpp).
#include "ui/map_session.hpp"

#include <exception>
#include <utility>

#include "core/geo/border_pyramid.hpp"
#include "core/geo/fill_pyramid.hpp"
#include "render/globe_renderer.hpp"

namespace deportmap::ui {

geo::Lod lod_for_world_width(double world_width_px) {
    if (world_width_px >= kLod10mWorldWidthPx) return geo::Lod::k10m;
    if (world_width_px >= kLod50mWorldWidthPx) return geo::Lod::k50m;
    return geo::Lod::k110m;
}

std::optional<geo::Lod> best_ready_lod(geo::Lod wanted,
                                       const std::array<bool, geo::kLodCount>& ready) {
    for (int i = static_cast<int>(wanted); i >= 0; --i) {
        if (ready[static_cast<size_t>(i)]) return static_cast<geo::Lod>(i);
    }
    for (int i = static_cast<int>(wanted) + 1; i < geo::kLodCount; ++i) {
        if (ready[static_cast<size_t>(i)]) return static_cast<geo::Lod>(i);
    }
    return std::nullopt;
}

// The window draws each level's borders and fills from its screen pyramids (borders
// deduplicated; both simplified for the zoom range where lod_for_world_width picks the
// level), built here off the frame's thread. The 1:10m level gets copies for its first
// zoom step only: they cost memory (the 300 MB goal), and further in the view holds a
// smaller part of the world, so fewer of its triangles are drawn anyway.
static void add_pyramids(geo::ProjectedWorld& world,
                              std::array<bool, geo::kLodCount> levels = {true, true, true}) {
    const std::array<double, geo::kLodCount + 1> range{0.0, kLod50mWorldWidthPx,
                                                       kLod10mWorldWidthPx, kLod10mWorldWidthPx};
    for (size_t i = 0; i < static_cast<size_t>(geo::kLodCount); ++i) {
        if (world.ready[i] && levels[i]) {
            world.meshes[i].border_pyramid =
                geo::build_border_pyramid(world.meshes[i], range[i], range[i + 1]);
            world.meshes[i].fill_pyramid = geo::build_fill_pyramid(
                world.meshes[i], world.shapes[i], range[i], range[i + 1]);
        }
    }
}

MapSession::MapSession(std::shared_ptr<const geo::World> world, geo::ProjectionKind projection)
    : world_(std::move(world)), requested_(projection) {
    projected_ = geo::project_world(*world_, projection, {true, true, false});
    // The first frame draws 1:110m: its pyramids now; 1:50m's cost several times more,
    // so the worker prepares that level again with them, then 1:10m.
    add_pyramids(projected_, {true, false, false});
    projector_ = std::make_unique<geo::Projector>(projection);
    worker_ = std::thread([this] { worker_loop(); });
    std::lock_guard lock(mutex_);
    enqueue_locked(Job{generation_, projection, {false, true, false}});
    enqueue_locked(Job{generation_, projection, {false, false, true}});
}

MapSession::~MapSession() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
        queue_.clear();
    }
    wake_.notify_all();
    if (worker_.joinable()) worker_.join();
}

bool MapSession::busy() const {
    std::lock_guard lock(mutex_);
    return running_job_ || !queue_.empty() || !finished_.empty();
}

void MapSession::set_wake_callback(std::function<void()> wake) {
    std::lock_guard lock(mutex_);
    wake_callback_ = std::move(wake);
}

void MapSession::enqueue_locked(const Job& job) {
    queue_.push_back(job);
    wake_.notify_one();
}

void MapSession::request_projection(geo::ProjectionKind kind) {
    if (kind == requested_) return;
    requested_ = kind;
    std::lock_guard lock(mutex_);
    ++generation_;
    queue_.clear();  // work for an earlier request is no longer wanted
    if (kind == projected_.projection) {
        // Back to the projection on screen: only its missing 10m level may be needed.
        if (!projected_.ready[static_cast<size_t>(geo::Lod::k10m)]) {
            enqueue_locked(Job{generation_, kind, {false, false, true}});
        }
        return;
    }
    enqueue_locked(Job{generation_, kind, {true, true, false}});
    enqueue_locked(Job{generation_, kind, {false, false, true}});
}

void MapSession::worker_loop() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stop_ || !queue_.empty(); });
            if (stop_) return;
            job = queue_.front();
            queue_.pop_front();
            running_job_ = true;
        }
        Result result;
        result.job = job;
        try {
            result.world = std::make_unique<geo::ProjectedWorld>(
                geo::project_world(*world_, job.kind, job.levels));
            add_pyramids(*result.world);
            if (job.kind == geo::ProjectionKind::Equirectangular) {
                for (size_t i = 0; i < static_cast<size_t>(geo::kLodCount); ++i) {
                    if (job.levels[i] && result.world->ready[i]) {
                        result.globe[i] = render::GlobeRenderer::prepare(result.world->meshes[i]);
                    }
                }
            }
        } catch (const std::exception& e) {
            result.error = std::string("cannot prepare the map in ") +
                           std::string(geo::projection_label(job.kind)) + ": " + e.what();
        }
        std::lock_guard lock(mutex_);
        running_job_ = false;
        if (job.generation == generation_) {
            finished_.push_back(std::move(result));
            if (wake_callback_) wake_callback_();
        }
    }
}

void MapSession::release_pyramids() {
    for (geo::MapMesh& mesh : projected_.meshes) {
        std::vector<geo::BorderPyramidLevel>().swap(mesh.border_pyramid);
        std::vector<geo::FillPyramidLevel>().swap(mesh.fill_pyramid);
    }
}

MapSession::Changes MapSession::poll() {
    Changes changes;
    std::vector<Result> results;
    uint64_t generation = 0;
    {
        std::lock_guard lock(mutex_);
        results.swap(finished_);
        generation = generation_;
    }
    for (Result& r : results) {
        if (r.job.generation != generation) continue;
        if (!r.error.empty() || !r.world) {
            changes.errors.push_back(r.error.empty() ? "map preparation failed" : r.error);
            continue;
        }
        const bool whole_projection = r.job.levels[static_cast<size_t>(geo::Lod::k110m)];
        if (whole_projection && r.job.kind != projected_.projection) {
            changes.projection_changed = true;
            changes.previous.emplace(std::move(*projector_));
            changes.previous_bounds = projected_.world_bounds;
            projected_ = std::move(*r.world);
            globe_prep_ = std::move(r.globe);
            projector_ = std::make_unique<geo::Projector>(r.job.kind);
            continue;
        }
        if (r.job.kind != projected_.projection) continue;  // a level of a dropped request
        for (size_t i = 0; i < static_cast<size_t>(geo::kLodCount); ++i) {
            if (!r.job.levels[i] || !r.world->ready[i]) continue;
            projected_.meshes[i] = std::move(r.world->meshes[i]);
            projected_.shapes[i] = std::move(r.world->shapes[i]);
            projected_.ready[i] = true;
            globe_prep_[i] = std::move(r.globe[i]);
            changes.levels_added[i] = true;
        }
    }
    return changes;
}

}  // namespace deportmap::ui
