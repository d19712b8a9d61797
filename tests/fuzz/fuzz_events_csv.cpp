// Fuzz target: an events CSV file through EventReader (the scan and OGR's CSV driver side
// by side). read_events documents no exceptions: bad input must come back as problems.
#include <cstdint>
#include <string>

#include "core/data/events.hpp"
#include "fuzz_events_check.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace deportmap;
    if (size > fuzz::kMaxInput) return -1;
    fuzz::quiet_gdal();
    // read_csv opens the file with fopen, so the bytes go to a real file.
    const std::string path = fuzz::write_scratch("events.csv", data, size);
    const data::ReadResult r = data::read_events({path}, fuzz::countries(), fuzz::statuses());
    fuzz::check_result(r, path);
    return 0;
}
