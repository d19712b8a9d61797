// Event dates with their precision: a year, a month or a day. An event known only to the
// month or year is marked approximate; when it takes effect is effective_day() (events.hpp).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace deportmap::data {

// Days since 1970-01-01 (proleptic Gregorian calendar); negative before 1970.
using Day = int32_t;

enum class DatePrecision : uint8_t { Year, Month, Day };

struct Date {
    int year = 0;   // 1..9999; 0 only in a default-constructed (invalid) Date
    int month = 0;  // 1..12, or 0 when unknown
    int day = 0;    // 1..31, or 0 when unknown (then month may still be known)

    DatePrecision precision() const {
        return day ? DatePrecision::Day : month ? DatePrecision::Month : DatePrecision::Year;
    }
    // True when the date is only known to the month or year.
    bool approximate() const { return day == 0; }
    // First and last day of the period the date names (the same day for a full date).
    Day first_day() const;
    Day last_day() const;
    // As written in data files: "2025", "2025-06" or "2025-06-01".
    std::string iso() const;

    friend bool operator==(const Date&, const Date&) = default;
};

bool is_leap_year(int year);
// Days in `month` (1..12) of `year`.
int days_in_month(int year, int month);
// Day number of a valid calendar date, and back.
Day days_from_civil(int year, int month, int day);
Date civil_from_days(Day day);

// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (surrounding spaces ignored). On failure
// returns nullopt and, when `error` is given, a short reason such as "month 13 does not
// exist" or "February 2025 has 28 days".
std::optional<Date> parse_date(std::string_view text, std::string* error = nullptr);

// For people, precision-aware: "1 July 2025", "June 2025" or "2025".
std::string format_date(const Date& date);

// English month name, 1..12.
const char* month_name(int month);

}  // namespace deportmap::data
