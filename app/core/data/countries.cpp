// Country resolver: ISO codes, iso-codes names, Natural Earth names and aliases.
#include "core/data/countries.hpp"

#include <gdal.h>
#include <ogr_api.h>

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <tuple>

#include "core/data/csv.hpp"
#include "core/data/gdal_util.hpp"
#include "core/data/text.hpp"
#include "core/util/paths.hpp"

namespace deportmap::data {

namespace {

std::string upper(std::string_view s) {
    std::string out(trim(s));
    for (char& c : out) {
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    return out;
}

bool all_letters(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    });
}

// Numeric code value of 1..3 digits, or -1.
int numeric_code(std::string_view s) {
    if (s.empty() || s.size() > 3) return -1;
    int v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && ptr == s.data() + s.size() ? v : -1;
}

bool file_exists(const std::string& path) {
    struct stat st;
    return ::stat(path.c_str(), &st) == 0;
}

// Reads a small CSV file with a header into records keyed by lower-case column name.
bool read_table(const std::string& path, const std::vector<std::string>& required,
                std::vector<std::unordered_map<std::string, std::string>>& rows,
                std::string& error) {
    std::string text;
    if (!read_text_file(path, text, error)) return false;
    CsvText csv = parse_csv(text);
    if (!csv.error.empty()) {
        error = csv.error;
        return false;
    }
    if (csv.records.empty()) {
        error = "empty file";
        return false;
    }
    std::vector<std::string> names;
    for (const auto& f : csv.records[0].fields) names.push_back(ascii_lower(trim(f)));
    for (const auto& r : required) {
        if (std::find(names.begin(), names.end(), r) == names.end()) {
            error = "missing column '" + r + "'";
            return false;
        }
    }
    for (size_t i = 1; i < csv.records.size(); ++i) {
        const auto& rec = csv.records[i];
        if (rec.fields.size() != names.size()) {
            error = "line " + std::to_string(rec.line) + ": wrong number of fields";
            return false;
        }
        std::unordered_map<std::string, std::string> row;
        for (size_t k = 0; k < names.size(); ++k) row[names[k]] = std::string(trim(rec.fields[k]));
        rows.push_back(std::move(row));
    }
    return true;
}

}  // namespace

std::string Resolution::message(std::string_view input) const {
    auto join = [](const std::vector<std::string>& v) {
        std::string out;
        for (const auto& s : v) out += (out.empty() ? "" : ", ") + s;
        return out;
    };
    // Shortened as the events reader quotes values: a 10 MB name is not a 10 MB message.
    constexpr size_t kQuoted = 60;
    size_t keep = std::min(input.size(), kQuoted);
    while (keep < input.size() && keep > 0 && (static_cast<unsigned char>(input[keep]) & 0xC0) == 0x80) --keep;
    std::string quoted = "'";
    quoted.append(input.substr(0, keep)).append(keep < input.size() ? "...'" : "'");
    switch (kind) {
        case Kind::Found: return quoted + " is a known country";
        case Kind::Empty: return "no country given";
        case Kind::Ambiguous: return quoted + " is ambiguous: " + join(candidates);
        case Kind::Unknown:
            if (candidates.empty()) return "unknown country " + quoted;
            return "unknown country " + quoted + " (closest: " + join(candidates) + ")";
    }
    return "";
}

int CountryResolver::add_country(const Country& c) {
    const std::string iso3 = upper(c.iso3);
    if (iso3.empty()) return -1;
    int index;
    if (auto it = by_iso3_.find(iso3); it != by_iso3_.end()) {
        index = it->second;
        Country& have = countries_[static_cast<size_t>(index)];
        if (!c.name.empty()) have.name = c.name;
        if (have.iso2.empty()) have.iso2 = upper(c.iso2);
        if (have.numeric.empty()) have.numeric = std::string(trim(c.numeric));
        if (have.official_name.empty()) have.official_name = c.official_name;
    } else {
        index = static_cast<int>(countries_.size());
        Country copy = c;
        copy.iso3 = iso3;
        copy.iso2 = upper(c.iso2);
        copy.numeric = std::string(trim(c.numeric));
        countries_.push_back(std::move(copy));
        by_iso3_[iso3] = index;
    }
    const Country& have = countries_[static_cast<size_t>(index)];
    if (!have.iso2.empty()) by_iso2_[have.iso2] = index;
    if (int n = numeric_code(have.numeric); n >= 0) by_numeric_[n] = index;
    add_name(iso3, have.name);
    add_name(iso3, have.official_name);
    return index;
}

void CountryResolver::add_name(std::string_view iso3, std::string_view name) {
    const int index = find_iso3(iso3);
    const std::string key = normalize_name(name);
    if (index < 0 || key.empty()) return;
    NameEntry& e = names_[key];
    if (e.alias) return;
    if (e.shown.empty()) e.shown = std::string(trim(name));
    if (std::find(e.countries.begin(), e.countries.end(), index) == e.countries.end()) {
        e.countries.push_back(index);
    }
}

bool CountryResolver::add_alias(std::string_view alias, const std::vector<std::string>& iso3s) {
    const std::string key = normalize_name(alias);
    if (key.empty() || iso3s.empty()) return false;
    std::vector<int> indices;
    for (const auto& code : iso3s) {
        const int i = find_iso3(code);
        if (i < 0) return false;
        indices.push_back(i);
    }
    NameEntry& e = names_[key];
    e.countries = std::move(indices);
    e.shown = std::string(trim(alias));
    e.alias = true;
    return true;
}

bool CountryResolver::add_iso_codes(const std::string& path, std::string& error) {
    std::string text;
    if (!read_text_file(path, text, error)) return false;
    const nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded() || !doc.contains("3166-1") || !doc["3166-1"].is_array()) {
        error = "not an iso-codes 3166-1 JSON file";
        return false;
    }
    for (const auto& e : doc["3166-1"]) {
        auto str = [&](const char* k) {
            return e.contains(k) && e[k].is_string() ? e[k].get<std::string>() : std::string();
        };
        Country c;
        c.iso3 = str("alpha_3");
        c.iso2 = str("alpha_2");
        c.numeric = str("numeric");
        const std::string common = str("common_name");
        c.name = common.empty() ? str("name") : common;
        c.official_name = str("official_name");
        if (add_country(c) < 0) continue;
        add_name(c.iso3, str("name"));
    }
    return true;
}

bool CountryResolver::add_country_table(const std::string& path, std::string& error) {
    std::vector<std::unordered_map<std::string, std::string>> rows;
    if (!read_table(path, {"iso3", "name"}, rows, error)) return false;
    for (auto& r : rows) {
        Country c{r["iso3"], r["iso2"], r["numeric"], r["name"], r["official_name"]};
        if (add_country(c) < 0) {
            error = "a row has no iso3";
            return false;
        }
    }
    return true;
}

bool CountryResolver::add_aliases(const std::string& path, std::string& error) {
    std::vector<std::unordered_map<std::string, std::string>> rows;
    if (!read_table(path, {"alias", "iso3"}, rows, error)) return false;
    for (auto& r : rows) {
        std::vector<std::string> codes;
        std::string_view rest = r["iso3"];
        while (!rest.empty()) {
            const size_t bar = rest.find('|');
            codes.emplace_back(trim(rest.substr(0, bar)));
            rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
        }
        if (!add_alias(r["alias"], codes)) {
            error = "alias '" + r["alias"] + "' names an unknown code '" + r["iso3"] + "'";
            return false;
        }
    }
    return true;
}

bool CountryResolver::add_boundary_names(const std::string& path, const std::string& layer_name,
                                         std::string& error, const std::string& iso3_field,
                                         const std::string& name_field) {
    ensure_gdal();
    QuietGdal quiet;
    GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                 nullptr, nullptr);
    if (!ds) {
        error = "cannot open: " + (quiet.last_error().empty() ? "not a GDAL vector file"
                                                              : quiet.last_error());
        return false;
    }
    OGRLayerH layer = layer_name.empty() ? GDALDatasetGetLayer(ds, 0)
                                         : GDALDatasetGetLayerByName(ds, layer_name.c_str());
    if (!layer) {
        error = "no layer '" + layer_name + "'";
        GDALClose(ds);
        return false;
    }
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    const int iso3_i = OGR_FD_GetFieldIndex(defn, iso3_field.c_str());
    const int name_i = OGR_FD_GetFieldIndex(defn, name_field.c_str());
    if (iso3_i < 0 || name_i < 0) {
        error = "layer has no '" + iso3_field + "' or '" + name_field + "' field";
        GDALClose(ds);
        return false;
    }
    const char* ignored[] = {"OGR_GEOMETRY", nullptr};
    OGR_L_SetIgnoredFields(layer, ignored);
    OGR_L_ResetReading(layer);
    while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
        if (OGR_F_IsFieldSetAndNotNull(f, iso3_i) && OGR_F_IsFieldSetAndNotNull(f, name_i)) {
            const std::string iso3 = OGR_F_GetFieldAsString(f, iso3_i);
            const std::string name = OGR_F_GetFieldAsString(f, name_i);
            if (find_iso3(iso3) < 0) add_country(Country{iso3, "", "", name, ""});
            add_name(iso3, name);
        }
        OGR_F_Destroy(f);
    }
    GDALClose(ds);
    return true;
}

CountryResolver CountryResolver::load_default(std::vector<std::string>* warnings) {
    CountryResolver r;
    std::string error;
    auto note = [&](const std::string& path) {
        if (warnings) warnings->push_back(path + ": " + error);
        error.clear();
    };
    const std::string iso = "/usr/share/iso-codes/json/iso_3166-1.json";
    if (!r.add_iso_codes(iso, error)) note(iso);
    const std::string extra = data_path("assets/countries.csv");
    if (!r.add_country_table(extra, error)) note(extra);
    const std::string gpkg = data_path("geodata/countries.gpkg");
    if (file_exists(gpkg) && !r.add_boundary_names(gpkg, "countries_10m", error)) note(gpkg);
    const std::string aliases = data_path("assets/aliases.csv");
    if (!r.add_aliases(aliases, error)) note(aliases);
    return r;
}

int CountryResolver::find_iso3(std::string_view iso3) const {
    auto it = by_iso3_.find(upper(iso3));
    return it == by_iso3_.end() ? -1 : it->second;
}

Resolution CountryResolver::resolve_code(std::string_view code) const {
    Resolution r;
    const std::string c = upper(code);
    if (c.empty()) return r;
    int index = -1;
    if (c.size() == 3 && all_letters(c)) {
        index = find_iso3(c);
    } else if (c.size() == 2 && all_letters(c)) {
        if (auto it = by_iso2_.find(c); it != by_iso2_.end()) index = it->second;
    } else if (int n = numeric_code(c); n >= 0) {
        if (auto it = by_numeric_.find(n); it != by_numeric_.end()) index = it->second;
    }
    if (index >= 0) {
        r.kind = Resolution::Kind::Found;
        r.country = index;
        return r;
    }
    r.kind = Resolution::Kind::Unknown;
    const Resolution as_name = lookup_name(c);
    if (as_name.found()) {
        const Country& k = country(as_name.country);
        r.candidates.push_back(k.iso3 + " (" + k.name + ")");
    }
    return r;
}

Resolution CountryResolver::lookup_name(std::string_view text) const {
    Resolution r;
    const std::string key = normalize_name(text);
    if (key.empty()) return r;
    auto it = names_.find(key);
    if (it == names_.end()) {
        r.kind = Resolution::Kind::Unknown;
        return r;
    }
    const auto& ids = it->second.countries;
    if (ids.size() == 1) {
        r.kind = Resolution::Kind::Found;
        r.country = ids.front();
        return r;
    }
    r.kind = Resolution::Kind::Ambiguous;
    for (int i : ids) r.candidates.push_back(country(i).name + " (" + country(i).iso3 + ")");
    std::sort(r.candidates.begin(), r.candidates.end());
    return r;
}

Resolution CountryResolver::resolve(std::string_view text) const {
    const std::string_view t = trim(text);
    if (t.empty()) return {};
    Resolution r;
    if (t.size() <= 3) {
        r = resolve_code(t);
        if (r.found()) return r;
    }
    r = lookup_name(t);
    if (r.kind == Resolution::Kind::Unknown) r.candidates = suggest(t);
    return r;
}

std::vector<std::string> CountryResolver::suggest(std::string_view text, size_t n) const {
    const std::string key = normalize_name(text);
    if (key.empty()) return {};
    const size_t limit = std::max<size_t>(2, key.size() / 3);
    // Closest first; among equals, the longer shared beginning ("Nambia": Namibia before
    // Gambia), then alphabetical.
    std::vector<std::tuple<size_t, long, std::string, int>> scored;
    for (const auto& [name, entry] : names_) {
        if (entry.countries.size() != 1) continue;
        // Cheap bound: the length difference alone exceeds the limit.
        const size_t diff = name.size() > key.size() ? name.size() - key.size()
                                                     : key.size() - name.size();
        if (diff > limit) continue;
        const size_t d = edit_distance(key, name);
        if (d > limit) continue;
        long prefix = 0;
        while (static_cast<size_t>(prefix) < std::min(key.size(), name.size()) &&
               key[static_cast<size_t>(prefix)] == name[static_cast<size_t>(prefix)]) {
            ++prefix;
        }
        scored.emplace_back(d, -prefix, entry.shown, entry.countries.front());
    }
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> out;
    std::vector<int> seen;
    for (const auto& [d, prefix, shown, c] : scored) {
        if (std::find(seen.begin(), seen.end(), c) != seen.end()) continue;
        seen.push_back(c);
        out.push_back(shown);
        if (out.size() == n) break;
    }
    return out;
}

}  // namespace deportmap::data
