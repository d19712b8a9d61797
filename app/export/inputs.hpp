// What an export reads besides the boundaries: the events data and status table it
// colours the map with, the hashes of every input for the sidecar, and the default credit
// line built from the data's publishers.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/data/countries.hpp"
#include "core/data/statuses.hpp"
#include "core/data/timeline.hpp"
#include "export/params.hpp"
#include "export/sidecar.hpp"

namespace deportmap::exporter {

// Receives a one-line note for the user ("3 bad rows left out ...").
using NoteFn = std::function<void(const std::string&)>;

// The events data an export colours the map with.
struct DataInputs {
    std::shared_ptr<const data::CountryResolver> resolver;
    data::StatusTable statuses;
    data::Timeline timeline;
    std::vector<std::string> files;  // events files read
    std::string statuses_path;       // status table read
};

// Reads the status table and events files that `p` names (or the bundled ones); throws
// ExportError naming the first unreadable file. Bad rows are left out with a note.
DataInputs load_data(const ExportParams& p, const NoteFn& note);

// "Sources: N publishers, including A, B and C. Boundaries: Natural Earth." from the
// events up to `day` (most cited first), for the default credit line.
std::string default_source(const data::Timeline& timeline, data::Day day, bool bundled_boundaries);

// The role, absolute path and SHA-256 of every input, for the sidecar.
std::vector<InputHash> hash_inputs(const std::vector<std::string>& data_files,
                                   const std::string& statuses_path,
                                   const std::string& boundaries_option,
                                   const std::string& logo_path, const std::string& logo_bytes);

std::string read_file_bytes(const std::string& path);

}  // namespace deportmap::exporter
