// Small GDAL helpers for the data readers: one-time driver registration and a scope that
// keeps GDAL's own messages off stderr while remembering the last one.
#pragma once
#include <string>

namespace deportmap::data {

// GDALAllRegister() once per process; safe from any thread.
void ensure_gdal();

// While alive, GDAL errors and warnings are collected instead of printed.
class QuietGdal {
public:
    QuietGdal();
    ~QuietGdal();
    QuietGdal(const QuietGdal&) = delete;
    QuietGdal& operator=(const QuietGdal&) = delete;
    // The last error message GDAL reported in this scope, or "".
    const std::string& last_error() const { return last_; }

private:
    std::string last_;
};

}  // namespace deportmap::data
