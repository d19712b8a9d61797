// Boundary loading: the bundled GeoPackage's levels and codes, small states borrowed from
// finer levels, other GDAL files written here (Shapefile, GeoJSON, GeoPackage) with
// detected or named fields and reprojection, and one-line errors that name the file.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <set>

#include "core/geo/mesh.hpp"
#include "core/geo/world.hpp"
#include "geo_test_util.hpp"

using namespace deportmap::geo;

namespace {

const World& bundled() {
    static const World world = load_world({});
    return world;
}

const Country& country(const World& w, const std::string& iso3) {
    const int i = w.find(iso3);
    EXPECT_GE(i, 0) << iso3;
    static const Country none;
    return i >= 0 ? w.countries[static_cast<size_t>(i)] : none;
}

// Runs load_world and returns the GeoError message ("" when it did not throw).
std::string load_error(const LoadOptions& options) {
    try {
        load_world(options);
    } catch (const GeoError& e) {
        return e.what();
    }
    return "";
}

const char* kSquareA = "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)))";
const char* kSquareB = "MULTIPOLYGON(((20 0,30 0,30 10,20 10,20 0)),((40 0,42 0,42 2,40 0)))";

}  // namespace

TEST(GeoWorld, BundledLevelCounts) {
    const World& w = bundled();
    EXPECT_EQ(w.feature_count[0], 177u);
    EXPECT_EQ(w.feature_count[1], 241u);
    EXPECT_EQ(w.feature_count[2], 255u);
    // The union of the levels is the finest level's set.
    EXPECT_EQ(w.countries.size(), 255u);
    size_t present[kLodCount] = {};
    for (const Country& c : w.countries) {
        for (int l = 0; l < kLodCount; ++l) present[l] += c.present[l];
    }
    EXPECT_EQ(present[0], 177u);
    EXPECT_EQ(present[1], 241u);
    EXPECT_EQ(present[2], 255u);
}

TEST(GeoWorld, SortedUniqueIso3AndFind) {
    const World& w = bundled();
    std::set<std::string> seen;
    for (size_t i = 0; i < w.countries.size(); ++i) {
        if (i > 0) {
            EXPECT_LT(w.countries[i - 1].iso3, w.countries[i].iso3);
        }
        EXPECT_TRUE(seen.insert(w.countries[i].iso3).second);
        EXPECT_EQ(w.find(w.countries[i].iso3), static_cast<int>(i));
    }
    EXPECT_EQ(w.find("NOPE"), -1);
}

TEST(GeoWorld, CodesAndNames) {
    const World& w = bundled();
    const Country& kosovo = country(w, "XKX");
    EXPECT_EQ(kosovo.name, "Kosovo");
    EXPECT_TRUE(kosovo.present[0] && kosovo.present[1] && kosovo.present[2]);
    const Country& usa = country(w, "USA");
    EXPECT_EQ(usa.iso2, "US");
    EXPECT_EQ(usa.iso_n3, "840");
    EXPECT_FALSE(usa.official_name.empty());
}

TEST(GeoWorld, SmallStatesExistAtWorldScale) {
    const World& w = bundled();
    for (const char* iso3 : {"PLW", "ATG", "DMA", "CPV"}) {
        const Country& c = country(w, iso3);
        EXPECT_FALSE(c.present[0]) << iso3 << " is not in the 110m data";
        EXPECT_TRUE(c.shapes[0].empty()) << iso3;
        const Shape& s = c.shape_at(Lod::k110m);
        EXPECT_FALSE(s.empty()) << iso3 << " must be drawable at 110m";
        EXPECT_EQ(&s, &c.shapes[1]) << iso3 << " borrows the 50m shape";
    }
    // A country with its own coarse shape uses it.
    const Country& fra = country(w, "FRA");
    EXPECT_EQ(&fra.shape_at(Lod::k110m), &fra.shapes[0]);
}

TEST(GeoWorld, VaticanIsKeptWithEmptyGeometryAt10m) {
    const Country& vat = country(bundled(), "VAT");
    EXPECT_TRUE(vat.present[2]);
    EXPECT_TRUE(vat.shapes[2].empty());
    // It still has a shape to draw at every level: the 50m one.
    EXPECT_FALSE(vat.shapes[1].empty());
    for (Lod lod : {Lod::k110m, Lod::k50m, Lod::k10m}) EXPECT_EQ(&vat.shape_at(lod), &vat.shapes[1]);
}

TEST(GeoWorld, ShapesAreCleanAndBoxed) {
    for (const Country& c : bundled().countries) {
        for (int l = 0; l < kLodCount; ++l) {
            const Shape& s = c.shapes[l];
            if (s.empty()) continue;
            ASSERT_FALSE(s.bbox.empty()) << c.iso3;
            EXPECT_GE(s.bbox.min_x, -180.0) << c.iso3;
            EXPECT_LE(s.bbox.max_x, 180.0) << c.iso3;
            EXPECT_GE(s.bbox.min_y, -90.0) << c.iso3;
            EXPECT_LE(s.bbox.max_y, 90.0) << c.iso3;
            for (const Polygon& p : s.polygons) {
                ASSERT_FALSE(p.rings.empty());
                EXPECT_GT(signed_area(p.rings[0]), 0) << c.iso3 << " outer ring counter-clockwise";
                for (size_t r = 1; r < p.rings.size(); ++r) {
                    EXPECT_LT(signed_area(p.rings[r]), 0) << c.iso3 << " hole clockwise";
                }
                for (const Ring& ring : p.rings) {
                    ASSERT_GE(ring.size(), 3u);
                    EXPECT_FALSE(ring.front().x == ring.back().x && ring.front().y == ring.back().y)
                        << c.iso3 << ": closing point not repeated";
                    for (const Vec2& v : ring) EXPECT_TRUE(s.bbox.contains(v)) << c.iso3;
                }
            }
        }
    }
}

TEST(GeoWorld, SelectedLevelsOnly) {
    LoadOptions options;
    options.levels = {true, false, false};
    const World w = load_world(options);
    EXPECT_EQ(w.feature_count[0], 177u);
    EXPECT_EQ(w.feature_count[1], 0u);
    EXPECT_EQ(w.feature_count[2], 0u);
    EXPECT_EQ(w.countries.size(), 177u);
}

TEST(GeoWorld, ShapefileWithNaturalEarthFields) {
    geotest::ScratchDir dir("shp");
    const std::string path = dir.file("ne.shp");
    geotest::write_layer("ESRI Shapefile", path, {"ISO_A3", "ADM0_A3", "NAME", "ISO_A2"},
                         {{{{"ISO_A3", "AAA"}, {"ADM0_A3", "AAA"}, {"NAME", "Alpha"}, {"ISO_A2", "AA"}}, kSquareA},
                          // Natural Earth's "-99": fall back to the next id field.
                          {{{"ISO_A3", "-99"}, {"ADM0_A3", "BBB"}, {"NAME", "Beta"}}, kSquareB}},
                         4326, wkbPolygon);
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    LoadOptions options;
    options.path = path;
    const World w = load_world(options);
    ASSERT_EQ(w.countries.size(), 2u);
    for (int l = 0; l < kLodCount; ++l) EXPECT_EQ(w.feature_count[l], 2u);
    const Country& a = country(w, "AAA");
    EXPECT_EQ(a.name, "Alpha");
    EXPECT_EQ(a.iso2, "AA");
    EXPECT_EQ(a.official_name, "Alpha");
    const Country& b = country(w, "BBB");
    EXPECT_EQ(b.name, "Beta");
    for (int l = 0; l < kLodCount; ++l) {
        EXPECT_TRUE(b.present[l]);
        EXPECT_EQ(b.shapes[l].polygons.size(), 2u);
    }
    EXPECT_DOUBLE_EQ(polygon_area(a.shapes[0].polygons[0]), 100.0);
    EXPECT_DOUBLE_EQ(b.shapes[2].bbox.max_x, 42.0);
}

TEST(GeoWorld, GeoJsonDetectsLowercaseFields) {
    geotest::ScratchDir dir("geojson");
    const std::string path = dir.file("b.geojson");
    geotest::write_layer("GeoJSON", path, {"iso_a3", "admin"},
                         {{{{"iso_a3", "CCC"}, {"admin", "Gamma"}}, kSquareA},
                          {{{"iso_a3", "DDD"}, {"admin", "Delta"}}, kSquareB}});
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    LoadOptions options;
    options.path = path;
    const World w = load_world(options);
    ASSERT_EQ(w.countries.size(), 2u);
    EXPECT_EQ(w.countries[0].iso3, "CCC");
    EXPECT_EQ(w.countries[0].name, "Gamma");
    EXPECT_EQ(w.countries[1].iso3, "DDD");
    EXPECT_EQ(w.countries[1].name, "Delta");
}

TEST(GeoWorld, NamedFieldsWin) {
    geotest::ScratchDir dir("named");
    const std::string path = dir.file("named.geojson");
    geotest::write_layer("GeoJSON", path, {"code", "label", "name"},
                         {{{{"code", "EEE"}, {"label", "Epsilon"}, {"name", "wrong"}}, kSquareA}});
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    LoadOptions options;
    options.path = path;
    // "code" is no known id field: detection fails and says how to fix it.
    const std::string err = load_error(options);
    EXPECT_NE(err.find(path), std::string::npos) << err;
    EXPECT_NE(err.find("--id-field"), std::string::npos) << err;
    options.id_field = "code";
    options.name_field = "label";
    const World w = load_world(options);
    ASSERT_EQ(w.countries.size(), 1u);
    EXPECT_EQ(w.countries[0].iso3, "EEE");
    EXPECT_EQ(w.countries[0].name, "Epsilon");
}

TEST(GeoWorld, ReprojectsToLonLat) {
    geotest::ScratchDir dir("3857");
    const std::string path = dir.file("mercator.gpkg");
    // A square from (0,0) to (1 000 000 m, 1 000 000 m) in Web Mercator.
    geotest::write_layer("GPKG", path, {"ISO3", "NAME"},
                         {{{{"ISO3", "FFF"}, {"NAME", "Zeta"}},
                           "MULTIPOLYGON(((0 0,1000000 0,1000000 1000000,0 1000000,0 0)))"}},
                         3857);
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    LoadOptions options;
    options.path = path;
    const World w = load_world(options);
    ASSERT_EQ(w.countries.size(), 1u);
    const BBox& box = w.countries[0].shapes[1].bbox;
    EXPECT_NEAR(box.min_x, 0.0, 1e-9);
    EXPECT_NEAR(box.min_y, 0.0, 1e-9);
    // Spherical Mercator's inverse, by hand: lon = x / R, lat = atan(sinh(y / R)).
    const double r = 6378137.0, deg = 180.0 / M_PI;
    EXPECT_NEAR(box.max_x, 1e6 / r * deg, 1e-9);
    EXPECT_NEAR(box.max_y, std::atan(std::sinh(1e6 / r)) * deg, 1e-9);
}

TEST(GeoWorld, MissingNamedFieldIsAnError) {
    geotest::ScratchDir dir("missing");
    const std::string path = dir.file("m.geojson");
    geotest::write_layer("GeoJSON", path, {"ISO_A3", "NAME"},
                         {{{{"ISO_A3", "GGG"}, {"NAME", "Eta"}}, kSquareA}});
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    LoadOptions options;
    options.path = path;
    options.name_field = "NOT_THERE";
    const std::string err = load_error(options);
    EXPECT_NE(err.find(path), std::string::npos) << err;
    EXPECT_NE(err.find("NOT_THERE"), std::string::npos) << err;
    EXPECT_EQ(err.find('\n'), std::string::npos) << err;
    options.name_field.clear();
    options.id_field = "NOPE";
    EXPECT_NE(load_error(options).find("NOPE"), std::string::npos);
}

TEST(GeoWorld, FileWithoutPolygonsIsAnError) {
    geotest::ScratchDir dir("points");
    const std::string path = dir.file("points.geojson");
    geotest::write_layer("GeoJSON", path, {"ISO_A3"},
                         {{{{"ISO_A3", "HHH"}}, "POINT(1 2)"}, {{{"ISO_A3", "III"}}, "POINT(3 4)"}},
                         4326, wkbPoint);
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    LoadOptions options;
    options.path = path;
    const std::string err = load_error(options);
    EXPECT_NE(err.find(path), std::string::npos) << err;
    EXPECT_NE(err.find("no polygon layer"), std::string::npos) << err;
}

TEST(GeoWorld, UnreadableFileIsAnError) {
    geotest::ScratchDir dir("garbage");
    const std::string path = dir.file("garbage.geojson");
    std::ofstream(path) << "this is { not a boundaries file\n";
    LoadOptions options;
    options.path = path;
    std::string err = load_error(options);
    EXPECT_NE(err.find(path), std::string::npos) << err;
    EXPECT_EQ(err.find('\n'), std::string::npos) << err;
    options.path = dir.file("does-not-exist.gpkg");
    err = load_error(options);
    EXPECT_NE(err.find(options.path), std::string::npos) << err;
}

TEST(GeoWorld, DefaultPathIsTheBundledFile) {
    EXPECT_NE(default_boundaries_path().find("geodata/countries.gpkg"), std::string::npos);
    EXPECT_EQ(bundled().source_path, default_boundaries_path());
}

namespace {

using RingPoints = std::vector<std::pair<double, double>>;

// Writes a GeoPackage of single polygons (outer ring, then holes) built point by point,
// so NaN and 1e300 reach the file as they are (WKT would not carry NaN).
void write_polygons(const std::string& path,
                    const std::vector<std::pair<std::string, std::vector<RingPoints>>>& features) {
    GDALAllRegister();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    ASSERT_NE(driver, nullptr);
    GDALDataset* ds = driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    ASSERT_NE(ds, nullptr);
    OGRLayer* layer = ds->CreateLayer("boundaries", nullptr, wkbPolygon, nullptr);
    ASSERT_NE(layer, nullptr);
    OGRFieldDefn field("iso3", OFTString);
    ASSERT_EQ(layer->CreateField(&field), OGRERR_NONE);
    for (const auto& [id, rings] : features) {
        OGRFeature feature(layer->GetLayerDefn());
        feature.SetField("iso3", id.c_str());
        auto* poly = new OGRPolygon;
        for (const RingPoints& points : rings) {
            OGRLinearRing ring;
            for (const auto& [x, y] : points) ring.addPoint(x, y);
            poly->addRing(&ring);
        }
        feature.SetGeometryDirectly(poly);
        ASSERT_EQ(layer->CreateFeature(&feature), OGRERR_NONE);
    }
    GDALClose(ds);
}

}  // namespace

TEST(GeoWorld, PolygonsThatCannotBeDrawnAreSkippedWithAMessage) {
    geotest::ScratchDir dir("bad-polygons");
    const std::string path = dir.file("bad.gpkg");
    const RingPoints square{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}};
    const double nan = std::nan("");
    write_polygons(path, {
        {"AAA", {{{0, 0}, {10, 0}, {nan, 10}, {0, 10}, {0, 0}}}},
        {"BBB", {{{0, 0}, {1e300, 0}, {1e300, 10}, {0, 10}, {0, 0}}}},
        {"CCC", {{{0, 0}, {5, 5}, {0, 0}}}},                        // two distinct points
        {"DDD", {square, {{2, 2}, {4, 4}, {2, 2}}}},                // a two-point hole
        {"EEE", {{{40, 0}, {50, 10}, {50, 0}, {40, 10}, {40, 0}}}},  // a bow tie: kept
        {"FFF", {{{0, 0}, {10, 0}, {10, 95}, {0, 10}, {0, 0}}}},     // latitude 95
    });
    ASSERT_FALSE(::testing::Test::HasFatalFailure());
    LoadOptions options;
    options.path = path;
    const World w = load_world(options);
    ASSERT_EQ(w.skipped.size(), 5u);
    EXPECT_EQ(w.skipped[0], path + ": feature 1 (AAA): polygon 1 skipped: point 3 of its outer "
                                   "ring (nan, 10) is not a longitude/latitude in degrees");
    EXPECT_EQ(w.skipped[1], path + ": feature 2 (BBB): polygon 1 skipped: point 2 of its outer "
                                   "ring (1e+300, 0) is not a longitude/latitude in degrees");
    EXPECT_EQ(w.skipped[2],
              path + ": feature 3 (CCC): polygon 1 skipped: its outer ring has only 2 distinct points");
    EXPECT_EQ(w.skipped[3],
              path + ": feature 4 (DDD): polygon 1: hole 1 left out: only 2 distinct points");
    EXPECT_EQ(w.skipped[4].rfind(path + ": feature 6 (FFF): polygon 1 skipped: point 3 ", 0), 0u)
        << w.skipped[4];
    // Every feature is still a country; the skipped ones have no shape.
    ASSERT_EQ(w.countries.size(), 6u);
    EXPECT_TRUE(country(w, "AAA").shapes[0].empty());
    EXPECT_TRUE(country(w, "BBB").shapes[0].empty());
    EXPECT_TRUE(country(w, "CCC").shapes[0].empty());
    ASSERT_EQ(country(w, "DDD").shapes[0].polygons.size(), 1u);
    EXPECT_EQ(country(w, "DDD").shapes[0].polygons[0].rings.size(), 1u);
    EXPECT_EQ(country(w, "EEE").shapes[0].polygons.size(), 1u);
    EXPECT_TRUE(country(w, "FFF").shapes[0].empty());
}

TEST(GeoWorld, AHostileGeoJsonLoadsAndProjects) {
    // The same through a GeoJSON as a user might write it: then every level projects
    // and tessellates (the bow tie included) without hanging.
    geotest::ScratchDir dir("hostile-geojson");
    const std::string path = dir.file("hostile.geojson");
    std::ofstream(path) << R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"iso3":"AAA"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1e300,0],[1e300,10],[0,10],[0,0]]]}},
{"type":"Feature","properties":{"iso3":"BBB"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[5,5],[0,0]]]}},
{"type":"Feature","properties":{"iso3":"CCC"},"geometry":{"type":"Polygon","coordinates":[[[40,0],[50,10],[50,0],[40,10],[40,0]]]}},
{"type":"Feature","properties":{"iso3":"DDD"},"geometry":{"type":"Polygon","coordinates":[[[20,0],[30,0],[30,10],[20,10],[20,0]]]}}]})";
    LoadOptions options;
    options.path = path;
    const World w = load_world(options);
    ASSERT_EQ(w.skipped.size(), 2u);
    EXPECT_NE(w.skipped[0].find("feature 1 (AAA): polygon 1 skipped"), std::string::npos);
    EXPECT_NE(w.skipped[1].find("feature 2 (BBB): polygon 1 skipped"), std::string::npos);
    ASSERT_EQ(w.countries.size(), 4u);
    EXPECT_FALSE(country(w, "CCC").shapes[0].empty());
    EXPECT_FALSE(country(w, "DDD").shapes[0].empty());
    const ProjectedWorld pw = project_world(w, ProjectionKind::EqualEarth);
    for (int l = 0; l < kLodCount; ++l) {
        const MapMesh& mesh = pw.meshes[static_cast<size_t>(l)];
        EXPECT_GE(mesh.fill_indices.size(), 3u * 4u) << lod_name(static_cast<Lod>(l));
        for (uint32_t i : mesh.fill_indices) ASSERT_LT(i, mesh.fill_vertex_count());
    }
}
