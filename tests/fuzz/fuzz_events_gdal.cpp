// Fuzz target: an events table that GDAL reads from memory. Built three times, with
// FUZZ_EXTENSION "xlsx", "ods" or "geojson": the bytes become /vsimem/events.EXT and go
// through EventReader's GDAL path (the extension picks its open options). No exceptions
// are documented: a broken file is one "unreadable" problem.
#include <cstdint>
#include <string>

#include "core/data/events.hpp"
#include "fuzz_events_check.hpp"
#include "fuzz_support.hpp"

#ifndef FUZZ_EXTENSION
#error "define FUZZ_EXTENSION (xlsx, ods or geojson)"
#endif

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace deportmap;
    if (size > fuzz::kMaxInput) return -1;
    fuzz::quiet_gdal();
    const fuzz::MemFile file("/vsimem/deportmap_fuzz/events." FUZZ_EXTENSION, data, size);
    const data::ReadResult r = data::read_events({file.path()}, fuzz::countries(), fuzz::statuses());
    fuzz::check_result(r, file.path());
    return 0;
}
