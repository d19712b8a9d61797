// `deportmap status --date D [--country C] [--data FILE]... [--statuses FILE] [--all]
// [--format table|csv|json]`: every country's status on a date, with the event that set
// it, its sources, and deportees received and payments to date. Bad rows are reported on
// stderr; the good rows are used.
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/text_output.hpp"
#include "core/data/countries.hpp"
#include "core/data/csv.hpp"
#include "core/data/events.hpp"
#include "core/data/source_list.hpp"
#include "core/data/stated_figures.hpp"
#include "core/data/status_report.hpp"
#include "core/data/statuses.hpp"
#include "core/data/text.hpp"
#include "core/data/timeline.hpp"
#include "core/util/args.hpp"

namespace deportmap::cli {

namespace {

using namespace deportmap::data;

const char* const kUsage =
    "usage: deportmap status --date D [--country C] [--data FILE]... [--statuses FILE]\n"
    "                        [--all] [--format table|csv|json]\n"
    "Prints each country's status on D (YYYY, YYYY-MM or YYYY-MM-DD; a month or year\n"
    "means its last day). Without --data the bundled dataset is used.\n"
    "  --country C      one country: ISO code or name\n"
    "  --data FILE      events file (CSV, XLSX, ODS, GeoJSON); repeat to merge files\n"
    "  --statuses FILE  status table (default: assets/statuses.csv)\n"
    "  --all            also list countries without events (status null)\n"
    "  --format F       table (default), csv or json";

// One output row: a country and its state on the date (core/data/status_report.hpp).
using Row = StatusRow;


void print_table(const std::vector<Row>& rows, const CountryResolver& countries,
                 const StatusTable& statuses) {
    const std::vector<std::string> head = {"Country", "ISO3",     "Status", "Since",
                                           "Received", "Paid (USD)", "Source"};
    std::vector<std::vector<std::string>> cells;
    for (const Row& r : rows) {
        const Country& c = countries.country(r.country);
        const bool has = r.state.status != kNoStatus;
        cells.push_back({
            c.name,
            c.iso3,
            has ? statuses[static_cast<size_t>(r.state.status)].key : "-",
            r.since ? format_date(r.since->date) : "",
            r.state.deportees_to_date ? grouped(*r.state.deportees_to_date) : "",
            r.state.payments_to_date_usd ? grouped(*r.state.payments_to_date_usd) : "",
            r.since && r.since->first_source() ? r.since->first_source()->credit_name() : "",
        });
    }
    print_columns(head, cells);
}

void print_csv(const std::vector<Row>& rows, const CountryResolver& countries,
               const StatusTable& statuses) {
    put(stdout, status_csv(rows, countries, statuses));
}

void print_json(const std::vector<Row>& rows, const CountryResolver& countries,
                const StatusTable& statuses) {
    using json = nlohmann::ordered_json;  // keys in the documented order
    auto num = [](const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); };
    auto str = [](const Event* e, const std::string Event::*field) {
        return e && !(e->*field).empty() ? json(e->*field) : json(nullptr);
    };
    json out = json::array();
    for (const Row& r : rows) {
        const Country& c = countries.country(r.country);
        const Event* e = r.since;
        const bool has = r.state.status != kNoStatus;
        json o;
        o["iso3"] = c.iso3;
        o["name"] = c.name;
        o["status"] = has ? json(statuses[static_cast<size_t>(r.state.status)].key) : json(nullptr);
        o["label"] = has ? json(statuses[static_cast<size_t>(r.state.status)].label) : json(nullptr);
        o["since"] = e ? json(e->date.iso()) : json(nullptr);
        o["approximate"] = e ? json(e->date.approximate()) : json(nullptr);
        o["deportees"] = e ? num(e->deportees) : json(nullptr);
        o["payment_usd"] = e ? num(e->payment_usd) : json(nullptr);
        auto first_json = [&](const std::string Source::*field) {
            const std::string v = first_source_field(e, field);
            return v.empty() ? json(nullptr) : json(v);
        };
        o["source_url"] = first_json(&Source::url);
        o["source_publisher"] = first_json(&Source::publisher);
        o["source_date"] = first_json(&Source::published);
        o["summary"] = str(e, &Event::summary);
        json sources = json::array();
        if (e) {
            for (const Source& src : e->sources) sources.push_back(source_json(src));
        }
        o["sources"] = std::move(sources);
        o["deportees_to_date"] = num(r.state.deportees_to_date);
        o["payments_to_date_usd"] = num(r.state.payments_to_date_usd);
        out.push_back(std::move(o));
    }
    put_line(stdout, out.dump(2, ' ', false, json::error_handler_t::replace));
}

// Counts, totals, stated figures and global events, after the table.
void print_footer(const Timeline& timeline, const Date& date, Day day,
                  const std::vector<StatedFigure>& stated) {
    const StatusTable& statuses = timeline.statuses();
    std::vector<int> counts;
    timeline.counts_at(day, counts);
    const Totals totals = timeline.totals_at(day);
    std::string line = "\nOn " + format_date(date) + ": " +
                       std::to_string(totals.countries_with_status) + " countries with a status";
    for (StatusIndex s : statuses.legend()) {
        line += (s == statuses.legend().front() ? " (" : ", ") + statuses[static_cast<size_t>(s)].key +
                " " + std::to_string(counts[static_cast<size_t>(s)]);
    }
    put_line(stdout, line + ").");
    put_line(stdout, "Deportees received to date: " + grouped(totals.deportees_to_date) +
                         "; payments to date: $" + grouped(totals.payments_to_date_usd) + ".");
    put_line(stdout, "Countries named in the data: " + std::to_string(timeline.countries_named().size()) + ".");
    if (const auto through = timeline.data_through()) {
        put_line(stdout, "Data through " + format_date(civil_from_days(*through)) + ".");
    }
    for (const auto& f : stated) {
        put_line(stdout, "Stated: " + grouped(f.value) + " " + f.label + " (" + f.source_publisher +
                             ", " + f.source_date + ", " + f.source_url + ").");
    }
    const size_t n = timeline.global_events_up_to(day);
    if (n == 0) return;
    put_line(stdout, "\nGlobal events up to " + format_date(date) + ":");
    for (size_t i = 0; i < n; ++i) {
        const Event& e = timeline.events()[timeline.global_events()[i]];
        put_line(stdout, "  " + e.date.iso() + "  " + statuses[static_cast<size_t>(e.status)].key +
                             "  " + e.summary);
    }
}

// A --date past the data's last day still answers, with this warning on stderr.
void warn_past_coverage(const Timeline& timeline, Day day) {
    const auto through = timeline.data_through();
    const auto end = timeline.coverage_end();
    if (!through || !end || day <= *end) return;
    put_line(stderr, "deportmap: warning: the data runs through " +
                         format_date(civil_from_days(*through)) +
                         "; it is not a complete record of what happened after that date");
}

}  // namespace

int run_status(const Argv& argv) {
    const Args args(argv, {"date", "country", "data", "statuses", "format"}, {"all", "help"});
    if (args.has("help")) {
        std::puts(kUsage);
        return 0;
    }
    const auto date_text = args.get("date");
    if (!date_text) throw UsageError("status needs --date YYYY[-MM[-DD]] (see --help)");
    std::string why;
    const auto date = parse_date(*date_text, &why);
    if (!date) throw UsageError("--date '" + *date_text + "' is not a valid date: " + why);
    const std::string format = args.get_or("format", "table");
    if (format != "table" && format != "csv" && format != "json") {
        throw UsageError("--format must be table, csv or json, not '" + format + "'");
    }
    if (!args.positional().empty()) {
        throw UsageError("unexpected argument '" + args.positional().front() + "' (see --help)");
    }

    StatusTable statuses;
    if (auto path = args.get("statuses")) {
        std::vector<Problem> problems;
        auto table = StatusTable::load(*path, problems);
        for (const auto& p : problems) put_line(stderr, p.to_string());
        if (!table) return 1;
        statuses = std::move(*table);
    } else {
        statuses = StatusTable::load_default();
    }
    std::vector<std::string> warnings;
    const auto countries = CountryResolver::load_default(&warnings);
    for (const auto& w : warnings) put_line(stderr, "deportmap: note: " + w);

    int only = -1;
    if (auto c = args.get("country")) {
        const Resolution r = countries.resolve(*c);
        if (!r.found()) throw UsageError("--country: " + r.message(*c));
        only = r.country;
    }

    const bool bundled = !args.has("data");
    const std::vector<std::string> files =
        bundled ? default_events_paths() : args.get_all("data");
    ReadResult read = read_events(files, countries, statuses);
    for (const auto& p : read.problems) {
        if (!p.warning) put_line(stderr, p.to_string());
    }
    if (read.warnings() > 0) {
        put_line(stderr, "deportmap: note: " + std::to_string(read.warnings()) +
                             " warnings (such as facts resting only on weak sources); "
                             "deportmap validate lists them");
    }
    if (read.bad_rows > 0) {
        put_line(stderr, "deportmap: " + std::to_string(read.bad_rows) +
                             (read.bad_rows == 1 ? " bad row" : " bad rows") + " left out; the other rows are used");
    }
    if (!read.unreadable.empty()) return 1;
    std::vector<StatedFigure> stated;
    if (bundled) {
        std::vector<Problem> problems;
        stated = load_stated_figures(default_stated_figures_path(), problems);
        for (const auto& p : problems) put_line(stderr, p.to_string());
    }

    const Timeline timeline(std::move(read.events), statuses, countries.size());
    const Day day = query_day(*date);
    warn_past_coverage(timeline, day);
    const std::vector<Row> rows = status_rows(timeline, countries, day, only, args.has("all"));

    if (format == "json") {
        print_json(rows, countries, statuses);
    } else if (format == "csv") {
        print_csv(rows, countries, statuses);
    } else {
        print_table(rows, countries, statuses);
        if (only < 0) print_footer(timeline, *date, day, stated);
    }
    return 0;
}

}  // namespace deportmap::cli
