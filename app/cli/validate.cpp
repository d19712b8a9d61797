// `deportmap validate FILE... [--statuses FILE]`: checks events files and prints every
// problem as FILE:LINE: field: message, then a summary. Exit 0 clean, 1 when any row or
// file is bad, 2 on a usage error.
#include <cstdio>
#include <optional>
#include <string>

#include "cli/commands.hpp"
#include "cli/text_output.hpp"
#include "core/data/colour_vision.hpp"
#include "core/data/countries.hpp"
#include "core/data/events.hpp"
#include "core/data/statuses.hpp"
#include "core/story/story.hpp"
#include "core/util/args.hpp"

namespace deportmap::cli {

namespace {

constexpr double kMinDeltaE = 10.0;  // the bar the default palette's test uses

const char* const kUsage =
    "usage: deportmap validate FILE... [--statuses FILE]\n"
    "       deportmap validate --story FILE [--statuses FILE]\n"
    "Checks events files (CSV, XLSX, ODS, GeoJSON) and prints each problem as\n"
    "FILE:LINE: field: message, then a summary. Exit status: 0 clean, 1 problems, 2 usage.\n"
    "  --statuses FILE  status table to check against (default: assets/statuses.csv)\n"
    "  --story FILE     check a story file instead: FILE:LINE: message per problem";

// --story: every problem of a story file, then a summary; 1 when there is any.
int validate_story(const std::string& path, const data::StatusTable& statuses) {
    const auto countries = data::CountryResolver::load_default();
    const story::StoryRead r = story::read_story_file(path, {&countries, &statuses});
    for (const auto& p : r.problems) put_line(stdout, p.to_string());
    if (!r.story) return 1;  // the one line above says why
    put_line(stdout, path + ": " + std::to_string(r.steps_seen) + (r.steps_seen == 1 ? " step: " : " steps: ") +
                         std::to_string(r.steps_seen - r.bad_steps) + " good, " + std::to_string(r.bad_steps) +
                         " bad (" + std::to_string(r.problems.size()) +
                         (r.problems.size() == 1 ? " problem)" : " problems)"));
    return r.problems.empty() ? 0 : 1;
}

}  // namespace

int run_validate(const Argv& argv) {
    const Args args(argv, {"statuses", "story"}, {"help"});
    if (args.has("help")) {
        std::puts(kUsage);
        return 0;
    }
    const auto& files = args.positional();
    const auto story_path = args.get("story");
    if (story_path && story_path->empty()) throw UsageError("option --story needs a file name");
    if (story_path && !files.empty()) throw UsageError("validate --story checks one story file; give events files separately");
    if (files.empty() && !story_path) throw UsageError("validate needs at least one events file (see --help)");

    data::StatusTable statuses;
    if (auto path = args.get("statuses")) {
        std::vector<data::Problem> problems;
        auto table = data::StatusTable::load(*path, problems);
        for (const auto& p : problems) put_line(stdout, p.to_string());
        if (!table) {
            put_line(stdout, "status table " + *path + " has problems; no events were checked");
            return 1;
        }
        statuses = std::move(*table);
        std::vector<Color> light, dark;
        for (const auto& s : statuses.all()) {
            light.push_back(s.colour_light);
            dark.push_back(s.colour_dark);
        }
        for (const auto& [theme, colours] : {std::pair{"light", light}, std::pair{"dark", dark}}) {
            if (colours.size() < 2) continue;
            const auto check = data::check_palette(colours);
            if (check.min_delta_e < kMinDeltaE) {
                char num[32];
                std::snprintf(num, sizeof num, "%.1f", check.min_delta_e);
                put_line(stderr, "deportmap: note: " + *path + ": " + theme + " colours of '" +
                                     statuses[check.first].key + "' and '" +
                                     statuses[check.second].key + "' are hard to tell apart with " +
                                     data::vision_name(check.vision) + " (CIEDE2000 " + num +
                                     ", below 10)");
            }
        }
    } else {
        statuses = data::StatusTable::load_default();
    }

    if (story_path) return validate_story(*story_path, statuses);

    std::vector<std::string> warnings;
    const auto countries = data::CountryResolver::load_default(&warnings);
    for (const auto& w : warnings) put_line(stderr, "deportmap: note: " + w);

    const data::ReadResult result = data::read_events(files, countries, statuses);
    for (const auto& p : result.problems) put_line(stdout, p.to_string());

    std::string summary = std::to_string(files.size()) + (files.size() == 1 ? " file, " : " files, ") +
                          std::to_string(result.rows) + (result.rows == 1 ? " row: " : " rows: ") +
                          std::to_string(result.rows - result.bad_rows) + " good, " +
                          std::to_string(result.bad_rows) + " bad";
    if (!result.unreadable.empty()) {
        summary += ", " + std::to_string(result.unreadable.size()) + " unreadable";
    }
    summary += " (" + std::to_string(result.problems.size()) +
               (result.problems.size() == 1 ? " problem" : " problems");
    if (result.warnings() > 0) summary += ", " + std::to_string(result.warnings()) + " of them warnings";
    summary += ")";
    if (result.source_rows > 0) summary += "; " + std::to_string(result.source_rows) + " of the rows are sources";
    put_line(stdout, summary);
    return result.clean() ? 0 : 1;
}

}  // namespace deportmap::cli
