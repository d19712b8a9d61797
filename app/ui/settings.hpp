// Settings that persist between runs: window size and position, theme, projection
// (a flat one or "orthographic", the globe, with the globe's centre and zoom), labels
// toggle and which panels are shown. Stored as JSON in
// $XDG_CONFIG_HOME/deportmap/settings.json (~/.config when XDG_CONFIG_HOME is unset),
// written atomically (temporary file, then rename). A missing file gives the defaults;
// a bad one is ignored with a one-line message, never a crash.
#pragma once
#include <optional>
#include <string>

#include "core/geo/globe.hpp"
#include "core/geo/projection.hpp"
#include "core/scene.hpp"

namespace deportmap::ui {

struct PanelVisibility {
    bool legend = true;
    bool details = true;
    bool timeline = true;
    // The F4 readout (frame time, level, cursor): a developer's tool, off until asked for
    // (F4, --bench-frames, or "overlay" in the settings file).
    bool diagnostics = false;
    bool story = false;       // the Story panel (F6)
    // The legend's sentence, the count of countries named and the report's stated
    // figure; off by default (a compact legend: the data's title and one line per status).
    bool legend_summary = false;
};

struct Settings {
    std::optional<int> width, height;  // window size in screen coordinates
    std::optional<int> x, y;           // window position
    Theme theme = Theme::Light;
    geo::ProjectionKind projection = geo::ProjectionKind::EqualEarth;  // when !globe
    // The orthographic globe is shown (saved as "projection": "orthographic"); the globe's
    // view is kept either way, so switching back to it returns to where it was.
    bool globe = false;
    geo::GlobeView globe_view;
    bool labels = false;
    bool patterns = false;  // the second cue per status (core/patterns.hpp)
    PanelVisibility panels;
    int speed_index = 1;  // index into the timeline's speeds
    float ui_scale = 1.0f;  // text and panels, times the monitor's content scale
};

// The range of the user's UI scale and a clamp into it (NaN gives 1).
inline constexpr float kMinUiScale = 0.75f;
inline constexpr float kMaxUiScale = 3.0f;
float clamp_ui_scale(float scale);

// The folder settings live in ("" when neither XDG_CONFIG_HOME nor HOME is set).
std::string config_dir();
std::string settings_path();  // config_dir() + "/settings.json", or ""
std::string imgui_ini_path(); // config_dir() + "/imgui.ini", or ""

// Reads settings from `path`. A missing file gives defaults with `message` empty; a file
// that is not valid JSON or holds wrong types gives defaults (for the bad fields) and a
// one-line `message` naming the file.
Settings load_settings(const std::string& path, std::string& message);
// Writes atomically (creating the folder). False with a one-line `error` on failure.
bool save_settings(const std::string& path, const Settings& settings, std::string& error);

std::string settings_to_json(const Settings& settings);

}  // namespace deportmap::ui
