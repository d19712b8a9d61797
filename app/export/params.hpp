// The parameters of one export: everything that decides its bytes. The command line,
// the sidecar file and the window's Export dialog all fill this struct through the one
// option table (export/options.hpp).
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

namespace deportmap::exporter {

// Everything that decides an export's bytes. Strings are as the user gave them, except
// where noted; an empty string means "the default".
struct ExportParams {
    std::string out;
    std::string date;        // YYYY, YYYY-MM or YYYY-MM-DD; empty: the data's last event day
    std::string preset;      // 1080p, 4k, 8k, square, social, a4-300dpi, letter-300dpi
    int width = 0;           // 0: from the preset or the default 1920x1080
    int height = 0;
    double scale = 1.0;      // multiplies the type unit
    double size_scale = 1.0; // multiplies the pixel size (previews, tests): same page, smaller
    std::optional<double> dpi;
    std::string projection = "equal-earth";
    std::optional<std::array<double, 4>> bounds;  // min lon, min lat, max lon, max lat
    std::vector<std::string> focus;               // ISO3 codes
    // nullopt: the bundled data's headline and a subtitle saying what the colours show
    // on the date (none for other data); "" leaves the line out.
    std::optional<std::string> title;
    std::optional<std::string> subtitle;
    std::optional<std::string> source;  // nullopt: built from the outlets of the facts shown
    std::string sources = "all";        // all | strong: leave out facts resting only on weak sources
    std::string notes;
    std::string logo;        // file path
    std::string theme = "light";
    bool transparent = false;
    std::string layout = "full";  // full | map-only
    std::string lod = "auto";
    std::optional<double> border_width;  // pixels; nullopt: scales with the type unit
    bool labels = false;     // country names for countries with a status
    bool markers = true;
    bool patterns = false;   // a second cue per status for greyscale print
    std::vector<std::string> annotate;  // "COUNTRY=TEXT" callouts (--annotate, repeatable)
    std::string annotations;            // --annotations FILE: callouts with places and dates
    bool extras = true;      // OUT.alt.txt and OUT.csv beside every output (--no-extras: none)
    // What the window's view stands out with: countries outlined in the highlight colour
    // (the selection), statuses drawn as no data and left out of the legend, and one
    // status whose countries stand out while the others are dimmed (legend hover).
    std::vector<std::string> highlight;    // ISO3 codes
    std::vector<std::string> hide_status;  // status keys
    std::string highlight_status;          // status key; empty: none
    std::vector<std::string> data;  // events files; empty: the bundled data
    std::string statuses;           // status table; empty: the bundled one
    std::string boundaries;         // empty: the bundled boundaries
    std::string id_field;
    std::string name_field;
    // Any problem in the inputs (a bad row, a skipped polygon, a country the boundaries
    // lack) is an error: exit 1 and no file, instead of a note and the rest drawn.
    bool strict = false;
    // Batches and animation.
    bool each_event = false;
    std::string dates;       // FROM..TO
    std::string step;        // 1d, 1w, 1m ...
    std::string pace = "event";  // event: one video frame each; time: held by the days covered
    std::string animate;     // OUT.mp4 | OUT.gif
    std::string story;       // a story file (TOML): its steps, flights and captions as frames
    int fps = 2;
    double hold_last = 0.0;  // seconds
};

}  // namespace deportmap::exporter
