// Persistent settings as JSON (see settings.hpp).
#include "ui/settings.hpp"

#include <cstdio>
#include <cstdlib>
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <system_error>
#include <unistd.h>
#include "core/util/atomic_file.hpp"

namespace deportmap::ui {

using nlohmann::json;

std::string config_dir() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg != nullptr && xdg[0] == '/') return std::string(xdg) + "/deportmap";
    const char* home = std::getenv("HOME");
    if (home != nullptr && home[0] != '\0') return std::string(home) + "/.config/deportmap";
    return "";
}

std::string settings_path() {
    const std::string dir = config_dir();
    return dir.empty() ? "" : dir + "/settings.json";
}

std::string imgui_ini_path() {
    const std::string dir = config_dir();
    return dir.empty() ? "" : dir + "/imgui.ini";
}

std::string settings_to_json(const Settings& s) {
    json j;
    if (s.width && s.height) {
        j["window"]["width"] = *s.width;
        j["window"]["height"] = *s.height;
    }
    if (s.x && s.y) {
        j["window"]["x"] = *s.x;
        j["window"]["y"] = *s.y;
    }
    j["theme"] = std::string(theme_name(s.theme));
    j["projection"] = s.globe ? std::string("orthographic")
                              : std::string(geo::projection_name(s.projection));
    j["globe"] = {{"lon", s.globe_view.center_lon},
                  {"lat", s.globe_view.center_lat},
                  {"zoom", s.globe_view.zoom}};
    j["labels"] = s.labels;
    j["patterns"] = s.patterns;
    j["panels"] = {{"legend", s.panels.legend},
                   {"details", s.panels.details},
                   {"timeline", s.panels.timeline},
                   {"overlay", s.panels.diagnostics},
                   {"story", s.panels.story},
                   {"legend_summary", s.panels.legend_summary}};
    j["timeline_speed"] = s.speed_index;
    j["ui_scale"] = s.ui_scale;
    return j.dump(2);
}

float clamp_ui_scale(float scale) {
    if (!std::isfinite(scale)) return 1.0f;
    return std::clamp(scale, kMinUiScale, kMaxUiScale);
}

Settings load_settings(const std::string& path, std::string& message) {
    Settings s;
    message.clear();
    std::error_code ec;
    if (path.empty() || !std::filesystem::exists(path, ec)) return s;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        message = path + ": cannot be read; using default settings";
        return s;
    }
    std::stringstream buf;
    buf << in.rdbuf();
    const json j = json::parse(buf.str(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        message = path + ": not valid JSON; using default settings";
        return s;
    }
    std::string bad;
    auto note = [&bad](const char* field) {
        if (!bad.empty()) bad += ", ";
        bad += field;
    };
    auto get_int = [&](const json& obj, const char* key, std::optional<int>& out) {
        if (!obj.contains(key)) return;
        const json& v = obj[key];
        if (v.is_number_integer() && v.get<long long>() > -100000 && v.get<long long>() < 100000) {
            out = v.get<int>();
        } else {
            note(key);
        }
    };
    auto get_bool = [&](const json& obj, const char* key, bool& out) {
        if (!obj.contains(key)) return;
        if (obj[key].is_boolean()) out = obj[key].get<bool>();
        else note(key);
    };
    if (j.contains("window")) {
        const json& w = j["window"];
        if (w.is_object()) {
            get_int(w, "width", s.width);
            get_int(w, "height", s.height);
            get_int(w, "x", s.x);
            get_int(w, "y", s.y);
            if (s.width && (*s.width < 100 || *s.width > 16384)) { s.width.reset(); note("width"); }
            if (s.height && (*s.height < 100 || *s.height > 16384)) { s.height.reset(); note("height"); }
            if (!s.width || !s.height) s.width.reset(), s.height.reset();
            if (!s.x || !s.y) s.x.reset(), s.y.reset();
        } else {
            note("window");
        }
    }
    if (j.contains("theme")) {
        const auto t = j["theme"].is_string() ? parse_theme(j["theme"].get<std::string>())
                                              : std::nullopt;
        if (t) s.theme = *t;
        else note("theme");
    }
    if (j.contains("projection")) {
        const json& v = j["projection"];
        const auto p = v.is_string() ? geo::parse_projection(v.get<std::string>()) : std::nullopt;
        if (v.is_string() && v.get<std::string>() == "orthographic") {
            s.globe = true;
        } else if (p) {
            s.projection = *p;
        } else {
            note("projection");
        }
    }
    if (j.contains("globe")) {
        const json& g = j["globe"];
        geo::GlobeView view;
        const auto number = [&](const char* key, double lo, double hi, double& out) {
            if (!g.contains(key)) return true;
            const json& v = g[key];
            if (!v.is_number() || !(v.get<double>() >= lo && v.get<double>() <= hi)) return false;
            out = v.get<double>();
            return true;
        };
        if (g.is_object() && number("lon", -360.0, 360.0, view.center_lon) &&
            number("lat", -90.0, 90.0, view.center_lat) && number("zoom", 0.5, 40.0, view.zoom)) {
            geo::normalize_globe(view);
            s.globe_view = view;
        } else {
            note("globe");
        }
    }
    get_bool(j, "labels", s.labels);
    get_bool(j, "patterns", s.patterns);
    if (j.contains("panels")) {
        const json& p = j["panels"];
        if (p.is_object()) {
            get_bool(p, "legend", s.panels.legend);
            get_bool(p, "details", s.panels.details);
            get_bool(p, "timeline", s.panels.timeline);
            get_bool(p, "overlay", s.panels.diagnostics);
            get_bool(p, "story", s.panels.story);
            get_bool(p, "legend_summary", s.panels.legend_summary);
        } else {
            note("panels");
        }
    }
    if (j.contains("timeline_speed")) {
        std::optional<int> v;
        get_int(j, "timeline_speed", v);
        if (v && *v >= 0 && *v < 16) s.speed_index = *v;
        else if (v) note("timeline_speed");
    }
    if (j.contains("ui_scale")) {
        const json& v = j["ui_scale"];
        if (v.is_number() && std::isfinite(v.get<double>()) && v.get<double>() >= kMinUiScale &&
            v.get<double>() <= kMaxUiScale) {
            s.ui_scale = v.get<float>();
        } else {
            note("ui_scale");
        }
    }
    if (!bad.empty()) message = path + ": ignored bad values (" + bad + ")";
    return s;
}

bool save_settings(const std::string& path, const Settings& settings, std::string& error) {
    if (path.empty()) {
        error = "no settings folder (neither XDG_CONFIG_HOME nor HOME is set)";
        return false;
    }
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(fs::path(path).parent_path(), ec);
    if (ec) {
        error = fs::path(path).parent_path().string() + ": " + ec.message();
        return false;
    }
    return util::write_file_atomic(path, settings_to_json(settings) + "\n", error);
}

}  // namespace deportmap::ui
