// Locations of bundled data and the user's configuration folder.
#include "core/util/paths.hpp"

#include <cstdlib>

#include "build_info.hpp"

namespace deportmap {

std::string data_root() {
    if (const char* env = std::getenv("DEPORTMAP_DATA_DIR"); env && *env) return env;
    return build::kSourceDir;
}

std::string data_path(const std::string& relative) { return data_root() + "/" + relative; }

std::string config_dir() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) {
        return std::string(xdg) + "/deportmap";
    }
    if (const char* home = std::getenv("HOME"); home && *home) {
        return std::string(home) + "/.config/deportmap";
    }
    return ".deportmap";
}

}  // namespace deportmap
