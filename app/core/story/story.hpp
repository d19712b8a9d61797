// A story: the steps a presenter clicks through (and a story video plays), read from a
// TOML file with toml++ (docs/presenting.md says what each key means):
//
//   title = "..."            optional
//   [[step]]
//   date = "2025-03-12"      required: YYYY, YYYY-MM or YYYY-MM-DD (a TOML date works too)
//   focus = ["Kosovo", "RWA"] or "world" (default), or bbox = [min_lon, min_lat, max_lon, max_lat]
//   caption, notes           text (notes only in the presenter view)
//   highlight = ["agreed"]   status keys emphasised, the others dimmed
//   duration = 6             seconds on autoplay (> 0; default 5)
//   projection = "orthographic" (or any flat projection the window offers)
//
// Every problem is "FILE:LINE: message". A step with a problem is left out, the others
// load; a file that cannot be parsed at all gives no story. Files people send are
// untrusted: nothing here trusts sizes, types or text from the file.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/data/countries.hpp"
#include "core/data/date.hpp"
#include "core/data/statuses.hpp"
#include "core/data/timeline.hpp"

namespace deportmap::story {

inline constexpr double kDefaultStepSeconds = 5.0;
// Limits on what one file may hold (untrusted input).
inline constexpr size_t kMaxStoryBytes = 4u << 20;
inline constexpr size_t kMaxSteps = 2000;
inline constexpr size_t kMaxTextBytes = 4000;

struct StoryProblem {
    std::string file;
    int line = 0;  // 0: the whole file
    std::string message;
    // "FILE:LINE: message", or "FILE: message" when line is 0.
    std::string to_string() const;
};

enum class FocusKind { World, Countries, BBox };

struct Step {
    int line = 0;               // the [[step]] header's line (0 for made-up steps)
    data::Date date;
    FocusKind focus = FocusKind::World;
    std::vector<std::string> countries;  // as written (ISO3 or a name)
    std::vector<std::string> iso3;       // resolved, same order
    std::array<double, 4> bbox{};        // min_lon, min_lat, max_lon, max_lat
    std::string caption;
    std::string notes;
    std::vector<std::string> highlight;  // status keys
    std::optional<double> duration;      // seconds, > 0
    std::string projection;              // empty: keep the window's

    double seconds() const { return duration.value_or(kDefaultStepSeconds); }
    bool operator==(const Step&) const = default;
};

struct Story {
    std::string title;
    std::vector<Step> steps;
    bool operator==(const Story&) const = default;
};

struct StoryRead {
    std::optional<Story> story;  // nullopt: the file could not be read or parsed at all
    std::vector<StoryProblem> problems;
    size_t steps_seen = 0;  // [[step]] tables in the file, good and bad
    size_t bad_steps = 0;   // left out
    bool clean() const { return story && problems.empty(); }
};

// What a story's names are checked against.
struct StoryContext {
    const data::CountryResolver* countries = nullptr;
    const data::StatusTable* statuses = nullptr;
};

// Parses `text` (named `file` in messages).
StoryRead parse_story(std::string_view text, const std::string& file, const StoryContext& context);
// Reads and parses a file (a missing or unreadable file: one problem naming it).
StoryRead read_story_file(const std::string& path, const StoryContext& context);

// The story as TOML that parse_story reads back to an equal Story (less `line`).
std::string story_toml(const Story& story);
// Writes story_toml to `path` through a temporary file renamed over it. False with
// `error` set when it cannot be written.
bool save_story(const std::string& path, const Story& story, std::string& error);

// One step per event day: focused on that day's countries (the world for a day with only
// global events), captioned with their summaries.
Story default_story(const data::Timeline& timeline, const data::CountryResolver& countries);

// The projections a step may name: every flat one and "orthographic".
bool known_projection(std::string_view name);

}  // namespace deportmap::story
