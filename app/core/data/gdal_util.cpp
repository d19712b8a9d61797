// GDAL registration and quiet error collection for the data readers.
#include "core/data/gdal_util.hpp"
#include "core/util/gdal_init.hpp"

#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace deportmap::data {

void ensure_gdal() { ensure_gdal_registered(); }

namespace {
void CPL_STDCALL collect(CPLErr level, CPLErrorNum, const char* message) {
    auto* self = static_cast<std::string*>(CPLGetErrorHandlerUserData());
    if (self && message && level >= CE_Failure) *self = message;
}
}  // namespace

QuietGdal::QuietGdal() { CPLPushErrorHandlerEx(collect, &last_); }
QuietGdal::~QuietGdal() { CPLPopErrorHandler(); }

}  // namespace deportmap::data
