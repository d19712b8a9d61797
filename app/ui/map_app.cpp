// The interactive map's UI orchestration (see map_app.hpp).
#include "ui/map_app.hpp"

#include "core/paint.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>  // key codes: ImGui 1.86 indexes io.KeysDown by GLFW key
#include <imgui.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/story/story.hpp"
#include "core/util/args.hpp"
#include "ui/map_input.hpp"
#include "ui/widgets.hpp"

namespace deportmap::ui {
namespace {

const std::vector<std::string> kVerbsWithArg = {"select", "fly",   "step",   "date",   "hover-legend",
                                                "hide",   "theme", "speed", "search", "export", "key",
                                                "story-select", "story-caption", "story-notes",
                                                "story-save-as", "legend-summary"};
const std::vector<std::string> kVerbsWithoutArg = {"play", "pause", "labels", "clear", "help",
                                                   "problems", "open-export", "story", "story-add",
                                                   "story-up", "story-down", "story-delete", "story-save"};

// World country `w`'s shape at the finest level that is ready, or null.
const geo::ProjectedShape* finest_ready_shape(const geo::ProjectedWorld& projected, size_t w) {
    for (int l = geo::kLodCount - 1; l >= 0; --l) {
        const auto& shapes = projected.shapes[static_cast<size_t>(l)];
        if (projected.ready[static_cast<size_t>(l)] && w < shapes.size() && !shapes[w].bbox.empty()) return &shapes[w];
    }
    return nullptr;
}

double ease(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t < 0.5 ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3) / 2;
}

}  // namespace

std::vector<Action> parse_actions(const std::string& text) {
    std::vector<Action> out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find(';', start);
        if (end == std::string::npos) end = text.size();
        std::string step = text.substr(start, end - start);
        start = end + 1;
        while (!step.empty() && step.front() == ' ') step.erase(step.begin());
        while (!step.empty() && step.back() == ' ') step.pop_back();
        if (step.empty()) {
            if (end == text.size()) break;
            continue;
        }
        Action a;
        const size_t colon = step.find(':');
        a.verb = step.substr(0, colon);
        if (colon != std::string::npos) a.arg = step.substr(colon + 1);
        const bool needs = std::find(kVerbsWithArg.begin(), kVerbsWithArg.end(), a.verb) !=
                           kVerbsWithArg.end();
        const bool plain = std::find(kVerbsWithoutArg.begin(), kVerbsWithoutArg.end(), a.verb) !=
                           kVerbsWithoutArg.end();
        if (!needs && !plain) {
            throw UsageError("option --actions: unknown step '" + step +
                             "' (select, fly, step, date, hover-legend, hide, theme, speed, "
                             "search, export, key, play, pause, labels, clear, help, problems, open-export, "
                             "story, story-add, story-select, story-caption, story-notes, story-up, "
                             "story-down, story-delete, story-save, story-save-as)");
        }
        if (needs && a.arg.empty()) {
            throw UsageError("option --actions: step '" + a.verb + "' needs a value (" + a.verb +
                             ":VALUE)");
        }
        out.push_back(std::move(a));
        if (end == text.size()) break;
    }
    return out;
}

Camera camera_for_box(const geo::BBox& box, const geo::BBox& world, double width, double height,
                      double fit_width) {
    Camera c;
    c.center = box.empty() ? world.center() : box.center();
    if (fit_width <= 0.0) fit_width = width;
    const ViewTransform base = Camera{c.center, 1.0}.transform(world, width, height);
    const double bw = std::max(box.width() * base.scale_x, 1e-9);
    const double bh = std::max(box.height() * base.scale_y, 1e-9);
    c.zoom = std::clamp(std::min(0.45 * fit_width / bw, 0.45 * height / bh), 1.0, 400.0);
    return c;
}

MapApp::MapApp(const std::vector<std::string>& data_files, const std::string& statuses_path,
               const geo::World& world)
    : data_(data_files, statuses_path) {
    data_.map_world(world);
    scene_.hidden_statuses.assign(data_.timeline().statuses().size(), false);
    timeline_.rebuild(data_.timeline(), data_.dataset().generation());
    timeline_.go_to(scene_, timeline_.range().latest);
}

int MapApp::find_country(const std::string& text, std::string& error) const {
    const data::Resolution r = data_.countries().resolve(text);
    if (!r.found()) {
        error = r.message(text);
        return -1;
    }
    const int w = data_.data_to_world()[static_cast<size_t>(r.country)];
    if (w < 0) error = "'" + text + "' is not on the map's boundaries";
    return w;
}

void MapApp::select(int world_index, bool fly) {
    scene_.selected = world_index;
    if (fly && world_index >= 0) pending_fly_ = world_index;
}

void MapApp::apply_actions(const std::vector<Action>& actions, const geo::World&) {
    bool deferring = false;
    for (const Action& a : actions) {
        // An export waits for the view the script asked for (run_deferred_action).
        deferring = deferring || is_story_verb(a.verb) || a.verb == "export";
        if (deferring) {
            if (a.verb == "story-select") story_step_number(a.arg);  // a bad number stops the run now
            deferred_.push_back(a);  // run one per frame, in order (run_deferred_action)
        } else {
            apply_action(a);
        }
    }
}

void MapApp::apply_action(const Action& a) {
    const data::StatusTable& table = data_.timeline().statuses();
    if (a.verb == "key") {
        const int key = glfw_key_from_name(a.arg);
        if (key < 0) throw UsageError("option --actions: key: unknown key '" + a.arg + "' (PageDown, Right, b, F5, Escape, 5, ...)");
        pending_keys_.push_back(key);
    } else if (a.verb == "select" || a.verb == "fly") {
        std::string error;
        const int w = find_country(a.arg, error);
        if (w < 0) throw UsageError("option --actions: " + a.verb + ": " + error);
        select(w, a.verb == "fly");
    } else if (a.verb == "clear") {
        scene_.selected = -1;
    } else if (a.verb == "step") {
        int n = 0;
        try {
            n = std::stoi(a.arg);
        } catch (const std::exception&) {
            throw UsageError("option --actions: step expects a count such as +1 or -2, got '" +
                             a.arg + "'");
        }
        timeline_.set_playing(false);
        timeline_.go_to(scene_, step_event_day(data_.timeline().event_days(), scene_.date, n));
    } else if (a.verb == "date") {
        std::string why;
        const auto d = data::parse_date(a.arg, &why);
        if (!d) throw UsageError("option --actions: date '" + a.arg + "': " + why);
        timeline_.go_to(scene_, data::query_day(*d));
    } else if (a.verb == "hover-legend" || a.verb == "hide") {
        const data::StatusIndex s = table.find(a.arg);
        if (s == data::kNoStatus) {
            throw UsageError("option --actions: " + a.verb + ": unknown status '" + a.arg +
                             "' (one of " + table.key_list() + ")");
        }
        if (a.verb == "hover-legend") {
            legend_.force_hover(s);
        } else {
            scene_.hidden_statuses[static_cast<size_t>(s)] = true;
        }
    } else if (a.verb == "legend-summary") {
        if (a.arg != "on" && a.arg != "off") throw UsageError("option --actions: legend-summary must be on or off");
        panels_.legend_summary = a.arg == "on";
    } else if (a.verb == "theme") {
        const auto t = parse_theme(a.arg);
        if (!t) throw UsageError("option --actions: theme must be light or dark");
        scene_.theme = *t;
    } else if (a.verb == "speed") {
        int i = -1;
        for (size_t k = 0; k < kPlaySpeeds.size(); ++k) {
            if (a.arg == kPlaySpeeds[k].label || a.arg == std::to_string(k)) i = static_cast<int>(k);
        }
        if (i < 0) throw UsageError("option --actions: speed is 0..4 or a label like '1 year/s'");
        timeline_.set_speed_index(i);
    } else if (a.verb == "search") {
        search_.open(a.arg == "open" ? "" : a.arg);
    } else if (a.verb == "help") {
        if (!help_.is_open()) help_.toggle();
    } else if (a.verb == "problems") {
        if (!errors_.is_open()) errors_.toggle();
    } else if (a.verb == "open-export") {
        export_.open();
    } else if (a.verb == "export") {
        export_.request_export(a.arg);
    } else if (a.verb == "play") {
        timeline_.set_playing(true);
    } else if (a.verb == "pause") {
        timeline_.set_playing(false);
    } else if (a.verb == "labels") {
        scene_.labels = !scene_.labels;
    }
}

void MapApp::world_changed(const geo::World& world) {
    data_.map_world(world);
    scene_.selected = -1;
    scene_.hovered = -1;
    color_key_.reset();
}

void MapApp::add_events_file(const std::string& path) {
    data_.add_events_file(path);
    color_key_.reset();
}

bool MapApp::poll_files(double now_s) {
    const bool story_changed = poll_story_file(now_s);
    return data_.poll_files(now_s) || story_changed;
}

void MapApp::add_message(std::string message) {
    messages_.push_back(std::move(message));
    if (messages_.size() > 20) messages_.erase(messages_.begin());
}

std::vector<std::string> MapApp::take_open_requests() {
    std::vector<std::string> out;
    out.swap(open_requests_);
    return out;
}

bool MapApp::update_colors(double now_s, bool instant) {
    ColorKey key{scene_.date, scene_.theme, scene_.highlighted_status, scene_.hidden_statuses,
                 data_.dataset().generation(), data_.world_to_data().size(), scene_.emphasised_statuses};
    bool changed = false;
    recolour_ms_ = 0.0;
    if (!color_key_ || !(*color_key_ == key)) {
        const auto start = std::chrono::steady_clock::now();
        const bool first = !color_key_ || color_key_->generation != key.generation ||
                           color_key_->countries != key.countries;
        // The same paint as every export: stripes where the export stripes them.
        ScenePaint paint;
        paint_scene(scene_, data_.timeline(), data_.world_to_data(), paint);
        const std::vector<Color>& targets = paint.fill;
        fade_.set_targets(targets, now_s, instant || first);
        color_key_ = std::move(key);
        changed = true;
        recolour_ms_ =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    }
    return fade_.update(now_s) || changed;
}

void MapApp::shortcuts(FrameArgs&) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_F, false)) search_.open();
    if (ImGui::IsKeyPressed(GLFW_KEY_F1, false)) help_.toggle();
    if (ImGui::IsKeyPressed(GLFW_KEY_F6, false)) panels_.story = !panels_.story;
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_S, false) && panels_.story) save_story_edits(std::nullopt);
    if (io.KeyCtrl && ImGui::IsKeyPressed(GLFW_KEY_E, false)) export_.toggle();
    if (io.KeyCtrl && (ImGui::IsKeyPressed(GLFW_KEY_EQUAL, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD, false))) {
        set_ui_scale(ui_scale_ * 1.125f);
    }
    if (io.KeyCtrl && (ImGui::IsKeyPressed(GLFW_KEY_MINUS, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT, false))) {
        set_ui_scale(ui_scale_ / 1.125f);
    }
    if (io.KeyCtrl && (ImGui::IsKeyPressed(GLFW_KEY_0, false) || ImGui::IsKeyPressed(GLFW_KEY_KP_0, false))) {
        set_ui_scale(1.0f);
    }
    if (!io.WantTextInput) {
        for (int i = 0; i < io.InputQueueCharacters.Size; ++i) {
            const ImWchar ch = io.InputQueueCharacters[i];
            if (ch == '/') search_.open();
            if (ch == '?') help_.toggle();
        }
    }
    if (io.WantCaptureKeyboard || io.KeyCtrl || io.KeyAlt) return;
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false)) {
        if (help_.is_open()) {
            help_.toggle();
        } else {
            scene_.selected = -1;
        }
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_T, false)) {
        scene_.theme = scene_.theme == Theme::Dark ? Theme::Light : Theme::Dark;
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_L, false)) scene_.labels = !scene_.labels;
    if (ImGui::IsKeyPressed(GLFW_KEY_F2, false)) panels_.legend = !panels_.legend;
    if (ImGui::IsKeyPressed(GLFW_KEY_F3, false)) panels_.timeline = !panels_.timeline;
    if (ImGui::IsKeyPressed(GLFW_KEY_F4, false)) panels_.diagnostics = !panels_.diagnostics;
}

void MapApp::map_pointer(FrameArgs& args) {
    const ImGuiIO& io = ImGui::GetIO();
    const geo::BBox& bounds = args.projected.world_bounds;
    const ViewTransform view = args.camera.transform(bounds, args.fb_width, args.fb_height);
    int hovered = -1;
    const auto px = map_cursor_pixel();
    if (px && args.markers != nullptr) {
        // The nearest marker within its radius (plus a little slack for the hand).
        double best = -1.0;
        for (const Marker& m : *args.markers) {
            const double dx = m.center.x - px->x, dy = m.center.y - px->y;
            const double r = m.radius_px + 3.0;
            const double d2 = dx * dx + dy * dy;
            if (d2 <= r * r && (best < 0.0 || d2 < best)) {
                best = d2;
                hovered = m.country;
            }
        }
    }
    if (px && hovered < 0 && args.pick_pixel) {
        hovered = args.pick_pixel(*px);
    } else if (px && hovered < 0 && args.pick_lod) {
        hovered = args.projected.pick(view.to_map(*px), *args.pick_lod);
    }
    scene_.hovered = hovered;

    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) pressed_on_map_ = !io.WantCaptureMouse;
    if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) && pressed_on_map_) {
        pressed_on_map_ = false;
        const float max_drag = 4.0f;
        if (io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] <= max_drag * max_drag) {
            scene_.selected = hovered;  // a click on the ocean clears the selection
        }
    }

    if (hovered >= 0 && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        PanelContext ctx{data_, args.world, scene_, args.large_font, 0, 0, 0, 0, open_requests_};
        const DetailSummary s = detail_summary(ctx, hovered);
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(s.name.c_str());
        const data::StatusTable& table = data_.timeline().statuses();
        const data::StatusIndex st = table.find(s.status);
        if (st != data::kNoStatus) {
            status_chip(table[static_cast<size_t>(st)].label, status_color(table, st, scene_.theme),
                        true);
            ImGui::SameLine();
            const std::string since = "since " + s.since;
            ImGui::TextUnformatted(since.c_str());
        } else {
            ImGui::TextDisabled(s.history > 0 ? "no status yet on this date" : "no events");
        }
        ImGui::EndTooltip();
    }
}

bool MapApp::fly_step(FrameArgs& args) {
    const geo::BBox& bounds = args.projected.world_bounds;
    bool started = false;
    if (args.camera_moved_by_user) {  // the user takes over
        flight_.reset();
        globe_flight_.reset();
    }
    if (pending_fly_ >= 0 && args.fb_width > 0) {
        const int w = pending_fly_;
        pending_fly_ = -1;
        geo::BBox box;
        geo::Vec2 label;
        if (const geo::ProjectedShape* shape = finest_ready_shape(args.projected, static_cast<size_t>(w))) {
            box = shape->bbox;
            label = shape->label_point;
        }
        // Fit into the part of the window the panels leave free, centred there.
        const float fbs = ImGui::GetIO().DisplayFramebufferScale.x;
        const double free_l = last_left_ * fbs, free_r = last_right_ * fbs;
        const double free_w = std::max(100.0, free_r - free_l);
        const double shift_px = (free_l + free_r) * 0.5 - args.fb_width * 0.5;
        if (!box.empty() && args.globe != nullptr) {
            // The globe: turn until the label point faces the viewer, zoomed to fit.
            const geo::GlobeView to = geo::globe_view_for_box(box, label, args.fb_width,
                                                              args.fb_height, free_w, shift_px);
            globe_flight_ = GlobeFlight{*args.globe, to, args.now_s};
            flight_.reset();
            started = true;
        } else if (!box.empty()) {
            Camera to = camera_for_box(box, bounds, args.fb_width, args.fb_height, free_w);
            // Move the centre so the box sits in the middle of the free area.
            const ViewTransform vt = to.transform(bounds, args.fb_width, args.fb_height);
            to.center.x -= shift_px / vt.scale_x;
            flight_ = Flight{args.camera, to, args.now_s};
            globe_flight_.reset();
            started = true;
        }
    }
    if (globe_flight_ && args.globe != nullptr) {
        const double t = (args.now_s - globe_flight_->start_s) / kFlySeconds;
        *args.globe = geo::interpolate_globe(globe_flight_->from, globe_flight_->to, ease(t));
        if (t >= 1.0) {
            *args.globe = globe_flight_->to;
            globe_flight_.reset();
        }
    } else {
        globe_flight_.reset();  // the globe was left mid-flight
    }
    if (flight_) {
        const double t = (args.now_s - flight_->start_s) / kFlySeconds;
        const double e = ease(t);
        Camera c;
        c.center.x = flight_->from.center.x + (flight_->to.center.x - flight_->from.center.x) * e;
        c.center.y = flight_->from.center.y + (flight_->to.center.y - flight_->from.center.y) * e;
        c.zoom = std::exp(std::log(flight_->from.zoom) +
                          (std::log(flight_->to.zoom) - std::log(flight_->from.zoom)) * e);
        args.camera = c;
        if (t >= 1.0) {
            args.camera = flight_->to;
            flight_.reset();
        }
    }
    return started;
}

void MapApp::load_story(const std::string& path) {
    story_path_ = path;
    std::error_code ec;
    story_mtime_ = std::filesystem::last_write_time(path, ec);
    const story::StoryRead r = story::read_story_file(path, {&data_.countries(), &data_.timeline().statuses()});
    for (const auto& p : r.problems) add_message(p.to_string());
    if (!r.story) {
        // A file that does not exist yet is the one the Story panel saves to.
        if (!std::filesystem::exists(path, ec) && !editor_.in_use()) editor_.open(story::Story{}, path);
        return;  // the last good story stays
    }
    editor_.open(*r.story, path, r.bad_steps);
    presenter_.set_story(*r.story, 0.0);
    presented_revision_ = editor_.revision();
    story_from_file_ = true;
}

void MapApp::present(bool autoplay, bool loop) {
    present_pending_ = true;
    autoplay_pending_ = autoplay;
    loop_ = loop;
}

void MapApp::queue_key(int key) {
    constexpr size_t kMaxPending = 64;
    if (pending_keys_.size() < kMaxPending) pending_keys_.push_back(key);
}

std::vector<Color> MapApp::step_colors(size_t index) const {
    const story::Story& story = presenter_.story();
    if (index >= story.steps.size()) return {};
    const story::Step& step = story.steps[index];
    Scene scene = scene_;
    scene.date = data::query_day(step.date);
    scene.emphasised_statuses.clear();
    const data::StatusTable& table = data_.timeline().statuses();
    for (const std::string& key : step.highlight) {
        const data::StatusIndex s = table.find(key);
        if (s != data::kNoStatus) scene.emphasised_statuses.push_back(static_cast<int>(s));
    }
    ScenePaint paint;
    paint_scene(scene, data_.timeline(), data_.world_to_data(), paint);
    return std::move(paint.fill);
}

void MapApp::ensure_story(double now_s) {
    if (story_from_file_ || story_generation_ == data_.dataset().generation()) return;
    story_generation_ = data_.dataset().generation();
    presenter_.set_story(story::default_story(data_.timeline(), data_.countries()), now_s);
}

FrameResult MapApp::present_frame(FrameArgs& args, bool entering) {
    FrameResult result;
    PresenterRequest keys;
    if (!entering) keys = presenter_.keys_from_imgui(args.now_s);
    if (!entering && !pending_keys_.empty()) {
        const PresenterRequest k = presenter_.press(pending_keys_.front(), args.now_s);
        keys.leave = keys.leave || k.leave;
        keys.toggle_view = keys.toggle_view != k.toggle_view;
        pending_keys_.erase(pending_keys_.begin());
    }
    Presenter::FrameInput in{args.world, args.projected, args.camera, args.globe, args.fb_width, args.fb_height,
                             args.now_s, data_.timeline().statuses()};
    const PresenterRequest step = presenter_.frame(in);
    if (step.date) {
        timeline_.rebuild(data_.timeline(), data_.dataset().generation());
        timeline_.go_to(scene_, *step.date);
    }
    if (step.emphasised) scene_.emphasised_statuses = *step.emphasised;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    PanelContext ctx{data_, args.world, scene_, args.large_font, vp->Pos.y, vp->Pos.y + vp->Size.y,
                     vp->Pos.x, vp->Pos.x + vp->Size.x, open_requests_};
    presenter_.draw(ctx, args.large_font, args.now_s);
    result.toggle_presenter_view = keys.toggle_view;
    if (keys.leave) {
        presenter_.leave();
        scene_.emphasised_statuses.clear();
        result.fullscreen = false;
    }
    result.colors_changed = update_colors(args.now_s, false);
    result.animating = true;  // flights, fades, autoplay and the cursor's timeout
    scene_.camera = args.camera;
    last_globe_ = args.globe != nullptr ? std::optional<geo::GlobeView>(*args.globe) : std::nullopt;
    return result;
}

FrameResult MapApp::frame(FrameArgs& args) {
    ensure_story(args.now_s);
    sync_story(args.now_s);
    const bool scripted_f5 = !presenter_.active() && !pending_keys_.empty() && pending_keys_.front() == GLFW_KEY_F5;
    if (scripted_f5) pending_keys_.erase(pending_keys_.begin());
    const bool start = present_pending_ || scripted_f5 ||
                       (!presenter_.active() && !ImGui::GetIO().WantTextInput && ImGui::IsKeyPressed(GLFW_KEY_F5, false));
    if (start && !presenter_.active() && presenter_.has_story()) {
        present_pending_ = false;
        presenter_.enter(args.now_s);
        if (autoplay_pending_) presenter_.start_autoplay(args.now_s, loop_);
        FrameResult entering = present_frame(args, true);
        entering.fullscreen = true;
        return entering;
    }
    if (presenter_.active()) return present_frame(args);
    FrameResult result;
    if (!pending_keys_.empty()) pending_keys_.erase(pending_keys_.begin());  // keys for the presenter only
    shortcuts(args);
    run_deferred_action(args);
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    PanelContext ctx{data_, args.world, scene_, args.large_font,
                     vp->WorkPos.y, vp->WorkPos.y + vp->WorkSize.y,
                     vp->WorkPos.x, vp->WorkPos.x + vp->WorkSize.x, open_requests_};
    if (panels_.timeline) {
        ctx.bottom = timeline_.draw(ctx, args.dt_s);
    } else {
        timeline_.tick(ctx, args.dt_s);
    }
    result.bottom_left_y = ctx.bottom;
    last_top_ = ctx.top;
    last_bottom_ = ctx.bottom;
    timeline_rect_ = panels_.timeline ? PanelRect{ctx.left, ctx.bottom, ctx.right, vp->WorkPos.y + vp->WorkSize.y}
                                      : PanelRect{};
    const float pad = ImGui::GetStyle().WindowPadding.x;
    if (panels_.legend) {
        legend_.draw(ctx, panels_.legend_summary);
        last_left_ = ctx.left + pad + legend_.width_px();
    } else {
        last_left_ = ctx.left;
    }
    if (panels_.details) {
        last_right_ = details_.draw(ctx);
    } else {
        last_right_ = ctx.right;
    }
    details_rect_ = panels_.details && scene_.selected >= 0
                        ? PanelRect{last_right_, ctx.top + pad, ctx.right - pad, ctx.bottom - pad}
                        : PanelRect{};
    // The panel's width is known before a selection draws it: keep room for it.
    if (scene_.selected < 0 || !panels_.details) {
        last_right_ = ctx.right - (panels_.details ? ImGui::GetFontSize() * 25.0f + pad : 0.0f);
    }
    const int picked = search_.draw(ctx);
    if (picked >= 0) select(picked, true);
    errors_.draw(ctx, messages_);
    help_.draw(scene_, panels_, ui_scale_);
    story_panel(ctx, args);
    export_.draw(ctx, ExportView{args.camera, args.projected.world_bounds,
                                 args.projected.projection, args.fb_width, args.fb_height});

    map_pointer(args);
    fly_to_story_step(args);
    result.flight_started = fly_step(args);
    result.colors_changed = update_colors(args.now_s, false);
    result.animating = timeline_.playing() || fade_.active() || flight_.has_value() ||
                       globe_flight_.has_value() || pending_fly_ >= 0 || export_.busy() || export_.thumbnail_settling() ||
                       !deferred_.empty() || pending_step_view_ >= 0;
    scene_.camera = args.camera;
    if (args.globe != nullptr) {
        last_globe_ = *args.globe;
    } else {
        last_globe_.reset();
    }
    // What --dump-state's "covered" needs, kept for the end (computing it every frame would
    // cost a pass over every country for a test's sake).
    layout_frame_ = {&args.projected,
                     args.camera.transform(args.projected.world_bounds, args.fb_width, args.fb_height),
                     args.globe != nullptr || args.fb_width <= 0, ImGui::GetIO().DisplayFramebufferScale.x,
                     {ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y}};
    return result;
}

// The countries whose label point (flat map, the last frame's view) falls under the
// legend, the timeline, the details panel or the projection switch.
std::vector<std::string> MapApp::covered_countries(const geo::World& world) const {
    std::vector<std::string> covered;
    const LayoutFrame& f = layout_frame_;
    if (f.projected == nullptr || f.globe || !(f.fb_scale > 0.0f)) return covered;
    const PanelRect legend = panels_.legend ? legend_.rect() : PanelRect{};
    const std::array<const PanelRect*, 4> panels = {&legend, &timeline_rect_, &details_rect_, &switch_rect_};
    for (size_t w = 0; w < world.countries.size(); ++w) {
        const geo::ProjectedShape* shape = finest_ready_shape(*f.projected, w);
        if (shape == nullptr) continue;
        const geo::Vec2 px = f.view.to_pixel(shape->label_point);
        const float x = static_cast<float>(px.x) / f.fb_scale, y = static_cast<float>(px.y) / f.fb_scale;
        const bool under = std::any_of(panels.begin(), panels.end(), [&](const PanelRect* r) { return r->contains(x, y); });
        if (under) covered.push_back(world.countries[w].iso3);
    }
    return covered;
}

std::string MapApp::state_json(const geo::World& world) const {
    using nlohmann::json;
    const data::StatusTable& table = data_.timeline().statuses();
    json j;
    j["date"] = iso_day(scene_.date);
    j["date_text"] = format_day(scene_.date);
    j["selected"] = scene_.selected >= 0 && static_cast<size_t>(scene_.selected) < world.countries.size()
                        ? json(world.countries[static_cast<size_t>(scene_.selected)].iso3)
                        : json(nullptr);
    j["hovered_legend"] = legend_.hovered() != data::kNoStatus
                              ? json(table[static_cast<size_t>(legend_.hovered())].key)
                              : json(nullptr);
    j["highlighted_status"] = scene_.highlighted_status >= 0
                                  ? json(table[static_cast<size_t>(scene_.highlighted_status)].key)
                                  : json(nullptr);
    json counts = json::object();
    std::vector<int> c;
    data_.timeline().counts_at(scene_.date, c);
    for (data::StatusIndex s : table.legend()) {
        counts[table[static_cast<size_t>(s)].key] = c[static_cast<size_t>(s)];
    }
    j["legend"] = counts;
    j["headline"] = legend_.headline();
    json hidden = json::array();
    for (size_t i = 0; i < scene_.hidden_statuses.size() && i < table.size(); ++i) {
        if (scene_.hidden_statuses[i]) hidden.push_back(table[i].key);
    }
    j["hidden"] = hidden;
    if (scene_.selected >= 0) {
        std::vector<std::string> none;
        PanelContext ctx{data_, world, const_cast<Scene&>(scene_), nullptr, 0, 0, 0, 0, none};
        const DetailSummary s = detail_summary(ctx, scene_.selected);
        j["details"] = {{"iso3", s.iso3},
                        {"name", s.name},
                        {"status", s.status.empty() ? json(nullptr) : json(s.status)},
                        {"since", s.since.empty() ? json(nullptr) : json(s.since)},
                        {"history", s.history},
                        {"weak_only", s.weak_only},
                        {"sources", s.sources}};
    } else {
        j["details"] = nullptr;
    }
    j["playing"] = timeline_.playing();
    j["speed"] = kPlaySpeeds[static_cast<size_t>(timeline_.speed_index())].label;
    j["theme"] = std::string(theme_name(scene_.theme));
    j["labels"] = scene_.labels;
    j["patterns"] = scene_.patterns;
    j["camera"] = {{"zoom", scene_.camera.zoom},
                   {"center", {scene_.camera.center.x, scene_.camera.center.y}}};
    j["globe"] = last_globe_ ? json{{"center", {last_globe_->center_lon, last_globe_->center_lat}},
                                    {"zoom", last_globe_->zoom}}
                             : json(nullptr);
    j["search_open"] = search_.is_open();
    j["export_open"] = export_.is_open();
    j["export_status"] = export_.status();
    j["export_thumbnail"] = {{"state", export_.thumbnail_state()},
                             {"width", export_.thumbnail_size().first},
                             {"height", export_.thumbnail_size().second}};
    j["panels"] = {{"legend", panels_.legend},
                   {"timeline", panels_.timeline},
                   {"details", panels_.details},
                   {"overlay", panels_.diagnostics},
                   {"story", panels_.story},
                   {"legend_summary", panels_.legend_summary}};
    j["ui_scale"] = ui_scale_;
    auto rect = [](const PanelRect& r) {
        return r.empty() ? json(nullptr) : json::array({r.x0, r.y0, r.x1, r.y1});
    };
    j["layout"] = {{"legend", rect(panels_.legend ? legend_.rect() : PanelRect{})},
                   {"timeline", rect(timeline_rect_)},
                   {"details", rect(details_rect_)},
                   {"switch", rect(switch_rect_)},
                   {"width", layout_frame_.display[0]},
                   {"height", layout_frame_.display[1]}};
    j["covered"] = covered_countries(world);
    size_t warnings = 0;
    for (const data::Problem& p : data_.dataset().problems()) warnings += p.warning ? 1 : 0;
    j["problems"] = data_.dataset().problems().size() - warnings;
    j["warnings"] = warnings;
    j["countries_named"] = data_.timeline().countries_named().size();
    j["presenter"] = json::parse(presenter_.state_json());
    j["story"] = json::parse(story_state_json());
    j["messages"] = messages_;
    j["data_messages"] = data_.messages();  // loading notes: reloads, unreadable files
    json not_drawn = json::array();  // countries of the data the boundaries lack (ISO3)
    for (const int c : countries_not_in_world(data_.timeline(), data_.world_to_data())) {
        not_drawn.push_back(data_.countries().country(c).iso3);
    }
    j["not_drawn"] = not_drawn;
    j["data_title"] = data_.data_title();
    const data::StatedFigure* stated = data::find_stated_figure(data_.stated(), "countries_contacted_or_planned");
    j["stated_figure"] = stated ? json(stated->value) : json(nullptr);
    const auto through = data_.timeline().data_through();
    j["data_through"] = through ? json(data::civil_from_days(*through).iso()) : json(nullptr);
    return j.dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace deportmap::ui
