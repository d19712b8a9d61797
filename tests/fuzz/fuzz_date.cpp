// Fuzz target: parse_date. Any text either fails with a reason or gives a valid date
// that prints back to itself and whose period converts to day numbers and back.
#include <cstdint>
#include <string>

#include "core/data/date.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace deportmap;
    using fuzz::fail;
    using data::Date;
    if (size > 4096) return -1;  // dates are short; this keeps runs fast
    const std::string_view text = fuzz::as_text(data, size);
    std::string error;
    const std::optional<Date> d = data::parse_date(text, &error);
    if (!d) {
        if (error.empty()) fail("a failed parse without a reason");
        if (data::parse_date(text)) fail("parse_date succeeds without an error string");
        return 0;
    }
    if (d->year < 1 || d->year > 9999) fail("year out of range");
    if (d->month < 0 || d->month > 12) fail("month out of range");
    if (d->day != 0 && (d->month == 0 || d->day > data::days_in_month(d->year, d->month))) {
        fail("day out of range");
    }
    const std::optional<Date> again = data::parse_date(d->iso());
    if (!again || *again != *d) fail("iso() does not parse back to the same date");
    const data::Day first = d->first_day(), last = d->last_day();
    if (first > last) fail("the period ends before it starts");
    const Date f = data::civil_from_days(first);
    if (f.year != d->year || f.month != (d->month ? d->month : 1) || f.day != (d->day ? d->day : 1)) {
        fail("civil_from_days(first_day()) is not the period's first day");
    }
    if (data::format_date(*d).empty()) fail("format_date gives nothing");
    return 0;
}
