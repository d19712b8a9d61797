// Fuzz target: load_world on a GeoJSON boundaries file held in memory (/vsimem/). The
// documented failure is GeoError; every country loaded must have a code and, at each
// level, a bounding box that holds its outer rings.
#include <cstdint>
#include <string>

#include "core/geo/world.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace deportmap;
    using fuzz::fail;
    if (size > fuzz::kMaxInput) return -1;
    fuzz::quiet_gdal();
    const fuzz::MemFile file("/vsimem/deportmap_fuzz/boundaries.geojson", data, size);
    geo::LoadOptions options;
    options.path = file.path();
    try {
        const geo::World w = geo::load_world(options);
        for (const geo::Country& c : w.countries) {
            if (c.iso3.empty()) fail("a country without a code");
            if (w.find(c.iso3) < 0) fail("a loaded country cannot be found by its code");
            for (int l = 0; l < geo::kLodCount; ++l) {
                const geo::Shape& shape = c.shape_at(static_cast<geo::Lod>(l));
                // The box is built from the outer rings only (a hole of a bad polygon may
                // lie outside it; load_world does not reject those).
                for (const geo::Polygon& poly : shape.polygons) {
                    if (poly.rings.empty()) fail("a polygon without rings");
                    for (const geo::Vec2& v : poly.rings.front()) {
                        if (!(v.x >= shape.bbox.min_x && v.x <= shape.bbox.max_x &&
                              v.y >= shape.bbox.min_y && v.y <= shape.bbox.max_y)) {
                            fail("an outer-ring vertex outside its shape's bounding box");
                        }
                    }
                }
            }
        }
    } catch (const geo::GeoError&) {
    }
    return 0;
}
