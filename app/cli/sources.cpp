// `deportmap sources [--data FILE]... [--date D] [--format table|csv|json]`: every source
// with the event it supports (country, date, status), its publisher, outlet, publication
// date and tier. Bad rows are reported on stderr; the good rows are listed.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/text_output.hpp"
#include "core/data/countries.hpp"
#include "core/data/events.hpp"
#include "core/data/source_list.hpp"
#include "core/data/stated_figures.hpp"
#include "core/data/statuses.hpp"
#include "core/data/text.hpp"
#include "core/data/timeline.hpp"
#include "core/util/args.hpp"

namespace deportmap::cli {

namespace {

using namespace deportmap::data;

const char* const kUsage =
    "usage: deportmap sources [--data FILE]... [--date D] [--format table|csv|json]\n"
    "Lists every source with the event it supports. Without --data the bundled dataset\n"
    "is used.\n"
    "  --data FILE  events or sources table (CSV, XLSX, ODS, GeoJSON); repeat to merge\n"
    "  --date D     only the events that have taken effect by D (YYYY[-MM[-DD]])\n"
    "  --format F   table (default), csv (iso3,country,date,status,url,publisher,outlet,\n"
    "               published,tier) or json (an array of objects with those keys)";

void print_table(const std::vector<SourceListRow>& rows, const CountryResolver& countries,
                 const StatusTable& statuses) {
    const std::vector<std::string> head = {"Country", "Date", "Status", "Tier", "Outlet", "Publisher", "URL"};
    std::vector<std::vector<std::string>> cells;
    for (const SourceListRow& r : rows) {
        const auto j = source_row_json(r, countries, statuses);
        auto text = [&](const char* key) { return j[key].is_string() ? j[key].get<std::string>() : ""; };
        cells.push_back({r.event->global() ? "(all countries)" : text("country"), text("date"),
                         text("status"), text("tier"), text("outlet"), text("publisher"), text("url")});
    }
    print_columns(head, cells, 40);
    size_t weak = 0;
    for (const SourceListRow& r : rows) weak += r.source->weak() ? 1 : 0;
    std::string total = "\n";
    total.append(std::to_string(rows.size())).append(" sources, ").append(std::to_string(weak)).append(" of them weak.");
    put_line(stdout, total);
}

}  // namespace

int run_sources(const Argv& argv) {
    const Args args(argv, {"data", "format", "date"}, {"help"});
    if (args.has("help")) {
        std::puts(kUsage);
        return 0;
    }
    const std::string format = args.get_or("format", "table");
    if (format != "table" && format != "csv" && format != "json") {
        throw UsageError("--format must be table, csv or json, not '" + format + "'");
    }
    if (!args.positional().empty()) {
        throw UsageError("unexpected argument '" + args.positional().front() + "' (see --help)");
    }
    std::optional<Day> through;
    if (auto text = args.get("date")) {
        std::string why;
        const auto d = parse_date(*text, &why);
        if (!d) throw UsageError("--date '" + *text + "' is not a valid date: " + why);
        through = query_day(*d);
    }
    const StatusTable statuses = StatusTable::load_default();
    const auto countries = CountryResolver::load_default();
    const std::vector<std::string> files = args.has("data") ? args.get_all("data") : default_events_paths();
    ReadResult read = read_events(files, countries, statuses);
    for (const auto& p : read.problems) {
        if (!p.warning) put_line(stderr, p.to_string());
    }
    if (!read.unreadable.empty()) return 1;
    const Timeline timeline(std::move(read.events), statuses, countries.size());
    const std::vector<SourceListRow> rows = list_sources(timeline, countries, through);
    if (format == "csv") {
        const std::string csv = sources_csv(rows, countries, statuses);
        std::fwrite(csv.data(), 1, csv.size(), stdout);
    } else if (format == "json") {
        auto out = nlohmann::ordered_json::array();
        for (const SourceListRow& r : rows) out.push_back(source_row_json(r, countries, statuses));
        put_line(stdout, out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    } else {
        print_table(rows, countries, statuses);
    }
    return 0;
}

}  // namespace deportmap::cli
