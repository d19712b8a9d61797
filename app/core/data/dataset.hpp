// The loaded events data the app, the exporter and the commands share: the files it came
// from, the timeline built from their good rows, and the problems found. reload()
// re-reads the same files (the app calls it when a file changes on disk) and keeps the
// last good data when a file cannot be read at all.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/data/countries.hpp"
#include "core/data/events.hpp"
#include "core/data/statuses.hpp"
#include "core/data/timeline.hpp"

namespace deportmap::data {

struct LoadOutcome {
    bool ok = false;      // false: nothing changed, the last good data is still in use
    std::string error;    // one line when !ok, naming the file
    size_t rows = 0;      // data rows read
    size_t bad_rows = 0;  // rows left out (their problems are in Dataset::problems())
};

class Dataset {
public:
    // `countries` must stay valid for the Dataset's lifetime; shared so copies are cheap.
    Dataset(std::shared_ptr<const CountryResolver> countries, StatusTable statuses);

    // Reads `files` in order (several files merge). On success the timeline and problems
    // are replaced and generation() goes up. If any file cannot be read at all, nothing
    // changes and the outcome says which file and that the last good data is kept.
    LoadOutcome load(const std::vector<std::string>& files);
    // load() with the files of the last load() call.
    LoadOutcome reload();

    const Timeline& timeline() const { return timeline_; }
    const CountryResolver& countries() const { return *countries_; }
    const StatusTable& statuses() const { return statuses_; }
    // Problems of the data in use (bad rows that were left out).
    const std::vector<Problem>& problems() const { return problems_; }
    const std::vector<std::string>& files() const { return files_; }
    // 0 before the first successful load; +1 on each one. Cheap change detection for UIs.
    uint64_t generation() const { return generation_; }

private:
    std::shared_ptr<const CountryResolver> countries_;
    StatusTable statuses_;
    std::vector<std::string> files_;
    Timeline timeline_;
    std::vector<Problem> problems_;
    uint64_t generation_ = 0;
};

}  // namespace deportmap::data
