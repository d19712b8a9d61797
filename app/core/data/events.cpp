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
        payment_usd = -1, summary = -1, cumulative = -1, id = -1;
    // A source: an events table's source_* columns, or a sources table's own names.
    int source_url = -1, source_publisher = -1, source_outlet = -1, source_date = -1,
        source_tier = -1, source_note = -1;
    int event_id = -1;  // present: this is a sources table
    // A known column named again (or by a synonym): the first one is read.
    struct Duplicate {
        int column = -1;  // the one ignored
        int first = -1;   // the one read
    };
    std::vector<Duplicate> duplicates;

    bool sources_table() const { return event_id >= 0; }

    // Maps header names (case, spaces and a few synonyms don't matter) to columns;
    // returns the missing required columns.
    std::vector<std::string> assign(const std::vector<std::string>& header) {
        names.clear();
        duplicates.clear();
        for (const auto& h : header) names.emplace_back(trim(h));
        for (size_t i = 0; i < names.size(); ++i) {
            if (int* slot = slot_for(column_key(names[i]))) {
                if (*slot < 0) {
                    *slot = static_cast<int>(i);
                } else {
                    duplicates.push_back({static_cast<int>(i), *slot});
                }
            }
        }
        std::vector<std::string> missing;
        if (sources_table()) {
            if (source_url < 0) missing.push_back("url");
            if (source_tier < 0) missing.push_back("tier");
            return missing;
        }
        if (date < 0) missing.push_back("date");
        if (status < 0) missing.push_back("status");
        if (country_name < 0 && iso3 < 0) missing.push_back("country_name or iso3");
        return missing;
    }
    static std::string column_key(std::string s) {
        s = ascii_lower(trim(s));
        std::replace(s.begin(), s.end(), ' ', '_');
        return s;
    }
    int* slot_for(const std::string& k) {
        if (k == "country_name" || k == "country" || k == "name") return &country_name;
        if (k == "iso3" || k == "iso" || k == "iso_code" || k == "country_code" || k == "code") return &iso3;
        if (k == "date") return &date;
        if (k == "status") return &status;
        if (k == "deportees") return &deportees;
        if (k == "payment_usd") return &payment_usd;
        if (k == "summary") return &summary;
        if (k == "cumulative") return &cumulative;
        if (k == "id") return &id;
        if (k == "event_id") return &event_id;
        if (k == "source_url" || k == "url") return &source_url;
        if (k == "source_publisher" || k == "publisher") return &source_publisher;
        if (k == "source_outlet" || k == "outlet") return &source_outlet;
        if (k == "source_date" || k == "published") return &source_date;
        if (k == "source_tier" || k == "tier") return &source_tier;
        if (k == "source_note" || k == "note") return &source_note;
        return nullptr;
    }
    std::string name(int column) const {
        return column >= 0 && static_cast<size_t>(column) < names.size() ? names[column] : "row";
    }
    // "duplicate column (also column 2); this one, column 5, is ignored", naming the
    // first one too when it is spelt differently (a synonym).
    std::string duplicate_message(const Duplicate& d) const {
        std::string also = "also column " + std::to_string(d.first + 1);
        if (name(d.first) != name(d.column)) also += ", '" + name(d.first) + "'";
        return "duplicate column (" + also + "); this one, column " +
               std::to_string(d.column + 1) + ", is ignored";
    }
    void report_duplicates(const std::string& path, int line, std::vector<Problem>& out) const {
        for (const Duplicate& d : duplicates) {
            out.push_back({path, line, name(d.column), duplicate_message(d)});
        }
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

// Two independent 64-bit hashes of a row's trimmed fields (FNV-1a and a multiply-xorshift
// mix), so exact duplicates are found without keeping every row's text.
template <typename Hash>
Hash row_hash(const std::vector<std::string>& fields) {
    uint64_t a = 14695981039346656037ull, b = 0x9E3779B97F4A7C15ull;
    for (const auto& f : fields) {
        for (char ch : trim(f)) {
            const auto c = static_cast<unsigned char>(ch);
            a = (a ^ c) * 1099511628211ull;
            b = (b + c + 1) * 0xBF58476D1CE4E5B9ull;
            b ^= b >> 31;
        }
        a = (a ^ 0x1F) * 1099511628211ull;  // field separator
        b = (b + 0x100) * 0x94D049BB133111EBull;
        b ^= b >> 29;
    }
    return Hash{a, b};
}

// A GDAL table opened for reading, one feature at a time; GDAL's messages are kept quiet.
class OgrTable {
public:
    OgrTable() = default;
    OgrTable(const OgrTable&) = delete;
    OgrTable& operator=(const OgrTable&) = delete;
    ~OgrTable() {
        if (ds_) GDALClose(ds_);
    }

    bool open(const std::string& path, const std::vector<const char*>& options, std::string& error) {
        ensure_gdal();
        std::vector<const char*> oo = options;
        oo.push_back(nullptr);
        ds_ = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                         options.empty() ? nullptr : oo.data(), nullptr);
        if (!ds_) {
            error = quiet_.last_error().empty() ? "not a table GDAL can read" : quiet_.last_error();
            return false;
        }
        layer_ = GDALDatasetGetLayerCount(ds_) > 0 ? GDALDatasetGetLayer(ds_, 0) : nullptr;
        if (!layer_) {
            error = "no table in the file";
            return false;
        }
        OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer_);
        const int n = OGR_FD_GetFieldCount(defn);
        for (int i = 0; i < n; ++i) {
            OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
            header_.emplace_back(OGR_Fld_GetNameRef(fd));
            types_.push_back(OGR_Fld_GetType(fd));
        }
        const char* ignored[] = {"OGR_GEOMETRY", nullptr};
        OGR_L_SetIgnoredFields(layer_, ignored);
        OGR_L_ResetReading(layer_);
        return true;
    }
    const std::vector<std::string>& header() const { return header_; }

    // The next feature's fields as text, in header order; false at the end.
    bool next(std::vector<std::string>& row) {
        if (!layer_) return false;
        OGRFeatureH f = OGR_L_GetNextFeature(layer_);
        if (!f) return false;
        row.resize(header_.size());
        for (size_t i = 0; i < header_.size(); ++i) {
            const int k = static_cast<int>(i);
            if (!OGR_F_IsFieldSetAndNotNull(f, k)) {
                row[i].clear();
            } else if (types_[i] == OFTDate || types_[i] == OFTDateTime) {
                // A typed date cell: back to the ISO form events files use.
                int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
                float ss = 0;
                OGR_F_GetFieldAsDateTimeEx(f, k, &y, &m, &d, &hh, &mm, &ss, &tz);
                row[i] = Date{y, m, d}.iso();
            } else {
                row[i] = OGR_F_GetFieldAsString(f, k);
            }
        }
        OGR_F_Destroy(f);
        return true;
    }

private:
    QuietGdal quiet_;
    GDALDatasetH ds_ = nullptr;
    OGRLayerH layer_ = nullptr;
    std::vector<std::string> header_;
    std::vector<OGRFieldType> types_;
};

}  // namespace

namespace {
// "10,000,000".
std::string with_commas(int64_t v) {
    const std::string digits = std::to_string(v);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0 && digits[i - 1] != '-') out.push_back(',');
        out.push_back(digits[i]);
    }
    return out;
}
}  // namespace

const char* source_tier_key(SourceTier tier) {
    switch (tier) {
        case SourceTier::Primary: return "primary";
        case SourceTier::Original: return "original";
        case SourceTier::Wire: return "wire";
        case SourceTier::Secondary: return "secondary";
        case SourceTier::Weak: return "weak";
    }
    return "secondary";
}

std::optional<SourceTier> parse_source_tier(std::string_view text) {
    const std::string k = ascii_lower(trim(text));
    for (int i = 0; i < kSourceTierCount; ++i) {
        const auto t = static_cast<SourceTier>(i);
        if (k == source_tier_key(t)) return t;
    }
    return std::nullopt;
}

bool Event::weak_only() const {
    return !sources.empty() &&
           std::all_of(sources.begin(), sources.end(), [](const Source& s) { return s.weak(); });
}

Day effective_day(const Event& e) {
    const Day first = e.date.first_day();
    if (!e.date.approximate()) return first;
    const Day last = e.date.last_day();
    Day known = last;
    for (const Source& s : e.sources) {
        if (auto d = parse_date(s.published)) known = std::min(known, d->last_day());
    }
    return std::max(first, known);
}

size_t ReadResult::errors() const {
    return static_cast<size_t>(std::count_if(problems.begin(), problems.end(),
                                             [](const Problem& p) { return !p.warning; }));
}

std::optional<int64_t> parse_count(std::string_view text, std::string& error, int64_t max) {
    text = trim(text);
    if (text.empty()) {
        error = "empty";
        return std::nullopt;
    }
    std::string_view whole = text;
    const bool negative = whole.front() == '-';
    if (negative) whole.remove_prefix(1);
    // A spreadsheet may hand over "1200.0": accept a fraction of zeros only.
    if (const size_t dot = whole.find('.'); dot != std::string_view::npos) {
        const std::string_view frac = whole.substr(dot + 1);
        if (frac.empty() || frac.find_first_not_of('0') != std::string_view::npos) {
            error = quote(text) + " is not a whole number";
            return std::nullopt;
        }
        whole = whole.substr(0, dot);
    }
    if (whole.empty() || whole.find_first_not_of("0123456789") != std::string_view::npos) {
        error = quote(text) + " is not a number (use a plain whole number such as 5000)";
        return std::nullopt;
    }
    if (negative && whole.find_first_not_of('0') != std::string_view::npos) {
        error = quote(text) + " is negative";
        return std::nullopt;
    }
    int64_t v = 0;
    const auto [ptr, ec] = std::from_chars(whole.data(), whole.data() + whole.size(), v);
    if (ec != std::errc() || ptr != whole.data() + whole.size() || v > max) {
        // Only digits are left, so the one way to fail is a number too large for int64_t.
        error = quote(text) + " is larger than " + with_commas(max) + ", the most this column accepts";
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

struct EventReader::Row {
    const std::string& path;
    int line;
    const Columns& cols;
    const std::vector<std::string>& values;
    ReadResult& out;

    void problem(int column, std::string message) {
        out.problems.push_back({path, line, cols.name(column), std::move(message)});
    }
    std::string_view get(int column) const {
        if (column < 0 || static_cast<size_t>(column) >= values.size()) return {};
        return trim(values[static_cast<size_t>(column)]);
    }
};

void EventReader::add_row(const std::string& path, int line, const Columns& cols,
                          const std::vector<std::string>& values, const RowHash& hash,
                          ReadResult& out) {
    if (cols.sources_table()) return add_source_row(path, line, cols, values, out);
    ++out.rows;
    const size_t first_problem = out.problems.size();
    Row row{path, line, cols, values, out};
    Event e;
    e.file = path;
    e.line = line;
    check_country(row, e);
    check_date_and_status(row, e);
    check_numbers(row, e);
    check_source(row, e);
    check_duplicate(row, hash);
    if (out.problems.size() == first_problem) check_id(row, e);
    if (out.problems.size() != first_problem) {
        ++out.bad_rows;
        return;
    }
    e.order = next_order_++;
    out.events.push_back(std::move(e));
}

// Country: by code, by name, or both (then they must agree). None: a global event.
void EventReader::check_country(Row& row, Event& e) {
    const Columns& cols = row.cols;
    const std::string_view name = row.get(cols.country_name);
    const std::string_view code = row.get(cols.iso3);
    int by_code = -1, by_name = -1;
    bool country_ok = true;
    if (!code.empty()) {
        const Resolution& r = resolve_code(code);
        if (r.found()) {
            by_code = r.country;
        } else {
            country_ok = false;
            std::string msg = "unknown country code " + quote(code);
            if (!r.candidates.empty()) msg += " (did you mean " + r.candidates.front() + "?)";
            row.problem(cols.iso3, msg);
        }
    }
    if (!name.empty()) {
        const Resolution& r = resolve_name(name);
        if (r.found()) {
            by_name = r.country;
        } else {
            country_ok = false;
            row.problem(cols.country_name, r.message(name));
        }
    }
    if (by_code >= 0 && by_name >= 0 && by_code != by_name) {
        const Country& a = countries_.country(by_code);
        const Country& b = countries_.country(by_name);
        row.problem(cols.iso3, quote(code) + " is " + a.name + " (" + a.iso3 + ") but " +
                                   cols.name(cols.country_name) + " " + quote(name) + " is " +
                                   b.name + " (" + b.iso3 + ")");
        country_ok = false;
    }
    if (country_ok) e.country = by_code >= 0 ? by_code : by_name;
    if (e.country >= 0) e.iso3 = countries_.country(e.country).iso3;
    e.country_name = std::string(name);
}

void EventReader::check_date_and_status(Row& row, Event& e) const {
    const Columns& cols = row.cols;
    const std::string_view date = row.get(cols.date);
    std::string why;
    if (date.empty()) {
        row.problem(cols.date, "missing date");
    } else if (auto d = parse_date(date, &why)) {
        e.date = *d;
    } else {
        row.problem(cols.date, quote(date) + " is not a valid date: " + why);
    }

    const std::string_view status = row.get(cols.status);
    if (status.empty()) {
        row.problem(cols.status, "missing status (one of: " + statuses_.key_list() + ")");
    } else {
        e.status = statuses_.find(status);
        if (e.status == kNoStatus) {
            row.problem(cols.status, "unknown status " + quote(status) + " (known: " +
                                         statuses_.key_list() + ")");
        }
    }
}

// deportees and payment_usd, each within its bound; the cumulative mark.
void EventReader::check_numbers(Row& row, Event& e) {
    const Columns& cols = row.cols;
    auto number = [&](int column, int64_t max, std::optional<int64_t>& slot) {
        const std::string_view v = row.get(column);
        if (v.empty()) return;
        std::string err;
        slot = parse_count(v, err, max);
        if (!slot) row.problem(column, err);
    };
    number(cols.deportees, kMaxDeportees, e.deportees);
    number(cols.payment_usd, kMaxPaymentUsd, e.payment_usd);

    if (cols.cumulative >= 0) {
        const std::string v = ascii_lower(row.get(cols.cumulative));
        if (v == "yes" || v == "y" || v == "true" || v == "1" || v == "x") {
            e.cumulative = true;
        } else if (!(v.empty() || v == "no" || v == "n" || v == "false" || v == "0")) {
            row.problem(cols.cumulative, quote(v) + " is not yes or no");
        }
    }
}

namespace {
constexpr size_t kMaxIdBytes = 200;

// One source's fields, from whichever columns hold them; problems go through `row`.
template <typename RowT, typename ColumnsT>
Source read_source_fields(RowT& row, const ColumnsT& cols, bool tier_required) {
    Source s;
    s.url = std::string(row.get(cols.source_url));
    s.publisher = std::string(row.get(cols.source_publisher));
    s.outlet = std::string(row.get(cols.source_outlet));
    s.published = std::string(row.get(cols.source_date));
    s.note = std::string(row.get(cols.source_note));
    s.file = row.path;
    s.line = row.line;
    if (!s.url.empty() && !is_web_url(s.url)) {
        row.problem(cols.source_url, quote(s.url) +
                                         " is not a web address (expected http:// or https:// "
                                         "and a host name, no spaces)");
    }
    std::string why;
    if (!s.published.empty() && !parse_date(s.published, &why)) {
        row.problem(cols.source_date, quote(s.published) + " is not a valid date: " + why);
    }
    const std::string_view tier = row.get(cols.source_tier);
    if (tier.empty()) {
        if (tier_required) row.problem(cols.source_tier, "missing tier (one of: primary, original, wire, secondary, weak)");
    } else if (auto t = parse_source_tier(tier)) {
        s.tier = *t;
    } else {
        row.problem(cols.source_tier, "unknown tier " + quote(tier) +
                                          " (known: primary, original, wire, secondary, weak)");
    }
    return s;
}
}  // namespace

// Summary and the row's own source (url, publisher, outlet, date, tier), if it gives one.
void EventReader::check_source(Row& row, Event& e) {
    const Columns& cols = row.cols;
    e.summary = std::string(row.get(cols.summary));
    Source s = read_source_fields(row, cols, false);
    if (!s.url.empty() || !s.publisher.empty() || !s.outlet.empty()) e.sources.push_back(std::move(s));
    if (row.get(cols.country_name).empty() && row.get(cols.iso3).empty() && e.summary.empty()) {
        row.problem(cols.summary, "a global event (no country) needs a summary");
    }
}

// The optional id: unique across every file read, so a sources table can point at it.
void EventReader::check_id(Row& row, Event& e) {
    const std::string_view id = row.get(row.cols.id);
    if (id.empty()) return;
    if (id.size() > kMaxIdBytes) {
        return row.problem(row.cols.id, "id is longer than " + std::to_string(kMaxIdBytes) + " bytes");
    }
    const Where here{static_cast<uint32_t>(files_.size() - 1), row.line};
    if (auto [it, inserted] = ids_.emplace(std::string(id), here); !inserted) {
        const Where& first = it->second;
        return row.problem(row.cols.id,
                           "id " + quote(id) + " is already used on " +
                               (first.file == here.file ? "line " + std::to_string(first.line)
                                                        : files_[first.file] + ":" +
                                                              std::to_string(first.line)));
    }
    e.id = std::string(id);
}

void EventReader::add_source_row(const std::string& path, int line, const Columns& cols,
                                 const std::vector<std::string>& values, ReadResult& out) {
    ++out.rows;
    ++out.source_rows;
    const size_t first_problem = out.problems.size();
    Row row{path, line, cols, values, out};
    PendingSource p;
    p.event_id = std::string(row.get(cols.event_id));
    if (p.event_id.empty()) row.problem(cols.event_id, "missing event_id (the id of the event this source supports)");
    p.source = read_source_fields(row, cols, true);
    if (p.source.url.empty()) row.problem(cols.source_url, "missing url");
    if (out.problems.size() != first_problem) {
        ++out.bad_rows;
        return;
    }
    pending_.push_back(std::move(p));
}

void EventReader::link_sources(ReadResult& out) {
    const size_t first_problem = out.problems.size();
    std::unordered_map<std::string, size_t> by_id;
    for (size_t i = 0; i < out.events.size(); ++i) {
        if (!out.events[i].id.empty()) by_id.emplace(out.events[i].id, i);
    }
    for (PendingSource& p : pending_) {
        const auto it = by_id.find(p.event_id);
        if (it == by_id.end()) {
            out.problems.push_back({p.source.file, p.source.line, "event_id",
                                    "no event has the id " + quote(p.event_id) +
                                        " (this source is left out)"});
            ++out.bad_rows;
            continue;
        }
        ++out.good_source_rows;
        Event& e = out.events[it->second];
        const bool repeated = std::any_of(e.sources.begin(), e.sources.end(), [&](const Source& s) {
            return s.url == p.source.url;
        });
        if (repeated) {
            out.problems.push_back({p.source.file, p.source.line, "url",
                                    "the event " + quote(p.event_id) + " already cites " +
                                        quote(p.source.url), true});
            continue;
        }
        e.sources.push_back(std::move(p.source));
    }
    pending_.clear();
    for (const Event& e : out.events) {
        if (e.sources.empty()) {
            out.problems.push_back({e.file, e.line, "source_url",
                                    "no source: give the row a source_url or list its sources "
                                    "in a sources table by the event's id"});
        } else if (e.weak_only()) {
            out.problems.push_back({e.file, e.line, "source_tier",
                                    "every source of this event is weak (single weak source)", true});
        }
    }
    // Keep the problems in file and line order.
    std::unordered_map<std::string, size_t> file_rank;
    for (size_t i = 0; i < files_.size(); ++i) file_rank.emplace(files_[i], i);
    auto rank = [&](const Problem& p) {
        const auto it = file_rank.find(p.file);
        return it == file_rank.end() ? files_.size() : it->second;
    };
    if (out.problems.size() != first_problem) {
        std::stable_sort(out.problems.begin(), out.problems.end(), [&](const Problem& a, const Problem& b) {
            const size_t ra = rank(a), rb = rank(b);
            return ra != rb ? ra < rb : a.line < b.line;
        });
    }
}

// Exact duplicates, across every file this reader has seen.
void EventReader::check_duplicate(Row& row, const RowHash& hash) {
    const Where here{static_cast<uint32_t>(files_.size() - 1), row.line};
    if (auto [it, inserted] = seen_rows_.emplace(hash, here); !inserted) {
        const Where& first = it->second;
        row.problem(-1, "exact duplicate of " +
                            (first.file == here.file ? "line " + std::to_string(first.line)
                                                     : files_[first.file] + ":" +
                                                           std::to_string(first.line)));
    }
}

const Resolution& EventReader::resolve_name(std::string_view text) {
    auto it = names_.find(std::string(text));
    if (it == names_.end()) it = names_.emplace(std::string(text), countries_.resolve(text)).first;
    return it->second;
}

const Resolution& EventReader::resolve_code(std::string_view text) {
    auto it = codes_.find(std::string(text));
    if (it == codes_.end()) {
        it = codes_.emplace(std::string(text), countries_.resolve_code(text)).first;
    }
    return it->second;
}

namespace {
std::string missing_list(const std::vector<std::string>& missing) {
    std::string list;
    for (const auto& m : missing) list += (list.empty() ? "'" : ", '") + m + "'";
    return "missing column " + list;
}
}  // namespace

void EventReader::read_csv(const std::string& path, ReadResult& out) {
    std::string text, error;
    auto unreadable = [&](int line, const std::string& field, const std::string& message) {
        out.problems.push_back({path, line, field, message});
        out.unreadable.push_back(path);
    };
    if (!read_text_file(path, text, error)) return unreadable(0, "", error);
    // Room for every line as a row, so large files don't regrow these as they load.
    const size_t lines = static_cast<size_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    out.events.reserve(out.events.size() + lines);
    seen_rows_.reserve(seen_rows_.size() + lines);
    CsvReader scan(text);
    CsvRecord head;
    if (!scan.next(head)) {
        return unreadable(0, "", scan.error().empty() ? "empty file: no header line" : scan.error());
    }
    for (const auto& h : head.fields) {
        if (const size_t bad = find_invalid_utf8(h); bad != std::string_view::npos) {
            return unreadable(head.line, "header", utf8_problem(h, bad));
        }
    }
    Columns cols;
    if (const auto missing = cols.assign(head.fields); !missing.empty()) {
        return unreadable(head.line, "header", missing_list(missing));
    }
    cols.report_duplicates(path, head.line, out.problems);

    // GDAL reads the values: every field a string, no column taken as geometry, empty
    // fields kept empty. The scan runs alongside for what OGR does not expose: physical
    // line numbers, each record's real field count and its raw bytes. OGR and the scan
    // skip the same empty lines, so feature k is record k; a row where they disagree
    // (after an unterminated quote, say) uses the scan's values.
    OgrTable ogr;
    const bool csv_ext = lower_ext(path) == "csv";
    const bool ogr_ok = ogr.open(csv_ext ? path : "CSV:" + path,
                                 {"AUTODETECT_TYPE=NO", "KEEP_GEOM_COLUMNS=YES", "HEADERS=YES",
                                  "EMPTY_STRING_AS_NULL=NO", "GEOM_POSSIBLE_NAMES=",
                                  "X_POSSIBLE_NAMES=", "Y_POSSIBLE_NAMES=", "Z_POSSIBLE_NAMES=",
                                  "MAX_LINE_SIZE=-1"},
                                 error) &&
                        ogr.header().size() == head.fields.size();
    bool ogr_more = ogr_ok;
    CsvRecord rec;
    std::vector<std::string> values;
    while (scan.next(rec)) {
        const bool have_ogr = ogr_more && ogr.next(values);
        ogr_more = have_ogr;
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
        const bool agree = have_ogr && values.size() == rec.fields.size() &&
                           std::equal(values.begin(), values.end(), rec.fields.begin(),
                                      [](const std::string& a, const std::string& b) {
                                          return trim(a) == trim(b);
                                      });
        add_row(path, rec.line, cols, agree ? values : rec.fields, row_hash<RowHash>(rec.fields), out);
    }
    if (!scan.error().empty()) {
        ++out.rows;
        ++out.bad_rows;
        out.problems.push_back({path, scan.error_line(), "row", scan.error()});
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
    OgrTable table;
    std::string error;
    if (!table.open(path, options, error)) {
        out.problems.push_back({path, 0, "", "cannot read: " + error});
        out.unreadable.push_back(path);
        return;
    }
    Columns cols;
    if (const auto missing = cols.assign(table.header()); !missing.empty()) {
        out.problems.push_back({path, 1, "header", missing_list(missing)});
        out.unreadable.push_back(path);
        return;
    }
    cols.report_duplicates(path, 1, out.problems);
    std::vector<std::string> values;
    for (int line = 2; table.next(values); ++line) {
        bool utf8_ok = true;
        for (size_t k = 0; k < values.size(); ++k) {
            const std::string& v = values[k];
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
        add_row(path, line, cols, values, row_hash<RowHash>(values), out);
    }
}

void EventReader::read(const std::string& path, ReadResult& out) {
    files_.push_back(path);
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
    reader.link_sources(out);
    return out;
}

}  // namespace deportmap::data
