// Fuzz target: the country resolver's lookups by name or code, on the bundled resolver
// (iso-codes, assets/ tables, the GeoPackage's names). No exceptions are documented.
#include <cstdint>
#include <string>

#include "core/data/countries.hpp"
#include "fuzz_support.hpp"

namespace {

const deportmap::data::CountryResolver& resolver() {
    static const auto r = deportmap::data::CountryResolver::load_default();
    return r;
}

void check(const deportmap::data::Resolution& r, std::string_view input) {
    using deportmap::fuzz::fail;
    using Kind = deportmap::data::Resolution::Kind;
    if (r.found() != (r.kind == Kind::Found)) fail("found() disagrees with kind");
    if (r.found() && (r.country < 0 || static_cast<size_t>(r.country) >= resolver().size())) {
        fail("a found country outside the resolver");
    }
    if (r.kind == Kind::Ambiguous && r.candidates.size() < 2) fail("ambiguous with under two candidates");
    if (r.kind != Kind::Empty && r.message(input).empty()) fail("an empty message");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace deportmap;
    using fuzz::fail;
    if (size > 4096) return -1;  // names are short; suggest() compares with every name
    fuzz::quiet_gdal();
    const std::string_view text = fuzz::as_text(data, size);
    const data::CountryResolver& c = resolver();
    const data::Resolution any = c.resolve(text);
    check(any, text);
    check(c.resolve_code(text), text);
    for (const std::string& s : any.candidates) {  // resolve() ran suggest() for Unknown
        if (s.empty()) fail("an empty candidate");
    }
    const int i = c.find_iso3(text);
    if (i >= 0 && !c.resolve_code(text).found()) fail("find_iso3 knows a code resolve_code does not");
    return 0;
}
