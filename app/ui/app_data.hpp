// The window's read-only model: the events dataset (bundled, --data files, or files
// dropped onto the window), the stated figures, and the mapping between the boundaries'
// countries (World order) and the data's countries (resolver order). Watches the data
// files' modification times and reloads them when they change; a file that cannot be
// read keeps the last good data. No GL, no ImGui.
#pragma once
#include <filesystem>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/data/dataset.hpp"
#include "core/data/stated_figures.hpp"
#include "core/geo/world.hpp"

namespace deportmap::ui {

// What a file dropped onto the window is, by extension and, for JSON, by content.
enum class DropKind { Events, Boundaries, Unknown };
DropKind classify_drop(const std::string& path);

class AppData {
public:
    // Loads the status table (`statuses_path`, or the default) and the events `files`
    // (the bundled dataset when empty). Throws std::runtime_error with one line naming
    // the file when the status table cannot be used; unreadable events files are kept
    // as messages (the map then shows no data).
    AppData(const std::vector<std::string>& files, const std::string& statuses_path);

    const data::Dataset& dataset() const { return *dataset_; }
    const data::Timeline& timeline() const { return dataset_->timeline(); }
    const data::CountryResolver& countries() const { return *resolver_; }
    const std::vector<data::StatedFigure>& stated() const { return stated_; }
    // The line above the legend's sentence: a plain headline for the bundled data, the
    // file names for the user's own.
    std::string data_title() const;
    // One-line notes about loading: unreadable files, "kept the last good data", reloads.
    const std::vector<std::string>& messages() const { return messages_; }
    // Other names for search's type-ahead: the alias table (assets/aliases.csv) and the
    // boundaries' names, each with its data index.
    const std::vector<std::pair<std::string, int>>& other_names() const { return other_names_; }
    // True when the files given were the bundled dataset.
    bool bundled() const { return bundled_; }

    // Rebuilds the World <-> data mapping for a (new) boundaries World.
    void map_world(const geo::World& world);
    const std::vector<int>& world_to_data() const { return world_to_data_; }
    const std::vector<int>& data_to_world() const { return data_to_world_; }

    // Adds an events file (dropped onto the window) to the files in use and reloads.
    // Returns true when the data changed.
    bool add_events_file(const std::string& path);
    // Checks the files' modification times (call often; it looks at most once per
    // second of `now_s`) and reloads when one changed. True when the data changed.
    bool poll_files(double now_s);

private:
    bool load(const std::vector<std::string>& files, const char* why);
    void remember_mtimes();
    void note(std::string message);

    std::shared_ptr<const data::CountryResolver> resolver_;
    std::unique_ptr<data::Dataset> dataset_;
    std::vector<data::StatedFigure> stated_;
    std::vector<std::string> messages_;
    std::vector<int> world_to_data_, data_to_world_;
    std::vector<std::pair<std::string, int>> aliases_, other_names_;
    std::vector<std::string> watched_;
    std::vector<std::filesystem::file_time_type> mtimes_;
    double next_poll_s_ = 0.0;
    bool bundled_ = false;
};

}  // namespace deportmap::ui
