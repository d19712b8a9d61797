// The export option table and what is derived from it (see options.hpp).
#include "export/options.hpp"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <type_traits>

#include "export/sidecar.hpp"

namespace deportmap::exporter {
namespace {

using P = ExportParams;
using F = OptionForm;

// Sidecar order is table order: keep new rows where they belong in a reader's eye.
const ExportOption kOptions[] = {
    {"out", "out", "FILE", "the file to write: .png, .svg, .pdf or .html (frames: FILE-0001.png, ...)", &P::out},
    {"date", "date", "D", "YYYY, YYYY-MM or YYYY-MM-DD (default: the data's last event day)", &P::date},
    {"preset", "preset", "P",
     "1080p, 4k, 8k, square (1080x1080), social (1200x675), a4-300dpi (3508x2480), "
     "letter-300dpi (3300x2550)",
     &P::preset},
    {"width", "width", "W", "page width in pixels (with --height, or alone: the map's aspect)", &P::width,
     F::Value, true},
    {"height", "height", "H", "page height in pixels", &P::height, F::Value, true},
    {"scale", "scale", "S", "multiplies text and margins", &P::scale},
    {"size-scale", "size_scale", "F", "the same page at F times the pixel size (0 < F <= 1; previews)",
     &P::size_scale},
    {"dpi", "dpi", "N", "sizes type for print at N dpi", &P::dpi},
    {"projection", "projection", "P", "equal-earth (default), robinson, natural-earth, ...", &P::projection},
    {"bounds", "bounds", "MINLON,MINLAT,MAXLON,MAXLAT", "the area shown, in degrees", &P::bounds},
    {"focus", "focus", "C,...", "the area around these countries (ISO codes or names)", &P::focus,
     F::CommaList},
    {"title", "title", "T", "the page's title", &P::title},
    {"subtitle", "subtitle", "T", "the line under the title", &P::subtitle},
    {"source", "source", "T", "the credit line (default: the outlets of the facts shown)", &P::source},
    {"sources", "sources", "all|strong",
     "all (default: facts resting only on weak sources are drawn and footnoted) or strong "
     "(such facts are left out)",
     &P::sources},
    {"notes", "notes", "T", "a note above the credit line", &P::notes},
    {"logo", "logo", "FILE", "a PNG or JPEG logo in the footer", &P::logo},
    {"theme", "theme", "light|dark", "the palette", &P::theme},
    {"transparent", "transparent", "", "PNG with a transparent page (the ocean stays)", &P::transparent,
     F::Flag},
    {"layout", "layout", "full|map-only", "full (default) or map-only (the map fills the image)",
     &P::layout},
    {"lod", "lod", "auto|110m|50m|10m", "level of detail (default: chosen by the map's size)", &P::lod},
    {"border-width", "border_width", "PX", "border width (default: scales with the type)",
     &P::border_width},
    {"labels", "labels", "", "names of the countries with a status (placed without overlaps)",
     &P::labels, F::Flag},
    {"no-markers", "markers", "", "no circles on small countries", &P::markers, F::InvertedFlag},
    {"annotate", "annotate", "C=TEXT",
     "a callout with a leader line to country C (ISO code or name); repeatable", &P::annotate, F::Repeated},
    {"annotations", "annotations", "FILE",
     "callouts from a CSV: text, country or lon,lat, optional date_from/date_to", &P::annotations},
    {"no-extras", "extras", "", "no OUT.alt.txt (the map in words) and OUT.csv (its data) beside the output",
     &P::extras, F::InvertedFlag},
    {"patterns", "patterns", "", "a second cue per status for greyscale print: lines, dots, grid or checks",
     &P::patterns, F::Flag},
    {"highlight", "highlight", "C,...",
     "outline these countries (ISO codes or names, as the window's selection)",
     &P::highlight, F::CommaList},
    {"hide-status", "hide_status", "KEY,...", "draw these statuses as no data, left out of the legend",
     &P::hide_status, F::CommaList},
    {"highlight-status", "highlight_status", "KEY", "dim every country without this status",
     &P::highlight_status},
    {"data", "data", "FILE", "an events file (repeatable; default: the bundled data)", &P::data,
     F::Repeated},
    {"statuses", "statuses", "FILE", "the status table (default: the bundled one)", &P::statuses},
    {"boundaries", "boundaries", "FILE", "country boundaries (default: Natural Earth)", &P::boundaries},
    {"id-field", "id_field", "F", "the boundaries' ISO3 field", &P::id_field},
    {"name-field", "name_field", "F", "the boundaries' name field", &P::name_field},
    {"strict", "strict", "",
     "any problem in the inputs (bad rows, skipped polygons, countries the boundaries lack) is an error: "
     "exit 1, no file written",
     &P::strict, F::Flag},
    {"each-event", "each_event", "", "one frame per event day", &P::each_event, F::Flag},
    {"dates", "dates", "FROM..TO", "a range of frames (with --step)", &P::dates},
    {"step", "step", "N(d|w|m|y)", "the range's step (default 1m; months end on their last day)", &P::step},
    {"pace", "pace", "event|time",
     "animation timing: one frame per date (event, default) or in proportion to the days covered (time)",
     &P::pace},
    {"animate", "animate", "OUT.mp4|OUT.gif", "encode the frames with ffmpeg", &P::animate},
    {"story", "story", "FILE", "a story (TOML): each step's camera flight, then the step held for its duration",
     &P::story},
    {"fps", "fps", "N", "frames a second of an animation (1..120, default 2)", &P::fps},
    {"hold-last", "hold_last", "S", "hold the last frame S seconds", &P::hold_last},
};

std::string format_number(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

template <class... Fs>
struct Visitor : Fs... {
    using Fs::operator()...;
};
template <class... Fs>
Visitor(Fs...) -> Visitor<Fs...>;

void set_from_args(const ExportOption& o, const Args& args, ExportParams& p) {
    const std::string name = o.name;
    if (!args.has(name)) return;
    std::visit(Visitor{
                   [&](std::string P::*f) { p.*f = *args.get(name); },
                   [&](std::optional<std::string> P::*f) { p.*f = *args.get(name); },
                   [&](int P::*f) {
                       const long long v = *args.get_int(name);
                       if (o.positive && v <= 0) {
                           throw UsageError("--" + name + " must be a positive number of pixels, got " +
                                            std::to_string(v));
                       }
                       // Out-of-int values keep a value that the engine's range check rejects.
                       p.*f = v > 2000000000 ? 2000000000 : v < -2000000000 ? -2000000000 : static_cast<int>(v);
                   },
                   [&](double P::*f) { p.*f = *args.get_double(name); },
                   [&](std::optional<double> P::*f) { p.*f = *args.get_double(name); },
                   [&](bool P::*f) { p.*f = o.form != F::InvertedFlag; },
                   [&](std::vector<std::string> P::*f) {
                       p.*f = o.form == F::Repeated ? args.get_all(name) : split_commas(*args.get(name));
                   },
                   [&](std::optional<std::array<double, 4>> P::*f) {
                       p.*f = parse_bounds_text(*args.get(name));
                   },
               },
               o.field);
}

// The option's value as command-line words, or nothing when it has its default.
std::vector<std::string> argv_words(const ExportOption& o, const ExportParams& p) {
    static const ExportParams defaults;
    const std::string opt = std::string("--") + o.name;
    std::vector<std::string> out;
    std::visit(Visitor{
                   [&](std::string P::*f) {
                       if (p.*f != defaults.*f) out = {opt, p.*f};
                   },
                   [&](std::optional<std::string> P::*f) {
                       if (p.*f) out = {opt, *(p.*f)};
                   },
                   [&](int P::*f) {
                       if (p.*f != defaults.*f) out = {opt, std::to_string(p.*f)};
                   },
                   [&](double P::*f) {
                       if (p.*f != defaults.*f) out = {opt, format_number(p.*f)};
                   },
                   [&](std::optional<double> P::*f) {
                       if (p.*f) out = {opt, format_number(*(p.*f))};
                   },
                   [&](bool P::*f) {
                       if (p.*f != defaults.*f) out = {opt};
                   },
                   [&](std::vector<std::string> P::*f) {
                       const std::vector<std::string>& v = p.*f;
                       if (v.empty()) return;
                       if (o.form == F::Repeated) {
                           for (const std::string& item : v) out.insert(out.end(), {opt, item});
                       } else {
                           std::string joined;
                           for (const std::string& item : v) joined += (joined.empty() ? "" : ",") + item;
                           out = {opt, joined};
                       }
                   },
                   [&](std::optional<std::array<double, 4>> P::*f) {
                       if (p.*f) out = {opt, format_bounds(*(p.*f))};
                   },
               },
               o.field);
    return out;
}

template <typename T>
T json_value(const nlohmann::ordered_json& j, const char* key, const std::string& path) {
    try {
        return j.at(key).get<T>();
    } catch (const std::exception&) {
        throw SidecarError(path + ": parameters." + key + " has the wrong type");
    }
}

// A whole number that fits an int: a sidecar's 1e20 must not become INT_MIN.
int json_int(const nlohmann::ordered_json& j, const char* key, const std::string& path) {
    const nlohmann::ordered_json& v = j.at(key);
    if (!v.is_number()) throw SidecarError(path + ": parameters." + key + " has the wrong type");
    const double d = v.get<double>();
    if (!std::isfinite(d) || d != std::floor(d) || d < -2e9 || d > 2e9) {
        throw SidecarError(path + ": parameters." + key + " must be a whole number, got " + v.dump());
    }
    return static_cast<int>(d);
}

void set_from_json(const ExportOption& o, const nlohmann::ordered_json& j, const std::string& path,
                   ExportParams& p) {
    const char* k = o.key;
    if (!j.contains(k) || j.at(k).is_null()) return;  // absent: the default
    std::visit(Visitor{
                   [&](std::string P::*f) { p.*f = json_value<std::string>(j, k, path); },
                   [&](std::optional<std::string> P::*f) { p.*f = json_value<std::string>(j, k, path); },
                   [&](int P::*f) { p.*f = json_int(j, k, path); },
                   [&](double P::*f) { p.*f = json_value<double>(j, k, path); },
                   [&](std::optional<double> P::*f) { p.*f = json_value<double>(j, k, path); },
                   [&](bool P::*f) { p.*f = json_value<bool>(j, k, path); },
                   [&](std::vector<std::string> P::*f) {
                       p.*f = json_value<std::vector<std::string>>(j, k, path);
                   },
                   [&](std::optional<std::array<double, 4>> P::*f) {
                       p.*f = json_value<std::array<double, 4>>(j, k, path);
                   },
               },
               o.field);
}

}  // namespace

std::span<const ExportOption> export_options() { return kOptions; }

std::set<std::string> export_value_option_names() {
    std::set<std::string> names(std::begin(kCommandValueOptions), std::end(kCommandValueOptions));
    for (const ExportOption& o : kOptions) {
        if (o.form != F::Flag && o.form != F::InvertedFlag) names.insert(o.name);
    }
    return names;
}

std::set<std::string> export_flag_names() {
    std::set<std::string> names(std::begin(kCommandFlags), std::end(kCommandFlags));
    for (const ExportOption& o : kOptions) {
        if (o.form == F::Flag || o.form == F::InvertedFlag) names.insert(o.name);
    }
    return names;
}

ExportParams params_from_args(const Args& args) {
    ExportParams p;
    for (const ExportOption& o : kOptions) set_from_args(o, args, p);
    return p;
}

const char* first_recorded_option(const Args& args) {
    for (const ExportOption& o : kOptions) {
        if (std::string_view(o.name) != "out" && args.has(o.name)) return o.name;
    }
    return nullptr;
}

std::string export_help() {
    std::string s =
        "usage: deportmap export --out FILE.png|FILE.svg [OPTIONS]\n"
        "       deportmap export --out FILE.png --each-event | --dates FROM..TO [--step N]\n"
        "       deportmap export --animate OUT.mp4|OUT.gif --dates FROM..TO [--fps N]\n"
        "       deportmap export --from FILE.json [--out OTHER]\n"
        "Writes a composed map (title, legend with counts, date, source) without a display.\n";
    auto line = [&s](const std::string& left, const char* help) {
        std::string l = "  " + left;
        if (l.size() < 30) {
            l.resize(30, ' ');
        } else {
            l += "\n" + std::string(30, ' ');
        }
        s += l + help + "\n";
    };
    for (const ExportOption& o : kOptions) {
        line(std::string("--") + o.name + (o.metavar[0] ? std::string(" ") + o.metavar : ""), o.help);
    }
    line("--from FILE.json", "repeat the export a sidecar describes (every export writes OUT.json)");
    line("--max-tile N", "render the map in tiles of at most N pixels (the output is the same)");
    line("--allow-large", "let --from render a sidecar's page over 16384 px a side or 100 megapixels, or over 1000 frames");
    line("--timings", "print the time of each stage on stderr");
    line("--quiet", "no progress bar and no summary line");
    s.pop_back();
    return s;
}

nlohmann::ordered_json params_to_json(const ExportParams& p) {
    using nlohmann::ordered_json;
    ordered_json j;
    for (const ExportOption& o : kOptions) {
        ordered_json& v = j[o.key];
        std::visit([&](auto f) {
            const auto& value = p.*f;
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, std::optional<std::string>> ||
                          std::is_same_v<T, std::optional<double>> ||
                          std::is_same_v<T, std::optional<std::array<double, 4>>>) {
                v = value ? ordered_json(*value) : ordered_json(nullptr);
            } else {
                v = value;
            }
        }, o.field);
    }
    return j;
}

ExportParams params_from_json(const nlohmann::ordered_json& j, const std::string& path) {
    ExportParams p;
    for (const ExportOption& o : kOptions) set_from_json(o, j, path, p);
    return p;
}

std::vector<std::string> params_to_argv(const ExportParams& p) {
    std::vector<std::string> a = {"--out", p.out};
    for (const ExportOption& o : kOptions) {
        if (std::string_view(o.name) == "out") continue;
        const std::vector<std::string> words = argv_words(o, p);
        a.insert(a.end(), words.begin(), words.end());
    }
    return a;
}

std::string format_bounds(const std::array<double, 4>& b) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%.4f,%.4f,%.4f,%.4f", b[0], b[1], b[2], b[3]);
    return buf;
}

std::array<double, 4> parse_bounds_text(const std::string& text) {
    const std::string bad = "--bounds expects MINLON,MINLAT,MAXLON,MAXLAT in degrees, got '" + text + "'";
    std::array<double, 4> v{};
    size_t start = 0;
    for (size_t i = 0; i < 4; ++i) {
        const size_t comma = text.find(',', start);
        if ((i < 3) != (comma != std::string::npos)) throw UsageError(bad);
        const std::string part =
            text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        char* end = nullptr;
        errno = 0;
        v[i] = std::strtod(part.c_str(), &end);
        if (part.empty() || end != part.c_str() + part.size() || errno != 0 || !std::isfinite(v[i])) {
            throw UsageError(bad);
        }
        start = comma + 1;
    }
    return v;
}

std::vector<std::string> split_commas(const std::string& text) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t comma = text.find(',', start);
        std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        if (!part.empty()) out.push_back(part);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

}  // namespace deportmap::exporter
