// The HTML embed (see html.hpp).
#include "export/html.hpp"

#include <nlohmann/json.hpp>

#include "core/data/date.hpp"
#include "core/data/text.hpp"
#include "core/paint.hpp"
#include "core/util/paths.hpp"
#include "export/compose.hpp"
#include "export/frame_writer.hpp"
#include "export/svg.hpp"

namespace deportmap::exporter {
namespace {

using json = nlohmann::ordered_json;

// A country's change points over the event days: [date, status key or null, since].
json change_points(const data::Timeline& timeline, int country) {
    const data::StatusTable& statuses = timeline.statuses();
    json changes = json::array();
    data::StatusIndex last_status = data::kNoStatus - 1;
    int last_since = -2;
    for (const data::Day d : timeline.event_days()) {
        const data::CountryState s = timeline.state_at(country, d);
        if (s.status == last_status && s.since_event == last_since) continue;
        last_status = s.status;
        last_since = s.since_event;
        std::string since;
        if (s.since_event >= 0) since = data::format_date(timeline.events()[static_cast<size_t>(s.since_event)].date);
        changes.push_back(json::array({data::civil_from_days(d).iso(),
                                       s.status == data::kNoStatus ? json(nullptr)
                                                                   : json(statuses[static_cast<size_t>(s.status)].key),
                                       since}));
    }
    return changes;
}

json history(const data::Timeline& timeline, int country) {
    const data::StatusTable& statuses = timeline.statuses();
    json out = json::array();
    for (const uint32_t i : timeline.country_events(country)) {
        const data::Event& e = timeline.events()[i];
        json sources = json::array();
        for (const data::Source& s : e.sources) {
            sources.push_back({{"url", s.url}, {"publisher", s.publisher}, {"outlet", s.outlet},
                               {"tier", data::source_tier_key(s.tier)}});
        }
        out.push_back({{"date", data::format_date(e.date)},
                       {"status", e.status == data::kNoStatus ? std::string() : statuses[static_cast<size_t>(e.status)].key},
                       {"summary", e.summary},
                       {"sources", sources}});
    }
    return out;
}

// The inline SVG: the page's map alone, its viewBox the map's area, sized by the page.
std::string map_svg(const PageDrawing& page) {
    PageDrawing dr = page;
    dr.swatches.clear();
    dr.texts.clear();
    dr.logo_rect.reset();
    dr.logo_bytes.clear();
    std::string svg = svg_document(dr);
    const size_t open = svg.find("<svg ");
    const size_t end = svg.find('>', open);
    const Rect& a = dr.map.area;
    char box[160];
    std::snprintf(box, sizeof box, "%g %g %g %g", a.x, a.y, a.w, a.h);
    const std::string tag = std::string("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"") + box +
                            "\" role=\"img\" aria-labelledby=\"dm-title dm-alt\" focusable=\"false\">";
    return tag + svg.substr(end + 1);
}

std::string safe_in_script(std::string text) {
    // "</" would end the script element.
    for (size_t at = text.find("</"); at != std::string::npos; at = text.find("</", at + 3)) text.replace(at, 2, "<\\/");
    return text;
}

const char* kStyle =
    "#deportmap{font-family:'Noto Sans',system-ui,sans-serif;margin:0;padding:12px;max-width:100%;"
    "box-sizing:border-box;position:relative}"
    "#deportmap.dm-dark{background:#14161c;color:#eeeef0}#deportmap.dm-light{background:#f4f1ea;color:#1d1d22}"
    "#deportmap h2{font-size:1.3em;margin:0 0 .2em}#deportmap .dm-subtitle,#deportmap .dm-credit{opacity:.75;"
    "font-size:.85em;margin:.2em 0}#deportmap .dm-date{font-weight:bold;margin:.3em 0}"
    "#deportmap .dm-map{position:relative}#deportmap svg{width:100%;height:auto;display:block}"
    "#deportmap svg path[tabindex]:focus{outline:none;stroke:#000;stroke-width:1.5}"
    "#deportmap .dm-controls{display:flex;gap:8px;align-items:center;margin:.4em 0}"
    "#deportmap .dm-slider{flex:1}#deportmap .dm-legend{list-style:none;padding:0;margin:.4em 0;display:flex;"
    "flex-wrap:wrap;gap:4px 14px;font-size:.9em}#deportmap .dm-swatch{display:inline-block;width:.9em;"
    "height:.9em;margin-right:.35em;vertical-align:-.1em;border:1px solid rgba(0,0,0,.35)}"
    "#deportmap .dm-count{font-weight:bold;margin-left:.3em}#deportmap .dm-tip{position:absolute;"
    "pointer-events:none;background:rgba(20,20,24,.9);color:#fff;padding:3px 6px;border-radius:3px;"
    "font-size:.85em}#deportmap .dm-panel{border:1px solid rgba(128,128,128,.5);padding:8px;margin:.4em 0;"
    "font-size:.85em;max-height:22em;overflow:auto}#deportmap .dm-panel a{color:inherit}"
    "#deportmap .dm-event{margin:.4em 0}#deportmap .dm-event p{margin:.2em 0}";

}  // namespace

std::string embed_data_json(const data::Timeline& timeline, const data::CountryResolver& countries,
                            const geo::World& world, Theme theme, data::Day day) {
    const data::StatusTable& statuses = timeline.statuses();
    json j;
    j["date"] = data::civil_from_days(day).iso();
    const data::Day first = timeline.first_day().value_or(day);
    const data::Day last = std::max(day, timeline.coverage_end().value_or(day));
    j["first"] = data::civil_from_days(std::min(first, day)).iso();
    j["last"] = data::civil_from_days(last).iso();
    json st = json::array();
    for (const data::StatusIndex s : statuses.legend()) {
        const data::Status& status = statuses[static_cast<size_t>(s)];
        st.push_back({{"key", status.key}, {"label", status.label}, {"colour", to_hex(status_fill(status, theme))}});
    }
    j["statuses"] = st;
    j["no_data"] = to_hex(theme_colors(theme).no_data);
    json days = json::array();
    for (const data::Day d : timeline.event_days()) days.push_back(data::civil_from_days(d).iso());
    j["event_days"] = days;
    json cs = json::object();
    for (const int c : timeline.countries_named()) {
        const data::Country& country = countries.country(c);
        bool on_map = false;
        for (const geo::Country& w : world.countries) on_map = on_map || w.iso3 == country.iso3;
        if (!on_map) continue;
        cs[country.iso3] = {{"name", country.name}, {"changes", change_points(timeline, c)}, {"history", history(timeline, c)}};
    }
    j["countries"] = cs;
    return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string html_document(const PageDrawing& dr, const PageText& text, const data::Timeline& timeline,
                          const data::CountryResolver& countries, Theme theme, data::Day day) {
    std::string script, error;
    const std::string script_path = data_path("assets/embed/embed.js");
    if (!data::read_text_file(script_path, script, error)) {
        throw ExportError("cannot read the embed's script " + script_path + ": " + error);
    }
    const data::StatusTable& statuses = timeline.statuses();
    std::vector<int> counts;
    timeline.counts_at(day, counts);
    std::string h = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                    xml_escape(text.title.empty() ? std::string("deportmap") : text.title) + "</title>\n<style>" +
                    kStyle + "</style>\n</head>\n<body>\n";
    h += std::string("<figure id=\"deportmap\" class=\"") + (theme == Theme::Dark ? "dm-dark" : "dm-light") +
         "\" aria-describedby=\"dm-alt\">\n";
    h += "<h2 id=\"dm-title\">" + xml_escape(text.title) + "</h2>\n";
    // The default subtitle names the export's date; the slider moves it, so here it names none.
    std::string subtitle = text.subtitle;
    if (subtitle == default_subtitle(true, data::civil_from_days(day))) {
        subtitle = "Each country's status on the date shown, as reported: asked, negotiating, agreed, receiving, "
                   "declined, paused, or blocked or allowed by a court";
    }
    if (!subtitle.empty()) h += "<p class=\"dm-subtitle\">" + xml_escape(subtitle) + "</p>\n";
    h += "<p class=\"dm-date\" aria-live=\"polite\">" + xml_escape(text.date_line) + "</p>\n";
    h += "<div class=\"dm-map\">\n" + map_svg(dr) + "<div class=\"dm-tip\" role=\"tooltip\" hidden></div>\n</div>\n";
    h += "<div class=\"dm-controls\"><button type=\"button\" class=\"dm-play\">Play</button>"
         "<input type=\"range\" class=\"dm-slider\" aria-label=\"Date\" list=\"dm-days\"></div>\n<datalist id=\"dm-days\">";
    for (const data::Day d : timeline.event_days()) h += "<option value=\"" + std::to_string(d) + "\"></option>";
    h += "</datalist>\n<ul class=\"dm-legend\">\n";
    for (const data::StatusIndex s : statuses.legend()) {
        const data::Status& status = statuses[static_cast<size_t>(s)];
        const int n = static_cast<size_t>(s) < counts.size() ? counts[static_cast<size_t>(s)] : 0;
        h += "<li data-key=\"" + xml_escape(status.key) + "\"><span class=\"dm-swatch\" style=\"background:" +
             to_hex(status_fill(status, theme)) + "\"></span>" + xml_escape(status.label) + "<span class=\"dm-count\">" +
             std::to_string(n) + "</span></li>\n";
    }
    h += "</ul>\n<div class=\"dm-panel\" role=\"dialog\" aria-label=\"Country details\" hidden></div>\n";
    h += "<figcaption class=\"dm-credit\">" + xml_escape(text.source) + "</figcaption>\n";
    h += "<p id=\"dm-alt\" hidden>" + xml_escape(text.description) + "</p>\n";
    h += "<noscript><p>This is the map on its export's date; the date slider, tooltips and details need "
         "JavaScript.</p></noscript>\n";
    h += "<script type=\"application/json\" id=\"deportmap-data\">" +
         safe_in_script(embed_data_json(timeline, countries, *dr.map.world, theme, day)) + "</script>\n";
    h += "<script>\n" + safe_in_script(script) + "</script>\n</figure>\n</body>\n</html>\n";
    return h;
}

}  // namespace deportmap::exporter
