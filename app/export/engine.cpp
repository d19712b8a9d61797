// The export engine (see engine.hpp): an ExportJob runs the steps in order, each a
// method below; the per-frame work (paint, page, files) is in frame_writer.cpp.
#include "export/engine.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <future>
#include <memory>

#include "core/data/status_report.hpp"
#include "build_info.hpp"
#include "core/data/events.hpp"
#include "core/geo/world.hpp"
#include "core/util/args.hpp"
#include "export/frame_writer.hpp"
#include "export/frames.hpp"
#include "export/options.hpp"
#include "export/setup.hpp"
#include "export/sidecar.hpp"
#include "export/sidecar_trust.hpp"
#include "export/story_frames.hpp"
#include "export/temp_files.hpp"
#include "platform/egl_context.hpp"
#include "platform/ffmpeg_pipe.hpp"
#include "render/offscreen_target.hpp"

namespace deportmap::exporter {
namespace {

namespace fs = std::filesystem;

class ExportJob {
public:
    ExportJob(ExportParams params, const ExportRequest& request, const ExportCallbacks& callbacks)
        : p_(std::move(params)), request_(request), callbacks_(callbacks), setup_(check_params(p_)),
          projector_(setup_.projection) {}

    ExportResult run() {
        start_workers();
        read_inputs();
        plan_page();
        prepare_frames();
        for (size_t i = 0; i < frames_.size(); ++i) {
            writer_->write(i);
            if (callbacks_.progress) callbacks_.progress(i + 1, frames_.size(), writer_->last_target());
        }
        return finish();
    }

private:
    void start_workers();
    void read_inputs();
    void resolve_view_options();
    void report_countries_not_drawn() const;
    void lay_out_page(const geo::BBox& shown, double unit);
    void write_extras(ExportResult& r) const;
    void fit_type_to_page(const geo::BBox& shown);
    static constexpr double kMinMapShare = 0.5;  // of the page's height, with --dpi
    void plan_page();
    void choose_view(const geo::BBox& shown);
    void prepare_frames();
    ExportResult finish();

    ExportParams p_;
    const ExportRequest& request_;
    const ExportCallbacks& callbacks_;
    StageTimer timer_;
    ExportSetup setup_;
    const geo::Projector projector_;
    geo::LoadOptions load_;
    // Filled by the workers; declared before them so they outlive them.
    geo::World world_;
    std::promise<void> world_loaded_;
    std::shared_future<void> world_ready_ = world_loaded_.get_future().share();
    std::future<DataInputs> data_worker_;
    std::future<geo::ProjectedWorld> geo_worker_;
    // Declared after geo_worker_ so that, on an early error, it is destroyed first: the
    // worker then sees a broken promise and stops instead of waiting forever.
    std::promise<geo::Lod> lod_chosen_;
    std::optional<platform::HeadlessGlContext> context_;
    FrameContext frame_;  // everything the frames share
    // Reads frame_.data and p_ on a worker: declared after them, so that on an early
    // error it is destroyed (and waited for) first.
    std::future<std::vector<InputHash>> input_hashes_;
    std::vector<Frame> frames_;
    story::Story story_;  // --story
    std::unique_ptr<render::OffscreenMap> map_target_;
    std::unique_ptr<platform::FfmpegPipe> pipe_;
    std::unique_ptr<FrameWriter> writer_;
};

// Three things run at once: a worker reads the events data, another reads the
// boundaries (then projects the level chosen by plan_page), and this thread creates
// the GL context. The glibc heap is prepared first, for roughly the image's size.
void ExportJob::start_workers() {
    {
        const int w = setup_.width ? setup_.width : (setup_.height ? setup_.height * 2 : kDefaultWidth);
        const int h = setup_.height ? setup_.height : (setup_.width ? (setup_.width + 1) / 2 : kDefaultHeight);
        prepare_memory(std::min(w, 50000), std::min(h, 50000));
    }
    data_worker_ = std::async(std::launch::async, [this] { return load_data(p_, callbacks_.note); });
    load_.path = p_.boundaries;
    load_.id_field = p_.id_field;
    load_.name_field = p_.name_field;
    geo_worker_ = std::async(std::launch::async, [this, lod = lod_chosen_.get_future()]() mutable {
        try {
            world_ = geo::load_world(load_);
            world_loaded_.set_value();
        } catch (...) {
            world_loaded_.set_exception(std::current_exception());
            throw;
        }
        geo::ProjectedWorld projected;
        geo::project_level(world_, projector_, lod.get(), projected);
        return projected;
    });
    if (setup_.format == "png" || setup_.format.empty()) {  // the vector back ends need no GL
        context_.emplace();
        timer_.lap("context");
    }
}

// The data (date, frames), then the boundaries and what the view names in them.
void ExportJob::read_inputs() {
    frame_.data = data_worker_.get();
    input_hashes_ = std::async(std::launch::async, [this] {
        std::vector<InputHash> hashes = hash_inputs(frame_.data.files, frame_.data.statuses_path, p_.boundaries,
                                                    p_.logo, setup_.logo_bytes);
        if (!p_.story.empty()) hashes.push_back({"story", fs::absolute(p_.story).string(), sha256_file(p_.story)});
        return hashes;
    });
    const data::Timeline& timeline = frame_.data.timeline;
    data::Date single;
    if (!p_.date.empty()) {
        single = parse_date_option(p_.date, "--date");
    } else if (const auto last = timeline.last_day()) {
        single = data::civil_from_days(*last);
        if (!setup_.batch) p_.date = single.iso();  // recorded, so --from draws the same day
    } else {
        single = data::civil_from_days(0);
    }
    frames_ = p_.story.empty() ? plan_frames(p_, timeline, single)
                               : story_step_frames(p_.story, *frame_.data.resolver, frame_.data.statuses, story_);
    const auto through = timeline.data_through();
    const auto end = timeline.coverage_end();
    if (through && end && !frames_.empty() && frames_.back().day > *end && callbacks_.note) {
        callbacks_.note("warning: the data runs through " + data::format_date(data::civil_from_days(*through)) +
                        "; it is not a complete record after that date (the page says so)");
    }
    timer_.lap("data");
    world_ready_.get();  // rethrows a loading error
    timer_.lap("load");
    if (p_.strict && !world_.skipped.empty()) {
        throw ExportError("--strict: the boundaries had parts left out: " + world_.skipped.front() +
                          (world_.skipped.size() > 1 ? " (and " + std::to_string(world_.skipped.size() - 1) + " more)" : ""));
    }
    if (callbacks_.note) {
        for (const std::string& line : world_.skipped) callbacks_.note(line);
    }
    frame_.world = &world_;
    frame_.world_to_data = map_world_to_data(world_, *frame_.data.resolver);
    report_countries_not_drawn();
    if (!p_.focus.empty()) setup_.bounds = focus_bounds(world_, frame_.data.resolver.get(), p_.focus);
    resolve_view_options();
}

// Countries the data names that the boundaries lack: counted in the legend, as in the
// window, but not drawn; said on stderr (an error with --strict).
void ExportJob::report_countries_not_drawn() const {
    const std::vector<int> missing = countries_not_in_world(frame_.data.timeline, frame_.world_to_data);
    if (missing.empty()) return;
    const std::string boundaries = p_.boundaries.empty() ? std::string("the bundled boundaries") : p_.boundaries;
    const std::string message =
        std::to_string(missing.size()) + (missing.size() == 1 ? " country" : " countries") + " of the data " +
        (missing.size() == 1 ? "is" : "are") + " not in " + boundaries +
        " (counted in the legend, not drawn): " + country_list_text(*frame_.data.resolver, missing);
    if (p_.strict) throw ExportError("--strict: " + message);
    if (callbacks_.note) callbacks_.note("warning: " + message);
}

// Beside every output (an animation: its last frame), written atomically like the image:
// OUT.alt.txt, the map in words for a screen reader, and OUT.csv, every country's status
// on the output's date (the rows `deportmap status --format csv` prints for that date).
void ExportJob::write_extras(ExportResult& r) const {
    const std::vector<std::string>& outputs = writer_->outputs();
    const std::vector<std::string>& descriptions = writer_->descriptions();
    const std::vector<data::Day>& days = writer_->days();
    auto write = [&](const std::string& out, const std::string& description, data::Day day) {
        write_file_atomic(out + ".alt.txt", description + "\n");
        const auto rows = data::status_rows(frame_.data.timeline, *frame_.data.resolver, day);
        write_file_atomic(out + ".csv", data::status_csv(rows, *frame_.data.resolver, frame_.data.statuses));
        r.extras.push_back(out + ".alt.txt");
        r.extras.push_back(out + ".csv");
    };
    for (size_t i = 0; i < outputs.size() && i < descriptions.size() && i < days.size(); ++i) {
        write(outputs[i], descriptions[i], days[i]);
    }
    if (!r.animation.empty() && !frames_.empty()) write(r.animation, writer_->last_description(), frames_.back().day);
}

// The page's layout with type at `unit`, the widest date and counts reserved.
void ExportJob::lay_out_page(const geo::BBox& shown, double unit) {
    frame_.unit = unit;
    frame_.page_options = page_options(setup_, frame_.unit);
    if (shown.height() > 0) frame_.page_options.map_aspect = shown.width() / shown.height();
    frame_.base_layout = reserve_layout(frame_, frames_);
    frame_.page_options.closed_in = frame_.base_layout.closed_in;
}

// --dpi sizes type for print and --scale multiplies it; on a page with too few pixels for
// that (1080p at 300 dpi is 6.4 inches wide) the titles and legend would take the room
// the map needs. The type is made smaller until the map has half the page's height
// again, and a warning says so with the figures.
void ExportJob::fit_type_to_page(const geo::BBox& shown) {
    if (!setup_.full || setup_.height <= 0) return;
    const double asked = frame_.unit;
    const double share = frame_.base_layout.map.h / setup_.height;
    // Half the page, or less where the map is as tall as the page's width allows.
    auto crowded = [&] {
        const Rect& m = frame_.base_layout.map;
        const double aspect = frame_.page_options.map_aspect > 0 ? frame_.page_options.map_aspect : 2.0;
        return m.h + 1.0 < std::min(kMinMapShare * setup_.height, m.w / aspect);
    };
    if (!crowded()) return;
    for (int i = 0; i < 24 && crowded(); ++i) lay_out_page(shown, frame_.unit * 0.9);
    if (!callbacks_.note) return;
    char text[400];
    if (!setup_.dpi) {
        char what[48] = "the titles and legend";
        if (p_.scale != 1.0) std::snprintf(what, sizeof what, "--scale %g", p_.scale);
        std::snprintf(text, sizeof text,
                      "warning: %s on a %dx%d page would leave the map %.0f%% of the page's height; type "
                      "set %.0f%% smaller to keep it half the page",
                      what, setup_.width, setup_.height, share * 100.0, (1.0 - frame_.unit / asked) * 100.0);
        callbacks_.note(text);
        return;
    }
    std::snprintf(text, sizeof text,
                  "warning: --dpi %g on a %dx%d page (%.1f x %.1f inches) would leave the map %.0f%% of the page's "
                  "height; type set %.0f%% smaller to keep it half the page (for print at %g dpi use a page of "
                  "about %.0fx%.0f pixels, or a print preset)",
                  *setup_.dpi, setup_.width, setup_.height, setup_.width / *setup_.dpi, setup_.height / *setup_.dpi,
                  share * 100.0, (1.0 - frame_.unit / asked) * 100.0, *setup_.dpi,
                  setup_.width * asked / frame_.unit, setup_.height * asked / frame_.unit);
    callbacks_.note(text);
}

// The view's highlights: outlined countries, hidden statuses, a highlighted status.
void ExportJob::resolve_view_options() {
    const data::StatusTable& table = frame_.data.timeline.statuses();
    Scene& scene = frame_.scene;
    scene.theme = setup_.theme;
    scene.projection = setup_.projection;
    scene.markers = p_.markers;
    scene.labels = p_.labels;
    scene.patterns = p_.patterns;
    scene.hidden_statuses.assign(table.size(), false);
    for (const std::string& key : p_.hide_status) {
        const data::StatusIndex s = table.find(key);
        if (s == data::kNoStatus) {
            throw UsageError("--hide-status: unknown status '" + key + "' (one of " + table.key_list() + ")");
        }
        scene.hidden_statuses[static_cast<size_t>(s)] = true;
    }
    if (!p_.highlight_status.empty()) {
        const data::StatusIndex s = table.find(p_.highlight_status);
        if (s == data::kNoStatus) {
            throw UsageError("--highlight-status: unknown status '" + p_.highlight_status + "' (one of " +
                             table.key_list() + ")");
        }
        scene.highlighted_status = s;
    }
    scene.highlighted_countries = country_indices(world_, frame_.data.resolver.get(), p_.highlight, "--highlight");
    frame_.annotations = parse_annotations(world_, frame_.data.resolver.get(), p_.annotate);
    if (!p_.annotations.empty()) {
        for (Annotation& a : read_annotations_file(p_.annotations, world_, frame_.data.resolver.get(), projector_)) {
            frame_.annotations.push_back(std::move(a));
        }
    }
}

// Page size, layout (with the widest date and counts reserved so every frame has the
// same map), view and level of detail; then the GL target and the projected level.
void ExportJob::plan_page() {
    const geo::BBox shown = setup_.bounds ? project_bounds(projector_, *setup_.bounds) : default_shown(projector_);
    resolve_size(setup_, p_, shown);
    if (!request_.from.empty() && !request_.allow_large) {
        check_sidecar_size(request_.from, setup_.width, setup_.height, frames_.size());
    }
    frame_.params = &p_;
    frame_.setup = &setup_;
    frame_.frame_striped = frames_striped(frame_, frames_);
    lay_out_page(shown, type_unit(setup_.width, setup_.height, p_.scale, setup_.dpi));
    fit_type_to_page(shown);
    choose_view(shown);
    timer_.lap("layout");
    lod_chosen_.set_value(frame_.lod);
    if (context_) {
        const render::GlLimits limits = render::query_limits();
        const int limit = request_.tile_limit > 0 ? request_.tile_limit : 8192;
        const int max_tile = std::min({limit, limits.max_width(), limits.max_height()});
        const auto [tw, th] = tile_size(frame_.map_w, frame_.map_h, max_tile);
        map_target_ = std::make_unique<render::OffscreenMap>(tw, th, kExportSamples);
        timer_.lap("prepare");
    }
    frame_.projected = geo_worker_.get();
    timer_.lap("project");
    if (!p_.story.empty()) {
        // The views are known now: each step becomes its flight and its held frame.
        frames_ = story_video_frames(frames_, story_, world_, frame_.projected, projector_, frame_.map_w,
                                     frame_.map_h, p_.fps);
        frame_.frame_striped = frames_striped(frame_, frames_);
    }
}

void ExportJob::choose_view(const geo::BBox& shown) {
    const Rect& map_rect = frame_.base_layout.map;
    frame_.map_w = static_cast<int>(map_rect.w);
    frame_.map_h = static_cast<int>(map_rect.h);
    const int map_w = frame_.map_w, map_h = frame_.map_h;
    const bool rectangular = setup_.projection == geo::ProjectionKind::Equirectangular ||
                             setup_.projection == geo::ProjectionKind::Mercator;
    if (setup_.bounds && rectangular && !setup_.full) {
        frame_.view = stretch_bounds(shown, map_w, map_h);
    } else if (setup_.bounds || setup_.full) {
        frame_.view = fit_bounds(shown, map_w, map_h);
    } else {
        const double margin = std::max(2.0, 0.02 * std::min(map_w, map_h));
        frame_.view = fit_bounds(shown, map_w, map_h, margin);
    }
    if (setup_.lod) {
        frame_.lod = *setup_.lod;
    } else {
        const double world_px = projector_.world_bounds().width() * frame_.view.scale_x;
        frame_.lod = world_px <= 2000 ? geo::Lod::k110m : world_px <= 5000 ? geo::Lod::k50m : geo::Lod::k10m;
        // A story zooms in on its steps (up to story::kMaxStepZoom): the level that holds
        // up when it does.
        if (!p_.story.empty() && frame_.lod == geo::Lod::k110m) frame_.lod = geo::Lod::k50m;
    }
}

void ExportJob::prepare_frames() {
    frame_.timer = &timer_;
    if (setup_.animate) {
        pipe_ = std::make_unique<platform::FfmpegPipe>(p_.animate, setup_.width, setup_.height, p_.fps);
        // A fatal signal stops ffmpeg and removes its partial output (temp_files.hpp).
        register_child(pipe_->pid());
        register_temp_path(pipe_->temp_path());
    }
    writer_ = std::make_unique<FrameWriter>(frame_, frames_, map_target_.get(), pipe_.get());
}

ExportResult ExportJob::finish() {
    ExportResult r;
    r.outputs = writer_->outputs();
    if (pipe_) {
        const long hold = std::lround(p_.hold_last * p_.fps);
        for (long k = 0; k < hold; ++k) pipe_->write_frame(writer_->last_page().rgba());
        pipe_->finish();
        register_child(0);
        release_temp_path(pipe_->temp_path());
        r.outputs.push_back(p_.animate);
        r.animation = p_.animate;
        timer_.lap("encode");
    }
    // The sources of the facts shown (through the last frame), beside a page with a
    // credit line.
    if (setup_.full && !frames_.empty()) {
        r.sources_list = sources_list_path(p_.out.empty() ? p_.animate : p_.out);
        const auto rows = data::list_sources(frame_.data.timeline, *frame_.data.resolver, frames_.back().day);
        write_file_atomic(r.sources_list, data::sources_csv(rows, *frame_.data.resolver, frame_.data.statuses));
    }
    if (p_.extras) write_extras(r);
    // The sidecar: every parameter and input hash, next to the (first) output.
    r.sidecar = sidecar_path(p_.out.empty() ? p_.animate : p_.out);
    const std::string folder = fs::path(r.sidecar).parent_path().string();
    const std::vector<InputHash> inputs = inputs_for_sidecar(input_hashes_.get(), folder);
    const ExportParams recorded = params_for_sidecar(p_, folder);
    std::vector<std::string> written;
    for (const std::string& o : r.outputs) written.push_back(portable_path(o, folder));
    std::vector<SidecarFrame> listed;
    for (const Frame& f : frames_) listed.push_back({f.date.iso(), setup_.animate ? f.hold : 0});
    write_file_atomic(r.sidecar, sidecar_json(recorded, inputs, build::kVersion, written, listed));
    timer_.lap("sidecar");
    r.frames = frames_.size();
    r.width = setup_.width;
    r.height = setup_.height;
    r.projection = setup_.projection;
    r.lod = frame_.lod;
    r.stages = timer_.stages();
    return r;
}

ExportFailure failure_of(ExportErrorKind kind, const std::exception& e) { return {kind, e.what()}; }

}  // namespace

ExportResult run_export_or_throw(const ExportRequest& request, const ExportCallbacks& callbacks) {
    if (request.from.empty()) {
        ExportJob job(request.params, request, callbacks);
        return job.run();
    }
    ExportParams params = params_from_sidecar(request.from, request.out_override, callbacks.note);
    try {
        ExportJob job(std::move(params), request, callbacks);
        return job.run();
    } catch (const UsageError& e) {
        // The value came from the sidecar, not the command line ("--fps must be ..."):
        // the message names the file.
        const std::string message = e.what();
        if (message.find(request.from) != std::string::npos) throw;
        throw UsageError(std::string(request.from).append(": ").append(message));
    }
}

ExportOutcome run_export(const ExportRequest& request, const ExportCallbacks& callbacks) {
    ExportOutcome outcome;
    try {
        outcome.result = run_export_or_throw(request, callbacks);
    } catch (const UsageError& e) {
        outcome.failure = failure_of(ExportErrorKind::Usage, e);
    } catch (const SidecarError& e) {
        outcome.failure = failure_of(ExportErrorKind::Input, e);
    } catch (const ExportError& e) {
        outcome.failure = failure_of(ExportErrorKind::Input, e);
    } catch (const geo::GeoError& e) {
        outcome.failure = failure_of(ExportErrorKind::Input, e);
    } catch (const std::exception& e) {
        outcome.failure = failure_of(ExportErrorKind::Failed, e);
    }
    return outcome;
}

}  // namespace deportmap::exporter
