// The Story panel (F6, or "Story" among the panels in the shortcuts window): edits the
// story the presenter shows (core/story/editor.hpp). It lists the steps (number, date,
// the caption's first line); a click selects one, and the app shows it (its date on the
// timeline, the camera on its focus). Buttons add the current view as a step after the
// selected one, move the selected step up or down, delete it, save (Ctrl+S too) and save
// as when the story has no file yet; the selected step's caption and notes are edited in
// place. The title bar shows "*" while there are unsaved edits, the body the last error.
// All text from the file is drawn unformatted. The panel changes the editor for edits
// that need nothing else; what needs the app (the view, the camera, the file watcher)
// comes back as a StoryPanelRequest.
#pragma once
#include <array>
#include <optional>
#include <string>

#include "core/story/editor.hpp"
#include "ui/panel_context.hpp"

namespace deportmap::ui {

struct StoryPanelRequest {
    bool add_view = false;                // "Add current view"
    int show = -1;                        // a step was picked (0-based): show it
    bool save = false;                    // "Save" or Ctrl+S
    std::optional<std::string> save_as;   // "Save as" with this path
    bool revert = false;                  // read the file again, dropping the edits
};

// The first line of a caption, cut to about `max_bytes` (with "..." when cut).
std::string first_line(const std::string& text, size_t max_bytes = 60);

class StoryPanel {
public:
    // Draws the panel when `open` (its close box clears it). `left`: where the map's
    // free area begins (the legend's right edge), for the panel's first position;
    // `bottom_reserve`: height kept free above the timeline (the status overlay's).
    StoryPanelRequest draw(const PanelContext& ctx, story::StoryEditor& editor, bool& open, float left,
                           float bottom_reserve = 0.0f);

private:
    void toolbar(story::StoryEditor& editor, StoryPanelRequest& request);
    void save_as_row(const story::StoryEditor& editor, StoryPanelRequest& request);
    void step_list(const story::StoryEditor& editor, StoryPanelRequest& request);
    void step_fields(const PanelContext& ctx, story::StoryEditor& editor);
    void load_buffers(const story::StoryEditor& editor);

    std::array<char, story::kMaxTextBytes + 1> caption_{};
    std::array<char, story::kMaxTextBytes + 1> notes_{};
    std::array<char, 1024> save_as_path_{};
    bool editing_ = false;       // a caption or notes box had the keyboard last frame
    int buffers_step_ = -2;      // the step the buffers hold
    uint64_t buffers_revision_ = 0;
    bool save_as_shown_ = false;
    bool scroll_to_selected_ = false;
};

}  // namespace deportmap::ui
