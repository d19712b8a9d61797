// Command-line parsing for every deportmap command.
#include "core/util/args.hpp"

#include <charconv>
#include <cstdlib>

namespace deportmap {

Args::Args(const std::vector<std::string>& argv, const std::set<std::string>& value_options,
           const std::set<std::string>& flag_options) {
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.size() > 2 && a.compare(0, 2, "--") == 0) {
            std::string name = a.substr(2);
            std::optional<std::string> inline_value;
            if (auto eq = name.find('='); eq != std::string::npos) {
                inline_value = name.substr(eq + 1);
                name = name.substr(0, eq);
            }
            if (value_options.count(name)) {
                if (inline_value) {
                    values_[name].push_back(*inline_value);
                } else if (i + 1 < argv.size()) {
                    values_[name].push_back(argv[++i]);
                } else {
                    throw UsageError("option --" + name + " needs a value");
                }
            } else if (flag_options.count(name)) {
                if (inline_value) throw UsageError("option --" + name + " takes no value");
                flags_.insert(name);
            } else {
                throw UsageError("unknown option --" + name);
            }
        } else {
            positional_.push_back(a);
        }
    }
}

bool Args::has(const std::string& name) const {
    return flags_.count(name) > 0 || values_.count(name) > 0;
}

std::optional<std::string> Args::get(const std::string& name) const {
    auto it = values_.find(name);
    if (it == values_.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
}

std::string Args::get_or(const std::string& name, const std::string& fallback) const {
    auto v = get(name);
    return v ? *v : fallback;
}

std::vector<std::string> Args::get_all(const std::string& name) const {
    auto it = values_.find(name);
    return it == values_.end() ? std::vector<std::string>{} : it->second;
}

std::optional<long long> Args::get_int(const std::string& name) const {
    auto v = get(name);
    if (!v) return std::nullopt;
    long long out = 0;
    auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc() || ptr != v->data() + v->size()) {
        throw UsageError("option --" + name + " expects a whole number, got '" + *v + "'");
    }
    return out;
}

std::optional<double> Args::get_double(const std::string& name) const {
    auto v = get(name);
    if (!v) return std::nullopt;
    char* end = nullptr;
    double out = std::strtod(v->c_str(), &end);
    if (v->empty() || end != v->c_str() + v->size()) {
        throw UsageError("option --" + name + " expects a number, got '" + *v + "'");
    }
    return out;
}

}  // namespace deportmap
