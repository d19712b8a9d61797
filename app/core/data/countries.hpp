// The country resolver: turns what a data row or a user writes ("CIV", "CI", "384",
// "Ivory Coast", "Côte d'Ivoire", "Dem. Rep. Congo") into one country. It knows ISO
// 3166-1 codes and names from Debian's iso-codes, Natural Earth short names, the
// committed alias table (assets/aliases.csv) and the non-ISO units the boundaries use
// (assets/countries.csv: Kosovo XKX, Northern Cyprus XNC, Somaliland XSL, ...).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace deportmap::data {

struct Country {
    std::string iso3;           // ISO 3166-1 alpha-3, or a user-assigned X.. code
    std::string iso2;           // alpha-2, empty when there is none
    std::string numeric;        // three digits, empty when there is none
    std::string name;           // display name, e.g. "Democratic Republic of the Congo"
    std::string official_name;  // may be empty
};

struct Resolution {
    enum class Kind { Found, Unknown, Ambiguous, Empty };
    Kind kind = Kind::Empty;
    int country = -1;  // index into the resolver when Found
    // Ambiguous: the candidates as "South Korea (KOR)"; Unknown: up to 3 close names.
    std::vector<std::string> candidates;

    bool found() const { return kind == Kind::Found; }
    // One line for people, quoting `input`, e.g. "unknown country 'Nambia' (closest:
    // Namibia, Gambia, Zambia)" or "'Korea' is ambiguous: North Korea (PRK), South Korea (KOR)".
    std::string message(std::string_view input) const;
};

class CountryResolver {
public:
    CountryResolver() = default;

    // Everything the program ships with: iso-codes JSON, assets/countries.csv, the
    // Natural Earth names in geodata/countries.gpkg when that file exists, and
    // assets/aliases.csv. Missing or broken sources are skipped with a one-line note in
    // `warnings`; the resolver still works with what could be read.
    static CountryResolver load_default(std::vector<std::string>* warnings = nullptr);

    // Debian's iso_3166-1.json: codes plus name, official_name and common_name (the
    // display name is common_name when present, else name).
    bool add_iso_codes(const std::string& path, std::string& error);
    // CSV iso3,iso2,numeric,name: adds countries that ISO lacks and replaces display names.
    bool add_country_table(const std::string& path, std::string& error);
    // CSV alias,iso3; iso3 may list several codes joined by '|' to mark an ambiguous name.
    // An alias overrides any other meaning of the same normalised name.
    bool add_aliases(const std::string& path, std::string& error);
    // Reads the string fields `iso3_field` and `name_field` of a GDAL layer (no geometry);
    // an empty `layer` takes the first layer. Units with unknown codes are added.
    bool add_boundary_names(const std::string& path, const std::string& layer,
                            std::string& error, const std::string& iso3_field = "iso3",
                            const std::string& name_field = "name");

    // Adds a country, or fills the empty fields of the one with the same iso3 (a non-empty
    // `name` replaces the display name). Returns its index.
    int add_country(const Country& country);
    // Another name for a country that exists (ignored when the iso3 is unknown).
    void add_name(std::string_view iso3, std::string_view name);
    // An alias for one country, or an ambiguous name when several codes are given.
    // Returns false when a code is unknown.
    bool add_alias(std::string_view alias, const std::vector<std::string>& iso3s);

    // A code (alpha-2, alpha-3 or numeric, any case) or a name.
    Resolution resolve(std::string_view text) const;
    // A code only; unknown codes are Unknown (with the country a name reading would give,
    // if any, as the only candidate, e.g. "UK" suggests "GBR (United Kingdom)").
    Resolution resolve_code(std::string_view code) const;
    // Up to `n` known names closest to `text` by edit distance on normalised names.
    std::vector<std::string> suggest(std::string_view text, size_t n = 3) const;

    // Index of the country with this alpha-3 code (any case), or -1.
    int find_iso3(std::string_view iso3) const;
    size_t size() const { return countries_.size(); }
    const Country& country(int index) const { return countries_[static_cast<size_t>(index)]; }
    const std::vector<Country>& countries() const { return countries_; }

private:
    struct NameEntry {
        std::vector<int> countries;  // more than one: ambiguous
        std::string shown;           // the name as first written, for suggestions
        bool alias = false;          // set by the alias table: other sources don't change it
    };
    Resolution lookup_name(std::string_view text) const;

    std::vector<Country> countries_;
    std::unordered_map<std::string, int> by_iso3_, by_iso2_;
    std::unordered_map<int, int> by_numeric_;
    std::unordered_map<std::string, NameEntry> names_;  // key: normalize_name()
};

}  // namespace deportmap::data
