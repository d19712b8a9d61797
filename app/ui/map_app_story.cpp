// MapApp's story editing (issue 11): the Story panel's requests, the scripted story-*
// actions, a step made from the current view, showing a step, saving, and keeping the
// presenter and the file watcher in step with the edits (see map_app.hpp).
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>

#include "core/story/step_view.hpp"
#include "core/story/view_box.hpp"
#include "core/util/args.hpp"
#include "ui/map_app.hpp"

namespace deportmap::ui {
namespace {

// "\n" in a scripted caption or notes is a line break (an --actions step is one line).
std::string unescape_newlines(const std::string& text) {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
            out += '\n';
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

nlohmann::json focus_json(const story::Step& s) {
    using nlohmann::json;
    if (s.focus == story::FocusKind::Countries) return json(s.iso3);
    if (s.focus == story::FocusKind::BBox) return json{{"bbox", s.bbox}};
    return json("world");
}

}  // namespace

bool is_story_verb(const std::string& verb) { return verb == "story" || verb.rfind("story-", 0) == 0; }

int story_step_number(const std::string& arg) {
    try {
        size_t used = 0;
        const int n = std::stoi(arg, &used);
        if (used == arg.size() && n >= 1) return n;
    } catch (const std::exception&) {
    }
    throw UsageError("option --actions: story-select expects a step number from 1, got '" + arg + "'");
}

void MapApp::run_deferred_action(const FrameArgs& args) {
    if (deferred_.empty()) return;
    const bool flying = pending_fly_ >= 0 || flight_.has_value() || globe_flight_.has_value();
    if (deferred_.front().verb == "export" && flying) return;  // export the view once it arrives
    const Action a = deferred_.front();
    deferred_.erase(deferred_.begin());
    try {
        if (is_story_verb(a.verb)) {
            apply_story_action(a, args);
        } else {
            apply_action(a);
        }
    } catch (const UsageError& e) {
        // Too late to stop the program: say so where the user (and the test) looks.
        std::fprintf(stderr, "deportmap: %s\n", e.what());
        add_message(e.what());
    }
}

void MapApp::apply_story_action(const Action& a, const FrameArgs& args) {
    const auto needs_step = [&] {
        if (editor_.selected_step() == nullptr) {
            throw UsageError("option --actions: " + a.verb + ": no story step is selected");
        }
    };
    if (a.verb == "story") {
        panels_.story = true;
    } else if (a.verb == "story-add") {
        add_view_step(args);
    } else if (a.verb == "story-select") {
        const int n = story_step_number(a.arg);
        if (static_cast<size_t>(n) > editor_.story().steps.size()) {
            throw UsageError("option --actions: story-select: no step " + a.arg + " (the story has " +
                             std::to_string(editor_.story().steps.size()) + ")");
        }
        show_story_step(n - 1);
    } else if (a.verb == "story-caption") {
        needs_step();
        editor_.set_caption(unescape_newlines(a.arg));
    } else if (a.verb == "story-notes") {
        needs_step();
        editor_.set_notes(unescape_newlines(a.arg));
    } else if (a.verb == "story-up" || a.verb == "story-down" || a.verb == "story-delete") {
        needs_step();
        if (a.verb == "story-up") editor_.move_up();
        if (a.verb == "story-down") editor_.move_down();
        if (a.verb == "story-delete") editor_.remove();
    } else if (a.verb == "story-save") {
        save_story_edits(std::nullopt);
    } else if (a.verb == "story-save-as") {
        save_story_edits(a.arg);
    }
}

void MapApp::story_panel(const PanelContext& ctx, const FrameArgs& args) {
    // The status overlay (F4) sits above the timeline at the left, about nine lines high.
    const float reserve = panels_.diagnostics ? ImGui::GetFontSize() * 9.0f : 0.0f;
    const StoryPanelRequest r = story_panel_.draw(ctx, editor_, panels_.story, last_left_, reserve);
    if (r.add_view) add_view_step(args);
    if (r.show >= 0) show_story_step(r.show);
    if (r.save) save_story_edits(std::nullopt);
    if (r.save_as) save_story_edits(*r.save_as);
    if (r.revert) reload_story_file(args.now_s);
}

// The presenter shows the edited story once there is one: a file, or steps made here.
void MapApp::sync_story(double now_s) {
    if (editor_.revision() == presented_revision_) return;
    presented_revision_ = editor_.revision();
    if (editor_.story().steps.empty() && !story_from_file_) return;  // the default story stays
    presenter_.set_story(editor_.story(), now_s);
    story_from_file_ = true;
}

// The watcher: a change on disk reloads the story, unless there are unsaved edits,
// which are kept (a message says the file changed; Save writes over it, Revert reads it).
bool MapApp::poll_story_file(double now_s) {
    if (story_path_.empty() || now_s < next_story_poll_s_) return false;
    next_story_poll_s_ = now_s + 0.5;
    std::error_code ec;
    const auto mtime = std::filesystem::last_write_time(story_path_, ec);
    if (ec || mtime == story_mtime_) return false;
    if (editor_.dirty()) {
        story_mtime_ = mtime;  // said once per change
        add_message(story_path_ + ": changed on disk; the unsaved edits in the Story panel are kept "
                                  "(Save writes them over it, Revert reads the file)");
        return false;
    }
    reload_story_file(now_s);
    return true;
}

// Reads the story file again (the watcher, or Revert): the good steps load, the selected
// step and the presenter's current step stay where they still exist; a file that cannot
// be read keeps the last good story.
void MapApp::reload_story_file(double now_s) {
    std::error_code ec;
    story_mtime_ = std::filesystem::last_write_time(story_path_, ec);
    const story::StoryRead r = story::read_story_file(story_path_, {&data_.countries(), &data_.timeline().statuses()});
    for (const auto& p : r.problems) add_message(p.to_string());
    if (!r.story) return;
    editor_.reload(*r.story, r.bad_steps);
    story_from_file_ = true;
    sync_story(now_s);  // the presenter has it at once, even before the next frame
}

void MapApp::save_story_edits(const std::optional<std::string>& as) {
    const bool ok = as ? editor_.save_as(*as) : editor_.save();
    if (!ok) return;
    // Our own write is no change from outside: the watcher follows the file, quietly.
    story_path_ = editor_.path();
    std::error_code ec;
    story_mtime_ = std::filesystem::last_write_time(story_path_, ec);
    story_from_file_ = true;
}

story::CurrentView MapApp::current_view(const FrameArgs& args) {
    story::CurrentView v;
    v.day = scene_.date;
    v.projection = args.globe != nullptr ? std::string("orthographic")
                                         : std::string(geo::projection_name(args.projected.projection));
    const int sel = scene_.selected;
    if (sel >= 0 && static_cast<size_t>(sel) < args.world.countries.size()) {
        const std::string& iso3 = args.world.countries[static_cast<size_t>(sel)].iso3;
        if (data_.countries().resolve(iso3).found()) v.selected_iso3 = iso3;  // a story names known countries
    }
    // The whole world in the window is the world, even where panels cover some of it;
    // otherwise the box of the part the docked panels leave free.
    const story::PixelRect whole{0.0, 0.0, double(args.fb_width), double(args.fb_height)};
    const float fbs = ImGui::GetIO().DisplayFramebufferScale.x;
    story::PixelRect rect{last_left_ * fbs, last_top_ * fbs, last_right_ * fbs, last_bottom_ * fbs};
    if (!(rect.x1 > rect.x0 && rect.y1 > rect.y0)) rect = whole;
    if (args.globe != nullptr) {
        if (story::globe_view_box(*args.globe, args.fb_width, args.fb_height, whole)) {
            v.shown = story::globe_view_box(*args.globe, args.fb_width, args.fb_height, rect);
        }
    } else if (const geo::Projector* p = story_projector(args.projected.projection)) {
        const auto box = [&](const story::PixelRect& r) {
            return story::flat_view_box(args.camera, args.projected.world_bounds, args.fb_width, args.fb_height, r, *p);
        };
        if (box(whole)) v.shown = box(rect);
    }
    return v;
}

const geo::Projector* MapApp::story_projector(geo::ProjectionKind kind) {
    if (!story_projector_ || story_projector_->kind() != kind) {
        try {
            story_projector_ = std::make_unique<geo::Projector>(kind);
        } catch (const std::exception&) {
            story_projector_.reset();
        }
    }
    return story_projector_.get();
}

void MapApp::add_view_step(const FrameArgs& args) { editor_.add_step(story::step_from_view(current_view(args))); }

// Selects a step and shows it: its date on the timeline, the camera on its focus.
void MapApp::show_story_step(int index) {
    if (!editor_.select(index) || index < 0) return;
    const story::Step& step = *editor_.selected_step();
    timeline_.set_playing(false);
    timeline_.go_to(scene_, data::query_day(step.date));
    pending_step_view_ = index;
}

// Frames the step to show as the presenter would (step_view.hpp), flying there.
void MapApp::fly_to_story_step(const FrameArgs& args) {
    if (pending_step_view_ < 0 || args.fb_width <= 0 || args.fb_height <= 0) return;
    const size_t index = static_cast<size_t>(pending_step_view_);
    pending_step_view_ = -1;
    const geo::Projector* projector = story_projector(args.projected.projection);
    if (projector == nullptr || index >= editor_.story().steps.size()) return;
    const story::StepBox box = story::step_box(editor_.story().steps[index], args.world, args.projected, *projector);
    pending_fly_ = -1;
    if (args.globe != nullptr) {
        globe_flight_ = GlobeFlight{*args.globe, story::step_globe(box, args.fb_width, args.fb_height), args.now_s};
        flight_.reset();
    } else {
        const Camera to = story::step_camera(box.box, args.projected.world_bounds, args.fb_width, args.fb_height);
        flight_ = Flight{args.camera, to, args.now_s};
        globe_flight_.reset();
    }
}

std::string MapApp::story_state_json() const {
    using nlohmann::json;
    json steps = json::array();
    for (const story::Step& s : editor_.story().steps) {
        steps.push_back({{"date", s.date.iso()},
                         {"caption", s.caption},
                         {"notes", s.notes},
                         {"focus", focus_json(s)},
                         {"projection", s.projection}});
    }
    json j;
    j["open"] = panels_.story;
    j["path"] = editor_.path().empty() ? json(nullptr) : json(editor_.path());
    j["title"] = editor_.story().title;
    j["steps"] = steps;
    j["selected"] = editor_.selected() >= 0 ? json(editor_.selected() + 1) : json(nullptr);
    j["dirty"] = editor_.dirty();
    j["error"] = editor_.error().empty() ? json(nullptr) : json(editor_.error());
    j["left_out"] = editor_.left_out();
    j["presented_steps"] = presenter_.story().steps.size();
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace deportmap::ui
