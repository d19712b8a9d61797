// PLACEHOLDER: replaced by the implementation of the 'status' command.
#include <cstdio>
#include "cli/commands.hpp"
namespace deportmap::cli {
int run_status(const Argv&) {
    std::fprintf(stderr, "deportmap: 'status' is not built yet\n");
    return 1;
}
}  // namespace deportmap::cli
