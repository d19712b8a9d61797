// Process-wide GDAL registration (see gdal_init.hpp).
#include "core/util/gdal_init.hpp"

#include <gdal.h>

#include <mutex>

namespace deportmap {

void ensure_gdal_registered() {
    static std::once_flag once;
    std::call_once(once, [] { GDALAllRegister(); });
}

}  // namespace deportmap
