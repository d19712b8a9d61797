// Scene helpers: themes and per-country colours from the timeline (see scene.hpp).
#include "core/scene.hpp"

#include <algorithm>

namespace deportmap {

std::optional<Theme> parse_theme(std::string_view name) {
    if (name == "light") return Theme::Light;
    if (name == "dark") return Theme::Dark;
    return std::nullopt;
}

std::string_view theme_name(Theme theme) { return theme == Theme::Dark ? "dark" : "light"; }

const ThemeColors& theme_colors(Theme theme) {
    static const ThemeColors kLight{
        {0xf4, 0xf1, 0xea, 255}, {0xd4, 0xe3, 0xee, 255}, {0x4a, 0x4a, 0x52, 255},
        {0xff, 0xfd, 0xf8, 255}, {0x1d, 0x1d, 0x22, 255}, {0x5c, 0x5c, 0x66, 255},
        {0x10, 0x10, 0x10, 255}};
    static const ThemeColors kDark{
        {0x14, 0x16, 0x1c, 255}, {0x0d, 0x1a, 0x2a, 255}, {0x0c, 0x0d, 0x10, 255},
        {0x2a, 0x2c, 0x31, 255}, {0xee, 0xee, 0xf0, 255}, {0xa8, 0xab, 0xb4, 255},
        {0xff, 0xff, 0xff, 255}};
    return theme == Theme::Dark ? kDark : kLight;
}

std::vector<int> map_world_to_data(const geo::World& world,
                                   const data::CountryResolver& countries) {
    std::vector<int> out(world.countries.size(), -1);
    for (size_t i = 0; i < world.countries.size(); ++i) {
        out[i] = countries.find_iso3(world.countries[i].iso3);
    }
    return out;
}

std::vector<int> countries_not_in_world(const data::Timeline& timeline, const std::vector<int>& world_to_data) {
    std::vector<bool> drawn(timeline.country_count(), false);
    for (const int d : world_to_data) {
        if (d >= 0 && static_cast<size_t>(d) < drawn.size()) drawn[static_cast<size_t>(d)] = true;
    }
    std::vector<int> out;
    for (const int c : timeline.countries_named()) {
        if (c >= 0 && static_cast<size_t>(c) < drawn.size() && !drawn[static_cast<size_t>(c)]) out.push_back(c);
    }
    return out;
}

std::string country_list_text(const data::CountryResolver& countries, const std::vector<int>& indices) {
    std::string out;
    for (const int c : indices) {
        if (c < 0 || static_cast<size_t>(c) >= countries.size()) continue;
        const data::Country& country = countries.country(c);
        if (!out.empty()) out += ", ";
        out += country.name;
        out += " (";
        out += country.iso3;
        out += ")";
    }
    return out;
}

void world_statuses(const Scene& scene, const data::Timeline& timeline,
                    const std::vector<int>& world_to_data,
                    std::vector<data::StatusIndex>& out) {
    out.assign(world_to_data.size(), data::kNoStatus);
    for (size_t i = 0; i < world_to_data.size(); ++i) {
        const int c = world_to_data[i];
        if (c < 0 || static_cast<size_t>(c) >= timeline.country_count()) continue;
        const data::StatusIndex s = timeline.status_at(c, scene.date);
        if (s == data::kNoStatus) continue;
        const size_t si = static_cast<size_t>(s);
        if (si < scene.hidden_statuses.size() && scene.hidden_statuses[si]) continue;
        out[i] = s;
    }
}

void world_approximate(const Scene& scene, const data::Timeline& timeline,
                       const std::vector<int>& world_to_data, std::vector<bool>& out) {
    std::vector<data::StatusIndex> statuses;
    world_statuses(scene, timeline, world_to_data, statuses);
    out.assign(world_to_data.size(), false);
    for (size_t i = 0; i < world_to_data.size(); ++i) {
        if (statuses[i] == data::kNoStatus) continue;
        const data::CountryState st = timeline.state_at(world_to_data[i], scene.date);
        if (st.since_event < 0) continue;
        out[i] = timeline.events()[static_cast<size_t>(st.since_event)].date.approximate();
    }
}

namespace {
Color mix(Color a, Color b, float t) {
    auto m = [t](uint8_t x, uint8_t y) {
        return static_cast<uint8_t>(static_cast<float>(x) * (1.0f - t) +
                                    static_cast<float>(y) * t + 0.5f);
    };
    return {m(a.r, b.r), m(a.g, b.g), m(a.b, b.b), 255};
}
}  // namespace

bool scene_dims(const Scene& scene, data::StatusIndex s) {
    if (scene.highlighted_status >= 0 && s != scene.highlighted_status) return true;
    if (scene.emphasised_statuses.empty()) return false;
    return std::find(scene.emphasised_statuses.begin(), scene.emphasised_statuses.end(), s) ==
           scene.emphasised_statuses.end();
}

void world_colors(const Scene& scene, const data::Timeline& timeline,
                  const std::vector<int>& world_to_data, std::vector<Color>& out) {
    std::vector<data::StatusIndex> statuses;
    world_statuses(scene, timeline, world_to_data, statuses);
    const ThemeColors& theme = theme_colors(scene.theme);
    const data::StatusTable& table = timeline.statuses();
    out.resize(statuses.size());
    for (size_t i = 0; i < statuses.size(); ++i) {
        const data::StatusIndex s = statuses[i];
        Color c = theme.no_data;
        if (s != data::kNoStatus) {
            const data::Status& st = table[static_cast<size_t>(s)];
            c = scene.theme == Theme::Dark ? st.colour_dark : st.colour_light;
        }
        if (scene_dims(scene, s)) {
            c = mix(c, theme.background, 0.65f);
        }
        out[i] = c;
    }
}

}  // namespace deportmap
