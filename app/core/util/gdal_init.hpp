// One process-wide GDAL driver registration shared by every reader (boundaries, events,
// names). GDALAllRegister() itself is not safe to run from two threads at once, and the
// exporter reads boundaries and events on two threads in parallel.
#pragma once

namespace deportmap {

// Registers GDAL's drivers exactly once per process; safe to call from any thread.
void ensure_gdal_registered();

}  // namespace deportmap
