// The frames an export draws (one date, each event day, or a range with a step) and the
// names of a batch's files.
#pragma once
#include <string>
#include <vector>

#include "core/data/date.hpp"
#include "core/data/timeline.hpp"
#include "export/params.hpp"

namespace deportmap::exporter {

struct Frame {
    data::Date date;  // as shown ("As of ...")
    data::Day day;    // the day whose statuses are drawn
};

// Parses a date option's value; throws UsageError naming `option`.
data::Date parse_date_option(const std::string& text, const char* option);

// One frame at `single`, each event day (--each-event), or --dates FROM..TO by --step.
// Throws UsageError or ExportError.
std::vector<Frame> plan_frames(const ExportParams& p, const data::Timeline& timeline,
                               const data::Date& single);

// Frame file name in a batch: "dir/map.png" -> "dir/map-0007.png" for index 6.
std::string frame_path(const std::string& out, size_t index);

// "png" for "dir/Map.PNG"; empty when the name has no extension.
std::string lower_extension(const std::string& path);

}  // namespace deportmap::exporter
