// Frames of a batch and their file names (see frames.hpp).
#include "export/frames.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "core/util/args.hpp"
#include "export/compose.hpp"

namespace deportmap::exporter {

data::Date parse_date_option(const std::string& text, const char* option) {
    std::string why;
    const auto d = data::parse_date(text, &why);
    if (!d) throw UsageError(std::string(option) + " '" + text + "': " + why);
    return *d;
}

namespace {

// "1m" -> {1, 'm'}; throws UsageError for anything but a positive count and d, w, m or y.
std::pair<long, char> parse_step(const std::string& step) {
    const char unit = step.empty() ? '\0' : step.back();
    long n = 0;
    try {
        size_t used = 0;
        n = std::stol(step.substr(0, step.size() - 1), &used);
        if (used != step.size() - 1) n = 0;
    } catch (const std::exception&) {
        n = 0;
    }
    if (n <= 0 || n > 100000 || (unit != 'd' && unit != 'w' && unit != 'm' && unit != 'y')) {
        throw UsageError("--step expects a count and d, w, m or y (e.g. 1d, 1w, 1m), got '" + step + "'");
    }
    return {n, unit};
}

void add_frame(std::vector<Frame>& frames, data::Day d, const std::string& dates) {
    if (!frames.empty() && frames.back().day >= d) return;
    frames.push_back(Frame::on(data::civil_from_days(d), d));
    if (frames.size() > 100000) throw UsageError("--dates " + dates + " gives too many frames");
}

// FROM..TO by a step: days and weeks from FROM's first day; months and years at the last
// day of each month reached from FROM's month; TO's last day closes the range.
std::vector<Frame> range_frames(const std::string& dates, const std::string& step_text) {
    const size_t dots = dates.find("..");
    if (dots == std::string::npos) throw UsageError("--dates expects FROM..TO, got '" + dates + "'");
    const data::Date from = parse_date_option(dates.substr(0, dots), "--dates");
    const data::Date to = parse_date_option(dates.substr(dots + 2), "--dates");
    const auto [n, unit] = parse_step(step_text.empty() ? "1m" : step_text);
    const data::Day first = from.first_day(), last = to.last_day();
    if (last < first) throw UsageError("--dates " + dates + ": FROM is after TO");
    std::vector<Frame> frames;
    if (unit == 'd' || unit == 'w') {
        const long stride = n * (unit == 'w' ? 7 : 1);
        for (long d = first; d <= last; d += stride) add_frame(frames, static_cast<data::Day>(d), dates);
    } else {
        const long months = n * (unit == 'y' ? 12 : 1);
        const data::Date start = data::civil_from_days(first);
        for (long total = start.year * 12L + (start.month - 1);; total += months) {
            const int y = static_cast<int>(total / 12), m = static_cast<int>(total % 12) + 1;
            if (y > 9999) break;
            const data::Day d = data::days_from_civil(y, m, data::days_in_month(y, m));
            if (d > last) break;
            add_frame(frames, d, dates);
        }
    }
    add_frame(frames, last, dates);
    return frames;
}

}  // namespace

// The frames an export draws: one, each event day, or a date range with a step.
std::vector<Frame> plan_frames(const ExportParams& p, const data::Timeline& timeline,
                               const data::Date& single) {
    std::vector<Frame> frames;
    if (p.each_event) {
        for (const data::Day d : timeline.event_days()) frames.push_back(Frame::on(data::civil_from_days(d), d));
        if (frames.empty()) throw ExportError("--each-event: the data has no events");
    } else if (!p.dates.empty()) {
        frames = range_frames(p.dates, p.step);
    } else {
        frames.push_back(Frame::on(single, data::query_day(single)));
    }
    pace_frames(frames, p.pace);
    return frames;
}

void pace_frames(std::vector<Frame>& frames, const std::string& pace) {
    if (pace.empty() || pace == "event") return;
    if (pace != "time") throw UsageError("--pace expects time or event, got '" + pace + "'");
    if (frames.size() < 2) return;
    std::vector<long> gap(frames.size());
    long shortest = 0;
    for (size_t i = 0; i + 1 < frames.size(); ++i) {
        gap[i] = std::max<long>(1, frames[i + 1].day - frames[i].day);
        shortest = i == 0 ? gap[i] : std::min(shortest, gap[i]);
    }
    gap.back() = shortest;
    double span = 0;
    for (const long g : gap) span += static_cast<double>(g);
    // Every frame gets one video frame; the rest of 3 per frame is shared in proportion to
    // the days covered, largest remainders first, so the total is exact and the same
    // inputs always give the same holds.
    const long extra = 2L * static_cast<long>(frames.size());
    std::vector<std::pair<double, size_t>> remainders;
    long given = 0;
    for (size_t i = 0; i < frames.size(); ++i) {
        const double share = static_cast<double>(extra) * static_cast<double>(gap[i]) / span;
        const long whole = static_cast<long>(share);
        frames[i].hold = 1 + static_cast<int>(whole);
        given += whole;
        remainders.push_back({share - static_cast<double>(whole), i});
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t k = 0; given < extra && k < remainders.size(); ++k, ++given) ++frames[remainders[k].second].hold;
}

std::string lower_extension(const std::string& path) {
    const size_t slash = path.rfind('/');
    const size_t dot = path.rfind('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
    std::string ext = path.substr(dot + 1);
    for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    return ext;
}

std::string frame_path(const std::string& out, size_t index) {
    const std::string ext = lower_extension(out);
    const std::string stem = ext.empty() ? out : out.substr(0, out.size() - ext.size() - 1);
    char number[32];
    std::snprintf(number, sizeof number, "-%04zu", index + 1);
    std::string path = stem;
    path.append(number);
    if (!ext.empty()) path.append(".").append(out, out.size() - ext.size(), ext.size());
    return path;
}

}  // namespace deportmap::exporter
