// Boundary loading through GDAL/OGR: the bundled three-level GeoPackage or any GDAL
// polygon layer (--boundaries), converted at this edge into the plain structs of
// world.hpp. GDAL types never leave this file.
#include "core/geo/world.hpp"
#include "core/util/gdal_init.hpp"

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>

#include "core/util/paths.hpp"

namespace deportmap::geo {

const char* lod_name(Lod lod) {
    switch (lod) {
        case Lod::k110m: return "110m";
        case Lod::k50m: return "50m";
        case Lod::k10m: return "10m";
    }
    return "?";
}

size_t Shape::ring_count() const {
    size_t n = 0;
    for (const Polygon& p : polygons) n += p.rings.size();
    return n;
}

size_t Shape::vertex_count() const {
    size_t n = 0;
    for (const Polygon& p : polygons) {
        for (const Ring& r : p.rings) n += r.size();
    }
    return n;
}

const Shape& Country::shape_at(Lod lod) const {
    const int own = static_cast<int>(lod);
    for (int l = own; l < kLodCount; ++l) {
        if (!shapes[l].empty()) return shapes[l];
    }
    // Nothing at this level or finer (Vatican's 10m geometry is empty): a coarser shape
    // beats a country vanishing.
    for (int l = own - 1; l >= 0; --l) {
        if (!shapes[l].empty()) return shapes[l];
    }
    return shapes[own];
}

int World::find(std::string_view iso3) const {
    auto it = std::lower_bound(countries.begin(), countries.end(), iso3,
                               [](const Country& c, std::string_view key) { return c.iso3 < key; });
    if (it != countries.end() && it->iso3 == iso3) return static_cast<int>(it - countries.begin());
    // Not sorted (a caller edited the list) or a different case: fall back to a scan.
    for (size_t i = 0; i < countries.size(); ++i) {
        if (countries[i].iso3 == iso3) return static_cast<int>(i);
    }
    return -1;
}

std::string default_boundaries_path() { return data_path("geodata/countries.gpkg"); }

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

void ensure_gdal() { ensure_gdal_registered(); }

// GDAL's last error as one line (GDAL messages can hold newlines).
std::string last_gdal_error() {
    std::string msg = CPLGetLastErrorMsg();
    std::replace(msg.begin(), msg.end(), '\n', ' ');
    while (!msg.empty() && (msg.back() == ' ' || msg.back() == '.')) msg.pop_back();
    return msg;
}

// Keeps GDAL from printing its own errors while a scope runs (we report them).
struct QuietGdal {
    QuietGdal() {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
    }
    ~QuietGdal() { CPLPopErrorHandler(); }
    QuietGdal(const QuietGdal&) = delete;
    QuietGdal& operator=(const QuietGdal&) = delete;
};

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

bool is_polygon_type(OGRwkbGeometryType type) {
    switch (wkbFlatten(type)) {
        case wkbPolygon:
        case wkbMultiPolygon:
        case wkbCurvePolygon:
        case wkbMultiSurface:
        case wkbPolyhedralSurface:
        case wkbTIN:
            return true;
        default:
            return false;
    }
}

bool geometry_has_polygon(const OGRGeometry* g) {
    if (!g) return false;
    if (is_polygon_type(g->getGeometryType())) return true;
    if (wkbFlatten(g->getGeometryType()) == wkbGeometryCollection) {
        for (const OGRGeometry* sub : g->toGeometryCollection()) {
            if (geometry_has_polygon(sub)) return true;
        }
    }
    return false;
}

// The layer holds polygons: by its declared type, or (for untyped layers such as some
// GeoJSON) by looking at its first features.
bool layer_has_polygons(OGRLayer* layer) {
    const OGRwkbGeometryType type = layer->GetGeomType();
    if (is_polygon_type(type)) return true;
    const OGRwkbGeometryType flat = wkbFlatten(type);
    if (flat != wkbUnknown && flat != wkbGeometryCollection) return false;
    layer->ResetReading();
    int looked = 0;
    bool found = false;
    for (OGRFeature* f; !found && looked < 1000 && (f = layer->GetNextFeature()) != nullptr; ++looked) {
        found = geometry_has_polygon(f->GetGeometryRef());
        OGRFeature::DestroyFeature(f);
    }
    layer->ResetReading();
    return found;
}

// A point that can be a longitude/latitude in degrees: finite, |lat| <= 90 and
// |lon| <= 540 (files in 0..360, or a little past ±180, still load).
bool is_lon_lat(Vec2 p) {
    return std::isfinite(p.x) && std::isfinite(p.y) && std::abs(p.x) <= 540.0 &&
           std::abs(p.y) <= 90.0 + 1e-9;
}

// The ring's points without repeats and without the closing repeat; false, with the
// first point that is not a longitude/latitude in `bad_index` (0-based), otherwise.
bool convert_ring(const OGRSimpleCurve* curve, std::vector<OGRRawPoint>& buffer, Ring& ring,
                  size_t& bad_index) {
    ring.clear();
    const int n = curve->getNumPoints();
    if (n <= 0) return true;
    buffer.resize(static_cast<size_t>(n));
    curve->getPoints(buffer.data());
    ring.reserve(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) {
        const Vec2 p{buffer[i].x, buffer[i].y};
        if (!is_lon_lat(p)) {
            bad_index = static_cast<size_t>(i);
            return false;
        }
        if (!ring.empty() && ring.back().x == p.x && ring.back().y == p.y) continue;
        ring.push_back(p);
    }
    // Drop the closing repeat (and any run of repeats of the first point).
    while (ring.size() > 1 && ring.back().x == ring.front().x && ring.back().y == ring.front().y) {
        ring.pop_back();
    }
    return true;
}

std::string point_text(const OGRRawPoint& p) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "(%.9g, %.9g)", p.x, p.y);
    return buf;
}

// Geometry to polygons. Polygons that cannot be drawn are left out, each with a line in
// `skipped` (at most kMaxSkipped lines; `skipped_total` counts them all). Crossing or
// touching rings are kept: the tessellator copes with them.
struct Converter {
    static constexpr size_t kMaxSkipped = 100;
    std::vector<OGRRawPoint> buffer;
    std::string where;  // "FILE: feature 3 (XAA)", set per feature
    size_t polygon = 0;  // polygons seen in the feature so far
    std::vector<std::string>* skipped = nullptr;
    size_t skipped_total = 0;
    size_t skipped_listed = 0;

    void note(const std::string& message) {
        ++skipped_total;
        if (skipped && skipped->size() < kMaxSkipped) {
            skipped->push_back(where + ": " + message);
            ++skipped_listed;
        }
    }

    void add_polygon(const OGRPolygon* poly, Shape& shape) {
        const std::string name = "polygon " + std::to_string(++polygon);
        Polygon out;
        const int holes = poly->getNumInteriorRings();
        for (int r = -1; r < holes; ++r) {
            const OGRLinearRing* lr = r < 0 ? poly->getExteriorRing() : poly->getInteriorRing(r);
            if (!lr) {
                if (r < 0) return;
                continue;
            }
            Ring ring;
            size_t bad = 0;
            if (!convert_ring(lr, buffer, ring, bad)) {
                return note(name + " skipped: point " + std::to_string(bad + 1) + " of " +
                            (r < 0 ? "its outer ring" : "hole " + std::to_string(r + 1)) + " " +
                            point_text(buffer[bad]) + " is not a longitude/latitude in degrees");
            }
            if (ring.size() < 3) {
                const std::string few = "only " + std::to_string(ring.size()) + " distinct points";
                if (r < 0) {
                    // No outer boundary: nothing to draw (an empty ring says nothing).
                    if (!ring.empty()) note(name + " skipped: its outer ring has " + few);
                    return;
                }
                if (!ring.empty()) note(name + ": hole " + std::to_string(r + 1) + " left out: " + few);
                continue;
            }
            // Outer rings counter-clockwise, holes clockwise.
            const double a = signed_area(ring);
            if ((r < 0 && a < 0) || (r >= 0 && a > 0)) std::reverse(ring.begin(), ring.end());
            out.rings.push_back(std::move(ring));
        }
        if (out.rings.empty()) return;
        for (const Vec2& p : out.rings[0]) shape.bbox.add(p);
        shape.polygons.push_back(std::move(out));
    }

    void add(const OGRGeometry* g, Shape& shape) {
        if (!g || g->IsEmpty()) return;
        switch (wkbFlatten(g->getGeometryType())) {
            case wkbPolygon:
            case wkbTriangle:
                add_polygon(g->toPolygon(), shape);
                break;
            case wkbMultiPolygon:
            case wkbGeometryCollection:
                for (const OGRGeometry* sub : g->toGeometryCollection()) add(sub, shape);
                break;
            case wkbCurvePolygon:
            case wkbMultiSurface:
            case wkbPolyhedralSurface:
            case wkbTIN: {
                // Curves are linearised, surfaces split into their polygons.
                std::unique_ptr<OGRGeometry> mp(OGRGeometryFactory::forceToMultiPolygon(g->clone()));
                if (mp && wkbFlatten(mp->getGeometryType()) == wkbMultiPolygon) add(mp.get(), shape);
                break;
            }
            default:
                break;  // points and lines carry no area
        }
    }
};

const std::vector<std::string>& id_candidates() {
    static const std::vector<std::string> v = {
        "iso3", "ISO3", "ISO_A3", "iso_a3", "ISO_A3_EH", "iso_a3_eh", "ADM0_A3", "adm0_a3",
        "ADM0_ISO", "GID_0", "ISO", "iso", "ISO3166_1_Alpha_3", "id", "ID", "Id"};
    return v;
}
const std::vector<std::string>& name_candidates() {
    static const std::vector<std::string> v = {
        "name", "NAME", "Name", "NAME_EN", "name_en", "ADMIN", "admin", "NAME_LONG", "name_long",
        "COUNTRY", "country", "NAME_0", "CNTRY_NAME", "country_name"};
    return v;
}
const std::vector<std::string>& iso2_candidates() {
    static const std::vector<std::string> v = {"iso2", "ISO2", "ISO_A2", "iso_a2", "ISO_A2_EH"};
    return v;
}
const std::vector<std::string>& numeric_candidates() {
    static const std::vector<std::string> v = {"iso_n3", "ISO_N3", "ISO_N3_EH", "isonum", "UN"};
    return v;
}
const std::vector<std::string>& official_candidates() {
    static const std::vector<std::string> v = {"official_name", "FORMAL_EN", "formal_en"};
    return v;
}

// Field indices to read, in order of preference; the first with a usable value wins.
struct FieldPlan {
    std::vector<int> id;
    std::vector<int> name;
    std::vector<int> iso2;
    std::vector<int> numeric;
    std::vector<int> official;
};

std::string field_list(const OGRFeatureDefn* defn) {
    std::string out;
    for (int i = 0; i < defn->GetFieldCount(); ++i) {
        if (i) out += ", ";
        if (i == 12) {
            out += "...";
            break;
        }
        out += defn->GetFieldDefn(i)->GetNameRef();
    }
    return out.empty() ? "none" : out;
}

std::vector<int> detect(const OGRFeatureDefn* defn, const std::vector<std::string>& names) {
    std::vector<int> found;
    for (const std::string& n : names) {
        const int i = defn->GetFieldIndex(n.c_str());
        if (i >= 0 && std::find(found.begin(), found.end(), i) == found.end()) found.push_back(i);
    }
    return found;
}

FieldPlan plan_fields(const std::string& path, OGRLayer* layer, const LoadOptions& options) {
    const OGRFeatureDefn* defn = layer->GetLayerDefn();
    FieldPlan plan;
    auto named = [&](const std::string& field, const char* what) {
        const int i = defn->GetFieldIndex(field.c_str());
        if (i < 0) {
            throw GeoError(path + ": layer '" + layer->GetName() + "' has no " + what + " field '" +
                           field + "' (fields: " + field_list(defn) + ")");
        }
        return std::vector<int>{i};
    };
    plan.id = options.id_field.empty() ? detect(defn, id_candidates()) : named(options.id_field, "id");
    if (plan.id.empty()) {
        throw GeoError(path + ": layer '" + layer->GetName() +
                       "' has no country id field (looked for ISO_A3, ADM0_A3, iso3, id, ...; "
                       "fields: " + field_list(defn) + "); name one with --id-field");
    }
    plan.name = options.name_field.empty() ? detect(defn, name_candidates())
                                           : named(options.name_field, "name");
    plan.iso2 = detect(defn, iso2_candidates());
    plan.numeric = detect(defn, numeric_candidates());
    plan.official = detect(defn, official_candidates());
    return plan;
}

std::string trimmed(const char* s) {
    std::string v = s ? s : "";
    const auto b = v.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return {};
    const auto e = v.find_last_not_of(" \t\r\n");
    return v.substr(b, e - b + 1);
}

// First usable value among the fields (Natural Earth writes "-99" for "none").
std::string first_value(OGRFeature* f, const std::vector<int>& fields) {
    for (int i : fields) {
        if (!f->IsFieldSetAndNotNull(i)) continue;
        std::string v = trimmed(f->GetFieldAsString(i));
        if (!v.empty() && v != "-99" && v != "-099") return v;
    }
    return {};
}

struct Reprojection {
    std::unique_ptr<OGRCoordinateTransformation> transform;  // null: already lon/lat WGS 84
};

Reprojection plan_reprojection(const std::string& path, OGRLayer* layer) {
    Reprojection r;
    const OGRSpatialReference* srs = layer->GetSpatialRef();
    if (!srs || srs->IsEmpty()) return r;  // no CRS: assume lon/lat degrees
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    if (srs->IsSame(&wgs84) && srs->GetDataAxisToSRSAxisMapping() == wgs84.GetDataAxisToSRSAxisMapping()) {
        return r;
    }
    r.transform.reset(OGRCreateCoordinateTransformation(srs, &wgs84));
    if (!r.transform) {
        const char* name = srs->GetName();
        throw GeoError(path + ": cannot reproject layer '" + layer->GetName() + "' from " +
                       (name ? name : "its CRS") + " to EPSG:4326: " + last_gdal_error());
    }
    return r;
}

struct LayerRead {
    size_t feature_count = 0;
};

// Reads every feature of a layer into `countries` (keyed by id through `index`), marking
// the levels in `levels` present and filling their shapes.
LayerRead read_layer(const std::string& path, OGRLayer* layer, const LoadOptions& options,
                     const std::vector<int>& levels, std::vector<Country>& countries,
                     std::map<std::string, size_t>& index, std::vector<std::string>& skipped) {
    const FieldPlan plan = plan_fields(path, layer, options);
    Reprojection reproject = plan_reprojection(path, layer);
    Converter converter;
    converter.skipped = &skipped;
    LayerRead result;
    layer->ResetReading();
    for (OGRFeature* raw; (raw = layer->GetNextFeature()) != nullptr;) {
        std::unique_ptr<OGRFeature, void (*)(OGRFeature*)> f(raw, OGRFeature::DestroyFeature);
        ++result.feature_count;
        std::string id = first_value(f.get(), plan.id);
        std::string name = first_value(f.get(), plan.name);
        if (id.empty()) {
            // No code: a stable stand-in from the feature's position (never a real ISO code).
            char buf[16];
            std::snprintf(buf, sizeof buf, "X%03zu", result.feature_count);
            id = buf;
        }
        auto [it, inserted] = index.try_emplace(id, countries.size());
        if (inserted) {
            Country c;
            c.iso3 = id;
            countries.push_back(std::move(c));
        }
        Country& c = countries[it->second];
        if (c.name.empty()) c.name = name;
        if (c.iso2.empty()) c.iso2 = first_value(f.get(), plan.iso2);
        if (c.iso_n3.empty()) c.iso_n3 = first_value(f.get(), plan.numeric);
        if (c.official_name.empty()) c.official_name = first_value(f.get(), plan.official);

        Shape shape;
        if (OGRGeometry* g = f->GetGeometryRef(); g && !g->IsEmpty()) {
            if (reproject.transform && g->transform(reproject.transform.get()) != OGRERR_NONE) {
                g = nullptr;  // outside the source CRS's valid area: keep the country, no shape
            }
            converter.where = path + ": feature " + std::to_string(result.feature_count) + " (" + id + ")";
            converter.polygon = 0;
            if (g) converter.add(g, shape);
        }
        for (size_t k = 0; k < levels.size(); ++k) {
            const int l = levels[k];
            c.present[l] = true;
            Shape& dst = c.shapes[l];
            dst.bbox.add(shape.bbox);
            const bool last = k + 1 == levels.size();
            if (dst.polygons.empty()) {
                if (last) {
                    dst.polygons = std::move(shape.polygons);
                } else {
                    dst.polygons = shape.polygons;
                }
            } else {
                // A second feature with the same id (a country split over features).
                dst.polygons.insert(dst.polygons.end(), shape.polygons.begin(), shape.polygons.end());
            }
        }
    }
    if (converter.skipped_total > converter.skipped_listed) {
        skipped.push_back(path + ": " +
                          std::to_string(converter.skipped_total - converter.skipped_listed) +
                          " more polygons or holes left out");
    }
    return result;
}

}  // namespace

World load_world(const LoadOptions& options) {
    ensure_gdal();
    World world;
    world.source_path = options.path.empty() ? default_boundaries_path() : options.path;
    const std::string& path = world.source_path;

    QuietGdal quiet;
    const auto t_open = Clock::now();
    DatasetPtr ds(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY | GDAL_OF_VERBOSE_ERROR, nullptr, nullptr, nullptr)));
    if (!ds) {
        const std::string why = last_gdal_error();
        throw GeoError(path + ": cannot read boundaries" + (why.empty() ? std::string() : ": " + why));
    }
    world.open_ms = ms_since(t_open);

    std::map<std::string, size_t> index;
    OGRLayer* bundled[kLodCount] = {};
    for (int l = 0; l < kLodCount; ++l) {
        const std::string name = std::string("countries_") + lod_name(static_cast<Lod>(l));
        bundled[l] = ds->GetLayerByName(name.c_str());
    }
    const bool three_levels = bundled[0] && bundled[1] && bundled[2];
    if (three_levels) {
        for (int l = 0; l < kLodCount; ++l) {
            if (!options.levels[l]) continue;
            const auto t = Clock::now();
            world.feature_count[l] =
                read_layer(path, bundled[l], options, {l}, world.countries, index, world.skipped)
                    .feature_count;
            world.load_ms[l] = ms_since(t);
        }
    } else {
        OGRLayer* layer = nullptr;
        for (OGRLayer* candidate : ds->GetLayers()) {
            if (layer_has_polygons(candidate)) {
                layer = candidate;
                break;
            }
        }
        if (!layer) throw GeoError(path + ": no polygon layer found");
        std::vector<int> levels;
        for (int l = 0; l < kLodCount; ++l) {
            if (options.levels[l]) levels.push_back(l);
        }
        const auto t = Clock::now();
        const size_t count =
            read_layer(path, layer, options, levels, world.countries, index, world.skipped).feature_count;
        const double ms = ms_since(t);
        for (int l : levels) {
            world.feature_count[l] = count;
            world.load_ms[l] = ms;
        }
    }
    std::sort(world.countries.begin(), world.countries.end(),
              [](const Country& a, const Country& b) { return a.iso3 < b.iso3; });
    for (Country& c : world.countries) {
        if (c.name.empty()) c.name = c.iso3;
        if (c.official_name.empty()) c.official_name = c.name;
    }
    return world;
}

}  // namespace deportmap::geo
