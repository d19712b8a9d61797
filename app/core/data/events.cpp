// Events reader: GDAL for the values, a raw scan of CSV files for line numbers, field
// counts and UTF-8, and the row checks behind `deportmap validate`.
#include "core/data/events.hpp"

#include <gdal.h>
#include <ogr_api.h>

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "core/data/csv.hpp"
#include "core/data/gdal_util.hpp"
#include "core/data/text.hpp"

namespace deportmap::data {

struct EventReader::Columns {
    std::vector<std::string> names;  // header names as written, trimmed
    int country_name = -1, iso3 = -1, date = -1, status = -1, deportees = -1,
        payment_usd = -1, summary = -1, source_url = -1, source_publisher = -1,
        source_date = -1, cumulative = -1;

    // Maps header names (case, spaces and a few synonyms don't matter) to columns;
    // returns the missing required columns.
    std::vector<std::string> assign(const std::vector<std::string>& header) {
        names.clear();
        for (const auto& h : header) names.emplace_back(trim(h));
        auto key = [](std::string s) {
            s = ascii_lower(trim(s));
            std::replace(s.begin(), s.end(), ' ', '_');
            return s;
        };
        for (size_t i = 0; i < names.size(); ++i) {
            const std::string k = key(names[i]);
            const int c = static_cast<int>(i);
            auto set = [&](int& slot) {
                if (slot < 0) slot = c;
            };
            if (k == "country_name" || k == "country" || k == "name") set(country_name);
            else if (k == "iso3" || k == "iso" || k == "iso_code" || k == "country_code" || k == "code") set(iso3);
            else if (k == "date") set(date);
            else if (k == "status") set(status);
            else if (k == "deportees") set(deportees);
            else if (k == "payment_usd") set(payment_usd);
            else if (k == "summary") set(summary);
            else if (k == "source_url") set(source_url);
            else if (k == "source_publisher") set(source_publisher);
            else if (k == "source_date") set(source_date);
            else if (k == "cumulative") set(cumulative);
        }
        std::vector<std::string> missing;
        if (date < 0) missing.push_back("date");
        if (status < 0) missing.push_back("status");
        if (country_name < 0 && iso3 < 0) missing.push_back("country_name or iso3");
        return missing;
    }
    std::string name(int column) const {
        return column >= 0 && static_cast<size_t>(column) < names.size() ? names[column] : "row";
    }
};

namespace {

std::string lower_ext(const std::string& path) {
    const size_t slash = path.find_last_of('/');
    const size_t dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
    return ascii_lower(path.substr(dot + 1));
}

std::string hex_byte(unsigned char c) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "0x%02X", c);
    return buf;
}

std::string utf8_problem(std::string_view value, size_t at) {
    return "invalid UTF-8 (byte " + hex_byte(static_cast<unsigned char>(value[at])) +
           " at character " + std::to_string(utf8_length(value.substr(0, at)) + 1) + ")";
}

// Shortens a value for quoting in a message.
std::string quote(std::string_view v) {
    std::string s(v.substr(0, 60));
    if (v.size() > 60) s += "...";
    return "'" + s + "'";
}

std::string row_key(const std::vector<std::string>& fields) {
    std::string key;
    for (const auto& f : fields) {
        key += trim(f);
        key += '\x1f';
    }
    return key;
}

}  // namespace

std::optional<int64_t> parse_count(std::string_view text, std::string& error) {
    text = trim(text);
    if (text.empty()) {
        error = "empty";
        return std::nullopt;
    }
    std::string_view whole = text;
    bool negative = false;
    if (whole.front() == '-') {
        negative = true;
        whole.remove_prefix(1);
    }
    // A spreadsheet may hand over "1200.0": accept a fraction of zeros only.
    if (const size_t dot = whole.find('.'); dot != std::string_view::npos) {
        const std::string_view frac = whole.substr(dot + 1);
        if (frac.empty() || frac.find_first_not_of('0') != std::string_view::npos) {
            error = quote(text) + " is not a whole number";
            return std::nullopt;
        }
        whole = whole.substr(0, dot);
    }
    int64_t v = 0;
    auto [ptr, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), v);
    if (whole.empty() || ec != std::errc() || ptr != whole.data() + whole.size() ||
        whole.front() == '+') {
        error = quote(text) + " is not a number (use a plain whole number such as 5000)";
        return std::nullopt;
    }
    if (negative && v != 0) {
        error = quote(text) + " is negative";
        return std::nullopt;
    }
    return v;
}

bool is_web_url(std::string_view text) {
    const std::string lower = ascii_lower(text.substr(0, 8));
    size_t start;
    if (lower.rfind("https://", 0) == 0) {
        start = 8;
    } else if (lower.rfind("http://", 0) == 0) {
        start = 7;
    } else {
        return false;
    }
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\') return false;
    }
    const std::string_view rest = text.substr(start);
    const size_t end = rest.find_first_of("/?#");
    std::string_view host = rest.substr(0, end);
    if (const size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
    if (const size_t colon = host.find(':'); colon != std::string_view::npos) {
        const std::string_view port = host.substr(colon + 1);
        if (port.empty() || port.find_first_not_of("0123456789") != std::string_view::npos) {
            return false;
        }
        host = host.substr(0, colon);
    }
    if (host.empty() || host.front() == '.' || host.back() == '.' || host.front() == '-') {
        return false;
    }
    for (char c : host) {
        const auto u = static_cast<unsigned char>(c);
        if (!(u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (c >= '0' && c <= '9') || c == '.' || c == '-')) {
            return false;
        }
    }
    return host.find('.') != std::string_view::npos || ascii_lower(host) == "localhost";
}

void EventReader::add_row(const std::string& path, int line, const Columns& cols,
                          const std::vector<std::string>& values, const std::string& raw_key,
                          ReadResult& out) {
    ++out.rows;
    const size_t first_problem = out.problems.size();
    auto problem = [&](int column, std::string message) {
        out.problems.push_back({path, line, cols.name(column), std::move(message)});
    };
    auto get = [&](int column) -> std::string_view {
        if (column < 0 || static_cast<size_t>(column) >= values.size()) return {};
        return trim(values[static_cast<size_t>(column)]);
    };

    Event e;
    e.file = path;
    e.line = line;

    // Country: by code, by name, or both (then they must agree). None: a global event.
    const std::string_view name = get(cols.country_name);
    const std::string_view code = get(cols.iso3);
    int by_code = -1, by_name = -1;
    bool country_ok = true;
    if (!code.empty()) {
        const Resolution r = countries_.resolve_code(code);
        if (r.found()) {
            by_code = r.country;
        } else {
            country_ok = false;
            std::string msg = "unknown country code " + quote(code);
            if (!r.candidates.empty()) msg += " (did you mean " + r.candidates.front() + "?)";
            problem(cols.iso3, msg);
        }
    }
    if (!name.empty()) {
        const Resolution r = countries_.resolve(name);
        if (r.found()) {
            by_name = r.country;
        } else {
            country_ok = false;
            problem(cols.country_name, r.message(name));
        }
    }
    if (by_code >= 0 && by_name >= 0 && by_code != by_name) {
        const Country& a = countries_.country(by_code);
        const Country& b = countries_.country(by_name);
        problem(cols.iso3, quote(code) + " is " + a.name + " (" + a.iso3 + ") but " +
                               cols.name(cols.country_name) + " " + quote(name) + " is " +
                               b.name + " (" + b.iso3 + ")");
        country_ok = false;
    }
    if (country_ok) e.country = by_code >= 0 ? by_code : by_name;
    if (e.country >= 0) e.iso3 = countries_.country(e.country).iso3;
    e.country_name = std::string(name);

    // Date.
    const std::string_view date = get(cols.date);
    std::string why;
    if (date.empty()) {
        problem(cols.date, "missing date");
    } else if (auto d = parse_date(date, &why)) {
        e.date = *d;
    } else {
        problem(cols.date, quote(date) + " is not a valid date: " + why);
    }

    // Status.
    const std::string_view status = get(cols.status);
    if (status.empty()) {
        problem(cols.status, "missing status (one of: " + statuses_.key_list() + ")");
    } else {
        e.status = statuses_.find(status);
        if (e.status == kNoStatus) {
            problem(cols.status, "unknown status " + quote(status) + " (known: " +
                                     statuses_.key_list() + ")");
        }
    }

    // Numbers.
    auto number = [&](int column, std::optional<int64_t>& slot) {
        const std::string_view v = get(column);
        if (v.empty()) return;
        std::string err;
        slot = parse_count(v, err);
        if (!slot) problem(column, err);
    };
    number(cols.deportees, e.deportees);
    number(cols.payment_usd, e.payment_usd);

    if (cols.cumulative >= 0) {
        const std::string v = ascii_lower(get(cols.cumulative));
        if (v == "yes" || v == "y" || v == "true" || v == "1" || v == "x") {
            e.cumulative = true;
        } else if (!(v.empty() || v == "no" || v == "n" || v == "false" || v == "0")) {
            problem(cols.cumulative, quote(v) + " is not yes or no");
        }
    }

    e.summary = std::string(get(cols.summary));
    e.source_url = std::string(get(cols.source_url));
    e.source_publisher = std::string(get(cols.source_publisher));
    e.source_date = std::string(get(cols.source_date));
    if (!e.source_url.empty() && !is_web_url(e.source_url)) {
        problem(cols.source_url, quote(e.source_url) +
                                     " is not a web address (expected http:// or https:// "
                                     "and a host name, no spaces)");
    }
    if (!e.source_date.empty() && !parse_date(e.source_date, &why)) {
        problem(cols.source_date, quote(e.source_date) + " is not a valid date: " + why);
    }
    if (name.empty() && code.empty() && e.summary.empty()) {
        problem(cols.summary, "a global event (no country) needs a summary");
    }

    // Exact duplicates, across every file this reader has seen.
    auto [it, inserted] = seen_rows_.emplace(raw_key, path + ":" + std::to_string(line));
    if (!inserted) {
        const std::string& first = it->second;
        const std::string same_file = path + ":";
        problem(-1, "exact duplicate of " + (first.rfind(same_file, 0) == 0
                                                 ? "line " + first.substr(same_file.size())
                                                 : first));
    }

    if (out.problems.size() != first_problem) {
        ++out.bad_rows;
        return;
    }
    e.order = next_order_++;
    out.events.push_back(std::move(e));
}

bool EventReader::read_with_ogr(const std::string& path, const std::vector<const char*>& options,
                                std::vector<std::string>& header,
                                std::vector<std::vector<std::string>>& values,
                                std::string& error) {
    ensure_gdal();
    QuietGdal quiet;
    std::vector<const char*> oo = options;
    oo.push_back(nullptr);
    GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                 options.empty() ? nullptr : oo.data(), nullptr);
    if (!ds) {
        error = quiet.last_error().empty() ? "not a table GDAL can read" : quiet.last_error();
        return false;
    }
    OGRLayerH layer = GDALDatasetGetLayerCount(ds) > 0 ? GDALDatasetGetLayer(ds, 0) : nullptr;
    if (!layer) {
        error = "no table in the file";
        GDALClose(ds);
        return false;
    }
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int n = OGR_FD_GetFieldCount(defn);
    std::vector<OGRFieldType> types(static_cast<size_t>(n));
    header.clear();
    for (int i = 0; i < n; ++i) {
        OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
        header.emplace_back(OGR_Fld_GetNameRef(fd));
        types[static_cast<size_t>(i)] = OGR_Fld_GetType(fd);
    }
    const char* ignored[] = {"OGR_GEOMETRY", nullptr};
    OGR_L_SetIgnoredFields(layer, ignored);
    OGR_L_ResetReading(layer);
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        std::vector<std::string> row(static_cast<size_t>(n));
        for (int i = 0; i < n; ++i) {
            if (!OGR_F_IsFieldSetAndNotNull(f, i)) continue;
            const OGRFieldType t = types[static_cast<size_t>(i)];
            if (t == OFTDate || t == OFTDateTime) {
                // A typed date cell: back to the ISO form events files use.
                int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
                float ss = 0;
                OGR_F_GetFieldAsDateTimeEx(f, i, &y, &m, &d, &hh, &mm, &ss, &tz);
                row[static_cast<size_t>(i)] = Date{y, m, d}.iso();
            } else {
                row[static_cast<size_t>(i)] = OGR_F_GetFieldAsString(f, i);
            }
        }
        values.push_back(std::move(row));
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    return true;
}

void EventReader::read_csv(const std::string& path, ReadResult& out) {
    std::string text, error;
    auto unreadable = [&](int line, const std::string& field, const std::string& message) {
        out.problems.push_back({path, line, field, message});
        out.unreadable.push_back(path);
    };
    if (!read_text_file(path, text, error)) return unreadable(0, "", error);
    const CsvText csv = parse_csv(text);
    if (csv.records.empty()) return unreadable(0, "", "empty file: no header line");
    const CsvRecord& head = csv.records.front();
    Columns cols;
    for (const auto& h : head.fields) {
        if (const size_t bad = find_invalid_utf8(h); bad != std::string_view::npos) {
            return unreadable(head.line, "header", utf8_problem(h, bad));
        }
    }
    const auto missing = cols.assign(head.fields);
    if (!missing.empty()) {
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "'" : ", '") + m + "'";
        return unreadable(head.line, "header", "missing column " + list);
    }

    // GDAL reads the values; the scan above gives lines, field counts and raw bytes.
    // Every field is a string, no column is geometry, and empty fields stay empty.
    const bool csv_ext = lower_ext(path) == "csv";
    const std::string ogr_path = csv_ext ? path : "CSV:" + path;
    std::vector<std::string> ogr_header;
    std::vector<std::vector<std::string>> ogr_values;
    const std::vector<const char*> options = {
        "AUTODETECT_TYPE=NO", "KEEP_GEOM_COLUMNS=YES", "HEADERS=YES",
        "EMPTY_STRING_AS_NULL=NO", "GEOM_POSSIBLE_NAMES=", "X_POSSIBLE_NAMES=",
        "Y_POSSIBLE_NAMES=", "Z_POSSIBLE_NAMES=", "MAX_LINE_SIZE=-1"};
    const bool ogr_ok = read_with_ogr(ogr_path, options, ogr_header, ogr_values, error);
    if (!ogr_ok) {
        // The scan read it, so the file is usable; GDAL's reason goes with the rows.
        ogr_values.clear();
    }
    // OGR and the scan skip the same empty lines, so feature k is record k + 1. If the
    // counts differ anyway (say, an unterminated quote), the scan's own values are used.
    const bool aligned = ogr_ok && ogr_values.size() + 1 == csv.records.size() &&
                         ogr_header.size() == head.fields.size();

    for (size_t r = 1; r < csv.records.size(); ++r) {
        const CsvRecord& rec = csv.records[r];
        if (rec.fields.size() != head.fields.size()) {
            ++out.rows;
            ++out.bad_rows;
            out.problems.push_back({path, rec.line, "row",
                                    "has " + std::to_string(rec.fields.size()) +
                                        " fields, the header has " +
                                        std::to_string(head.fields.size())});
            continue;
        }
        bool utf8_ok = true;
        for (size_t k = 0; k < rec.fields.size(); ++k) {
            const std::string& v = rec.fields[k];
            if (const size_t bad = find_invalid_utf8(v); bad != std::string_view::npos) {
                out.problems.push_back({path, rec.line, cols.name(static_cast<int>(k)),
                                        utf8_problem(v, bad)});
                utf8_ok = false;
            }
        }
        if (!utf8_ok) {
            ++out.rows;
            ++out.bad_rows;
            continue;
        }
        add_row(path, rec.line, cols, aligned ? ogr_values[r - 1] : rec.fields,
                row_key(rec.fields), out);
    }
    if (!csv.error.empty()) {
        ++out.rows;
        ++out.bad_rows;
        out.problems.push_back({path, csv.error_line, "row", csv.error});
    }
}

void EventReader::read_gdal(const std::string& path, ReadResult& out) {
    const std::string ext = lower_ext(path);
    std::vector<const char*> options;
    if (ext == "xlsx" || ext == "ods") {
        options = {"FIELD_TYPES=STRING", "HEADERS=FORCE"};
    } else if (ext == "geojson" || ext == "json") {
        options = {"DATE_AS_STRING=YES"};
    }
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> values;
    std::string error;
    if (!read_with_ogr(path, options, header, values, error)) {
        out.problems.push_back({path, 0, "", "cannot read: " + error});
        out.unreadable.push_back(path);
        return;
    }
    Columns cols;
    const auto missing = cols.assign(header);
    if (!missing.empty()) {
        std::string list;
        for (const auto& m : missing) list += (list.empty() ? "'" : ", '") + m + "'";
        out.problems.push_back({path, 1, "header", "missing column " + list});
        out.unreadable.push_back(path);
        return;
    }
    for (size_t r = 0; r < values.size(); ++r) {
        const int line = static_cast<int>(r) + 2;
        bool utf8_ok = true;
        for (size_t k = 0; k < values[r].size(); ++k) {
            const std::string& v = values[r][k];
            if (const size_t bad = find_invalid_utf8(v); bad != std::string_view::npos) {
                out.problems.push_back({path, line, cols.name(static_cast<int>(k)),
                                        utf8_problem(v, bad)});
                utf8_ok = false;
            }
        }
        if (!utf8_ok) {
            ++out.rows;
            ++out.bad_rows;
            continue;
        }
        add_row(path, line, cols, values[r], row_key(values[r]), out);
    }
}

void EventReader::read(const std::string& path, ReadResult& out) {
    const std::string ext = lower_ext(path);
    if (ext == "csv" || ext == "txt") {
        read_csv(path, out);
    } else {
        read_gdal(path, out);
    }
}

ReadResult read_events(const std::vector<std::string>& paths, const CountryResolver& countries,
                       const StatusTable& statuses) {
    ReadResult out;
    EventReader reader(countries, statuses);
    for (const auto& p : paths) reader.read(p, out);
    return out;
}

}  // namespace deportmap::data
