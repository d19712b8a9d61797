// The Export dialog (Ctrl+E): size preset or custom size, PNG or SVG, output path,
// title / subtitle / source, transparent background, a preview of the composed page at
// the output's true aspect ratio, and "Export", which runs `deportmap export` (this very
// program, /proc/self/exe) in the background with the current view's date, projection,
// visible area, theme, selection (outlined), hidden and highlighted statuses, labels and
// markers, and the files in use (ui/export_command.hpp builds the argv).
#pragma once
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "export/layout.hpp"
#include "core/geo/projection.hpp"
#include "core/view.hpp"
#include "platform/child_process.hpp"
#include "render/gl/objects.hpp"
#include "ui/export_command.hpp"
#include "ui/panel_context.hpp"

namespace deportmap::ui {

// What the dialog needs of the map view to export "what is shown".
struct ExportView {
    Camera camera;
    geo::BBox world_bounds;                 // projected world bounds of `projection`
    geo::ProjectionKind projection = geo::ProjectionKind::EqualEarth;  // the one shown
    int fb_width = 0;
    int fb_height = 0;
};

class ExportPanel {
public:
    ExportPanel();
    ~ExportPanel();
    void set_inputs(ExportInputs inputs) { inputs_ = std::move(inputs); }
    void toggle() { open_ = !open_; }
    void open() { open_ = true; }
    bool is_open() const { return open_; }
    // Scripted export: opens the dialog and exports to `path` on the next frame.
    void request_export(std::string path);
    // True while an export runs (keep drawing frames so it is polled).
    bool busy() const { return child_.running(); }
    // "", "Exporting FILE…", "Wrote FILE" or the child's error line.
    const std::string& status() const { return status_; }

    // Polls a running export and, when open, draws the dialog.
    void draw(PanelContext& ctx, const ExportView& view);
    // The window program turns on the preview's real thumbnail (an export at a small
    // scale, run in the background); off, the preview shows the page's layout as boxes.
    void enable_thumbnail() { thumbnail_on_ = true; }
    // Deletes the thumbnail's texture; call while the GL context is current.
    void release_gl();
    // "", "rendering", "ready" or "failed: why"; and the thumbnail's pixel size.
    const std::string& thumbnail_state() const { return thumb_state_; }
    std::pair<int, int> thumbnail_size() const { return thumb_size_; }
    // True while the open dialog's thumbnail is behind its settings (scripted runs wait).
    bool thumbnail_settling() const;

private:
    ExportRequest request(const PanelContext& ctx, const ExportView& view) const;
    void start(const PanelContext& ctx, const ExportView& view);
    void poll();
    void draw_preview(const PanelContext& ctx, int width, int height, double dpi);
    void update_thumbnail(const PanelContext& ctx, const ExportView& view, int width, int height);
    void finish_thumbnail();
    bool make_thumb_dir();

    bool open_ = false;
    int preset_ = 0;  // index in kExportPresets; == size(): custom
    int width_ = 1920, height_ = 1080;
    std::string format_ = "png";  // png, svg or pdf: the file's extension
    bool transparent_ = false;
    bool strong_sources_ = false;  // --sources strong
    bool no_titles_ = false;       // --title "" --subtitle ""
    std::array<char, 1024> path_{};
    std::array<char, 512> title_{};
    std::array<char, 512> subtitle_{};
    std::array<char, 512> source_{};
    bool path_set_ = false;
    std::optional<std::string> scripted_path_;
    ExportInputs inputs_;
    platform::ChildProcess child_;
    std::string running_out_;
    std::string status_;
    bool status_error_ = false;
    std::unique_ptr<geo::Projector> projector_;
    // Preview cache: the layout of the last page drawn and its key.
    std::string layout_key_;
    std::optional<exporter::PageLayout> layout_;
    // The thumbnail (see update_thumbnail).
    static constexpr double kThumbnailPx = 480.0;           // its longer side
    static constexpr double kThumbnailDelaySeconds = 0.4;   // after the last change
    bool thumbnail_on_ = false;
    platform::ChildProcess thumb_child_;
    std::string thumb_dir_;          // private temporary folder, removed at the end
    std::string thumb_wanted_key_;   // the argv the settings ask for now
    std::string thumb_key_;          // the argv last started
    double thumb_changed_s_ = 0.0;
    std::pair<int, int> thumb_running_page_{0, 0}, thumb_page_{0, 0}, thumb_size_{0, 0};
    render::gl::Texture thumb_texture_;
    std::string thumb_state_;
};

}  // namespace deportmap::ui
