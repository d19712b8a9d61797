// The story editing model (see editor.hpp).
#include "core/story/editor.hpp"

#include <algorithm>
#include <utility>

namespace deportmap::story {

Step step_from_view(const CurrentView& view) {
    Step s;
    s.date = data::civil_from_days(view.day);
    s.projection = known_projection(view.projection) ? view.projection : std::string();
    if (!view.selected_iso3.empty()) {
        s.focus = FocusKind::Countries;
        s.countries = {view.selected_iso3};
        s.iso3 = {view.selected_iso3};
    } else if (view.shown) {
        s.focus = FocusKind::BBox;
        s.bbox = *view.shown;
    }
    return s;
}

std::string clip_utf8(std::string_view text, size_t max_bytes) {
    if (text.size() <= max_bytes) return std::string(text);
    size_t end = max_bytes;
    // Step back over continuation bytes (10xxxxxx) to the start of the cut sequence.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return std::string(text.substr(0, end));
}

void StoryEditor::open(Story story, std::string path, size_t left_out) {
    story_ = std::move(story);
    path_ = std::move(path);
    selected_ = -1;
    dirty_ = false;
    error_.clear();
    left_out_ = left_out;
    ++revision_;
}

void StoryEditor::reload(Story story, size_t left_out) {
    const int keep = selected_;
    open(std::move(story), path_, left_out);
    if (keep >= 0 && static_cast<size_t>(keep) < story_.steps.size()) selected_ = keep;
}

const Step* StoryEditor::selected_step() const {
    if (selected_ < 0 || static_cast<size_t>(selected_) >= story_.steps.size()) return nullptr;
    return &story_.steps[static_cast<size_t>(selected_)];
}

void StoryEditor::changed() {
    dirty_ = true;
    ++revision_;
}

bool StoryEditor::select(int index) {
    if (index < -1 || (index >= 0 && static_cast<size_t>(index) >= story_.steps.size())) return false;
    selected_ = index;
    return true;
}

bool StoryEditor::add_step(Step step) {
    if (story_.steps.size() >= kMaxSteps) {
        error_ = "a story holds at most " + std::to_string(kMaxSteps) + " steps";
        return false;
    }
    step.line = 0;
    const size_t at = selected_ >= 0 ? static_cast<size_t>(selected_) + 1 : story_.steps.size();
    story_.steps.insert(story_.steps.begin() + static_cast<std::ptrdiff_t>(at), std::move(step));
    selected_ = static_cast<int>(at);
    changed();
    return true;
}

bool StoryEditor::set_text(std::string Step::*field, std::string_view text) {
    if (selected_step() == nullptr) return false;
    std::string clipped = clip_utf8(text, kMaxTextBytes);
    std::string& target = story_.steps[static_cast<size_t>(selected_)].*field;
    if (target == clipped) return false;
    target = std::move(clipped);
    changed();
    return true;
}

bool StoryEditor::set_caption(std::string_view text) { return set_text(&Step::caption, text); }
bool StoryEditor::set_notes(std::string_view text) { return set_text(&Step::notes, text); }

bool StoryEditor::move_up() {
    if (selected_ <= 0 || selected_step() == nullptr) return false;
    const auto i = static_cast<size_t>(selected_);
    std::swap(story_.steps[i], story_.steps[i - 1]);
    --selected_;
    changed();
    return true;
}

bool StoryEditor::move_down() {
    if (selected_step() == nullptr || static_cast<size_t>(selected_) + 1 >= story_.steps.size()) return false;
    const auto i = static_cast<size_t>(selected_);
    std::swap(story_.steps[i], story_.steps[i + 1]);
    ++selected_;
    changed();
    return true;
}

bool StoryEditor::remove() {
    if (selected_step() == nullptr) return false;
    story_.steps.erase(story_.steps.begin() + selected_);
    if (story_.steps.empty()) {
        selected_ = -1;
    } else {
        selected_ = std::min(selected_, static_cast<int>(story_.steps.size()) - 1);
    }
    changed();
    return true;
}

bool StoryEditor::save() {
    if (path_.empty()) {
        error_ = "the story has no file yet: use Save as";
        return false;
    }
    return save_as(path_);
}

bool StoryEditor::save_as(const std::string& path) {
    if (path.empty()) {
        error_ = "give a file name to save the story to";
        return false;
    }
    if (story_.steps.empty()) {
        error_ = "a story needs at least one step: add one before saving";
        return false;
    }
    std::string why;
    if (!save_story(path, story_, why)) {
        error_ = std::move(why);
        return false;
    }
    path_ = path;
    dirty_ = false;
    error_.clear();
    left_out_ = 0;
    return true;
}

}  // namespace deportmap::story
