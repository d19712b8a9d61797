// RFC 4180 CSV scanning with physical line numbers, and CSV field quoting.
#include "core/data/csv.hpp"

namespace deportmap::data {

CsvReader::CsvReader(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
}

// Consumes a line break (LF, CRLF or lone CR) at the cursor; true when there was one.
bool CsvReader::take_break() {
    const size_t n = text_.size();
    if (i_ < n && text_[i_] == '\r') {
        ++i_;
        if (i_ < n && text_[i_] == '\n') ++i_;
        ++line_;
        return true;
    }
    if (i_ < n && text_[i_] == '\n') {
        ++i_;
        ++line_;
        return true;
    }
    return false;
}

bool CsvReader::next(CsvRecord& rec) {
    const size_t n = text_.size();
    while (i_ < n && take_break()) {
    }  // empty lines: no record
    if (i_ >= n || !error_.empty()) return false;
    rec.line = line_;
    size_t count = 0;
    for (;;) {
        if (count == rec.fields.size()) rec.fields.emplace_back();
        std::string& field = rec.fields[count++];
        field.clear();
        if (i_ < n && text_[i_] == '"') {
            const int start_line = line_;
            ++i_;
            bool closed = false;
            while (i_ < n) {
                // Copy a run of ordinary bytes at once.
                size_t j = i_;
                while (j < n && text_[j] != '"' && text_[j] != '\r' && text_[j] != '\n') ++j;
                field.append(text_.substr(i_, j - i_));
                i_ = j;
                if (i_ >= n) break;
                if (text_[i_] == '"') {
                    if (i_ + 1 < n && text_[i_ + 1] == '"') {
                        field += '"';
                        i_ += 2;
                        continue;
                    }
                    ++i_;
                    closed = true;
                    break;
                }
                const size_t from = i_;
                take_break();
                field.append(text_.substr(from, i_ - from));
            }
            if (!closed) {
                error_ = "a quoted field that starts on line " + std::to_string(start_line) +
                         " never ends";
                error_line_ = rec.line;
                rec.fields.resize(count);
                return false;
            }
            // Text between the closing quote and the next separator is kept as data.
            size_t j = i_;
            while (j < n && text_[j] != ',' && text_[j] != '\r' && text_[j] != '\n') ++j;
            field.append(text_.substr(i_, j - i_));
            i_ = j;
        } else {
            size_t j = i_;
            while (j < n && text_[j] != ',' && text_[j] != '\r' && text_[j] != '\n') ++j;
            field.assign(text_.substr(i_, j - i_));
            i_ = j;
        }
        if (i_ < n && text_[i_] == ',') {
            ++i_;
            continue;
        }
        take_break();
        break;
    }
    rec.fields.resize(count);
    return true;
}

CsvText parse_csv(std::string_view text) {
    CsvText out;
    CsvReader reader(text);
    CsvRecord rec;
    while (reader.next(rec)) out.records.push_back(rec);
    out.error = reader.error();
    out.error_line = reader.error_line();
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
