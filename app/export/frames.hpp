// The frames an export draws (one date, each event day, or a range with a step) and the
// names of a batch's files.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/data/date.hpp"
#include "core/data/timeline.hpp"
#include "core/view.hpp"
#include "export/params.hpp"

namespace deportmap::exporter {

struct Frame {
    data::Date date;  // as shown ("As of ...")
    data::Day day;    // the day whose statuses are drawn
    int hold = 1;     // video frames this frame lasts in an animation (--pace time)
    // A story's frames (story_frames.hpp): their own view of the map, the step's caption
    // and the statuses it emphasises.
    std::optional<ViewTransform> view;
    std::string caption;
    std::vector<int> emphasised;
    int step = -1;    // 0-based story step

    static Frame on(data::Date date, data::Day day) {
        Frame f;
        f.date = date;
        f.day = day;
        return f;
    }
};

// Parses a date option's value; throws UsageError naming `option`.
data::Date parse_date_option(const std::string& text, const char* option);

// One frame at `single`, each event day (--each-event), or --dates FROM..TO by --step.
// A range always ends on TO's last day; month and year steps draw the last day of each
// month they reach, so no event of a month is left out. With --pace time, each frame's
// `hold` is proportional to the days until the next frame (see pace_frames).
// Throws UsageError or ExportError.
std::vector<Frame> plan_frames(const ExportParams& p, const data::Timeline& timeline,
                               const data::Date& single);

// --pace time: each frame lasts one video frame plus its share of two more per frame, in
// proportion to the days it covers (until the next frame; the last covers the shortest
// gap), so the animation has exactly 3 video frames per frame; --pace event (the default) keeps one video frame each.
void pace_frames(std::vector<Frame>& frames, const std::string& pace);

// Frame file name in a batch: "dir/map.png" -> "dir/map-0007.png" for index 6.
std::string frame_path(const std::string& out, size_t index);

// "png" for "dir/Map.PNG"; empty when the name has no extension.
std::string lower_extension(const std::string& path);

}  // namespace deportmap::exporter
