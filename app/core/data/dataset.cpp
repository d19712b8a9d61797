// Loading and reloading events files into a Timeline, keeping the last good data.
#include "core/data/dataset.hpp"

namespace deportmap::data {

Dataset::Dataset(std::shared_ptr<const CountryResolver> countries, StatusTable statuses)
    : countries_(std::move(countries)),
      statuses_(std::move(statuses)),
      timeline_({}, statuses_, countries_->size()) {}

LoadOutcome Dataset::load(const std::vector<std::string>& files) {
    // A list that cannot be read replaces the last good one only while there is none:
    // a broken file dropped onto the window is not kept, so the next drop and the next
    // reload use the files that worked.
    if (generation_ == 0) files_ = files;
    ReadResult read = read_events(files, *countries_, statuses_);
    LoadOutcome outcome;
    outcome.rows = read.rows;
    outcome.bad_rows = read.bad_rows;
    if (!read.unreadable.empty()) {
        std::string why;
        for (const auto& p : read.problems) {
            if (p.file == read.unreadable.front() && (p.line <= 1)) {
                why = p.to_string();
                break;
            }
        }
        if (why.empty()) why = read.unreadable.front() + ": cannot be read";
        outcome.error = why + (generation_ > 0 ? " (keeping the last good data)" : "");
        return outcome;
    }
    files_ = files;
    timeline_ = Timeline(std::move(read.events), statuses_, countries_->size());
    problems_ = std::move(read.problems);
    ++generation_;
    outcome.ok = true;
    return outcome;
}

LoadOutcome Dataset::reload() {
    const std::vector<std::string> files = files_;
    return load(files);
}

}  // namespace deportmap::data
