// Editing a story in the window (issue 11): the story being edited, the step the user
// picked, whether there are unsaved changes, the file it came from, and the last error.
// The window's Story panel and the scripted story-* actions both call these; nothing here
// knows about ImGui or GL, so each operation is tested on its own.
//
// A step added "from the current view" (step_from_view) takes the timeline's date (a day,
// so written YYYY-MM-DD), the projection shown, and its focus: the selected country when
// one is selected (the presenter then frames that country and its source line names that
// country's facts), otherwise the longitude/latitude box the map shows (view_box.hpp),
// or the world when it shows nearly all of it.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/data/date.hpp"
#include "core/story/story.hpp"

namespace deportmap::story {

// What the window shows when the user adds a step.
struct CurrentView {
    data::Day day = 0;            // the timeline's date
    std::string projection;       // "equal-earth", ..., or "orthographic" for the globe
    std::string selected_iso3;    // "" when no country is selected
    // min_lon, min_lat, max_lon, max_lat of what the map shows; nullopt: the world.
    std::optional<std::array<double, 4>> shown;
};

// The step for `view` (no caption or notes yet).
Step step_from_view(const CurrentView& view);

// `text` cut to at most `max_bytes`, never inside a UTF-8 sequence.
std::string clip_utf8(std::string_view text, size_t max_bytes);

class StoryEditor {
public:
    // A story just read from `path` (or an empty one for a file that does not exist yet):
    // nothing selected, no unsaved changes. `left_out`: steps of the file that had
    // problems and are not in `story` (a save writes only the good ones).
    void open(Story story, std::string path, size_t left_out = 0);
    // The same file read again after someone else changed it: like open(), but the
    // selected step stays when it still exists.
    void reload(Story story, size_t left_out = 0);

    const Story& story() const { return story_; }
    const std::string& path() const { return path_; }
    int selected() const { return selected_; }  // -1: none
    const Step* selected_step() const;
    bool dirty() const { return dirty_; }
    const std::string& error() const { return error_; }  // the last failed save or add
    size_t left_out() const { return left_out_; }
    // Goes up on every change to the story (edits, open, reload), for the presenter.
    uint64_t revision() const { return revision_; }
    // True once there is something to present: a file, or steps made here.
    bool in_use() const { return !path_.empty() || !story_.steps.empty(); }

    // Selects step `index` (0-based; -1 clears). False when out of range.
    bool select(int index);
    // Inserts `step` after the selected one (at the end when none) and selects it.
    // False (error set) when the story already holds kMaxSteps.
    bool add_step(Step step);
    // The selected step's caption or notes, clipped to kMaxTextBytes. False when no step
    // is selected or the text is the same.
    bool set_caption(std::string_view text);
    bool set_notes(std::string_view text);
    // Moves the selected step one place; the selection follows it. False at the edge.
    bool move_up();
    bool move_down();
    // Deletes the selected step; the one after it (or the new last one) is selected.
    bool remove();
    // Writes the story to path() atomically (save_story). On failure the edits stay
    // unsaved and error() says why.
    bool save();
    // Writes to `path` and, when that works, makes it the story's file.
    bool save_as(const std::string& path);

private:
    void changed();
    bool set_text(std::string Step::*field, std::string_view text);

    Story story_;
    std::string path_;
    int selected_ = -1;
    bool dirty_ = false;
    std::string error_;
    size_t left_out_ = 0;
    uint64_t revision_ = 0;
};

}  // namespace deportmap::story
