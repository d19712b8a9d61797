// Export parameters as JSON, SHA-256 and atomic file writes (see sidecar.hpp).
#include "core/export/sidecar.hpp"

#include <fcntl.h>
#include <nettle/sha2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/export/temp_files.hpp"

namespace deportmap::exporter {

using nlohmann::ordered_json;

std::string sidecar_path(const std::string& out) { return out + ".json"; }

namespace {

// The digest of `ctx` as 64 lowercase hex digits.
std::string hex_digest(sha256_ctx& ctx) {
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
    std::string hex;
    char buf[3];
    for (const uint8_t b : digest) {
        std::snprintf(buf, sizeof buf, "%02x", b);
        hex += buf;
    }
    return hex;
}

}  // namespace

std::string sha256_hex(const void* data, size_t size) {
    sha256_ctx ctx;
    sha256_init(&ctx);
    sha256_update(&ctx, size, static_cast<const uint8_t*>(data));
    return hex_digest(ctx);
}

std::string sha256_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw SidecarError("cannot read " + path + " to hash it");
    sha256_ctx ctx;
    sha256_init(&ctx);
    std::vector<char> buf(1 << 16);
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        const auto n = in.gcount();
        if (n > 0) sha256_update(&ctx, static_cast<size_t>(n), reinterpret_cast<const uint8_t*>(buf.data()));
    }
    return hex_digest(ctx);
}

std::string sidecar_json(const ExportParams& p, const std::vector<InputHash>& inputs,
                         const std::string& version, const std::vector<std::string>& outputs) {
    ordered_json params;
    params["out"] = p.out;
    params["date"] = p.date;
    params["preset"] = p.preset;
    params["width"] = p.width;
    params["height"] = p.height;
    params["scale"] = p.scale;
    params["size_scale"] = p.size_scale;
    params["dpi"] = p.dpi ? ordered_json(*p.dpi) : ordered_json(nullptr);
    params["projection"] = p.projection;
    params["bounds"] = p.bounds ? ordered_json(*p.bounds) : ordered_json(nullptr);
    params["focus"] = p.focus;
    params["title"] = p.title;
    params["subtitle"] = p.subtitle;
    params["source"] = p.source ? ordered_json(*p.source) : ordered_json(nullptr);
    params["notes"] = p.notes;
    params["logo"] = p.logo;
    params["theme"] = p.theme;
    params["transparent"] = p.transparent;
    params["layout"] = p.layout;
    params["lod"] = p.lod;
    params["border_width"] = p.border_width ? ordered_json(*p.border_width) : ordered_json(nullptr);
    params["labels"] = p.labels;
    params["markers"] = p.markers;
    params["highlight"] = p.highlight;
    params["hide_status"] = p.hide_status;
    params["highlight_status"] = p.highlight_status;
    params["data"] = p.data;
    params["statuses"] = p.statuses;
    params["boundaries"] = p.boundaries;
    params["id_field"] = p.id_field;
    params["name_field"] = p.name_field;
    params["each_event"] = p.each_event;
    params["dates"] = p.dates;
    params["step"] = p.step;
    params["animate"] = p.animate;
    params["fps"] = p.fps;
    params["hold_last"] = p.hold_last;
    ordered_json doc;
    doc["format"] = "deportmap-export-sidecar";
    doc["format_version"] = 1;
    doc["program_version"] = version;
    doc["parameters"] = std::move(params);
    ordered_json ins = ordered_json::array();
    for (const InputHash& h : inputs) {
        ins.push_back(ordered_json{{"role", h.role}, {"path", h.path}, {"sha256", h.sha256}});
    }
    doc["inputs"] = std::move(ins);
    doc["outputs"] = outputs;
    return doc.dump(2) + "\n";
}

namespace {

template <typename T>
T field(const ordered_json& j, const char* name, const std::string& path, T fallback) {
    if (!j.contains(name) || j.at(name).is_null()) return fallback;
    try {
        return j.at(name).get<T>();
    } catch (const std::exception&) {
        throw SidecarError(path + ": parameters." + name + " has the wrong type");
    }
}

}  // namespace

ExportParams read_sidecar(const std::string& path, std::vector<InputHash>* inputs) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw SidecarError("cannot read " + path + ": " + std::strerror(errno));
    ordered_json doc;
    try {
        doc = ordered_json::parse(in);
    } catch (const std::exception& e) {
        throw SidecarError(path + ": not valid JSON (" + std::string(e.what()).substr(0, 120) + ")");
    }
    if (!doc.is_object() || doc.value("format", std::string()) != "deportmap-export-sidecar" ||
        !doc.contains("parameters") || !doc["parameters"].is_object()) {
        throw SidecarError(path + ": not a deportmap export sidecar (no \"format\" or \"parameters\")");
    }
    const ordered_json& j = doc["parameters"];
    ExportParams p;
    p.out = field<std::string>(j, "out", path, "");
    p.date = field<std::string>(j, "date", path, "");
    p.preset = field<std::string>(j, "preset", path, "");
    p.width = field<int>(j, "width", path, 0);
    p.height = field<int>(j, "height", path, 0);
    p.scale = field<double>(j, "scale", path, 1.0);
    p.size_scale = field<double>(j, "size_scale", path, 1.0);
    if (j.contains("dpi") && !j["dpi"].is_null()) p.dpi = field<double>(j, "dpi", path, 0);
    p.projection = field<std::string>(j, "projection", path, "equal-earth");
    if (j.contains("bounds") && !j["bounds"].is_null()) {
        p.bounds = field<std::array<double, 4>>(j, "bounds", path, {});
    }
    p.focus = field<std::vector<std::string>>(j, "focus", path, {});
    p.title = field<std::string>(j, "title", path, "");
    p.subtitle = field<std::string>(j, "subtitle", path, "");
    if (j.contains("source") && !j["source"].is_null()) p.source = field<std::string>(j, "source", path, "");
    p.notes = field<std::string>(j, "notes", path, "");
    p.logo = field<std::string>(j, "logo", path, "");
    p.theme = field<std::string>(j, "theme", path, "light");
    p.transparent = field<bool>(j, "transparent", path, false);
    p.layout = field<std::string>(j, "layout", path, "full");
    p.lod = field<std::string>(j, "lod", path, "auto");
    if (j.contains("border_width") && !j["border_width"].is_null()) {
        p.border_width = field<double>(j, "border_width", path, 0);
    }
    p.labels = field<bool>(j, "labels", path, false);
    p.markers = field<bool>(j, "markers", path, true);
    p.highlight = field<std::vector<std::string>>(j, "highlight", path, {});
    p.hide_status = field<std::vector<std::string>>(j, "hide_status", path, {});
    p.highlight_status = field<std::string>(j, "highlight_status", path, "");
    p.data = field<std::vector<std::string>>(j, "data", path, {});
    p.statuses = field<std::string>(j, "statuses", path, "");
    p.boundaries = field<std::string>(j, "boundaries", path, "");
    p.id_field = field<std::string>(j, "id_field", path, "");
    p.name_field = field<std::string>(j, "name_field", path, "");
    p.each_event = field<bool>(j, "each_event", path, false);
    p.dates = field<std::string>(j, "dates", path, "");
    p.step = field<std::string>(j, "step", path, "");
    p.animate = field<std::string>(j, "animate", path, "");
    p.fps = field<int>(j, "fps", path, 2);
    p.hold_last = field<double>(j, "hold_last", path, 0.0);
    if (inputs != nullptr && doc.contains("inputs") && doc["inputs"].is_array()) {
        for (const auto& h : doc["inputs"]) {
            inputs->push_back({h.value("role", std::string()), h.value("path", std::string()),
                               h.value("sha256", std::string())});
        }
    }
    return p;
}

void write_file_atomic(const std::string& path, const std::string& bytes) {
    const size_t slash = path.rfind('/');
    const std::string folder = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
    const std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    std::string temp = folder + "." + base + ".tmp-XXXXXX";
    const int fd = create_temp_file(temp);
    if (fd < 0) throw std::runtime_error("cannot write " + path + ": " + std::strerror(errno));
    const TempRegistration registration(temp);  // removed on SIGTERM/SIGINT/SIGHUP
    fchmod(fd, 0644);
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string why = std::strerror(errno);
            ::close(fd);
            unlink(temp.c_str());
            throw std::runtime_error("cannot write " + path + ": " + why);
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const std::string why = std::strerror(errno);
        unlink(temp.c_str());
        throw std::runtime_error("cannot write " + path + ": " + why);
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        unlink(temp.c_str());
        throw std::runtime_error("cannot write " + path + ": " + why);
    }
}

}  // namespace deportmap::exporter
