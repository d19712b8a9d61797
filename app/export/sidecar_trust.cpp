// The rules for sidecars read with --from (see sidecar_trust.hpp).
#include "export/sidecar_trust.hpp"

#include <filesystem>
#include <functional>

#include "core/data/stated_figures.hpp"
#include "core/geo/world.hpp"
#include "core/util/args.hpp"
#include "core/util/paths.hpp"
#include "export/compose.hpp"
#include "export/frames.hpp"
#include "export/sidecar.hpp"

namespace deportmap::exporter {
namespace {

namespace fs = std::filesystem;

bool goes_up(const std::string& path) {
    for (const fs::path& part : fs::path(path)) {
        if (part == "..") return true;
    }
    return false;
}

// Every input path field, by its sidecar key.
void for_each_input(ExportParams& p, const std::function<void(const char*, std::string&)>& f) {
    for (std::string& d : p.data) f("data", d);
    if (!p.statuses.empty()) f("statuses", p.statuses);
    if (!p.boundaries.empty()) f("boundaries", p.boundaries);
    if (!p.logo.empty()) f("logo", p.logo);
    if (!p.story.empty()) f("story", p.story);
    if (!p.annotations.empty()) f("annotations", p.annotations);
}

void refuse_going_up(const std::string& path, const char* key, const std::string& value) {
    if (goes_up(value)) {
        throw SidecarError(path + ": parameters." + key + " '" + value +
                           "' leaves its folder (..); a sidecar may not name such a path");
    }
}

// The file an input role was read from when the sidecar's export ran: the resolved path
// of that field, or the bundled file the empty field stands for.
std::vector<std::pair<std::string, std::string>> inputs_by_role(const ExportParams& p) {
    std::vector<std::pair<std::string, std::string>> out;
    if (p.data.empty()) {
        for (const std::string& f : data::default_events_paths()) out.emplace_back("data", f);
    }
    for (const std::string& d : p.data) out.emplace_back("data", d);
    out.emplace_back("statuses", p.statuses.empty() ? data_path("assets/statuses.csv") : p.statuses);
    out.emplace_back("boundaries", p.boundaries.empty() ? geo::default_boundaries_path() : p.boundaries);
    if (!p.logo.empty()) out.emplace_back("logo", p.logo);
    if (!p.annotations.empty()) out.emplace_back("annotations", p.annotations);
    return out;
}

// Notes where an input's bytes differ from what the sidecar recorded.
void note_changed_inputs(const std::string& path, const ExportParams& p, const std::vector<InputHash>& recorded,
                         const NoteFn& note) {
    if (!note) return;
    const auto now = inputs_by_role(p);
    size_t seen = 0;
    for (const InputHash& h : recorded) {
        while (seen < now.size() && now[seen].first != h.role) ++seen;
        if (seen == now.size()) break;
        if (sha256_file(now[seen].second) != h.sha256) {
            note(now[seen].second + " changed since " + path + " was written; the output will differ");
        }
        ++seen;
    }
}

// Where the output goes without --out: the sidecar's base name in the current folder.
std::string default_output(const std::string& path) {
    std::string name = fs::path(path).filename().string();
    if (name.size() > 5 && name.compare(name.size() - 5, 5, ".json") == 0) name.resize(name.size() - 5);
    std::error_code ec;
    if (fs::exists(name, ec)) {
        throw ExportError(path + ": the output " + name + " already exists; give --out " + name +
                          " to replace it");
    }
    return name;
}

}  // namespace

std::string portable_path(const std::string& path, const std::string& sidecar_folder) {
    const fs::path base = fs::absolute(sidecar_folder.empty() ? "." : sidecar_folder);
    const fs::path abs = fs::absolute(path).lexically_normal();
    std::error_code ec;
    const fs::path rel = fs::relative(abs, base, ec);
    if (!ec && !rel.empty() && !goes_up(rel.string())) return rel.string();
    // Outside the folder: the name alone, so no path of this machine is recorded; --from
    // looks for the file beside the sidecar (and says so when it is not there).
    return abs.filename().string();
}

ExportParams params_for_sidecar(const ExportParams& params, const std::string& sidecar_folder) {
    ExportParams p = params;
    for_each_input(p, [&](const char*, std::string& value) { value = portable_path(value, sidecar_folder); });
    if (!p.out.empty()) p.out = fs::path(p.out).filename().string();
    if (!p.animate.empty()) p.animate = fs::path(p.animate).filename().string();
    return p;
}

std::vector<InputHash> inputs_for_sidecar(std::vector<InputHash> inputs, const std::string& sidecar_folder) {
    const fs::path bundled = fs::path(data_path("assets/statuses.csv")).parent_path().parent_path();
    for (InputHash& h : inputs) {
        std::error_code ec;
        const fs::path rel = fs::relative(fs::absolute(h.path).lexically_normal(), fs::absolute(bundled), ec);
        const bool is_bundled = !ec && !rel.empty() && !goes_up(rel.string());
        h.path = is_bundled ? "(bundled) " + rel.string() : portable_path(h.path, sidecar_folder);
    }
    return inputs;
}

ExportParams params_from_sidecar(const std::string& path, const std::string& out_override, const NoteFn& note) {
    std::vector<InputHash> recorded;
    ExportParams p = read_sidecar(path, &recorded);
    refuse_going_up(path, "out", p.out);
    refuse_going_up(path, "animate", p.animate);
    const fs::path folder = fs::absolute(path).parent_path();
    for_each_input(p, [&](const char* key, std::string& value) {
        refuse_going_up(path, key, value);
        const fs::path resolved = fs::path(value).is_absolute() ? fs::path(value) : folder / value;
        std::error_code ec;
        if (!fs::is_regular_file(resolved, ec)) {
            throw ExportError(path + ": parameters." + key + " '" + value + "' is not there (looked for " +
                              resolved.string() + ")");
        }
        value = resolved.string();
    });
    note_changed_inputs(path, p, recorded, note);
    const bool animation_only = !p.animate.empty() && p.out.empty();
    const std::string out = out_override.empty() ? default_output(path) : out_override;
    if (animation_only) {
        p.animate = out;
    } else {
        p.out = out;
        if (!p.animate.empty() && out_override.empty()) {
            p.animate = fs::path(p.animate).filename().string();
            std::error_code ec;
            if (fs::exists(p.animate, ec)) {
                throw ExportError(path + ": the animation " + p.animate + " already exists; remove it first");
            }
        }
    }
    return p;
}

void check_sidecar_size(const std::string& path, int width, int height, size_t frames) {
    if (width > kSidecarMaxSide || height > kSidecarMaxSide || double(width) * height > kSidecarMaxPixels) {
        throw UsageError(path + " asks for a page of " + std::to_string(width) + "x" + std::to_string(height) +
                         " pixels; a sidecar may ask for at most " + std::to_string(kSidecarMaxSide) +
                         " a side and 100 megapixels unless you add --allow-large");
    }
    if (frames > kSidecarMaxFrames) {
        throw UsageError(path + " asks for " + std::to_string(frames) + " frames; a sidecar may ask for at most " +
                         std::to_string(kSidecarMaxFrames) + " unless you add --allow-large");
    }
}

}  // namespace deportmap::exporter
