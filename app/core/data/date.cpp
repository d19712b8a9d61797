// Date parsing, validation, day numbers and precision-aware formatting.
#include "core/data/date.hpp"

#include "core/data/text.hpp"

namespace deportmap::data {

namespace {
const char* const kMonths[12] = {"January", "February", "March",     "April",
                                 "May",     "June",     "July",      "August",
                                 "September", "October", "November", "December"};

// Parses exactly `width` ASCII digits; -1 when anything else is there.
int digits(std::string_view s, size_t width) {
    if (s.size() != width) return -1;
    int v = 0;
    for (char c : s) {
        if (c < '0' || c > '9') return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}
}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil / civil_from_days algorithms.
Day days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civil_from_days(Day z) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = z - era * 146097;
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int d = doy - (153 * mp + 2) / 5 + 1;
    const int m = mp < 10 ? mp + 3 : mp - 9;
    return Date{yoe + era * 400 + (m <= 2), m, d};
}

Day Date::first_day() const { return days_from_civil(year, month ? month : 1, day ? day : 1); }

Day Date::last_day() const {
    if (day) return first_day();
    if (month) return days_from_civil(year, month, days_in_month(year, month));
    return days_from_civil(year, 12, 31);
}

std::string Date::iso() const {
    char buf[16];
    std::string out;
    auto two = [&](int v) {
        buf[0] = static_cast<char>('0' + v / 10);
        buf[1] = static_cast<char>('0' + v % 10);
        out.append(buf, 2);
    };
    const int y = year;
    out += static_cast<char>('0' + y / 1000 % 10);
    out += static_cast<char>('0' + y / 100 % 10);
    out += static_cast<char>('0' + y / 10 % 10);
    out += static_cast<char>('0' + y % 10);
    if (month) {
        out += '-';
        two(month);
        if (day) {
            out += '-';
            two(day);
        }
    }
    return out;
}

std::optional<Date> parse_date(std::string_view text, std::string* error) {
    auto fail = [&](std::string why) -> std::optional<Date> {
        if (error) *error = std::move(why);
        return std::nullopt;
    };
    text = trim(text);
    if (text.empty()) return fail("no date given");
    const std::string_view y = text.substr(0, 4);
    const int year = digits(y, 4);
    const bool shape_ok =
        year >= 0 && (text.size() == 4 || (text.size() == 7 && text[4] == '-') ||
                      (text.size() == 10 && text[4] == '-' && text[7] == '-'));
    const int month = text.size() >= 7 ? digits(text.substr(5, 2), 2) : 0;
    const int day = text.size() == 10 ? digits(text.substr(8, 2), 2) : 0;
    if (!shape_ok || month < 0 || day < 0) {
        return fail("use YYYY, YYYY-MM or YYYY-MM-DD");
    }
    if (year == 0) return fail("year 0000 does not exist");
    if (text.size() >= 7 && (month < 1 || month > 12)) {
        return fail("month " + std::to_string(month) + " does not exist");
    }
    if (text.size() == 10) {
        const int dim = days_in_month(year, month);
        if (day < 1 || day > dim) {
            return fail(std::string(kMonths[month - 1]) + " " + std::to_string(year) + " has " +
                        std::to_string(dim) + " days");
        }
    }
    return Date{year, month, day};
}

const char* month_name(int month) { return month >= 1 && month <= 12 ? kMonths[month - 1] : ""; }

std::string format_date(const Date& date) {
    const std::string year = std::to_string(date.year);
    if (!date.month) return year;
    if (!date.day) return std::string(kMonths[date.month - 1]) + " " + year;
    return std::to_string(date.day) + " " + kMonths[date.month - 1] + " " + year;
}

}  // namespace deportmap::data
