// PLACEHOLDER: replaced by the implementation of the 'countries' command.
#include <cstdio>
#include "cli/commands.hpp"
namespace deportmap::cli {
int run_countries(const Argv&) {
    std::fprintf(stderr, "deportmap: 'countries' is not built yet\n");
    return 1;
}
}  // namespace deportmap::cli
