// The Export dialog (see export_panel.hpp).
#include "ui/export_panel.hpp"

#include <glad/gl.h>
#include <imgui.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "core/paint.hpp"
#include "export/compose.hpp"
#include "export/inputs.hpp"
#include "export/frame_writer.hpp"
#include "export/frames.hpp"
#include "ui/widgets.hpp"

namespace deportmap::ui {
namespace {

constexpr int kPresetCount = static_cast<int>(sizeof(kExportPresets) / sizeof(kExportPresets[0]));

template <size_t N>
void set_text(std::array<char, N>& buf, const std::string& text) {
    const size_t n = std::min(text.size(), N - 1);
    std::memcpy(buf.data(), text.data(), n);
    buf[n] = '\0';
}

// The folder for a new export: the current folder when writable, else $HOME.
std::string default_folder() {
    if (access(".", W_OK) == 0) return "";
    const char* home = std::getenv("HOME");
    return home != nullptr && *home != '\0' ? std::string(home) + "/" : "";
}

// The last non-empty line of a child's stderr.
std::string last_line(const std::string& text) {
    size_t end = text.size();
    while (end > 0 && (text[end - 1] == '\n' || text[end - 1] == '\r' || text[end - 1] == ' ')) --end;
    const size_t start = text.rfind('\n', end == 0 ? 0 : end - 1);
    return text.substr(start == std::string::npos || end == 0 ? 0 : start + 1,
                       end - (start == std::string::npos || end == 0 ? 0 : start + 1));
}

std::string with_extension(std::string path, const std::string& format) {
    const std::string ext = "." + format;
    const size_t slash = path.rfind('/');
    const size_t dot = path.rfind('.');
    if (dot != std::string::npos && (slash == std::string::npos || dot > slash)) path.erase(dot);
    return path + ext;
}

}  // namespace

// Empty title fields: the command line's defaults (exporter::default_title / _subtitle).
ExportPanel::ExportPanel() = default;

ExportPanel::~ExportPanel() {
    thumb_child_.wait();
    if (!thumb_dir_.empty()) {
        std::error_code ec;
        std::filesystem::remove_all(thumb_dir_, ec);
    }
}

void ExportPanel::release_gl() { thumb_texture_.reset(); }

void ExportPanel::request_export(std::string path) {
    open_ = true;
    const std::string ext = exporter::lower_extension(path);
    format_ = ext == "svg" || ext == "pdf" || ext == "html" ? ext : "png";
    set_text(path_, path);
    path_set_ = true;
    scripted_path_ = std::move(path);
}

ExportRequest ExportPanel::request(const PanelContext& ctx, const ExportView& view) const {
    ExportRequest r;
    r.out = path_.data();
    if (preset_ < kPresetCount) {
        r.preset = kExportPresets[preset_].name;
        r.width = kExportPresets[preset_].width;
        r.height = kExportPresets[preset_].height;
    } else {
        r.width = width_;
        r.height = height_;
    }
    r.date = ctx.scene.date;
    r.projection = view.projection;
    r.theme = ctx.scene.theme;
    if (projector_ && projector_->kind() == view.projection) {
        r.bounds = visible_lonlat_bounds(view.camera, view.world_bounds, view.fb_width,
                                         view.fb_height, *projector_);
    }
    r.title = title_.data();
    r.subtitle = subtitle_.data();
    r.no_titles = no_titles_;
    r.source = source_.data();
    r.transparent = transparent_;
    r.strong_sources = strong_sources_;
    view_options_from_scene(r, ctx.scene, ctx.world, ctx.data.timeline().statuses());
    r.inputs = inputs_;
    return r;
}

void ExportPanel::start(const PanelContext& ctx, const ExportView& view) {
    if (child_.running()) return;
    try {
        if (!projector_ || projector_->kind() != view.projection) {
            projector_ = std::make_unique<geo::Projector>(view.projection);
        }
    } catch (const std::exception&) {
        projector_.reset();  // export the whole world then
    }
    const ExportRequest r = request(ctx, view);
    if (r.out.empty()) {
        status_ = "give a file name ending in .png, .svg, .pdf or .html";
        status_error_ = true;
        return;
    }
    std::vector<std::string> argv = build_export_argv(r);
    argv.insert(argv.begin(), "deportmap");
    std::string error;
    if (!child_.start("/proc/self/exe", argv, error)) {
        status_ = error;
        status_error_ = true;
        return;
    }
    running_out_ = r.out;
    status_ = "Exporting " + r.out + "\xE2\x80\xA6";
    status_error_ = false;
}

void ExportPanel::poll() {
    const auto done = child_.poll();
    if (!done) return;
    if (done->exit_code == 0) {
        std::error_code ec;
        const auto abs = std::filesystem::absolute(running_out_, ec);
        status_ = "Wrote " + (ec ? running_out_ : abs.string());
        status_error_ = false;
    } else {
        std::string line = last_line(done->stderr_text);
        if (line.empty()) line = "export failed (exit " + std::to_string(done->exit_code) + ")";
        status_ = line;
        status_error_ = true;
    }
}

void ExportPanel::draw_preview(const PanelContext& ctx, int width, int height, double dpi) {
    const data::StatusTable& table = ctx.data.timeline().statuses();
    exporter::PageText text;
    const bool bundled = inputs_.data_files.empty();
    text.title = no_titles_ ? "" : title_[0] != '\0' ? std::string(title_.data()) : exporter::default_title(bundled);
    text.subtitle = no_titles_ ? ""
                    : subtitle_[0] != '\0'
                        ? std::string(subtitle_.data())
                        : exporter::default_subtitle(bundled, data::civil_from_days(ctx.scene.date));
    text.date_line = "As of " + format_day(ctx.scene.date);
    // The credit line the export will print (its default from the outlets of the facts
    // shown), with the footnote on sources and the data's coverage.
    text.source = source_[0] != '\0'
                      ? std::string(source_.data())
                      : exporter::default_source(ctx.data.timeline(), ctx.data.countries(), ctx.scene.date,
                                                 inputs_.boundaries_path.empty(), "OUT.sources.csv");
    text.source = exporter::footer_line(
        text.source, exporter::data_footnote(ctx.data.timeline(), data::SourceFilter::All, 0, ctx.scene.date));
    // The legend the export will draw: the same paint of the same Scene.
    ScenePaint paint;
    paint_scene(ctx.scene, ctx.data.timeline(), ctx.data.world_to_data(), paint);
    const bool striped = std::find(paint.striped.begin(), paint.striped.end(), 1) != paint.striped.end();
    text.legend = legend_entries(ctx.scene, table, paint, striped);
    const std::string key = std::to_string(width) + "x" + std::to_string(height) + "|" +
                            text.title + "|" + text.subtitle + "|" + text.date_line + "|" +
                            text.source + "|" + std::to_string(text.legend.size()) + "|" +
                            std::to_string(text.legend.back().count);
    if (key != layout_key_) {
        layout_key_ = key;
        try {
            exporter::PageOptions o;
            o.width = width;
            o.height = height;
            o.unit = exporter::type_unit(width, height, 1.0,
                                         dpi > 0 ? std::optional<double>(dpi) : std::nullopt);
            layout_ = exporter::compute_layout(text, o);
        } catch (const std::exception&) {
            layout_.reset();  // no fonts: proportional boxes below
        }
    }

    const float max_w = ImGui::GetFontSize() * 26.0f, max_h = ImGui::GetFontSize() * 15.0f;
    const float s = std::min(max_w / static_cast<float>(width), max_h / static_cast<float>(height));
    const ImVec2 size(static_cast<float>(width) * s, static_cast<float>(height) * s);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ThemeColors& tc = theme_colors(ctx.scene.theme);
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), im_color(tc.background));
    if (transparent_) {
        dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), im_color(tc.muted_text), 0.0f, 0, 1.0f);
    }
    // The real page, rendered small by the exporter, once it is there (the boxes below
    // stand in until then and while a new one renders).
    if (thumb_texture_ && thumb_page_ == std::pair<int, int>{width, height}) {
        dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(thumb_texture_.id())), p,
                     ImVec2(p.x + size.x, p.y + size.y));
        return;
    }
    auto box = [&](const exporter::Rect& r) {
        return std::pair<ImVec2, ImVec2>{
            ImVec2(p.x + static_cast<float>(r.x) * s, p.y + static_cast<float>(r.y) * s),
            ImVec2(p.x + static_cast<float>(r.x + r.w) * s, p.y + static_cast<float>(r.y + r.h) * s)};
    };
    if (layout_) {
        const auto [m0, m1] = box(layout_->map);
        dl->AddRectFilled(m0, m1, im_color(tc.ocean));
        dl->AddText(ImVec2(m0.x + 4, m0.y + 4), im_color(tc.muted_text), "map");
        for (const exporter::SwatchItem& sw : layout_->swatches) {
            const auto [a, b] = box(sw.rect);
            dl->AddRectFilled(a, b, im_color(sw.color));
            if (sw.hatch > 0) {  // the stripe key: a few diagonal lines
                const float h = b.y - a.y;
                dl->PushClipRect(a, b, true);
                for (float o = -h; o < h; o += h * 0.45f) {
                    dl->AddLine(ImVec2(a.x + o, a.y), ImVec2(a.x + o + h, b.y), im_color(tc.background),
                                std::max(1.0f, h * 0.16f));
                }
                dl->PopClipRect();
            }
        }
        ImFont* font = ImGui::GetFont();
        for (const exporter::TextItem& t : layout_->texts) {
            const float fs = static_cast<float>(t.size) * s;
            const ImU32 col = im_color(t.muted ? tc.muted_text : tc.text);
            const float base = p.y + static_cast<float>(t.baseline) * s;
            if (fs >= 5.0f) {
                const float tw = font->CalcTextSizeA(fs, 1e9f, 0.0f, t.text.c_str()).x;
                float x = p.x + static_cast<float>(t.x) * s;
                if (t.anchor_end) x -= tw;
                dl->AddText(font, fs, ImVec2(x, base - fs * 0.8f), col, t.text.c_str());
            } else {
                // Too small to read: a bar the text's approximate length.
                const float tw = static_cast<float>(t.text.size()) * fs * 0.5f;
                float x = p.x + static_cast<float>(t.x) * s;
                if (t.anchor_end) x -= tw;
                dl->AddRectFilled(ImVec2(x, base - std::max(1.0f, fs * 0.6f)), ImVec2(x + tw, base), col);
            }
        }
    } else {
        // Proportional boxes: header, map, legend and source lines.
        const float m = size.y * 0.04f;
        dl->AddRectFilled(ImVec2(p.x + m, p.y + m), ImVec2(p.x + size.x * 0.6f, p.y + m + size.y * 0.06f),
                          im_color(tc.text));
        dl->AddRectFilled(ImVec2(p.x + m, p.y + size.y * 0.16f),
                          ImVec2(p.x + size.x - m, p.y + size.y * 0.82f), im_color(tc.ocean));
        dl->AddRectFilled(ImVec2(p.x + m, p.y + size.y * 0.86f),
                          ImVec2(p.x + size.x * 0.8f, p.y + size.y * 0.9f), im_color(tc.muted_text));
    }
}

void ExportPanel::draw(PanelContext& ctx, const ExportView& view) {
    poll();
    if (!path_set_) {
        set_text(path_, default_folder() + default_export_name(ctx.scene.date, format_));
        path_set_ = true;
    }
    if (scripted_path_ && view.fb_width > 0) {
        scripted_path_.reset();
        start(ctx, view);
    }
    if (!open_) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f,
                                   vp->WorkPos.y + vp->WorkSize.y * 0.45f),
                            ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    if (ImGui::Begin("Export###export", &open_,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                         ImGuiWindowFlags_NoSavedSettings)) {
        const float field = ImGui::GetFontSize() * 28.0f;
        const char* current = preset_ < kPresetCount ? kExportPresets[preset_].name : "custom";
        ImGui::SetNextItemWidth(field * 0.5f);
        if (ImGui::BeginCombo("Size", current)) {
            for (int i = 0; i <= kPresetCount; ++i) {
                char label[64];
                if (i < kPresetCount) {
                    std::snprintf(label, sizeof label, "%s  (%dx%d)", kExportPresets[i].name,
                                  kExportPresets[i].width, kExportPresets[i].height);
                } else {
                    std::snprintf(label, sizeof label, "custom");
                }
                if (ImGui::Selectable(label, preset_ == i)) preset_ = i;
            }
            ImGui::EndCombo();
        }
        int w = width_, h = height_;
        double dpi = 0;
        if (preset_ < kPresetCount) {
            w = kExportPresets[preset_].width;
            h = kExportPresets[preset_].height;
            dpi = kExportPresets[preset_].dpi;
            ImGui::SameLine();
            ImGui::Text("%d x %d px", w, h);
        } else {
            ImGui::SameLine();
            ImGui::SetNextItemWidth(field * 0.25f);
            ImGui::InputInt("##w", &width_, 0);
            ImGui::SameLine();
            ImGui::TextUnformatted("x");
            ImGui::SameLine();
            ImGui::SetNextItemWidth(field * 0.25f);
            ImGui::InputInt("##h", &height_, 0);
            width_ = std::clamp(width_, 16, 50000);
            height_ = std::clamp(height_, 16, 50000);
            w = width_;
            h = height_;
        }
        static const char* const kFormats[] = {"png", "svg", "pdf", "html"};
        int format = format_ == "svg" ? 1 : format_ == "pdf" ? 2 : format_ == "html" ? 3 : 0;
        bool fmt_changed = ImGui::RadioButton("PNG", &format, 0);
        ImGui::SameLine();
        fmt_changed = ImGui::RadioButton("SVG", &format, 1) || fmt_changed;
        ImGui::SameLine();
        fmt_changed = ImGui::RadioButton("PDF", &format, 2) || fmt_changed;
        ImGui::SameLine();
        fmt_changed = ImGui::RadioButton("HTML", &format, 3) || fmt_changed;
        if (fmt_changed) {
            format_ = kFormats[format];
            set_text(path_, with_extension(path_.data(), format_));
        }
        ImGui::SameLine();
        ImGui::Checkbox("Transparent background", &transparent_);
        ImGui::Checkbox("Leave out facts resting only on weak sources", &strong_sources_);
        ImGui::SetNextItemWidth(field);
        ImGui::InputText("File", path_.data(), path_.size());
        ImGui::BeginDisabled(no_titles_);
        ImGui::SetNextItemWidth(field);
        ImGui::InputTextWithHint("Title", "default: the data's headline", title_.data(), title_.size());
        ImGui::SetNextItemWidth(field);
        ImGui::InputTextWithHint("Subtitle", "default: what the colours show on the date", subtitle_.data(),
                                 subtitle_.size());
        ImGui::EndDisabled();
        ImGui::Checkbox("No title or subtitle", &no_titles_);
        ImGui::SetNextItemWidth(field);
        ImGui::InputTextWithHint("Source", "default: the data's publishers, most cited first",
                                 source_.data(), source_.size());
        const std::string what = "Date " + iso_day(ctx.scene.date) + ", " +
                                 std::string(geo::projection_label(view.projection)) + ", " +
                                 std::string(theme_name(ctx.scene.theme)) + " theme, " +
                                 (view.camera.zoom <= 1.0001 ? "whole world" : "the area shown");
        ImGui::TextDisabled("%s", what.c_str());
        // What else of the view the file carries (the same rule as the export's argv).
        ExportRequest carried;
        view_options_from_scene(carried, ctx.scene, ctx.world, ctx.data.timeline().statuses());
        std::string also;
        const auto add = [&also](const std::string& part) { also += (also.empty() ? "" : "; ") + part; };
        if (!carried.highlight.empty()) {
            add("outlined: " + ctx.world.countries[static_cast<size_t>(ctx.scene.selected)].name);
        }
        if (!carried.hide_status.empty()) add(std::to_string(carried.hide_status.size()) + " hidden status(es)");
        if (!carried.highlight_status.empty()) add("highlighted: " + carried.highlight_status);
        add(carried.labels ? "labels on" : "labels off");
        if (!carried.markers) add("no markers");
        ImGui::TextDisabled("%s", also.c_str());
        update_thumbnail(ctx, view, w, h);
        draw_preview(ctx, w, h, dpi);
        ImGui::BeginDisabled(child_.running());
        if (ImGui::Button("Export")) start(ctx, view);
        ImGui::EndDisabled();
        ImGui::SameLine();
        if (status_error_) {
            ImGui::TextColored(ImVec4(0.85f, 0.2f, 0.2f, 1.0f), "%s", status_.c_str());
        } else {
            ImGui::TextUnformatted(status_.c_str());
        }
    }
    ImGui::End();
}

// The thumbnail: `deportmap export` of the same request at a small --size-scale into a
// private temporary folder, started a moment after the settings last changed (so typing
// a title does not start one export per key), one at a time; when it ends, its PNG
// becomes a texture. Only in the window program (enable_thumbnail): a test that draws
// the dialog must not run its own binary as an exporter.
void ExportPanel::update_thumbnail(const PanelContext& ctx, const ExportView& view, int width, int height) {
    if (!thumbnail_on_) return;
    finish_thumbnail();
    if (thumb_dir_.empty() && !make_thumb_dir()) return;
    ExportRequest r = request(ctx, view);
    r.out = thumb_dir_ + "/preview.png";
    r.size_scale = std::min(1.0, kThumbnailPx / static_cast<double>(std::max(width, height)));
    std::vector<std::string> argv = build_export_argv(r);
    argv.insert(argv.begin(), "deportmap");
    std::string key;
    for (const std::string& a : argv) key += a + '\n';
    const double now = ImGui::GetTime();
    if (key != thumb_wanted_key_) {
        thumb_wanted_key_ = key;
        thumb_changed_s_ = now;
    }
    if (key == thumb_key_ || thumb_child_.running() || now - thumb_changed_s_ < kThumbnailDelaySeconds) return;
    std::string error;
    if (!thumb_child_.start("/proc/self/exe", argv, error)) {
        thumb_state_ = "failed: " + error;
        thumb_key_ = key;
        return;
    }
    thumb_key_ = key;
    thumb_running_page_ = {width, height};
    thumb_state_ = "rendering";
}

// A finished thumbnail export: its PNG into the texture, or its error line kept.
void ExportPanel::finish_thumbnail() {
    const auto done = thumb_child_.poll();
    if (!done) return;
    if (done->exit_code != 0) {
        thumb_state_ = "failed: " + last_line(done->stderr_text);
        return;
    }
    try {
        const exporter::Image image = exporter::load_image(thumb_dir_ + "/preview.png");
        if (!thumb_texture_) thumb_texture_ = render::gl::Texture::create();
        glBindTexture(GL_TEXTURE_2D, thumb_texture_.id());
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                     image.rgba.data());
        glBindTexture(GL_TEXTURE_2D, 0);
        thumb_page_ = thumb_running_page_;
        thumb_size_ = {image.width, image.height};
        thumb_state_ = "ready";
    } catch (const std::exception& e) {
        thumb_state_ = std::string("failed: ") + e.what();
    }
}

bool ExportPanel::make_thumb_dir() {
    std::error_code ec;
    const std::string base = (std::filesystem::temp_directory_path(ec) / "deportmap-preview-XXXXXX").string();
    std::vector<char> name(base.begin(), base.end());
    name.push_back('\0');
    if (ec || mkdtemp(name.data()) == nullptr) {
        thumb_state_ = "failed: no temporary folder for the preview";
        thumbnail_on_ = false;
        return false;
    }
    thumb_dir_ = name.data();
    return true;
}

bool ExportPanel::thumbnail_settling() const {
    return open_ && thumbnail_on_ && (thumb_child_.running() || thumb_key_ != thumb_wanted_key_);
}

}  // namespace deportmap::ui
