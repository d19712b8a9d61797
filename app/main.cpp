// deportmap entry point: picks a command (window by default, or a headless command)
// before any window or GL context exists, then hands over to it.
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>

#include "build_info.hpp"
#include "cli/commands.hpp"
#include "core/util/args.hpp"

namespace {

void print_usage() {
    std::puts(
        "usage: deportmap [OPTIONS]                open the interactive map\n"
        "       deportmap export --out FILE [...]  render a snapshot without a display\n"
        "       deportmap countries [--format csv|json] [--boundaries FILE]\n"
        "       deportmap validate FILE... [--statuses FILE]\n"
        "       deportmap status --date D [--country C] [--data FILE]... [--format table|csv|json]\n"
        "       deportmap sources [--data FILE]... [--date D] [--format table|csv|json]\n"
        "       deportmap --version | --help\n"
        "Run 'deportmap COMMAND --help' for a command's options.");
}

}  // namespace

int main(int argc, char** argv) {
    using namespace deportmap;
    cli::Argv args(argv + 1, argv + argc);
    try {
        if (!args.empty()) {
            const std::string_view first = args.front();
            const cli::Argv rest(args.begin() + 1, args.end());
            if (first == "--version") {
                std::printf("deportmap %s\n", build::kVersion);
                return 0;
            }
            if (first == "--help" || first == "-h" || first == "help") {
                print_usage();
                return 0;
            }
            if (first == "export") return cli::run_export(rest);
            if (first == "countries") return cli::run_countries(rest);
            if (first == "validate") return cli::run_validate(rest);
            if (first == "status") return cli::run_status(rest);
            if (first == "sources") return cli::run_sources(rest);
            if (!first.empty() && first[0] != '-') {
                std::fprintf(stderr, "deportmap: unknown command '%s' (see deportmap --help)\n",
                             args.front().c_str());
                return 2;
            }
        }
        return cli::run_window(args);
    } catch (const UsageError& e) {
        std::fprintf(stderr, "deportmap: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "deportmap: %s\n", e.what());
        return 1;
    }
}
