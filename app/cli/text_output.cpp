// Plain-text output helpers for the commands (see text_output.hpp).
#include "cli/text_output.hpp"

#include <algorithm>

#include "core/data/text.hpp"

namespace deportmap::cli {

void put(FILE* out, const std::string& text) { std::fwrite(text.data(), 1, text.size(), out); }

void put_line(FILE* out, const std::string& text) {
    put(out, text);
    std::fputc('\n', out);
}

std::string grouped(int64_t v) {
    const std::string digits = std::to_string(v < 0 ? -v : v);
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return v < 0 ? "-" + out : out;
}

void print_columns(const std::vector<std::string>& head, const std::vector<std::vector<std::string>>& rows,
                   size_t max_width) {
    std::vector<size_t> width(head.size());
    for (size_t k = 0; k < head.size(); ++k) width[k] = data::utf8_length(head[k]);
    for (const auto& row : rows) {
        for (size_t k = 0; k < row.size() && k < width.size(); ++k) {
            width[k] = std::max(width[k], std::min(data::utf8_length(row[k]), max_width));
        }
    }
    auto line = [&](const std::vector<std::string>& row) {
        std::string out;
        for (size_t k = 0; k < row.size(); ++k) {
            out += row[k];
            if (k + 1 == row.size() || k >= width.size()) continue;
            const size_t len = data::utf8_length(row[k]);
            out.append(len < width[k] + 2 ? width[k] + 2 - len : 1, ' ');
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        put_line(stdout, out);
    };
    line(head);
    for (const auto& row : rows) line(row);
}

}  // namespace deportmap::cli
