// Writing the commands' plain-text output: lines, grouped numbers and aligned columns.
#pragma once
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

namespace deportmap::cli {

void put(FILE* out, const std::string& text);
void put_line(FILE* out, const std::string& text);
// 1234567 -> "1,234,567".
std::string grouped(int64_t v);
// Prints `head` and `rows` as columns two spaces apart (widths in characters, a column
// at most `max_width` wide before it pushes the next one along), to stdout, trailing
// spaces trimmed.
void print_columns(const std::vector<std::string>& head, const std::vector<std::vector<std::string>>& rows,
                   size_t max_width = SIZE_MAX);

}  // namespace deportmap::cli
