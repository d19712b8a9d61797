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
    in.files = p.data.empty() ? std::vector<std::string>{data::default_events_path()} : p.data;
    data::ReadResult read = data::read_events(in.files, *in.resolver, in.statuses);
    if (!read.unreadable.empty()) {
        for (const data::Problem& problem : read.problems) {
            if (problem.file == read.unreadable.front()) throw ExportError(problem.to_string());
        }
        throw ExportError("cannot read " + read.unreadable.front());
    }
    if (read.bad_rows > 0) {
        if (note) note(std::to_string(read.bad_rows) + " bad rows left out (run deportmap validate)");
    }
    in.timeline = data::Timeline(std::move(read.events), in.statuses, in.resolver->size());
    return in;
}

std::string default_source(const data::Timeline& timeline, data::Day day, bool bundled_boundaries) {
    std::map<std::string, int> counts;
    for (const data::Event& e : timeline.events()) {
        if (e.date.first_day() <= day && !e.source_publisher.empty()) ++counts[e.source_publisher];
    }
    std::vector<std::pair<std::string, int>> ranked(counts.begin(), counts.end());
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string s;
    if (ranked.size() == 1) {
        s = "Source: " + ranked[0].first + ".";
    } else if (!ranked.empty()) {
        s = "Sources: " + std::to_string(ranked.size()) + " publishers, including ";
        const size_t n = std::min<size_t>(3, ranked.size());
        for (size_t i = 0; i < n; ++i) {
            if (i > 0) s += i + 1 == n ? " and " : ", ";
            s += ranked[i].first;
        }
        s += ".";
    }
    if (bundled_boundaries) s += std::string(s.empty() ? "" : " ") + "Boundaries: Natural Earth.";
    return s;
}

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
