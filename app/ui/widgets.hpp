// Small drawing helpers the panels share: status colours for the current theme, a
// coloured status chip, grouped numbers, day formatting, and a link that asks for a URL
// to be opened. Data text is always drawn unformatted.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/color.hpp"
#include "core/data/date.hpp"
#include "core/data/statuses.hpp"
#include "core/scene.hpp"

struct ImVec4;

namespace deportmap::ui {

// The fill colour of `status` in `theme` (the no-data colour for kNoStatus).
Color status_color(const data::StatusTable& table, data::StatusIndex status, Theme theme);
// Packs a colour for ImDrawList (alpha overridable, 0..1).
unsigned int im_color(Color c, float alpha = 1.0f);
// Black or white, whichever reads better on `background`.
Color text_on(Color background);

// A rounded coloured box with the label inside (the status chip). Returns true when
// hovered.
bool status_chip(const std::string& label, Color fill, bool small = false);
// A square swatch of the text's height.
void swatch(Color fill);

// 1234567 -> "1,234,567".
std::string grouped(int64_t value);
// "$100,000".
std::string dollars(int64_t value);
// "1 July 2025" for a day number.
std::string format_day(data::Day day);
// "2025-07-01".
std::string iso_day(data::Day day);

// Draws `url` as a clickable link (underlined, hand cursor, tooltip); when clicked
// appends it to `open_requests`. The window opens them (platform::open_url).
// `text` is what is shown (the URL itself when empty); the tooltip gives the full URL.
void link(const std::string& url, std::vector<std::string>& open_requests,
          const std::string& text = "");
// "saluranwarta.com" for "https://saluranwarta.com/inside-..." (the URL when no host).
std::string url_host(const std::string& url);

}  // namespace deportmap::ui
