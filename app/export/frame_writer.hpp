// One frame of an export: the Scene's paint on the frame's day (core/paint.hpp), the page
// text and layout, markers and labels, then the file: SVG without GL, PNG composed and
// encoded band by band through the tile target, or a whole page for ffmpeg.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/geo/mesh.hpp"
#include "core/markers.hpp"
#include "core/paint.hpp"
#include "core/scene.hpp"
#include "core/view.hpp"
#include "export/canvas.hpp"
#include "export/annotations.hpp"
#include "export/drawing.hpp"
#include "export/frames.hpp"
#include "export/inputs.hpp"
#include "export/layout.hpp"
#include "export/map_labels.hpp"
#include "export/params.hpp"
#include "export/png.hpp"
#include "export/setup.hpp"
#include "export/stage_timer.hpp"
#include "export/tiles.hpp"
#include "platform/ffmpeg_pipe.hpp"

namespace deportmap::exporter {

// What every frame of one export shares.
struct FrameContext {
    const ExportParams* params = nullptr;
    const ExportSetup* setup = nullptr;
    DataInputs data;
    const geo::World* world = nullptr;
    std::vector<int> world_to_data;
    geo::ProjectedWorld projected;
    Scene scene;          // date set per frame
    double unit = 1.0;    // type unit
    std::vector<uint8_t> frame_striped;  // per frame: some striped country is in view
    PageOptions page_options;            // size, type unit, layout, logo
    PageLayout base_layout;              // reserved for the widest frame
    int map_w = 0, map_h = 0;
    ViewTransform view;   // projected -> map-area pixels
    geo::Lod lod = geo::Lod::k110m;
    StageTimer* timer = nullptr;
    std::vector<Annotation> annotations;  // --annotate, resolved
};

// The page's text on a frame: title, date line, credit line, legend from the paint's counts.
PageText page_text(const FrameContext& ctx, const Frame& frame, const ScenePaint& paint, bool stripes_key);

// Shrinks each marker (centres in projected units, `px_per_unit` pixels each) to half the
// distance to its nearest neighbour where it would overlap it, never below `floor_px`.
void space_markers(std::vector<CircleItem>& markers, double px_per_unit, double floor_px);

// The title and subtitle a page gets when none is given: for the bundled data its
// headline and what the colours show on `date`; for other data none ("").
std::string default_title(bool bundled_data);
std::string default_subtitle(bool bundled_data, const data::Date& date);
// Per frame: whether a striped country lies in the area shown.
std::vector<uint8_t> frames_striped(const FrameContext& ctx, const std::vector<Frame>& frames);
PageOptions page_options(const ExportSetup& setup, double unit);
// The layout with the widest date line, three-digit counts and the last frame's credit
// line reserved, so that every frame's map is the same.
PageLayout reserve_layout(const FrameContext& ctx, const std::vector<Frame>& frames);

// What is drawn on one day: the paint plus markers and labels.
struct FramePaint {
    data::Day day = 0;
    ScenePaint paint;
    ViewTransform view;  // the frame's own view (a story's flight) or the export's
    PageText text;
    std::vector<int> markers;  // World indices
    std::vector<MapLabel> labels;
    std::vector<Callout> callouts;
};
FramePaint paint_frame(const FrameContext& ctx, Scene& scene, const Frame& frame, bool stripes_key);

class FrameWriter {
public:
    FrameWriter(const FrameContext& ctx, const std::vector<Frame>& frames, render::OffscreenMap* target,
                platform::FfmpegPipe* pipe);
    void write(size_t index);
    const std::vector<std::string>& outputs() const { return outputs_; }
    // The description of each output (same order), and of an animation's last frame.
    const std::vector<std::string>& descriptions() const { return descriptions_; }
    const std::string& last_description() const { return last_description_; }
    const std::vector<data::Day>& days() const { return days_; }
    const std::string& last_target() const { return last_target_; }
    const Canvas& last_page() const { return last_page_; }

private:
    PageDrawing drawing(const FramePaint& fp, const PageLayout& layout) const;
    std::string vector_document(const PageDrawing& dr, const FramePaint& fp) const;
    void record(const std::string& target, const PageDrawing& dr);
    void compose(Canvas& page, const PageDrawing& dr);
    void write_png_bands(const FramePaint& fp, const PageDrawing& dr, const std::string& target,
                         const Frame& frame);
    void write_animation_frame(const FramePaint& fp, const PageDrawing& dr, const std::string& target,
                               const Frame& frame, bool last);
    PngMetadata png_chunks(const FramePaint& fp, const Frame& frame) const;

    const FrameContext& ctx_;
    const std::vector<Frame>& frames_;
    render::OffscreenMap* target_;
    platform::FfmpegPipe* pipe_;
    Scene scene_;
    const std::vector<geo::ProjectedShape>& shapes_;
    render::MapImageRequest request_;
    PageColors page_colors_;
    MarkerRule marker_rule_;
    double marker_base_px_ = 4.5;  // the rule's radius at 1080p (before the type unit)
    double border_width_ = 0.6;
    double hatch_px_ = 0;
    double highlight_width_ = 3;
    std::vector<std::string> outputs_;
    std::vector<std::string> descriptions_;
    std::vector<data::Day> days_;  // the date of each output
    std::string last_description_;
    std::string last_target_;
    Canvas last_page_;
    std::vector<uint8_t> tile_scratch_;
};

}  // namespace deportmap::exporter
