// The program's commands, one file each under app/cli/. Each takes the arguments after
// the command word and returns the process exit code; errors go to stderr as one line.
#pragma once
#include <string>
#include <vector>

namespace deportmap::cli {

using Argv = std::vector<std::string>;

int run_window(const Argv& args);     // window.cpp: the interactive map (default)
int run_export(const Argv& args);     // export.cpp: headless snapshot export
int run_countries(const Argv& args);  // countries.cpp: list boundaries per level
int run_validate(const Argv& args);   // validate.cpp: check events files
int run_status(const Argv& args);     // status.cpp: every country's status on a date
int run_sources(const Argv& args);    // sources.cpp: every source with the event it supports

}  // namespace deportmap::cli
