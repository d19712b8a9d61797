// GDAL registration and quiet error collection for the data readers.
#include "core/data/gdal_util.hpp"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace deportmap::data {

void ensure_gdal() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

namespace {
void CPL_STDCALL collect(CPLErr level, CPLErrorNum, const char* message) {
    auto* self = static_cast<std::string*>(CPLGetErrorHandlerUserData());
    if (self && message && level >= CE_Failure) *self = message;
}
}  // namespace

QuietGdal::QuietGdal() { CPLPushErrorHandlerEx(collect, &last_); }
QuietGdal::~QuietGdal() { CPLPopErrorHandler(); }

}  // namespace deportmap::data
