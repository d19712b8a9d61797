// Fuzz target: export sidecars. The bytes are read as a sidecar file (read_sidecar, with
// its inputs list) and, when they are JSON, given straight to params_from_json (the
// document's "parameters" when it has them, else the whole value). Both document one
// exception type, SidecarError; anything else escaping is a finding. Parameters that
// were read must survive params_to_json and being read back.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "export/options.hpp"
#include "export/sidecar.hpp"
#include "fuzz_support.hpp"

namespace {

void round_trip(const deportmap::exporter::ExportParams& p) {
    using namespace deportmap::exporter;
    const nlohmann::ordered_json j = params_to_json(p);
    try {
        const ExportParams again = params_from_json(j, "round-trip");
        if (params_to_json(again) != j) deportmap::fuzz::fail("parameters change on a round trip");
    } catch (const SidecarError& e) {
        std::fprintf(stderr, "%s\n", e.what());
        deportmap::fuzz::fail("params_from_json refuses what params_to_json wrote");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace deportmap;
    using fuzz::fail;
    using exporter::SidecarError;
    if (size > fuzz::kMaxInput) return -1;
    const std::string path = fuzz::write_scratch("map.png.json", data, size);
    try {
        std::vector<exporter::InputHash> inputs;
        round_trip(exporter::read_sidecar(path, &inputs));
    } catch (const SidecarError& e) {
        if (std::string(e.what()).find(path) == std::string::npos) fail("a SidecarError without the file");
    }

    const auto doc = nlohmann::ordered_json::parse(data, data + size, nullptr, false);
    if (doc.is_discarded()) return 0;
    const nlohmann::ordered_json& params =
        doc.is_object() && doc.contains("parameters") ? doc["parameters"] : doc;
    try {
        round_trip(exporter::params_from_json(params, "fuzz.json"));
    } catch (const SidecarError&) {
    }
    return 0;
}
