// Export parameters as JSON, SHA-256 and atomic file writes (see sidecar.hpp).
#include "export/sidecar.hpp"

#include <fcntl.h>
#include <nettle/sha2.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/util/atomic_file.hpp"
#include "export/options.hpp"
#include "export/temp_files.hpp"

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

// nlohmann's parse error as "FILE:LINE:COLUMN: not valid JSON: what it expected", without
// the exception's id and the bytes it read last (which may be binary or span lines).
std::string json_parse_problem(const std::string& path, const std::string& what) {
    std::string where = path;
    std::string reason = what;
    const size_t at = what.find("at line ");
    int line = 0, column = 0;
    if (at != std::string::npos && std::sscanf(what.c_str() + at, "at line %d, column %d", &line, &column) == 2) {
        where.append(":").append(std::to_string(line)).append(":").append(std::to_string(column));
        const size_t colon = what.find(": ", at);
        if (colon != std::string::npos) reason = what.substr(colon + 2);
    } else if (const size_t id = what.find("] "); id != std::string::npos) {
        reason = what.substr(id + 2);
    }
    reason = reason.substr(0, reason.find("; last read"));
    return where.append(": not valid JSON: ").append(reason);
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
                         const std::string& version, const std::vector<std::string>& outputs,
                         const std::vector<SidecarFrame>& frames) {
    ordered_json params = params_to_json(p);
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
    if (!frames.empty()) {
        ordered_json list = ordered_json::array();
        for (const SidecarFrame& f : frames) {
            ordered_json entry{{"date", f.date}};
            if (f.video_frames > 0) entry["video_frames"] = f.video_frames;
            list.push_back(std::move(entry));
        }
        doc["frames"] = std::move(list);
    }
    return doc.dump(2) + "\n";
}

ExportParams read_sidecar(const std::string& path, std::vector<InputHash>* inputs) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw SidecarError("cannot read " + path + ": " + std::strerror(errno));
    ordered_json doc;
    try {
        doc = ordered_json::parse(in);
    } catch (const std::exception& e) {
        throw SidecarError(json_parse_problem(path, e.what()));
    }
    // Compared as JSON: value("format", std::string()) throws type_error for a non-string.
    if (!doc.is_object() || !doc.contains("format") ||
        doc["format"] != ordered_json("deportmap-export-sidecar") ||
        !doc.contains("parameters") || !doc["parameters"].is_object()) {
        throw SidecarError(path + ": not a deportmap export sidecar (no \"format\" or \"parameters\")");
    }
    const ordered_json& j = doc["parameters"];
    ExportParams p = params_from_json(j, path);
    if (inputs != nullptr && doc.contains("inputs") && doc["inputs"].is_array()) {
        // An entry that is not an object, or a field that is not a string, is a SidecarError
        // naming it (nlohmann's value() would throw its own type_error).
        size_t i = 0;
        for (const auto& h : doc["inputs"]) {
            const std::string where = path + ": inputs[" + std::to_string(i++) + "]";
            if (!h.is_object()) throw SidecarError(where + " is not an object");
            auto field = [&](const char* key) {
                if (!h.contains(key)) return std::string();
                if (!h[key].is_string()) throw SidecarError(where + "." + key + " has the wrong type");
                return h[key].get<std::string>();
            };
            inputs->push_back({field("role"), field("path"), field("sha256")});
        }
    }
    return p;
}

void write_file_atomic(const std::string& path, const std::string& bytes) {
    // The temporary file is known to the signal handler, so SIGTERM/SIGINT/SIGHUP remove it.
    util::AtomicWriteHooks hooks;
    hooks.create = create_temp_file;
    hooks.release = release_temp_path;
    std::string error;
    if (!util::write_file_atomic(path, bytes, error, hooks)) throw std::runtime_error(error);
}

}  // namespace deportmap::exporter
