// PLACEHOLDER: replaced by the implementation of the 'window' command.
#include <cstdio>
#include "cli/commands.hpp"
namespace deportmap::cli {
int run_window(const Argv&) {
    std::fprintf(stderr, "deportmap: 'window' is not built yet\n");
    return 1;
}
}  // namespace deportmap::cli
