// Fuzz target: StatusTable::load on a status table CSV. A file that cannot be used gives
// nullopt with problems; one that loads must be a consistent table.
#include <cstdint>
#include <string>
#include <vector>

#include "core/data/statuses.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace deportmap;
    using fuzz::fail;
    if (size > fuzz::kMaxInput) return -1;
    fuzz::quiet_gdal();
    const std::string path = fuzz::write_scratch("statuses.csv", data, size);
    std::vector<data::Problem> problems;
    const std::optional<data::StatusTable> t = data::StatusTable::load(path, problems);
    if (!t) {
        if (problems.empty()) fail("a table refused without a problem");
        return 0;
    }
    if (t->legend().size() != t->size()) fail("the legend does not list every status");
    for (size_t i = 0; i < t->size(); ++i) {
        const data::StatusIndex found = t->find((*t)[i].key);
        if (found < 0 || (*t)[static_cast<size_t>(found)].key != (*t)[i].key) {
            fail("a status cannot be found by its own key");
        }
    }
    (void)t->key_list();
    return 0;
}
