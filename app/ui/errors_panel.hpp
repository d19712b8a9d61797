// Problems with the data: every bad row as FILE:LINE: field: message (the good rows
// stay loaded), and loading notes (unreadable files, "kept the last good data",
// reloads). A notice at the top says how many there are; clicking it opens the list.
#pragma once
#include "ui/panel_context.hpp"

namespace deportmap::ui {

class ErrorsPanel {
public:
    // `extra` are messages from the window (failed drops, settings, background work).
    void draw(PanelContext& ctx, const std::vector<std::string>& extra);
    void toggle() { open_ = !open_; }
    bool is_open() const { return open_; }

private:
    bool open_ = false;
    size_t seen_ = 0;  // problems + messages when last opened or dismissed
};

}  // namespace deportmap::ui
