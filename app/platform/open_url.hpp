// Opens a source URL in the user's browser: `xdg-open URL` started with posix_spawnp,
// the URL passed as its own argv entry (never through a shell). Only http:// and
// https:// URLs with a host and no spaces or control characters are opened.
#pragma once
#include <string>
#include <string_view>

namespace deportmap::platform {

// True when `url` is http:// or https://, has a non-empty host, and contains no
// whitespace, control characters, quotes or backslashes. Anything else (file:, javascript:,
// a leading dash that xdg-open could read as an option) is refused.
bool is_openable_url(std::string_view url);

// Starts `xdg-open url` in the background and returns at once. False with a one-line
// reason in `error` when the URL is refused or the opener cannot be started. The child
// is reaped by a detached thread so no zombie is left behind.
bool open_url(const std::string& url, std::string& error);

}  // namespace deportmap::platform
