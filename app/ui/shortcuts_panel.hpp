// The keyboard shortcuts (`?` or F1 toggles it).
#pragma once

namespace deportmap::ui {

class ShortcutsPanel {
public:
    void toggle() { open_ = !open_; }
    bool is_open() const { return open_; }
    void draw();

private:
    bool open_ = false;
};

}  // namespace deportmap::ui
