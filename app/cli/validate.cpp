// PLACEHOLDER: replaced by the implementation of the 'validate' command.
#include <cstdio>
#include "cli/commands.hpp"
namespace deportmap::cli {
int run_validate(const Argv&) {
    std::fprintf(stderr, "deportmap: 'validate' is not built yet\n");
    return 1;
}
}  // namespace deportmap::cli
