// `deportmap countries`: lists every country of the boundaries (the finest level's set)
// with polygon, ring and vertex counts per level of detail, as CSV or JSON; --timings also
// prepares each level and reports load / project / tessellate times on stderr.
#include <algorithm>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "cli/commands.hpp"
#include "core/geo/mesh.hpp"
#include "core/geo/projection.hpp"
#include "core/geo/world.hpp"
#include "core/util/args.hpp"

namespace deportmap::cli {

namespace {

void print_help() {
    std::puts(
        "usage: deportmap countries [--format csv|json] [--boundaries FILE]\n"
        "                           [--id-field F] [--name-field F] [--timings]\n"
        "                           [--projection P]\n"
        "Lists iso3, name, and polygon/ring/vertex counts per level (110m, 50m, 10m) of the\n"
        "bundled boundaries or of FILE (any GDAL polygon layer; id and name fields are\n"
        "detected unless named). A level without its own shape for a country reports 0;\n"
        "the map then draws the next finer level's shape.\n"
        "--timings  prepare every level in projection P (default equal-earth) and print\n"
        "           load / project / tessellate milliseconds per level to stderr.");
}

// CSV field, quoted when it holds a comma, quote or line break.
std::string csv(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

void print_timings(const geo::World& world, geo::ProjectionKind kind) {
    const geo::Projector projector(kind);
    geo::ProjectedWorld projected;
    std::fprintf(stderr, "boundaries: %s (open %.1f ms), projection %s, %u threads\n",
                 world.source_path.c_str(), world.open_ms,
                 std::string(geo::projection_name(kind)).c_str(),
                 std::max(1u, std::thread::hardware_concurrency()));
    std::fprintf(stderr, "%-5s %9s %9s %9s %9s %11s %11s\n", "level", "load_ms", "project_ms",
                 "tess_ms", "total_ms", "vertices", "triangles");
    for (int l = 0; l < geo::kLodCount; ++l) {
        const auto lod = static_cast<geo::Lod>(l);
        geo::project_level(world, projector, lod, projected);
        const geo::MapMesh& mesh = projected.meshes[l];
        const double total = world.load_ms[l] + projected.project_ms[l] + projected.tessellate_ms[l];
        std::fprintf(stderr, "%-5s %9.1f %9.1f %9.1f %9.1f %11zu %11zu\n", geo::lod_name(lod),
                     world.load_ms[l], projected.project_ms[l], projected.tessellate_ms[l], total,
                     mesh.fill_vertex_count(), mesh.fill_indices.size() / 3);
    }
}

}  // namespace

int run_countries(const Argv& argv) {
    const Args args(argv, {"format", "boundaries", "id-field", "name-field", "projection"},
                    {"timings", "help"});
    if (args.has("help")) {
        print_help();
        return 0;
    }
    if (!args.positional().empty()) {
        throw UsageError("countries: unexpected argument '" + args.positional().front() + "'");
    }
    const std::string format = args.get_or("format", "csv");
    if (format != "csv" && format != "json") {
        throw UsageError("countries: --format must be csv or json, not '" + format + "'");
    }
    geo::ProjectionKind kind = geo::ProjectionKind::EqualEarth;
    if (auto p = args.get("projection")) {
        auto parsed = geo::parse_projection(*p);
        if (!parsed) throw UsageError("countries: unknown projection '" + *p + "'");
        kind = *parsed;
    }

    geo::LoadOptions options;
    options.path = args.get_or("boundaries", "");
    options.id_field = args.get_or("id-field", "");
    options.name_field = args.get_or("name-field", "");
    geo::World world;
    try {
        world = geo::load_world(options);
    } catch (const geo::GeoError& e) {
        std::fprintf(stderr, "deportmap: %s\n", e.what());
        return 1;
    }
    // What the loader left out (a broken polygon, a two-point ring): the rest is listed.
    for (const std::string& line : world.skipped) std::fprintf(stderr, "deportmap: note: %s\n", line.c_str());

    if (format == "csv") {
        std::string header = "iso3,name";
        for (int l = 0; l < geo::kLodCount; ++l) {
            const std::string n = geo::lod_name(static_cast<geo::Lod>(l));
            header += ",polygons_" + n + ",rings_" + n + ",vertices_" + n;
        }
        std::printf("%s\n", header.c_str());
        for (const geo::Country& c : world.countries) {
            std::string row = csv(c.iso3) + "," + csv(c.name);
            for (const geo::Shape& s : c.shapes) {
                for (size_t v : {s.polygons.size(), s.ring_count(), s.vertex_count()}) {
                    row += ',';
                    row += std::to_string(v);
                }
            }
            std::printf("%s\n", row.c_str());
        }
    } else {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const geo::Country& c : world.countries) {
            nlohmann::ordered_json levels = nlohmann::ordered_json::object();
            for (int l = 0; l < geo::kLodCount; ++l) {
                const geo::Shape& s = c.shapes[l];
                levels[geo::lod_name(static_cast<geo::Lod>(l))] = {
                    {"present", c.present[l]},
                    {"polygons", s.polygons.size()},
                    {"rings", s.ring_count()},
                    {"vertices", s.vertex_count()}};
            }
            out.push_back({{"iso3", c.iso3},
                           {"iso2", c.iso2},
                           {"iso_n3", c.iso_n3},
                           {"name", c.name},
                           {"official_name", c.official_name},
                           {"levels", levels}});
        }
        std::printf("%s\n", out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace).c_str());
    }
    std::fflush(stdout);
    if (args.has("timings")) print_timings(world, kind);
    return 0;
}

}  // namespace deportmap::cli
