// Story files: reading with toml++, checking each step, writing back (see story.hpp).
#include "core/story/story.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <unistd.h>

#include "core/util/atomic_file.hpp"
#include "core/geo/projection.hpp"

namespace deportmap::story {
namespace {

const std::set<std::string, std::less<>> kStepKeys = {"date",      "focus",    "bbox",      "caption", "notes",
                                                       "highlight", "duration", "projection"};

int line_of(const toml::node& node) { return static_cast<int>(node.source().begin.line); }

// Collects the problems of one step; the step is left out when there is any.
class StepReader {
public:
    StepReader(const std::string& file, const StoryContext& ctx, std::vector<StoryProblem>& out)
        : file_(file), ctx_(ctx), out_(out) {}

    std::optional<Step> read(const toml::table& table, size_t number);

private:
    void problem(int line, const std::string& message) {
        out_.push_back({file_, line, "step " + std::to_string(number_) + ": " + message});
        ++count_;
    }
    void read_date(const toml::table& t, Step& s);
    void read_focus(const toml::node& focus, Step& s);
    void read_bbox(const toml::node& bbox, Step& s);
    void read_text(const toml::table& t, const char* key, std::string& out);
    void read_highlight(const toml::node& n, Step& s);
    void read_duration(const toml::node& n, Step& s);
    void read_projection(const toml::node& n, Step& s);

    const std::string& file_;
    const StoryContext& ctx_;
    std::vector<StoryProblem>& out_;
    size_t number_ = 0;
    int count_ = 0;
    int line_ = 0;
};

std::optional<Step> StepReader::read(const toml::table& table, size_t number) {
    number_ = number;
    count_ = 0;
    line_ = line_of(table);
    Step s;
    s.line = line_;
    for (auto&& [key, value] : table) {
        if (!kStepKeys.count(key.str())) {
            problem(line_of(value), "unknown key '" + std::string(key.str()) +
                                        "' (date, focus, bbox, caption, notes, highlight, duration, projection)");
        }
    }
    read_date(table, s);
    if (const toml::node* f = table.get("focus")) read_focus(*f, s);
    if (const toml::node* b = table.get("bbox")) {
        if (table.get("focus")) problem(line_of(*b), "give focus or bbox, not both");
        read_bbox(*b, s);
    }
    read_text(table, "caption", s.caption);
    read_text(table, "notes", s.notes);
    if (const toml::node* h = table.get("highlight")) read_highlight(*h, s);
    if (const toml::node* d = table.get("duration")) read_duration(*d, s);
    if (const toml::node* p = table.get("projection")) read_projection(*p, s);
    if (count_ > 0) return std::nullopt;
    return s;
}

void StepReader::read_date(const toml::table& t, Step& s) {
    const toml::node* n = t.get("date");
    if (n == nullptr) {
        problem(line_, "date is missing (YYYY, YYYY-MM or YYYY-MM-DD)");
        return;
    }
    if (const auto* d = n->as_date()) {
        const toml::date v = d->get();
        char text[16];
        std::snprintf(text, sizeof text, "%04d-%02d-%02d", static_cast<int>(v.year), static_cast<int>(v.month),
                      static_cast<int>(v.day));
        std::string why;
        const auto parsed = data::parse_date(text, &why);
        if (!parsed) return problem(line_of(*n), "date " + std::string(text) + ": " + why);
        s.date = *parsed;
        return;
    }
    const auto* str = n->as_string();
    if (str == nullptr) return problem(line_of(*n), "date must be a string such as \"2025-03-12\"");
    std::string why;
    const auto parsed = data::parse_date(str->get(), &why);
    if (!parsed) return problem(line_of(*n), "date '" + str->get() + "': " + why);
    s.date = *parsed;
}

void StepReader::read_focus(const toml::node& focus, Step& s) {
    std::vector<const toml::node*> names;
    if (const auto* str = focus.as_string()) {
        if (str->get() == "world") {
            s.focus = FocusKind::World;
            return;
        }
        names.push_back(&focus);
    } else if (const auto* arr = focus.as_array()) {
        for (const toml::node& e : *arr) names.push_back(&e);
        if (names.empty()) return problem(line_of(focus), "focus is an empty list (use \"world\")");
    } else {
        return problem(line_of(focus), "focus must be \"world\" or a list of countries such as [\"Kosovo\", \"RWA\"]");
    }
    s.focus = FocusKind::Countries;
    for (const toml::node* n : names) {
        const auto* str = n->as_string();
        if (str == nullptr) {
            problem(line_of(*n), "focus: each country is a string (ISO3 code or name)");
            continue;
        }
        const std::string& text = str->get();
        if (ctx_.countries == nullptr) {
            s.countries.push_back(text);
            s.iso3.push_back(text);
            continue;
        }
        const data::Resolution r = ctx_.countries->resolve(text);
        if (!r.found()) {
            problem(line_of(*n), "focus: " + r.message(text));
            continue;
        }
        s.countries.push_back(text);
        s.iso3.push_back(ctx_.countries->country(r.country).iso3);
    }
}

void StepReader::read_bbox(const toml::node& bbox, Step& s) {
    const auto* arr = bbox.as_array();
    const char* shape = "bbox must be [min_lon, min_lat, max_lon, max_lat] in degrees";
    if (arr == nullptr || arr->size() != 4) return problem(line_of(bbox), shape);
    for (size_t i = 0; i < 4; ++i) {
        const auto v = arr->get(i)->value<double>();
        if (!v || !std::isfinite(*v)) return problem(line_of(bbox), shape);
        s.bbox[i] = *v;
    }
    const auto& b = s.bbox;
    if (b[0] < -180 || b[2] > 180 || b[1] < -90 || b[3] > 90 || b[0] >= b[2] || b[1] >= b[3]) {
        return problem(line_of(bbox), "bbox: longitudes within -180..180, latitudes within -90..90, min below max");
    }
    s.focus = FocusKind::BBox;
}

void StepReader::read_text(const toml::table& t, const char* key, std::string& out) {
    const toml::node* n = t.get(key);
    if (n == nullptr) return;
    const auto* str = n->as_string();
    if (str == nullptr) return problem(line_of(*n), std::string(key) + " must be a string");
    if (str->get().size() > kMaxTextBytes) {
        return problem(line_of(*n), std::string(key) + " is longer than " + std::to_string(kMaxTextBytes) + " bytes");
    }
    out = str->get();
}

void StepReader::read_highlight(const toml::node& n, Step& s) {
    const auto* arr = n.as_array();
    if (arr == nullptr) return problem(line_of(n), "highlight must be a list of status keys such as [\"agreed\"]");
    for (const toml::node& e : *arr) {
        const auto* str = e.as_string();
        if (str == nullptr) {
            problem(line_of(e), "highlight: each status is a string key");
            continue;
        }
        if (ctx_.statuses != nullptr && ctx_.statuses->find(str->get()) == data::kNoStatus) {
            problem(line_of(e), "highlight: unknown status '" + str->get() + "' (one of " +
                                    ctx_.statuses->key_list() + ")");
            continue;
        }
        s.highlight.push_back(str->get());
    }
}

void StepReader::read_duration(const toml::node& n, Step& s) {
    const auto v = n.value<double>();
    if (!n.is_number() || !v || !std::isfinite(*v) || *v <= 0.0 || *v > 3600.0) {
        return problem(line_of(n), "duration must be a number of seconds above 0 (at most 3600)");
    }
    s.duration = *v;
}

void StepReader::read_projection(const toml::node& n, Step& s) {
    const auto* str = n.as_string();
    if (str == nullptr || !known_projection(str->get())) {
        std::string names;
        for (auto k : geo::all_projections()) names += std::string(geo::projection_name(k)) + ", ";
        return problem(line_of(n), "projection must be one of " + names + "orthographic");
    }
    s.projection = str->get();
}

// A file with NUL bytes or no line that could be TOML is not a story at all.
bool looks_binary(std::string_view text) {
    if (text.find('\0') != std::string_view::npos) return true;
    size_t control = 0;
    for (const unsigned char c : text) {
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') ++control;
    }
    return control > 0;
}

// TOML's basic string, escaped so any text round-trips.
std::string toml_string(std::string_view text) {
    std::string out = "\"";
    for (const unsigned char c : text) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    char esc[8];
                    std::snprintf(esc, sizeof esc, "\\u%04x", c);
                    out += esc;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

std::string number(double v) {
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    std::string s(buf, r.ptr);
    if (s.find_first_of(".eE") == std::string::npos) s += ".0";  // stays a float in TOML
    return s;
}

std::string string_list(const std::vector<std::string>& items) {
    std::string out = "[";
    for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + toml_string(items[i]);
    return out + "]";
}

}  // namespace

std::string StoryProblem::to_string() const {
    // One line whatever the file held: text quoted from it may carry escaped controls.
    std::string text = message;
    for (char& c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
    }
    if (line <= 0) return file + ": " + text;
    return file + ":" + std::to_string(line) + ": " + text;
}

bool known_projection(std::string_view name) {
    return name == "orthographic" || geo::parse_projection(name).has_value();
}

StoryRead parse_story(std::string_view text, const std::string& file, const StoryContext& context) {
    StoryRead r;
    if (text.size() > kMaxStoryBytes) {
        r.problems.push_back({file, 0, "larger than 4 MB: not a story file"});
        return r;
    }
    if (looks_binary(text)) {
        r.problems.push_back({file, 0, "not a TOML story file (it holds binary data)"});
        return r;
    }
    toml::table root;
    try {
        root = toml::parse(text, std::string_view(file));
    } catch (const toml::parse_error& e) {
        r.problems.push_back({file, static_cast<int>(e.source().begin.line), std::string(e.description())});
        return r;
    }
    Story story;
    for (auto&& [key, value] : root) {
        if (key.str() == "title") {
            if (const auto* t = value.as_string(); t && t->get().size() <= kMaxTextBytes) {
                story.title = t->get();
            } else {
                r.problems.push_back({file, line_of(value), "title must be a string"});
            }
        } else if (key.str() != "step") {
            r.problems.push_back({file, line_of(value), "unknown key '" + std::string(key.str()) +
                                                             "' (a story has a title and [[step]] tables)"});
        }
    }
    const toml::node* steps = root.get("step");
    const toml::array* arr = steps ? steps->as_array() : nullptr;
    if (steps != nullptr && (arr == nullptr || !arr->is_array_of_tables())) {
        r.problems.push_back({file, line_of(*steps), "step must be [[step]] tables"});
        return r;
    }
    if (arr == nullptr || arr->empty()) {
        r.problems.push_back({file, 0, "no [[step]] tables: a story needs at least one step"});
        return r;
    }
    StepReader reader(file, context, r.problems);
    for (const toml::node& n : *arr) {
        ++r.steps_seen;
        if (r.steps_seen > kMaxSteps) {
            r.problems.push_back({file, line_of(n), "more than " + std::to_string(kMaxSteps) + " steps; the rest left out"});
            r.bad_steps += arr->size() - kMaxSteps;
            break;
        }
        if (auto step = reader.read(*n.as_table(), r.steps_seen)) {
            story.steps.push_back(std::move(*step));
        } else {
            ++r.bad_steps;
        }
    }
    r.story = std::move(story);
    return r;
}

StoryRead read_story_file(const std::string& path, const StoryContext& context) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > kMaxStoryBytes) {
        StoryRead r;
        r.problems.push_back({path, 0, "larger than 4 MB: not a story file"});
        return r;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in || std::filesystem::is_directory(path, ec)) {
        StoryRead r;
        r.problems.push_back({path, 0, "cannot be read"});
        return r;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse_story(text.str(), path, context);
}

std::string story_toml(const Story& story) {
    std::string out = "# A deportmap story: deportmap --present --story FILE\n";
    if (!story.title.empty()) out += "title = " + toml_string(story.title) + "\n";
    for (const Step& s : story.steps) {
        out += "\n[[step]]\ndate = " + toml_string(s.date.iso()) + "\n";
        if (s.focus == FocusKind::Countries) out += "focus = " + string_list(s.countries) + "\n";
        if (s.focus == FocusKind::BBox) {
            out += "bbox = [" + number(s.bbox[0]) + ", " + number(s.bbox[1]) + ", " + number(s.bbox[2]) + ", " +
                   number(s.bbox[3]) + "]\n";
        }
        if (!s.caption.empty()) out += "caption = " + toml_string(s.caption) + "\n";
        if (!s.notes.empty()) out += "notes = " + toml_string(s.notes) + "\n";
        if (!s.highlight.empty()) out += "highlight = " + string_list(s.highlight) + "\n";
        if (s.duration) out += "duration = " + number(*s.duration) + "\n";
        if (!s.projection.empty()) out += "projection = " + toml_string(s.projection) + "\n";
    }
    return out;
}

bool save_story(const std::string& path, const Story& story, std::string& error) {
    return util::write_file_atomic(path, story_toml(story), error);
}

Story default_story(const data::Timeline& timeline, const data::CountryResolver& countries) {
    Story story;
    story.title = "Every event day";
    const auto& events = timeline.events();
    for (const data::Day day : timeline.event_days()) {
        Step s;
        std::vector<std::string> summaries;
        bool dated = false;
        for (const data::Event& e : events) {
            if (data::effective_day(e) != day) continue;
            if (!dated) {
                // A month- or year-dated event shows from the day it was known.
                s.date = e.date.approximate() ? data::civil_from_days(day) : e.date;
                dated = true;
            }
            if (!e.global() && std::find(s.iso3.begin(), s.iso3.end(), e.iso3) == s.iso3.end() &&
                e.country < static_cast<int>(countries.size())) {
                s.iso3.push_back(e.iso3);
                s.countries.push_back(e.iso3);
            }
            if (!e.summary.empty()) summaries.push_back(e.summary);
        }
        if (!dated) s.date = data::civil_from_days(day);
        s.focus = s.iso3.empty() ? FocusKind::World : FocusKind::Countries;
        for (size_t i = 0; i < summaries.size() && i < 2; ++i) s.caption += (i ? " " : "") + summaries[i];
        if (summaries.size() > 2) s.caption += " (and " + std::to_string(summaries.size() - 2) + " more)";
        if (s.caption.size() > kMaxTextBytes) s.caption.resize(kMaxTextBytes);
        story.steps.push_back(std::move(s));
    }
    return story;
}

}  // namespace deportmap::story
