// The Export dialog's command: what the window shows (date, projection, the camera's
// visible area, theme, the selection, hidden and highlighted statuses, labels and
// markers, the files in use) turned into the argument vector of
// `deportmap export`, so the dialog writes through exactly the same code as the command
// line. Pure: no ImGui, no GL, no process.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/data/dataset.hpp"
#include "core/data/statuses.hpp"
#include "core/geo/projection.hpp"
#include "core/scene.hpp"
#include "core/geo/world.hpp"
#include "core/view.hpp"
#include "export/params.hpp"
#include "export/presets.hpp"

namespace deportmap::ui {

// The exporter's size presets (export/presets.hpp, the same table as `--preset`).
using ExportPreset = exporter::Preset;
inline constexpr auto& kExportPresets = exporter::kPresets;

// The files the window reads (empty: the bundled ones).
struct ExportInputs {
    std::vector<std::string> data_files;
    std::string statuses_path;
    std::string boundaries_path;
    std::string id_field;
    std::string name_field;
};

struct ExportRequest {
    std::string out;      // .png, .svg or .pdf: the format follows the extension
    std::string preset;   // a kExportPresets name, or empty for width x height
    int width = 1920;
    int height = 1080;
    data::Day date = 0;
    geo::ProjectionKind projection = geo::ProjectionKind::EqualEarth;
    Theme theme = Theme::Light;
    // MINLON, MINLAT, MAXLON, MAXLAT in degrees; nullopt: the whole world.
    std::optional<std::array<double, 4>> bounds;
    std::string title;     // empty: the command line's default (the bundled data's headline)
    std::string subtitle;  // empty: the command line's default (what the colours show)
    bool no_titles = false;  // leave title and subtitle out (--title "" --subtitle "")
    double size_scale = 1.0;  // --size-scale: the dialog's thumbnail
    std::string source;   // empty: the exporter's default from the data's publishers
    bool transparent = false;
    bool strong_sources = false;  // --sources strong: leave out facts resting only on weak sources
    // The view's highlights (see view_options_from_scene).
    bool labels = false;                   // --labels
    bool patterns = false;                 // --patterns
    bool markers = true;                   // false: --no-markers
    std::vector<std::string> highlight;    // --highlight ISO3,...: the selection, outlined
    std::vector<std::string> hide_status;  // --hide-status KEY,...
    std::string highlight_status;          // --highlight-status KEY
    ExportInputs inputs;
};

// Copies what the window shows besides date, projection and area into `request`: the
// selected country (outlined with --highlight, as the window outlines it), the statuses
// hidden in the legend (--hide-status), the legend status whose countries stand out
// (--highlight-status: the legend row under the mouse, or one forced by --actions),
// the labels toggle (--labels) and the markers toggle (--no-markers). Indices outside
// `world` or `table` are ignored.
void view_options_from_scene(ExportRequest& request, const Scene& scene, const geo::World& world,
                             const data::StatusTable& table);

// The export parameters the dialog's request stands for.
exporter::ExportParams export_params(const ExportRequest& request);
// The arguments after the program name: {"export", "--out", FILE, ...} from the export
// option table (export/options.hpp): every option that differs from its default, then
// --quiet. --preset or --width/--height; --bounds with 4 decimals.
std::vector<std::string> build_export_argv(const ExportRequest& request);

// The lon/lat box the camera shows in a width x height viewport: the visible rectangle
// in projected units, clipped to the world's bounds, its edges sampled and inverse-
// projected. nullopt when the view shows the whole world (the visible rectangle covers
// at least 98 % of the world's width and height) or nothing could be inverted.
std::optional<std::array<double, 4>> visible_lonlat_bounds(const Camera& camera,
                                                           const geo::BBox& world_bounds,
                                                           int width, int height,
                                                           const geo::Projector& projector);

// "deportmap-YYYY-MM-DD.FORMAT" for `date`.
std::string default_export_name(data::Day date, const std::string& format);  // png, svg, pdf or html

}  // namespace deportmap::ui
