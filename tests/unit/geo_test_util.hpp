// Helpers shared by the geometry tests: a scratch folder and an OGR writer for small
// boundary files (Shapefile, GeoJSON, GeoPackage) built from WKT.
#pragma once
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "core/geo/types.hpp"
#include "scratch.hpp"

namespace geotest {

// A fresh folder `name` in the test's scratch folder (tests/support/scratch.hpp),
// removed when the object goes away.
class ScratchDir {
public:
    explicit ScratchDir(const std::string& name)
        : path_(deportmap::test::fresh_scratch_dir(name)) {}
    ~ScratchDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;
    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

struct FeatureSpec {
    std::vector<std::pair<std::string, std::string>> fields;  // name, value (strings)
    std::string wkt;                                         // empty: no geometry
};

// Writes one layer with string fields through OGR. `epsg` 0 writes no CRS.
inline void write_layer(const std::string& driver_name, const std::string& path,
                        const std::vector<std::string>& field_names,
                        const std::vector<FeatureSpec>& features, int epsg = 4326,
                        OGRwkbGeometryType type = wkbMultiPolygon,
                        const std::string& layer_name = "boundaries") {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName(driver_name.c_str());
    ASSERT_NE(driver, nullptr) << driver_name;
    GDALDataset* ds = driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    ASSERT_NE(ds, nullptr) << path;
    OGRSpatialReference srs;
    if (epsg) {
        srs.importFromEPSG(epsg);
        srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    }
    OGRLayer* layer = ds->CreateLayer(layer_name.c_str(), epsg ? &srs : nullptr, type, nullptr);
    ASSERT_NE(layer, nullptr);
    for (const std::string& f : field_names) {
        OGRFieldDefn defn(f.c_str(), OFTString);
        ASSERT_EQ(layer->CreateField(&defn), OGRERR_NONE);
    }
    for (const FeatureSpec& spec : features) {
        OGRFeature feature(layer->GetLayerDefn());
        for (const auto& [name, value] : spec.fields) feature.SetField(name.c_str(), value.c_str());
        if (!spec.wkt.empty()) {
            OGRGeometry* g = nullptr;
            ASSERT_EQ(OGRGeometryFactory::createFromWkt(spec.wkt.c_str(), nullptr, &g), OGRERR_NONE)
                << spec.wkt;
            feature.SetGeometryDirectly(g);
        }
        ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
    }
    GDALClose(ds);
}

inline double triangle_area(deportmap::geo::Vec2 a, deportmap::geo::Vec2 b,
                            deportmap::geo::Vec2 c) {
    return 0.5 * ((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
}

}  // namespace geotest
