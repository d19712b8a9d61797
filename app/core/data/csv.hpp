// A small RFC 4180 CSV scanner. GDAL reads the values of a CSV events file; this scan
// gives what OGR does not expose: the physical line each record starts on (quoted
// fields may span lines), each record's real field count (OGR pads short rows and drops
// extra fields), and the raw bytes for the UTF-8 check. It also writes CSV fields.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace deportmap::data {

struct CsvRecord {
    int line = 0;                     // physical line the record starts on; the first is 1
    std::vector<std::string> fields;  // unquoted field values, bytes unchanged
};

struct CsvText {
    std::vector<CsvRecord> records;  // in file order; the header, if any, is records[0]
    std::string error;               // non-empty when the text ends inside a quoted field
    int error_line = 0;              // line where that unterminated field's record starts
};

// Reads CSV text one record at a time, reusing the record's storage (for large files).
// Same rules as parse_csv() below.
class CsvReader {
public:
    explicit CsvReader(std::string_view text);
    // The next record into `rec`; false at the end of the text, or when the text ends
    // inside a quoted field (then error() says where that record started).
    bool next(CsvRecord& rec);
    const std::string& error() const { return error_; }
    int error_line() const { return error_line_; }

private:
    bool take_break();
    std::string_view text_;
    size_t i_ = 0;
    int line_ = 1;
    std::string error_;
    int error_line_ = 0;
};

// Splits CSV text into records. A UTF-8 byte order mark is skipped; LF, CRLF and lone CR
// end a line; a field that starts with '"' is quoted (commas, line breaks and doubled
// quotes inside it are data); empty lines are skipped, as OGR's CSV driver skips them.
// A record left open by an unterminated quote is dropped and reported in `error`.
CsvText parse_csv(std::string_view text);

// `value` as one CSV field: quoted (quotes doubled) when it holds a comma, quote, CR or
// LF, or starts or ends with a space; unchanged otherwise.
std::string csv_field(std::string_view value);

}  // namespace deportmap::data
