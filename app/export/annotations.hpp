// Callouts (--annotate "COUNTRY=TEXT"): a short note with a leader line from the
// country's label point, placed where it overlaps neither another callout nor a map
// label and stays inside the map's area. Placement is deterministic (candidate spots in
// a fixed order, the first that fits), so the same export gives the same bytes.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/geo/mesh.hpp"
#include "core/geo/world.hpp"
#include "core/view.hpp"
#include "export/layout.hpp"
#include "export/map_labels.hpp"

namespace deportmap::exporter {

struct Annotation {
    int country = -1;  // World index
    std::string text;
};

struct Callout {
    int country = -1;
    std::string text;
    double x = 0, baseline = 0, size = 0;  // page pixels, as MapLabel
    geo::Vec2 from, to;                    // the leader line, page pixels
    Rect box;                              // the text's box
};

// Parses "COUNTRY=TEXT" (the country as ISO code or name: country_indices); throws
// UsageError naming --annotate for a value without "=", an empty or over-long text, or
// an unknown country.
std::vector<Annotation> parse_annotations(const geo::World& world, const data::CountryResolver* resolver,
                                          const std::vector<std::string>& values);

// Places each annotation around its country's label point (`view`: projected -> map-area
// pixels; the area's top-left at map_x, map_y on the page), avoiding `labels` and each
// other, at 17 type units.
std::vector<Callout> place_callouts(const std::vector<Annotation>& annotations,
                                    const std::vector<geo::ProjectedShape>& shapes, const ViewTransform& view,
                                    const Rect& map_area, const std::vector<MapLabel>& labels, double unit);

}  // namespace deportmap::exporter
