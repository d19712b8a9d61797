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

#include "export/layout.hpp"
#include "core/geo/projection.hpp"
#include "core/view.hpp"
#include "platform/child_process.hpp"
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

private:
    ExportRequest request(const PanelContext& ctx, const ExportView& view) const;
    void start(const PanelContext& ctx, const ExportView& view);
    void poll();
    void draw_preview(const PanelContext& ctx, int width, int height, double dpi);

    bool open_ = false;
    int preset_ = 0;  // index in kExportPresets; == size(): custom
    int width_ = 1920, height_ = 1080;
    bool svg_ = false;
    bool transparent_ = false;
    bool strong_sources_ = false;  // --sources strong
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
};

}  // namespace deportmap::ui
