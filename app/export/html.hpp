// The interactive HTML embed: one self-contained file (no request to the network) with
// the map as inline SVG from the SVG back end, the data as one JSON block (statuses and
// colours, each country's change points and dated history with sources), and the
// project's own script (assets/embed/embed.js): a date slider with the event days as
// ticks, play/pause, recolouring and legend counts, a tooltip, a details panel with
// source links, keyboard use and ARIA labels. docs/export.md describes it.
#pragma once
#include <string>

#include "core/data/countries.hpp"
#include "core/data/timeline.hpp"
#include "core/scene.hpp"
#include "export/drawing.hpp"
#include "export/layout.hpp"

namespace deportmap::exporter {

// The JSON block's content: what the script needs to redraw the map on any date.
std::string embed_data_json(const data::Timeline& timeline, const data::CountryResolver& countries,
                            const geo::World& world, Theme theme, data::Day day);

// The whole document for page `dr` (its map; the legend, title and credit become HTML)
// with the words of `text`. Throws ExportError when the script cannot be read.
std::string html_document(const PageDrawing& dr, const PageText& text, const data::Timeline& timeline,
                          const data::CountryResolver& countries, Theme theme, data::Day day);

}  // namespace deportmap::exporter
