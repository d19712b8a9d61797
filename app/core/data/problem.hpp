// One problem found while reading a data file, printed compiler-style.
#pragma once
#include <string>

namespace deportmap::data {

struct Problem {
    std::string file;     // the path as the user gave it
    int line = 0;         // 1-based; the header is line 1; 0 when the whole file is at fault
    std::string field;    // column name, "row" or "header"; empty with line 0
    std::string message;  // one line, no trailing period

    // "FILE:LINE: field: message", or "FILE: message" when line is 0.
    std::string to_string() const {
        if (line <= 0) return file + ": " + message;
        return file + ":" + std::to_string(line) + ": " + field + ": " + message;
    }
};

}  // namespace deportmap::data
