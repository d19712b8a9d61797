// Fuzz target: a sources table linked to an events table (EventReader::link_sources).
// The input is split at its first NUL byte: before it the events CSV, after it the
// sources CSV; without a NUL the input is the sources table and the events are a fixed
// small table with ids, so unknown ids, repeated URLs, tiers and dates all reach the link.
#include <cstdint>
#include <cstring>
#include <string>

#include "core/data/events.hpp"
#include "fuzz_events_check.hpp"
#include "fuzz_support.hpp"

namespace {

const char* const kEvents =
    "id,country_name,iso3,date,status,summary\n"
    "a,Kosovo,XKX,2025-06-11,agreed,x\n"
    "b,Peru,PER,2025-06,declined,y\n"
    "c,,,2025-05-21,blocked_by_court,D. Mass.\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace deportmap;
    if (size > fuzz::kMaxInput) return -1;
    fuzz::quiet_gdal();
    const void* nul = std::memchr(data, 0, size);
    const size_t split = nul ? static_cast<size_t>(static_cast<const uint8_t*>(nul) - data) : 0;
    const std::string events = nul ? fuzz::write_scratch("events.csv", data, split)
                                   : fuzz::write_scratch("events.csv", reinterpret_cast<const uint8_t*>(kEvents),
                                                         std::strlen(kEvents));
    const uint8_t* rest = nul ? data + split + 1 : data;
    const size_t rest_size = nul ? size - split - 1 : size;
    const std::string sources = fuzz::write_scratch("sources.csv", rest, rest_size);
    const data::ReadResult r = data::read_events({events, sources}, fuzz::countries(), fuzz::statuses());
    fuzz::check_result(r, "");
    for (const data::Event& e : r.events) {
        if (e.file != events && e.file != sources) fuzz::fail("an event names a file not read");
        for (const data::Source& s : e.sources) {
            if (s.file != events && s.file != sources) fuzz::fail("a source names a file not read");
        }
    }
    return 0;
}
