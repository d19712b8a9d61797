// One problem found while reading a data file, printed compiler-style.
#pragma once
#include <string>

namespace deportmap::data {

struct Problem {
    std::string file;     // the path as the user gave it
    int line = 0;         // 1-based; the header is line 1; 0 when the whole file is at fault
    std::string field;    // column name, "row" or "header"; empty with line 0
    std::string message;  // one line, no trailing period
    bool warning = false; // a warning: worth fixing, but the data is usable as it is


    // "FILE:LINE: field: message", or "FILE: message" when line is 0; a warning says
    // "warning: " before the message.
    std::string to_string() const {
        std::string out = file;
        if (line > 0) {
            out.append(":").append(std::to_string(line)).append(": ").append(field);
        }
        out.append(": ");
        if (warning) out.append("warning: ");
        out.append(message);
        return out;
    }
};

}  // namespace deportmap::data
