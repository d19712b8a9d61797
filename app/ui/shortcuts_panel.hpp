// The keyboard shortcuts (`?` or F1 toggles it), with the view's switches: theme,
// labels and which panels are shown (they persist in the settings).
#pragma once
#include "core/scene.hpp"
#include "ui/settings.hpp"

namespace deportmap::ui {

class ShortcutsPanel {
public:
    void toggle() { open_ = !open_; }
    bool is_open() const { return open_; }
    // `ui_scale`: the text and panel size the user chose (a slider here).
    void draw(Scene& scene, PanelVisibility& panels, float& ui_scale);

private:
    bool open_ = false;
};

}  // namespace deportmap::ui
