// The window's data model (see app_data.hpp).
#include "ui/app_data.hpp"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <stdexcept>

#include "core/data/csv.hpp"
#include "core/data/text.hpp"
#include "core/util/paths.hpp"
#include "core/scene.hpp"

namespace deportmap::ui {

DropKind classify_drop(const std::string& path) {
    std::string ext = data::ascii_lower(std::filesystem::path(path).extension().string());
    if (ext == ".csv" || ext == ".tsv" || ext == ".xlsx" || ext == ".xls" || ext == ".ods") {
        return DropKind::Events;
    }
    if (ext == ".gpkg" || ext == ".shp" || ext == ".fgb" || ext == ".topojson" ||
        ext == ".kml" || ext == ".gml") {
        return DropKind::Boundaries;
    }
    if (ext == ".geojson" || ext == ".json") {
        // A GeoJSON with polygons is boundaries; one without is an events table.
        std::ifstream in(path, std::ios::binary);
        if (!in) return DropKind::Unknown;
        std::string head(1 << 16, '\0');
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<size_t>(in.gcount()));
        if (head.find("Polygon\"") != std::string::npos) return DropKind::Boundaries;
        if (head.find("\"Topology\"") != std::string::npos) return DropKind::Boundaries;
        return DropKind::Events;
    }
    return DropKind::Unknown;
}

AppData::AppData(const std::vector<std::string>& files, const std::string& statuses_path) {
    data::StatusTable statuses;
    if (!statuses_path.empty()) {
        std::vector<data::Problem> problems;
        auto table = data::StatusTable::load(statuses_path, problems);
        for (const auto& p : problems) note(p.to_string());
        if (!table) throw std::runtime_error(statuses_path + ": the status table cannot be used");
        statuses = std::move(*table);
    } else {
        statuses = data::StatusTable::load_default();
    }
    std::vector<std::string> warnings;
    resolver_ = std::make_shared<const data::CountryResolver>(
        data::CountryResolver::load_default(&warnings));
    for (auto& w : warnings) note("note: " + w);
    dataset_ = std::make_unique<data::Dataset>(resolver_, std::move(statuses));

    std::vector<std::string> use = files;
    bundled_ = use.empty();
    if (bundled_) use = data::default_events_paths();
    load(use, nullptr);
    // The alias table, for the search's type-ahead (the resolver matches whole names).
    std::string text, error;
    if (data::read_text_file(data_path("assets/aliases.csv"), text, error)) {
        const data::CsvText csv = data::parse_csv(text);
        for (size_t r = 1; r < csv.records.size(); ++r) {
            const auto& f = csv.records[r].fields;
            if (f.size() < 2 || f[1].find('|') != std::string::npos) continue;
            const int c = resolver_->find_iso3(f[1]);
            if (c >= 0) aliases_.emplace_back(f[0], c);
        }
    }
    other_names_ = aliases_;
    // The report's "58 countries" is about the bundled data: a user's own data gets no box.
    if (bundled_) {
        std::vector<data::Problem> problems;
        stated_ = data::load_stated_figures(data::default_stated_figures_path(), problems);
        for (const auto& p : problems) note(p.to_string());
    }
}

std::string AppData::data_title() const {
    if (bundled_) return data::kBundledDataTitle;
    std::string names;
    for (const std::string& f : watched_) {
        names += (names.empty() ? "" : ", ") + std::filesystem::path(f).filename().string();
    }
    return names;
}

void AppData::note(std::string message) {
    std::fprintf(stderr, "deportmap: %s\n", message.c_str());
    messages_.push_back(std::move(message));
    constexpr size_t kMaxMessages = 50;
    if (messages_.size() > kMaxMessages) {
        messages_.erase(messages_.begin(), messages_.end() - kMaxMessages);
    }
}

bool AppData::load(const std::vector<std::string>& files, const char* why) {
    const data::LoadOutcome outcome = dataset_->load(files);
    watched_ = dataset_->files();  // the files in use (a broken newcomer is not watched)
    remember_mtimes();
    if (outcome.ok) {
        // Bad rows, compiler style, as the commands print them (also in the panel).
        // The bundled data's warnings (facts resting only on weak sources) are known and
        // shown on the map; a user's file gets them all.
        for (const data::Problem& p : dataset_->problems()) {
            if (p.warning && bundled_) continue;
            std::fprintf(stderr, "%s\n", p.to_string().c_str());
        }
    }
    if (!outcome.ok) {
        note(outcome.error);
        return false;
    }
    if (why != nullptr) {
        note(std::string(why) + ": " + std::to_string(outcome.rows - outcome.bad_rows) + " of " +
             std::to_string(outcome.rows) + " rows loaded");
    }
    return true;
}

void AppData::remember_mtimes() {
    mtimes_.assign(watched_.size(), std::filesystem::file_time_type::min());
    for (size_t i = 0; i < watched_.size(); ++i) {
        std::error_code ec;
        const auto t = std::filesystem::last_write_time(watched_[i], ec);
        if (!ec) mtimes_[i] = t;
    }
}

void AppData::map_world(const geo::World& world) {
    world_to_data_ = map_world_to_data(world, *resolver_);
    other_names_ = aliases_;
    for (size_t w = 0; w < world.countries.size(); ++w) {
        if (world_to_data_[w] >= 0 && !world.countries[w].name.empty()) {
            other_names_.emplace_back(world.countries[w].name, world_to_data_[w]);
        }
    }
    data_to_world_.assign(resolver_->size(), -1);
    for (size_t w = 0; w < world_to_data_.size(); ++w) {
        const int d = world_to_data_[w];
        if (d >= 0 && data_to_world_[static_cast<size_t>(d)] < 0) {
            data_to_world_[static_cast<size_t>(d)] = static_cast<int>(w);
        }
    }
}

bool AppData::add_events_file(const std::string& path) {
    std::vector<std::string> files = bundled_ ? std::vector<std::string>{} : dataset_->files();
    if (std::find(files.begin(), files.end(), path) == files.end()) files.push_back(path);
    const uint64_t before = dataset_->generation();
    load(files, ("loaded " + path).c_str());
    if (dataset_->generation() != before) bundled_ = false;
    return dataset_->generation() != before;
}

bool AppData::poll_files(double now_s) {
    if (now_s < next_poll_s_) return false;
    next_poll_s_ = now_s + 1.0;
    bool changed = false;
    for (size_t i = 0; i < watched_.size() && i < mtimes_.size(); ++i) {
        std::error_code ec;
        const auto t = std::filesystem::last_write_time(watched_[i], ec);
        if (ec) continue;  // gone for now (an editor saving); look again later
        if (t != mtimes_[i]) changed = true;
    }
    if (!changed) return false;
    const uint64_t before = dataset_->generation();
    load(watched_, "reloaded after a change on disk");
    if (dataset_->generation() == before) {
        note("kept the last good data");
        return false;
    }
    return true;
}

}  // namespace deportmap::ui
