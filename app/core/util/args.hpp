// A small command-line parser shared by every command: `--name value`, `--name=value`,
// `--flag`, repeatable options and positional arguments, with clear errors.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace deportmap {

// Thrown for any command-line problem; the message is meant for the user as is.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Args {
public:
    // `value_options` take a value, `flag_options` do not; both are given without
    // the leading dashes. Anything else that starts with `--` is an error.
    Args(const std::vector<std::string>& argv, const std::set<std::string>& value_options,
         const std::set<std::string>& flag_options);

    bool has(const std::string& name) const;
    // Last value given for the option, if any.
    std::optional<std::string> get(const std::string& name) const;
    std::string get_or(const std::string& name, const std::string& fallback) const;
    // Every value given for a repeatable option, in order.
    std::vector<std::string> get_all(const std::string& name) const;
    // Integer and number values; throw UsageError naming the option when malformed.
    std::optional<long long> get_int(const std::string& name) const;
    std::optional<double> get_double(const std::string& name) const;
    const std::vector<std::string>& positional() const { return positional_; }

private:
    std::map<std::string, std::vector<std::string>> values_;
    std::set<std::string> flags_;
    std::vector<std::string> positional_;
};

}  // namespace deportmap
