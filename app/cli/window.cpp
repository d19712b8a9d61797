// The default command: the interactive map window. Parses the options and runs the
// window program (ui/window_program.hpp), which owns the window, the renderers and the
// frame loop.
#include <cstdio>

#include "cli/commands.hpp"
#include "ui/window_options.hpp"
#include "ui/window_program.hpp"

namespace deportmap::cli {

int run_window(const Argv& args) {
    ui::WindowOptions options = ui::parse_window_options(args);
    if (options.help) {
        std::puts(ui::window_usage());
        return 0;
    }
    ui::WindowProgram program(std::move(options));
    return program.run();
}

}  // namespace deportmap::cli
