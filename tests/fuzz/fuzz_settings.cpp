// Fuzz target: the window's settings file (load_settings). Documented: a bad file gives
// defaults and a one-line message, never an exception. What it loads, written back by
// settings_to_json, must load again without complaint and unchanged.
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "ui/settings.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace deportmap;
    using fuzz::fail;
    if (size > fuzz::kMaxInput) return -1;
    const std::string path = fuzz::write_scratch("settings.json", data, size);
    std::string message;
    const ui::Settings s = ui::load_settings(path, message);
    if (message.find('\n') != std::string::npos) fail("a message of more than one line");

    const std::string written = ui::settings_to_json(s);
    const std::string again_path = fuzz::write_scratch(
        "settings_again.json", reinterpret_cast<const uint8_t*>(written.data()), written.size());
    std::string again_message;
    const ui::Settings again = ui::load_settings(again_path, again_message);
    if (!again_message.empty()) {
        std::fprintf(stderr, "%s\n", again_message.c_str());
        fail("settings written by settings_to_json do not load cleanly");
    }
    if (ui::settings_to_json(again) != written) fail("settings change on a round trip");
    return 0;
}
