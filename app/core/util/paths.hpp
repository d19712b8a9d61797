// Where deportmap finds its bundled files (geodata/, assets/) and the user's config.
#pragma once
#include <string>

namespace deportmap {

// Root holding geodata/ and assets/: $DEPORTMAP_DATA_DIR if set, else the source tree
// the program was built from.
std::string data_root();
// data_root() + "/" + relative.
std::string data_path(const std::string& relative);
// $XDG_CONFIG_HOME/deportmap (or ~/.config/deportmap); not created here.
std::string config_dir();

}  // namespace deportmap
