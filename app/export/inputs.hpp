// What an export reads besides the boundaries: the events data and status table it
// colours the map with, the hashes of every input for the sidecar, and the default credit
// line built from the data's publishers.
#pragma once
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/data/countries.hpp"
#include "core/data/source_list.hpp"
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
    data::SourceFilter filter = data::SourceFilter::All;  // --sources
    size_t weak_left_out = 0;        // events left out by --sources strong
};

// Reads the status table and events files that `p` names (or the bundled ones); throws
// ExportError naming the first unreadable file. Bad rows are left out with a note.
DataInputs load_data(const ExportParams& p, const NoteFn& note);

// "Sources: CBS News, Reuters, AP, The New York Times and 29 others (full list in
// LIST). Boundaries: Natural Earth." from the outlets of the facts that have taken effect
// by `day` (weak sources never named; most facts first), for the default credit line.
// No " (full list in ...)" when `list_name` is empty.
std::string default_source(const data::Timeline& timeline, const data::CountryResolver& countries,
                           data::Day day, bool bundled_boundaries, const std::string& list_name);
// default_source in two steps, for a caller that words one ranking twice: the ranked
// outlets ("Sources: CBS News, … and 29 others"; the costly part), then the credit from
// them with `list_name` and the boundaries' credit.
std::string credited_outlets(const data::Timeline& timeline, const data::CountryResolver& countries, data::Day day);
std::string credit_from_outlets(std::string outlets, bool bundled_boundaries, const std::string& list_name);
// What every credit line ends with: how the facts shown are sourced ("Statuses of 3
// countries rest only on weak sources." or, with --sources strong, "N facts resting only
// on weak sources are left out.") and "Data through 17 May 2026." Empty without events.
std::string data_footnote(const data::Timeline& timeline, data::SourceFilter filter, size_t weak_left_out,
                          data::Day day);
inline std::string data_footnote(const DataInputs& in, data::Day day) {
    return data_footnote(in.timeline, in.filter, in.weak_left_out, day);
}
// The footer as drawn: `credit`, then `footnote`, one space apart (either may be empty).
std::string footer_line(const std::string& credit, const std::string& footnote);
// The list of sources written beside an export: OUT + ".sources.csv".
std::string sources_list_path(const std::string& out);

// The role, absolute path and SHA-256 of every input, for the sidecar.
std::vector<InputHash> hash_inputs(const std::vector<std::string>& data_files,
                                   const std::string& statuses_path,
                                   const std::string& boundaries_option,
                                   const std::string& logo_path, const std::string& logo_bytes);

std::string read_file_bytes(const std::string& path);

}  // namespace deportmap::exporter
