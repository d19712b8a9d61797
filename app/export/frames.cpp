// Frames of a batch and their file names (see frames.hpp).
#include "export/frames.hpp"

#include <algorithm>
#include <cstdio>

#include "core/util/args.hpp"
#include "export/compose.hpp"

namespace deportmap::exporter {

data::Date parse_date_option(const std::string& text, const char* option) {
    std::string why;
    const auto d = data::parse_date(text, &why);
    if (!d) throw UsageError(std::string(option) + " '" + text + "': " + why);
    return *d;
}

// The frames an export draws: one, each event day, or a date range with a step.
std::vector<Frame> plan_frames(const ExportParams& p, const data::Timeline& timeline,
                               const data::Date& single) {
    std::vector<Frame> frames;
    if (p.each_event) {
        for (const data::Day d : timeline.event_days()) frames.push_back({data::civil_from_days(d), d});
        if (frames.empty()) throw ExportError("--each-event: the data has no events");
        return frames;
    }
    if (!p.dates.empty()) {
        const size_t dots = p.dates.find("..");
        if (dots == std::string::npos) throw UsageError("--dates expects FROM..TO, got '" + p.dates + "'");
        const data::Date from = parse_date_option(p.dates.substr(0, dots), "--dates");
        const data::Date to = parse_date_option(p.dates.substr(dots + 2), "--dates");
        const std::string step = p.step.empty() ? "1m" : p.step;
        char unit = step.back();
        long n = 0;
        try {
            size_t used = 0;
            n = std::stol(step.substr(0, step.size() - 1), &used);
            if (used != step.size() - 1) n = 0;
        } catch (const std::exception&) {
            n = 0;
        }
        if (n <= 0 || (unit != 'd' && unit != 'w' && unit != 'm' && unit != 'y')) {
            throw UsageError("--step expects a count and d, w, m or y (e.g. 1d, 1w, 1m), got '" + step + "'");
        }
        const data::Day first = from.first_day(), last = to.last_day();
        if (last < first) throw UsageError("--dates " + p.dates + ": FROM is after TO");
        data::Date cur = data::civil_from_days(first);
        const int start_day = cur.day;
        for (long k = 0;; ++k) {
            data::Day d;
            if (unit == 'd' || unit == 'w') {
                d = first + static_cast<data::Day>(k * n * (unit == 'w' ? 7 : 1));
            } else {
                const long months = k * n * (unit == 'y' ? 12 : 1);
                const long total = cur.year * 12L + (cur.month - 1) + months;
                const int y = static_cast<int>(total / 12), m = static_cast<int>(total % 12) + 1;
                if (y > 9999) break;
                d = data::days_from_civil(y, m, std::min(start_day, data::days_in_month(y, m)));
            }
            if (d > last) break;
            frames.push_back({data::civil_from_days(d), d});
            if (frames.size() > 100000) throw UsageError("--dates " + p.dates + " gives too many frames");
        }
        return frames;
    }
    frames.push_back({single, data::query_day(single)});
    return frames;
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
