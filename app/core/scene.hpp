// What to draw: the date, projection, the flat camera or the globe's view, theme,
// selection, highlights, hidden statuses, labels and markers. One Scene drives the window
// and every export, and core/paint.hpp turns it into what is painted, so what a user
// sees is what the file shows. Also the glue from the timeline (countries in resolver
// order) to the boundaries (countries in World order).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/color.hpp"
#include "core/data/dataset.hpp"
#include "core/geo/globe.hpp"
#include "core/geo/projection.hpp"
#include "core/geo/world.hpp"
#include "core/view.hpp"

namespace deportmap {

enum class Theme { Light, Dark };
std::optional<Theme> parse_theme(std::string_view name);  // "light" | "dark"
std::string_view theme_name(Theme theme);

// Colours of everything that is not a status fill.
struct ThemeColors {
    Color background;  // outside the globe / page
    Color ocean;
    Color border;
    Color no_data;     // countries without events up to the date
    Color text;
    Color muted_text;
    Color highlight;   // hover / selection outline
};
const ThemeColors& theme_colors(Theme theme);

struct Scene {
    data::Day date = 0;
    geo::ProjectionKind projection = geo::ProjectionKind::EqualEarth;
    Camera camera;                     // the flat map's view (zoom 1 = whole world)
    bool orthographic = false;         // the globe is shown (drawn from Equirectangular levels)
    geo::GlobeView globe_view;         // the globe's view
    Theme theme = Theme::Light;
    int selected = -1;                 // World index, or -1
    int hovered = -1;                  // World index, or -1
    int highlighted_status = -1;       // StatusIndex whose countries stand out, or -1
    // A story step's highlight: when not empty, countries with none of these statuses
    // are dimmed (as for highlighted_status).
    std::vector<int> emphasised_statuses;
    std::vector<int> highlighted_countries;  // World indices outlined (export --highlight)
    std::vector<bool> hidden_statuses; // per StatusIndex: drawn as no-data when true
    bool markers = true;               // circles for small countries with a status
    bool labels = false;
    // A second cue per status for greyscale print (core/patterns.hpp): a hatching, dots or
    // lines over each status's colour; off by default.
    bool patterns = false;
};

// Maps World::countries indices to the dataset's country indices (resolver order), by
// iso3; -1 where the data has no such country.
std::vector<int> map_world_to_data(const geo::World& world, const data::CountryResolver& countries);

// The countries the data names (data indices, in the order of Timeline::countries_named)
// that no World country carries: they are counted in the legend but cannot be drawn.
std::vector<int> countries_not_in_world(const data::Timeline& timeline, const std::vector<int>& world_to_data);
// "Kosovo (XKX), Tuvalu (TUV)": the names and codes of data countries, for messages.
std::string country_list_text(const data::CountryResolver& countries, const std::vector<int>& indices);

// Each World country's status on scene.date (kNoStatus where none or hidden).
void world_statuses(const Scene& scene, const data::Timeline& timeline,
                    const std::vector<int>& world_to_data,
                    std::vector<data::StatusIndex>& out);
// Per World country: true when its status on scene.date was set by an event dated only
// to the month or year (the map stripes those; the window marks them with colour alpha
// kApproximateAlpha in its colour table).
void world_approximate(const Scene& scene, const data::Timeline& timeline,
                       const std::vector<int>& world_to_data, std::vector<bool>& out);
inline constexpr uint8_t kApproximateAlpha = 254;

// True when a country with status `s` is dimmed by the scene's highlight (a hovered
// legend entry or a story step's emphasised statuses).
bool scene_dims(const Scene& scene, data::StatusIndex s);

// Fill colour per World country for the scene's date and theme: the status colour, or
// the theme's no-data colour. A highlighted status dims the other countries.
void world_colors(const Scene& scene, const data::Timeline& timeline,
                  const std::vector<int>& world_to_data, std::vector<Color>& out);

}  // namespace deportmap
