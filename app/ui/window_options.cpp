// Command-line options of the interactive window (see window_options.hpp).
#include "ui/window_options.hpp"

#include <charconv>

#include "core/util/args.hpp"

namespace deportmap::ui {

const std::set<std::string> kWindowValueOptions = {
    "projection", "size", "frames", "screenshot", "boundaries", "id-field", "name-field",
};
const std::set<std::string> kWindowFlagOptions = {"help"};

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
    if (auto p = args.get("projection")) {
        auto kind = geo::parse_projection(*p);
        if (!kind) {
            std::string names;
            for (auto k : geo::all_projections()) {
                if (!names.empty()) names += ", ";
                names += geo::projection_name(k);
            }
            throw UsageError("option --projection: unknown projection '" + *p +
                             "' (one of " + names + ")");
        }
        o.projection = *kind;
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
    if (auto f = args.get_int("frames")) {
        if (*f < 1) throw UsageError("option --frames expects a count of at least 1");
        o.frames = *f;
    }
    if (auto s = args.get("screenshot")) {
        if (s->empty()) throw UsageError("option --screenshot needs a file name");
        o.screenshot_path = *s;
    }
    o.help = args.has("help");
    o.boundaries.path = args.get_or("boundaries", "");
    o.boundaries.id_field = args.get_or("id-field", "");
    o.boundaries.name_field = args.get_or("name-field", "");
    return o;
}

const char* window_usage() {
    return "usage: deportmap [OPTIONS]   open the interactive map\n"
           "  --projection P      equal-earth (default), robinson, natural-earth,\n"
           "                      winkel-tripel, mercator, equirectangular\n"
           "  --size WxH          window size (default 1280x800, scaled to the monitor)\n"
           "  --frames N          render N frames, then exit\n"
           "  --screenshot F.png  save the last frame as a PNG (with --frames, or on close)\n"
           "  --boundaries FILE   any GDAL polygon layer instead of the bundled countries\n"
           "  --id-field F        its ISO alpha-3 field (detected when not given)\n"
           "  --name-field F      its name field (detected when not given)\n"
           "Controls: drag to pan, wheel to zoom about the cursor, +/- and arrow keys,\n"
           "R or Home to reset the view.";
}

}  // namespace deportmap::ui
