// Dates with precision, name normalisation, UTF-8 checks and the CSV line scanner.
#include <gtest/gtest.h>

#include "core/data/csv.hpp"
#include "core/data/date.hpp"
#include "core/data/text.hpp"

using namespace deportmap::data;

TEST(DataDates, ParsesEachPrecision) {
    auto y = parse_date("2025");
    ASSERT_TRUE(y);
    EXPECT_EQ(y->precision(), DatePrecision::Year);
    EXPECT_TRUE(y->approximate());
    auto m = parse_date("2025-06");
    ASSERT_TRUE(m);
    EXPECT_EQ(m->precision(), DatePrecision::Month);
    EXPECT_TRUE(m->approximate());
    auto d = parse_date(" 2025-07-01 ");
    ASSERT_TRUE(d);
    EXPECT_EQ(d->precision(), DatePrecision::Day);
    EXPECT_FALSE(d->approximate());
    EXPECT_EQ((Date{2025, 7, 1}), *d);
}

TEST(DataDates, RejectsImpossibleAndMalformedDates) {
    std::string why;
    EXPECT_FALSE(parse_date("2025-02-30", &why));
    EXPECT_EQ(why, "February 2025 has 28 days");
    EXPECT_FALSE(parse_date("2025-13", &why));
    EXPECT_EQ(why, "month 13 does not exist");
    EXPECT_FALSE(parse_date("2025-00-10", &why));
    EXPECT_EQ(why, "month 0 does not exist");
    EXPECT_FALSE(parse_date("2025-04-31", &why));
    EXPECT_EQ(why, "April 2025 has 30 days");
    EXPECT_FALSE(parse_date("2025-06-00", &why));
    EXPECT_TRUE(parse_date("2024-02-29"));  // leap year
    EXPECT_FALSE(parse_date("2100-02-29"));  // not a leap year
    EXPECT_TRUE(parse_date("2000-02-29"));
    for (const char* bad : {"", "25", "2025-6", "2025-06-1", "June 2025", "2025/06/01",
                            "2025-06-01T00:00", "0000", "２０２５"}) {
        EXPECT_FALSE(parse_date(bad)) << bad;
    }
}

TEST(DataDates, EffectiveDateIsTheStartOfThePeriod) {
    EXPECT_EQ(parse_date("2025")->first_day(), days_from_civil(2025, 1, 1));
    EXPECT_EQ(parse_date("2025")->last_day(), days_from_civil(2025, 12, 31));
    EXPECT_EQ(parse_date("2025-06")->first_day(), days_from_civil(2025, 6, 1));
    EXPECT_EQ(parse_date("2025-06")->last_day(), days_from_civil(2025, 6, 30));
    EXPECT_EQ(parse_date("2024-02")->last_day(), days_from_civil(2024, 2, 29));
    EXPECT_EQ(parse_date("2025-06-11")->first_day(), parse_date("2025-06-11")->last_day());
    EXPECT_EQ(days_from_civil(1970, 1, 1), 0);
    EXPECT_EQ(days_from_civil(2000, 3, 1), 11017);
    for (Day d : {-1000, 0, 11017, 20000, 20254, 30000}) {
        const Date c = civil_from_days(d);
        EXPECT_EQ(days_from_civil(c.year, c.month, c.day), d);
    }
}

TEST(DataDates, FormatsByPrecision) {
    EXPECT_EQ(format_date(*parse_date("2025-07-01")), "1 July 2025");
    EXPECT_EQ(format_date(*parse_date("2025-06")), "June 2025");
    EXPECT_EQ(format_date(*parse_date("2025")), "2025");
    EXPECT_EQ(parse_date("2025-06")->iso(), "2025-06");
    EXPECT_EQ(parse_date("2025-06-09")->iso(), "2025-06-09");
    EXPECT_EQ(parse_date("0999")->iso(), "0999");
}

TEST(DataText, NormalisesCaseAccentsPunctuationAndThe) {
    EXPECT_EQ(normalize_name("The Gambia"), "gambia");
    EXPECT_EQ(normalize_name("GAMBIA, the!"), "gambia");
    EXPECT_EQ(normalize_name("Côte d’Ivoire"), "cote divoire");
    EXPECT_EQ(normalize_name("Cote d'Ivoire"), "cote divoire");
    EXPECT_EQ(normalize_name("Türkiye"), "turkiye");
    EXPECT_EQ(normalize_name("São Tomé and Príncipe"), "sao tome and principe");
    EXPECT_EQ(normalize_name("Curaçao"), "curacao");
    EXPECT_EQ(normalize_name("Bosnia & Herzegovina"), "bosnia and herzegovina");
    EXPECT_EQ(normalize_name("St. Kitts and Nevis"), "saint kitts and nevis");
    EXPECT_EQ(normalize_name("Congo, The Democratic Republic of the"),
              "congo democratic republic of");
    EXPECT_EQ(normalize_name("Åland"), "aland");
    EXPECT_EQ(normalize_name("Ærø"), "aero");
    EXPECT_EQ(normalize_name("Łódź"), "lodz");
    EXPECT_EQ(normalize_name("Cote\xCC\x81"), "cote");  // combining acute accent
    EXPECT_EQ(normalize_name("Theodore"), "theodore");  // "the" only as a word
    EXPECT_EQ(normalize_name("  "), "");
}

TEST(DataText, FindsInvalidUtf8) {
    EXPECT_EQ(find_invalid_utf8("plain"), std::string_view::npos);
    EXPECT_EQ(find_invalid_utf8("Côte d’Ivoire 🌍"), std::string_view::npos);
    EXPECT_EQ(find_invalid_utf8("Per\xFA"), 3u);          // Latin-1 byte
    EXPECT_EQ(find_invalid_utf8("ab\xC3"), 2u);           // truncated sequence
    EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);         // overlong
    EXPECT_EQ(find_invalid_utf8("x\xED\xA0\x80"), 1u);    // surrogate
    EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u); // above U+10FFFF
    EXPECT_EQ(find_invalid_utf8("a\x80"), 1u);            // lone continuation byte
}

TEST(DataText, EditDistance) {
    EXPECT_EQ(edit_distance("nambia", "namibia"), 1u);
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
    EXPECT_EQ(edit_distance("", "abc"), 3u);
    EXPECT_EQ(edit_distance("same", "same"), 0u);
}

TEST(DataCsv, CountsPhysicalLinesAcrossQuotedLineBreaks) {
    const std::string text =
        "\xEF\xBB\xBF"
        "a,b,c\r\n"
        "1,\"two, with comma\",3\r\n"
        "\r\n"
        "\"multi\r\nline\nfield\",\"say \"\"hi\"\"\",x\r\n"
        "last,row\n"
        "4,5,6";
    const CsvText csv = parse_csv(text);
    ASSERT_TRUE(csv.error.empty());
    ASSERT_EQ(csv.records.size(), 5u);
    EXPECT_EQ(csv.records[0].line, 1);
    EXPECT_EQ(csv.records[0].fields, (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(csv.records[1].line, 2);
    EXPECT_EQ(csv.records[1].fields[1], "two, with comma");
    EXPECT_EQ(csv.records[2].line, 4);  // line 3 is empty
    EXPECT_EQ(csv.records[2].fields[0], "multi\r\nline\nfield");
    EXPECT_EQ(csv.records[2].fields[1], "say \"hi\"");
    EXPECT_EQ(csv.records[3].line, 7);
    EXPECT_EQ(csv.records[3].fields.size(), 2u);
    EXPECT_EQ(csv.records[4].line, 8);
    EXPECT_EQ(csv.records[4].fields[2], "6");
}

TEST(DataCsv, ReportsAnUnterminatedQuote) {
    const CsvText csv = parse_csv("a,b\n1,2\n3,\"open\nstill open\n");
    EXPECT_EQ(csv.records.size(), 2u);
    EXPECT_EQ(csv.error_line, 3);
    EXPECT_NE(csv.error.find("never ends"), std::string::npos);
}

TEST(DataCsv, QuotesFieldsOnlyWhenNeeded) {
    EXPECT_EQ(csv_field("plain"), "plain");
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csv_field("%s%n"), "%s%n");
}
