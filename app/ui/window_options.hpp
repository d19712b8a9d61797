// The interactive window's settings, read from the command line. One table of options
// (kWindowValueOptions / kWindowFlagOptions) and one parse function, so later options
// (--date, --select, --theme, --bench-frames) are one field and one line each.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/geo/projection.hpp"
#include "core/geo/world.hpp"

namespace deportmap::ui {

struct WindowOptions {
    geo::ProjectionKind projection = geo::ProjectionKind::EqualEarth;
    bool globe = false;  // --projection orthographic: the rotating globe
    // Window size in screen coordinates; when not given, 1280x800 scaled to the
    // monitor's content scale.
    int width = 1280;
    int height = 800;
    bool size_given = false;
    std::optional<long long> frames;  // render this many frames, then exit 0
    std::string screenshot_path;      // PNG of the last frame (empty: none)
    bool help = false;                // --help: print window_usage() and exit
    geo::LoadOptions boundaries;      // --boundaries / --id-field / --name-field
    bool projection_given = false;
    std::vector<std::string> data_files;  // --data FILE (repeatable); empty: bundled
    std::string statuses_path;            // --statuses FILE; empty: the default table
    std::optional<std::string> date;      // --date D as given (checked to be a date)
    std::string select;                   // --select ISO3 or name
    std::optional<std::string> theme;     // --theme light|dark (checked)
    bool labels = false;                  // --labels
    std::string actions;                  // --actions "select:RWA;step:+1;..."
    std::string dump_state_path;          // --dump-state F.json after the last frame
    // --bench-frames N: after warm-up (every level ready), time N frames (vsync off,
    // glFinish each frame) and print "frames=N median_ms=X p95_ms=Y" as the last line.
    std::optional<long long> bench_frames;
    std::string zoom_to;                  // --zoom-to ISO3 (or "europe"): start view
    std::optional<float> ui_scale;        // --ui-scale S: text and panels (0.75 to 3)
    bool patterns = false;                // --patterns: a second cue per status
    bool play = false;                    // --play: the timeline plays from the start
    bool present = false;                 // --present: start in presenter mode (full screen)
    int monitor = 0;                      // --monitor N: 1-based; 0: the primary
    bool presenter_view = false;          // --presenter-view: the second window (implies --present)
    std::string view_screenshot_path;     // --view-screenshot F.png: the view's last frame
    std::string story_path;               // --story FILE (TOML); empty: the default story
    bool autoplay = false;                // --autoplay: steps advance by their durations
    bool loop = false;                    // --loop: autoplay starts over after the last step
    // Settings are read and written only in interactive runs (no --frames), so scripted
    // runs are reproducible and never change the user's settings.
    bool use_settings() const { return !frames.has_value() && !bench_frames.has_value(); }
};

// Options that take a value, and flags (names without the leading dashes).
extern const std::set<std::string> kWindowValueOptions;
extern const std::set<std::string> kWindowFlagOptions;

// Parses the window's arguments. Throws UsageError (one line, names the option) for
// unknown options, malformed values, a size outside 1..16384 or a frame count < 1.
WindowOptions parse_window_options(const std::vector<std::string>& args);

// "WxH" with both sides in 1..16384; nullopt when malformed.
struct Size2 {
    int width = 0;
    int height = 0;
};
std::optional<Size2> parse_size(const std::string& text);

// The window command's --help text.
const char* window_usage();

}  // namespace deportmap::ui
