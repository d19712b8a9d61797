// The country resolver: codes, iso-codes names, Natural Earth short names, the alias
// table, normalisation, ambiguous names and suggestions for unknown ones.
#include <gtest/gtest.h>

#include <string>
#include <unordered_map>

#include "core/data/countries.hpp"
#include "data_test_util.hpp"

using namespace deportmap::data;

namespace {

const CountryResolver& resolver() {
    static const CountryResolver r = [] {
        std::vector<std::string> warnings;
        CountryResolver out = CountryResolver::load_default(&warnings);
        for (const auto& w : warnings) ADD_FAILURE() << w;
        return out;
    }();
    return r;
}

std::string iso3_of(std::string_view text) {
    const Resolution r = resolver().resolve(text);
    if (r.found()) return resolver().country(r.country).iso3;
    std::string out = r.message(text);
    out.insert(out.begin(), '<');
    return out + ">";
}

}  // namespace

TEST(DataResolver, EveryAliasTheIssueNames) {
    const std::vector<std::pair<const char*, const char*>> cases = {
        {"Ivory Coast", "CIV"}, {"Swaziland", "SWZ"},      {"Turkey", "TUR"},
        {"Türkiye", "TUR"},     {"Czech Republic", "CZE"}, {"Burma", "MMR"},
        {"East Timor", "TLS"},  {"Cape Verde", "CPV"},     {"DR Congo", "COD"},
        {"Congo", "COG"},       {"Kosovo", "XKX"},
    };
    for (const auto& [alias, iso3] : cases) EXPECT_EQ(iso3_of(alias), iso3) << alias;
}

TEST(DataResolver, NaturalEarthShortNames) {
    const std::vector<std::pair<const char*, const char*>> cases = {
        {"S. Sudan", "SSD"},          {"Dem. Rep. Congo", "COD"},  {"Central African Rep.", "CAF"},
        {"Bosnia and Herz.", "BIH"},  {"eSwatini", "SWZ"},         {"N. Cyprus", "XNC"},
        {"Somaliland", "XSL"},        {"Eq. Guinea", "GNQ"},       {"St. Vin. and Gren.", "VCT"},
        {"Antigua and Barb.", "ATG"}, {"Dominican Rep.", "DOM"},   {"W. Sahara", "ESH"},
    };
    for (const auto& [name, iso3] : cases) EXPECT_EQ(iso3_of(name), iso3) << name;
}

TEST(DataResolver, IsoCodesAndNames) {
    EXPECT_EQ(iso3_of("CIV"), "CIV");
    EXPECT_EQ(iso3_of("ci"), "CIV");
    EXPECT_EQ(iso3_of("384"), "CIV");
    EXPECT_EQ(iso3_of("4"), "AFG");    // numeric codes need no leading zeros
    EXPECT_EQ(iso3_of("004"), "AFG");
    EXPECT_EQ(iso3_of("XK"), "XKX");
    EXPECT_EQ(iso3_of("xkx"), "XKX");
    EXPECT_EQ(iso3_of("Congo, The Democratic Republic of the"), "COD");  // iso-codes name
    EXPECT_EQ(iso3_of("Democratic Republic of the Congo"), "COD");
    EXPECT_EQ(iso3_of("Republic of the Congo"), "COG");                 // official_name
    EXPECT_EQ(iso3_of("Bolivia"), "BOL");                                // common_name
    EXPECT_EQ(iso3_of("Plurinational State of Bolivia"), "BOL");
    EXPECT_EQ(iso3_of("UK"), "GBR");  // not an ISO code: the alias
    EXPECT_EQ(iso3_of("United States of America"), "USA");
}

TEST(DataResolver, CaseAccentsPunctuationAndTheDoNotMatter) {
    EXPECT_EQ(iso3_of("côte d'ivoire"), "CIV");
    EXPECT_EQ(iso3_of("COTE D’IVOIRE"), "CIV");
    EXPECT_EQ(iso3_of("The Gambia"), "GMB");
    EXPECT_EQ(iso3_of("gambia"), "GMB");
    EXPECT_EQ(iso3_of("  the  Bahamas "), "BHS");
    EXPECT_EQ(iso3_of("Turkiye"), "TUR");
    EXPECT_EQ(iso3_of("Sao Tome & Principe"), "STP");
    EXPECT_EQ(iso3_of("timor-leste"), "TLS");
    EXPECT_EQ(iso3_of("Guinea Bissau"), "GNB");
}

TEST(DataResolver, DisplayNames) {
    auto name = [](const char* iso3) {
        const int i = resolver().find_iso3(iso3);
        return i >= 0 ? resolver().country(i).name : std::string("?");
    };
    EXPECT_EQ(name("XKX"), "Kosovo");
    EXPECT_EQ(name("COD"), "Democratic Republic of the Congo");
    EXPECT_EQ(name("KOR"), "South Korea");
    EXPECT_EQ(name("SSD"), "South Sudan");
    EXPECT_EQ(name("XSL"), "Somaliland");
}

TEST(DataResolver, AmbiguousNamesListCandidates) {
    Resolution r = resolver().resolve("Korea");
    EXPECT_EQ(r.kind, Resolution::Kind::Ambiguous);
    EXPECT_EQ(r.candidates, (std::vector<std::string>{"North Korea (PRK)", "South Korea (KOR)"}));
    EXPECT_EQ(r.message("Korea"), "'Korea' is ambiguous: North Korea (PRK), South Korea (KOR)");
    r = resolver().resolve("Virgin Islands");
    EXPECT_EQ(r.kind, Resolution::Kind::Ambiguous);
    EXPECT_EQ(r.candidates.size(), 2u);
}

TEST(DataResolver, NamesFromTwoSourcesThatClashAreAmbiguous) {
    CountryResolver r;
    r.add_country({"AAA", "AA", "001", "Alpha", ""});
    r.add_country({"BBB", "BB", "002", "Beta", ""});
    r.add_name("AAA", "Twin Land");
    r.add_name("BBB", "Twin-Land");
    const Resolution res = r.resolve("twin land");
    EXPECT_EQ(res.kind, Resolution::Kind::Ambiguous);
    EXPECT_EQ(res.candidates, (std::vector<std::string>{"Alpha (AAA)", "Beta (BBB)"}));
    // An alias settles it.
    ASSERT_TRUE(r.add_alias("Twin Land", {"BBB"}));
    EXPECT_EQ(r.resolve("Twin Land").country, r.find_iso3("BBB"));
}

TEST(DataResolver, NoUnintendedAmbiguity) {
    // Every name of every country resolves to that country, unless the alias table marks
    // it ambiguous on purpose.
    for (const auto& c : resolver().countries()) {
        for (const std::string& n : {c.name, c.official_name}) {
            if (n.empty()) continue;
            const Resolution r = resolver().resolve(n);
            EXPECT_TRUE(r.found()) << n << ": " << r.message(n);
            if (r.found()) {
                EXPECT_EQ(resolver().country(r.country).iso3, c.iso3) << n;
            }
        }
    }
}

TEST(DataResolver, UnknownNamesSuggestTheClosest) {
    Resolution r = resolver().resolve("Nambia");
    EXPECT_EQ(r.kind, Resolution::Kind::Unknown);
    ASSERT_FALSE(r.candidates.empty());
    EXPECT_LE(r.candidates.size(), 3u);
    EXPECT_EQ(r.candidates.front(), "Namibia");
    EXPECT_EQ(r.message("Nambia").rfind("unknown country 'Nambia' (closest: Namibia", 0), 0u)
        << r.message("Nambia");

    r = resolver().resolve("Untied States");
    ASSERT_FALSE(r.candidates.empty());
    EXPECT_EQ(r.candidates.front(), "United States");

    r = resolver().resolve("Kosova");
    ASSERT_FALSE(r.candidates.empty());
    EXPECT_EQ(r.candidates.front(), "Kosovo");

    r = resolver().resolve("Narnia");
    EXPECT_EQ(r.kind, Resolution::Kind::Unknown);
    EXPECT_LE(r.candidates.size(), 3u);

    r = resolver().resolve("Qwxzzyq Republic of Nowhere");
    EXPECT_EQ(r.kind, Resolution::Kind::Unknown);
    EXPECT_TRUE(r.candidates.empty());
    EXPECT_EQ(r.message("Qwxzzyq Republic of Nowhere"),
              "unknown country 'Qwxzzyq Republic of Nowhere'");
}

TEST(DataResolver, CodesOnly) {
    EXPECT_TRUE(resolver().resolve_code("SWZ").found());
    EXPECT_TRUE(resolver().resolve_code("sz").found());
    EXPECT_TRUE(resolver().resolve_code("748").found());
    const Resolution r = resolver().resolve_code("UK");
    EXPECT_EQ(r.kind, Resolution::Kind::Unknown);
    EXPECT_EQ(r.candidates, (std::vector<std::string>{"GBR (United Kingdom)"}));
    EXPECT_EQ(resolver().resolve_code("ZZZ").kind, Resolution::Kind::Unknown);
    EXPECT_EQ(resolver().resolve_code("").kind, Resolution::Kind::Empty);
    EXPECT_FALSE(resolver().resolve_code("Peru").found());  // a name is not a code
}

TEST(DataResolver, AliasFileRejectsUnknownCodes) {
    deportmap::data::testing::TempDir dir;
    CountryResolver r;
    r.add_country({"AAA", "", "", "Alpha", ""});
    std::string error;
    EXPECT_FALSE(r.add_aliases(dir.write("aliases.csv", "alias,iso3\nAlfa,AAA\nBeta,BBB\n"), error));
    EXPECT_NE(error.find("BBB"), std::string::npos);
    EXPECT_EQ(r.resolve("Alfa").country, 0);
}
