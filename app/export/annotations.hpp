// Callouts (--annotate "COUNTRY=TEXT"): a short note with a leader line from the
// country's label point, placed where it overlaps neither another callout nor a map
// label and stays inside the map's area. Placement is deterministic (candidate spots in
// a fixed order, the first that fits), so the same export gives the same bytes.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/data/date.hpp"
#include "core/geo/mesh.hpp"
#include "core/geo/projection.hpp"
#include "core/geo/world.hpp"
#include "core/view.hpp"
#include "export/layout.hpp"
#include "export/map_labels.hpp"

namespace deportmap::exporter {

struct Annotation {
    int country = -1;  // World index, or -1 with `point`
    std::string text;
    std::optional<geo::Vec2> point;  // projected: a lon/lat note from a file
    std::optional<data::Day> from, to;  // shown only on frames in [from, to] (a file's dates)
    bool shown_on(data::Day day) const { return (!from || day >= *from) && (!to || day <= *to); }
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

// Reads an annotations file (--annotations FILE): CSV with a header naming `text` and
// either `country` or `lon` and `lat`, and optionally `date_from` and `date_to` (YYYY,
// YYYY-MM or YYYY-MM-DD; a note shows on frames between them). Points are projected with
// `projector`. Throws UsageError "FILE:LINE: field: message" for the first bad row, a
// file that cannot be read, over 1 MB or over 500 notes.
std::vector<Annotation> read_annotations_file(const std::string& path, const geo::World& world,
                                              const data::CountryResolver* resolver, const geo::Projector& projector);

// Places each annotation around its country's label point (`view`: projected -> map-area
// pixels; the area's top-left at map_x, map_y on the page), avoiding `labels` and each
// other, at 17 type units.
std::vector<Callout> place_callouts(const std::vector<Annotation>& annotations,
                                    const std::vector<geo::ProjectedShape>& shapes, const ViewTransform& view,
                                    const Rect& map_area, const std::vector<MapLabel>& labels, double unit);

}  // namespace deportmap::exporter
