// Command-line options of the interactive window (see window_options.hpp).
#include "ui/window_options.hpp"

#include <charconv>
#include <cstdlib>

#include "core/data/date.hpp"
#include "core/scene.hpp"
#include "core/util/args.hpp"
#include "ui/settings.hpp"

namespace deportmap::ui {

const std::set<std::string> kWindowValueOptions = {
    "projection", "size",    "frames", "screenshot", "boundaries", "id-field",   "name-field",
    "data",       "statuses", "date",  "select",     "theme",      "actions",    "dump-state",
    "bench-frames", "zoom-to", "story", "monitor", "view-screenshot", "ui-scale",
};
const std::set<std::string> kWindowFlagOptions = {"help", "labels", "play", "present", "autoplay", "loop",
                                                  "presenter-view", "patterns"};

std::optional<Size2> parse_size(const std::string& text) {
    const auto x = text.find_first_of("xX");
    if (x == std::string::npos || x == 0 || x + 1 >= text.size()) return std::nullopt;
    auto parse_side = [](const char* begin, const char* end) -> std::optional<int> {
        int v = 0;
        auto [ptr, ec] = std::from_chars(begin, end, v);
        if (ec != std::errc() || ptr != end || v < 1 || v > 16384) return std::nullopt;
        return v;
    };
    const auto w = parse_side(text.data(), text.data() + x);
    const auto h = parse_side(text.data() + x + 1, text.data() + text.size());
    if (!w || !h) return std::nullopt;
    return Size2{*w, *h};
}

WindowOptions parse_window_options(const std::vector<std::string>& argv) {
    const Args args(argv, kWindowValueOptions, kWindowFlagOptions);
    if (!args.positional().empty()) {
        throw UsageError("unexpected argument '" + args.positional().front() +
                         "' (see deportmap --help)");
    }
    WindowOptions o;
    if (auto p = args.get("projection"); p && *p == "orthographic") {
        o.globe = true;  // the rotating globe (drawn from the Equirectangular levels)
        o.projection = geo::ProjectionKind::Equirectangular;
        o.projection_given = true;
    } else if (p) {
        auto kind = geo::parse_projection(*p);
        if (!kind) {
            std::string names;
            for (auto k : geo::all_projections()) {
                if (!names.empty()) names += ", ";
                names += geo::projection_name(k);
            }
            throw UsageError("option --projection: unknown projection '" + *p +
                             "' (one of " + names + ", orthographic)");
        }
        o.projection = *kind;
        o.projection_given = true;
    }
    if (auto s = args.get("size")) {
        auto size = parse_size(*s);
        if (!size) {
            throw UsageError("option --size expects WIDTHxHEIGHT between 1 and 16384, got '" +
                             *s + "'");
        }
        o.width = size->width;
        o.height = size->height;
        o.size_given = true;
    }
    if (auto u = args.get("ui-scale")) {
        char* end = nullptr;
        const double v = std::strtod(u->c_str(), &end);
        if (u->empty() || end == nullptr || *end != '\0' || !(v >= kMinUiScale && v <= kMaxUiScale)) {
            throw UsageError("option --ui-scale expects a number from 0.75 to 3, got '" + *u + "'");
        }
        o.ui_scale = static_cast<float>(v);
    }
    if (auto f = args.get_int("frames")) {
        if (*f < 1) throw UsageError("option --frames expects a count of at least 1");
        o.frames = *f;
    }
    if (auto s = args.get("screenshot")) {
        if (s->empty()) throw UsageError("option --screenshot needs a file name");
        o.screenshot_path = *s;
    }
    o.help = args.has("help");
    o.data_files = args.get_all("data");
    for (const auto& f : o.data_files) {
        if (f.empty()) throw UsageError("option --data needs a file name");
    }
    o.statuses_path = args.get_or("statuses", "");
    if (auto d = args.get("date")) {
        std::string why;
        if (!data::parse_date(*d, &why)) {
            throw UsageError("option --date: '" + *d + "' is not a date (" + why +
                             "); use YYYY, YYYY-MM or YYYY-MM-DD");
        }
        o.date = *d;
    }
    o.select = args.get_or("select", "");
    if (auto t = args.get("theme")) {
        if (!parse_theme(*t)) throw UsageError("option --theme: '" + *t + "' (light or dark)");
        o.theme = *t;
    }
    o.labels = args.has("labels");
    o.patterns = args.has("patterns");
    o.actions = args.get_or("actions", "");
    if (auto d = args.get("dump-state")) {
        if (d->empty()) throw UsageError("option --dump-state needs a file name");
        o.dump_state_path = *d;
    }
    if (auto b = args.get_int("bench-frames")) {
        if (*b < 1) throw UsageError("option --bench-frames expects a count of at least 1");
        o.bench_frames = *b;
    }
    o.zoom_to = args.get_or("zoom-to", "");
    o.play = args.has("play");
    o.presenter_view = args.has("presenter-view");
    o.present = args.has("present") || o.presenter_view;
    if (auto v = args.get("view-screenshot")) {
        if (v->empty()) throw UsageError("option --view-screenshot needs a file name");
        if (!o.presenter_view) throw UsageError("option --view-screenshot needs --presenter-view");
        o.view_screenshot_path = *v;
    }
    o.autoplay = args.has("autoplay");
    o.loop = args.has("loop");
    if (o.loop && !o.autoplay) throw UsageError("option --loop needs --autoplay");
    o.story_path = args.get_or("story", "");
    if (args.get("story") && o.story_path.empty()) throw UsageError("option --story needs a file name");
    if (auto m = args.get_int("monitor")) {
        if (*m < 1 || *m > 16) throw UsageError("option --monitor expects 1..16 (1: the primary)");
        o.monitor = static_cast<int>(*m);
    }
    o.boundaries.path = args.get_or("boundaries", "");
    o.boundaries.id_field = args.get_or("id-field", "");
    o.boundaries.name_field = args.get_or("name-field", "");
    return o;
}

const char* window_usage() {
    return "usage: deportmap [OPTIONS]   open the interactive map\n"
           "  --projection P      equal-earth (default), robinson, natural-earth,\n"
           "                      winkel-tripel, mercator, equirectangular,\n"
           "                      orthographic (a globe that rotates under the mouse)\n"
           "  --size WxH          window size (default: 85% of the monitor's work area)\n"
           "  --ui-scale S        text and panels S times their usual size, 0.75 to 3 (Ctrl+= / Ctrl+-)\n"
           "  --frames N          render N frames, then exit\n"
           "  --screenshot F.png  save the last frame as a PNG (with --frames, or on close)\n"
           "  --boundaries FILE   any GDAL polygon layer instead of the bundled countries\n"
           "  --id-field F        its ISO alpha-3 field (detected when not given)\n"
           "  --name-field F      its name field (detected when not given)\n"
           "  --data FILE         events file (CSV, XLSX, ODS, GeoJSON); repeat to merge;\n"
           "                      default: the bundled dataset\n"
           "  --statuses FILE     status table (default: assets/statuses.csv)\n"
           "  --date D            show the map on D (YYYY, YYYY-MM or YYYY-MM-DD)\n"
           "  --select C          select a country (ISO code or name): its detail panel\n"
           "  --theme T           light or dark\n"
           "  --labels            show country labels\n"
           "  --patterns          a second cue per status (lines, dots, grid) for greyscale print\n"
           "  --actions \"A;B\"     scripted steps before the first frame: select:C, fly:C,\n"
           "                      step:+N, date:D, hover-legend:STATUS, hide:STATUS,\n"
           "                      theme:T, speed:0..4, search:TEXT (or search:open),\n"
           "                      play, pause, labels, clear, help, problems,\n"
           "                      key:NAME (PageDown, Right, b, F5, Escape, 5, ...),\n"
           "                      story, story-add, story-select:N, story-caption:TEXT,\n"
           "                      story-notes:TEXT, story-up, story-down, story-delete,\n"
           "                      story-save, story-save-as:PATH (one per frame)\n"
           "  --dump-state F.json write the UI state after the last frame\n"
           "  --bench-frames N    time N frames after warm-up (vsync off, glFinish per frame);\n"
           "                      last line: frames=N median_ms=X p95_ms=Y max_ms=Z\n"
           "  --zoom-to C         start zoomed on a country (ISO code or name) or 'europe'\n"
           "  --play              start with the timeline playing\n"
           "  --present           start in presenter mode, full screen (F5 toggles, Esc leaves)\n"
           "  --monitor N         the monitor for presenter mode (1: the primary)\n"
           "  --presenter-view    presenter mode with a second window for the presenter: this\n"
           "                      and the next step, speaker notes, timer (P toggles it)\n"
           "  --view-screenshot F.png  save the presenter view's last frame as a PNG\n"
           "  --story FILE        the story to present (TOML; default: one step per event day)\n"
           "  --autoplay [--loop] step by each step's duration (and start over)\n"
           "Settings (size, theme, projection, labels, panels) persist in\n"
           "$XDG_CONFIG_HOME/deportmap/settings.json; runs with --frames neither read nor write it.\n"
           "Press ? in the window for the keyboard shortcuts.";
}

}  // namespace deportmap::ui
