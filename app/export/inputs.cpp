// Export inputs: events data, hashes and the default credit line (see inputs.hpp).
#include "export/inputs.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "core/data/events.hpp"
#include "core/data/stated_figures.hpp"
#include "core/geo/world.hpp"
#include "core/util/paths.hpp"
#include "export/compose.hpp"

namespace deportmap::exporter {

namespace fs = std::filesystem;

namespace {

// The first few problems (each names its file and line; validate lists them all) and the
// count of rows left out: notes, or with --strict one error and no file.
void report_bad_rows(const data::ReadResult& read, bool strict, const NoteFn& note) {
    constexpr size_t kShown = 3;
    std::vector<std::string> lines;
    size_t errors = 0;
    for (const data::Problem& problem : read.problems) {
        if (problem.warning) continue;
        if (++errors <= kShown) lines.push_back(problem.to_string());
    }
    if (errors > kShown) lines.push_back("... and " + std::to_string(errors - kShown) + " more problems");
    const std::string count = std::to_string(read.bad_rows) + (read.bad_rows == 1 ? " bad row" : " bad rows");
    if (strict) {
        std::string message = "--strict: " + count + " in the data (run deportmap validate):";
        for (const std::string& line : lines) message.append("\n  ").append(line);
        throw ExportError(message);
    }
    if (!note) return;
    for (const std::string& line : lines) note(line);
    note(count + " left out (run deportmap validate)");
}

}  // namespace

DataInputs load_data(const ExportParams& p, const NoteFn& note) {
    DataInputs in;
    if (!p.statuses.empty()) {
        std::vector<data::Problem> problems;
        auto table = data::StatusTable::load(p.statuses, problems);
        if (!table) {
            throw ExportError(problems.empty() ? "cannot read " + p.statuses
                                                         : problems.front().to_string());
        }
        in.statuses = std::move(*table);
        in.statuses_path = p.statuses;
    } else {
        in.statuses = data::StatusTable::load_default();
        in.statuses_path = data_path("assets/statuses.csv");
    }
    in.resolver = std::make_shared<const data::CountryResolver>(data::CountryResolver::load_default());
    in.files = p.data.empty() ? data::default_events_paths() : p.data;
    data::ReadResult read = data::read_events(in.files, *in.resolver, in.statuses);
    if (!read.unreadable.empty()) {
        for (const data::Problem& problem : read.problems) {
            if (problem.file == read.unreadable.front()) throw ExportError(problem.to_string());
        }
        throw ExportError("cannot read " + read.unreadable.front());
    }
    if (read.bad_rows > 0) report_bad_rows(read, p.strict, note);
    if (p.sources == "strong") {
        in.filter = data::SourceFilter::Strong;
        const auto weak = std::remove_if(read.events.begin(), read.events.end(), [](const data::Event& e) {
            return !data::source_filter_keeps(data::SourceFilter::Strong, e);
        });
        in.weak_left_out = static_cast<size_t>(read.events.end() - weak);
        read.events.erase(weak, read.events.end());
    }
    in.timeline = data::Timeline(std::move(read.events), in.statuses, in.resolver->size());
    return in;
}

std::string credited_outlets(const data::Timeline& timeline, const data::CountryResolver& countries, data::Day day) {
    return data::credit_sources(data::ranked_outlets(data::list_sources(timeline, countries, day)));
}

std::string credit_from_outlets(std::string s, bool bundled_boundaries, const std::string& list_name) {
    if (!s.empty()) s += list_name.empty() ? "." : " (full list in " + list_name + ").";
    if (bundled_boundaries) s += std::string(s.empty() ? "" : " ") + "Boundaries: Natural Earth.";
    return s;
}

std::string default_source(const data::Timeline& timeline, const data::CountryResolver& countries,
                           data::Day day, bool bundled_boundaries, const std::string& list_name) {
    return credit_from_outlets(credited_outlets(timeline, countries, day), bundled_boundaries, list_name);
}

std::string data_footnote(const data::Timeline& t, data::SourceFilter filter, size_t weak_left_out,
                          data::Day day) {
    std::string s;
    if (filter == data::SourceFilter::Strong) {
        if (weak_left_out > 0) {
            s = std::to_string(weak_left_out) +
                (weak_left_out == 1 ? " fact resting only on weak sources is" : " facts resting only on weak sources are") +
                " left out.";
        }
    } else {
        const int weak = t.weak_only_countries_at(day);
        if (weak > 0) {
            s = weak == 1 ? "The status of 1 country rests only on weak sources."
                          : "Statuses of " + std::to_string(weak) + " countries rest only on weak sources.";
        }
    }
    if (const auto through = t.data_through()) {
        s += std::string(s.empty() ? "" : " ") + "Data through " +
             data::format_date(data::civil_from_days(*through)) + ".";
    }
    return s;
}

std::string footer_line(const std::string& credit, const std::string& footnote) {
    if (credit.empty() || footnote.empty()) return credit + footnote;
    return credit + " " + footnote;
}

std::string sources_list_path(const std::string& out) { return out + ".sources.csv"; }

std::vector<InputHash> hash_inputs(const std::vector<std::string>& data_files,
                                             const std::string& statuses_path,
                                             const std::string& boundaries_option,
                                             const std::string& logo_path,
                                             const std::string& logo_bytes) {
    std::vector<InputHash> inputs;
    for (const std::string& file : data_files) {
        inputs.push_back({"data", fs::absolute(file).string(), sha256_file(file)});
    }
    inputs.push_back({"statuses", fs::absolute(statuses_path).string(), sha256_file(statuses_path)});
    const std::string boundaries =
        boundaries_option.empty() ? geo::default_boundaries_path() : boundaries_option;
    inputs.push_back({"boundaries", fs::absolute(boundaries).string(), sha256_file(boundaries)});
    if (!logo_path.empty()) {
        inputs.push_back({"logo", fs::absolute(logo_path).string(),
                          sha256_hex(logo_bytes.data(), logo_bytes.size())});
    }
    return inputs;
}

std::string read_file_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace deportmap::exporter
