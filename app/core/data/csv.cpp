// RFC 4180 CSV scanning with physical line numbers, and CSV field quoting.
#include "core/data/csv.hpp"

namespace deportmap::data {

CsvText parse_csv(std::string_view text) {
    CsvText out;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const size_t n = text.size();
    size_t i = 0;
    int line = 1;
    // Consumes a line break at text[i] if there is one; true when it did.
    auto take_break = [&]() {
        if (i < n && text[i] == '\r') {
            ++i;
            if (i < n && text[i] == '\n') ++i;
            ++line;
            return true;
        }
        if (i < n && text[i] == '\n') {
            ++i;
            ++line;
            return true;
        }
        return false;
    };
    while (i < n) {
        if (take_break()) continue;  // empty line: no record
        CsvRecord rec;
        rec.line = line;
        bool record_done = false;
        while (!record_done) {
            std::string field;
            if (i < n && text[i] == '"') {
                const int start_line = line;
                ++i;
                bool closed = false;
                while (i < n) {
                    const char c = text[i];
                    if (c == '"') {
                        if (i + 1 < n && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == '\r' || c == '\n') {
                        const size_t from = i;
                        take_break();
                        field.append(text.substr(from, i - from));
                        continue;
                    }
                    field += c;
                    ++i;
                }
                if (!closed) {
                    out.error = "a quoted field that starts on line " +
                                std::to_string(start_line) + " never ends";
                    out.error_line = rec.line;
                    return out;
                }
                // Text between the closing quote and the next separator is kept as data.
                while (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                    field += text[i++];
                }
            } else {
                const size_t from = i;
                while (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') ++i;
                field.assign(text.substr(from, i - from));
            }
            rec.fields.push_back(std::move(field));
            if (i < n && text[i] == ',') {
                ++i;
            } else {
                take_break();
                record_done = true;
            }
        }
        out.records.push_back(std::move(rec));
    }
    return out;
}

std::string csv_field(std::string_view value) {
    const bool needs_quotes = value.find_first_of(",\"\r\n") != std::string_view::npos ||
                              (!value.empty() && (value.front() == ' ' || value.back() == ' '));
    if (!needs_quotes) return std::string(value);
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

}  // namespace deportmap::data
