// PLACEHOLDER: replaced by the implementation of the 'export' command.
#include <cstdio>
#include "cli/commands.hpp"
namespace deportmap::cli {
int run_export(const Argv&) {
    std::fprintf(stderr, "deportmap: 'export' is not built yet\n");
    return 1;
}
}  // namespace deportmap::cli
