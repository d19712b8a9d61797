// The export options, each declared once. One table row gives an option's command-line
// name, its sidecar key, the ExportParams field it fills, how it is written and its help
// line; the command-line parser, `export --help`, the sidecar's "parameters" object
// (written and read back), the `--from` conflict check and the window's Export dialog
// (an argv for the same command) are all derived from the table. Adding an option is
// one field in ExportParams and one row here (docs/architecture.md).
#pragma once
#include <array>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/util/args.hpp"
#include "export/params.hpp"

namespace deportmap::exporter {

// How an option appears on the command line.
enum class OptionForm {
    Value,         // --name VALUE (numbers are checked as numbers)
    Flag,          // --name sets the bool field
    InvertedFlag,  // --name clears the bool field (--no-markers)
    CommaList,     // --name A,B,C
    Repeated,      // --name A --name B
};

using OptionField =
    std::variant<std::string ExportParams::*, std::optional<std::string> ExportParams::*,
                 int ExportParams::*, double ExportParams::*, std::optional<double> ExportParams::*,
                 bool ExportParams::*, std::vector<std::string> ExportParams::*,
                 std::optional<std::array<double, 4>> ExportParams::*>;

struct ExportOption {
    const char* name;     // without the dashes
    const char* key;      // the sidecar's key under "parameters"
    const char* metavar;  // shown in the help ("" for flags)
    const char* help;
    OptionField field;
    OptionForm form = OptionForm::Value;
    bool positive = false;  // a whole number that, when given, must be above 0 (0 = default)
};

// Every option that ExportParams records, in sidecar order.
std::span<const ExportOption> export_options();

// Options of the command itself, not recorded in a sidecar.
inline constexpr const char* kCommandValueOptions[] = {"from", "max-tile"};
inline constexpr const char* kCommandFlags[] = {"help", "timings", "quiet", "allow-large"};

// The names Args accepts for `deportmap export`.
std::set<std::string> export_value_option_names();
std::set<std::string> export_flag_names();

// ExportParams from parsed arguments (syntax only: numbers must be numbers; ranges are
// checked by the engine, for sidecars too). Throws UsageError.
ExportParams params_from_args(const Args& args);

// The first recorded option given on the command line other than --out, or nullptr:
// with --from, the sidecar decides them.
const char* first_recorded_option(const Args& args);

// `deportmap export --help`.
std::string export_help();

// The sidecar's "parameters" object, and back. The reader names the file and the key
// of a field with the wrong type; throws SidecarError.
nlohmann::ordered_json params_to_json(const ExportParams& params);
ExportParams params_from_json(const nlohmann::ordered_json& parameters, const std::string& path);

// The argv of `deportmap export` that reproduces `params` (after "export"): --out first,
// then every option whose value differs from the default, in table order.
std::vector<std::string> params_to_argv(const ExportParams& params);

// "-20.5000,30.2500,45.0000,72.1250": bounds as the command line takes them.
std::string format_bounds(const std::array<double, 4>& b);
// Parses MINLON,MINLAT,MAXLON,MAXLAT (syntax only); throws UsageError.
std::array<double, 4> parse_bounds_text(const std::string& text);
std::vector<std::string> split_commas(const std::string& text);

}  // namespace deportmap::exporter
