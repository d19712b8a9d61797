// One frame of an export, painted and written (see frame_writer.hpp).
#include "export/frame_writer.hpp"

#include <algorithm>
#include <filesystem>
#include <future>

#include "core/data/status_report.hpp"
#include "build_info.hpp"
#include "core/data/stated_figures.hpp"
#include "export/compose.hpp"
#include "export/png.hpp"
#include "export/sidecar.hpp"
#include "export/drawing.hpp"
#include "export/html.hpp"
#include "export/pdf.hpp"
#include "export/svg.hpp"

namespace deportmap::exporter {
namespace {

std::string date_line(const Frame& f) { return "As of " + data::format_date(f.date); }

// The name the credit gives the sources file: OUT.sources.csv's.
std::string sources_list_name(const ExportParams& p) {
    return std::filesystem::path(sources_list_path(p.out.empty() ? p.animate : p.out)).filename().string();
}

// The credit: --source or the outlets of the facts shown.
std::string credit(const FrameContext& ctx, data::Day day) {
    const ExportParams& p = *ctx.params;
    return p.source ? *p.source
                    : default_source(ctx.data.timeline, *ctx.data.resolver, day, p.boundaries.empty(),
                                     sources_list_name(p));
}

// The footer as drawn: the credit, then how the facts are sourced and the date the data
// runs through.
std::string credit_line(const FrameContext& ctx, data::Day day) {
    return footer_line(credit(ctx, day), data_footnote(ctx.data, day));
}

}  // namespace

std::string default_title(bool bundled_data) { return bundled_data ? data::kBundledDataTitle : ""; }

std::string default_subtitle(bool bundled_data, const data::Date& date) {
    if (!bundled_data) return "";
    return "Each country's status on " + data::format_date(date) +
           " as reported: asked, negotiating, agreed, receiving, declined, paused, or blocked or allowed by a court";
}

PageText page_text(const FrameContext& ctx, const Frame& frame, const ScenePaint& paint, bool stripes_key) {
    const ExportParams& p = *ctx.params;
    PageText t;
    const bool bundled = p.data.empty();
    t.title = p.title ? *p.title : default_title(bundled);
    t.subtitle = p.subtitle ? *p.subtitle : default_subtitle(bundled, frame.date);
    t.date_line = date_line(frame);
    // The outlets are listed and ranked once, for the credit and for the description.
    const std::string outlets = p.source ? std::string() : credited_outlets(ctx.data.timeline, *ctx.data.resolver, frame.day);
    t.credit = p.source ? *p.source : credit_from_outlets(outlets, p.boundaries.empty(), sources_list_name(p));
    t.source = footer_line(t.credit, data_footnote(ctx.data, frame.day));
    t.notes = frame.caption.empty() ? p.notes : frame.caption;
    t.legend = legend_entries(ctx.scene, ctx.data.timeline.statuses(), paint, stripes_key);
    const bool world = !ctx.setup->bounds && p.focus.empty();
    // The description names no file (a page repeated with --from into another name keeps
    // its bytes): the sources file is "the sources file beside it".
    t.description = data::map_description(
        ctx.data.timeline, *ctx.data.resolver, frame.day, world ? "World map" : "Map of the area shown",
        p.source ? *p.source : credit_from_outlets(outlets, p.boundaries.empty(), "the sources file beside it"));
    return t;
}

std::vector<uint8_t> frames_striped(const FrameContext& ctx, const std::vector<Frame>& frames) {
    const std::optional<LonLatBounds>& bounds = ctx.setup->bounds;
    // Whether a striped country lies in the area shown (its lon/lat box meets the bounds).
    auto any_shown = [&](const std::vector<uint8_t>& striped) {
        for (size_t i = 0; i < striped.size() && i < ctx.world->countries.size(); ++i) {
            if (!striped[i]) continue;
            if (!bounds) return true;
            const geo::BBox& bb = ctx.world->countries[i].shape_at(geo::Lod::k110m).bbox;
            if (bb.max_x >= bounds->min_lon && bb.min_x <= bounds->max_lon && bb.max_y >= bounds->min_lat &&
                bb.min_y <= bounds->max_lat) {
                return true;
            }
        }
        return false;
    };
    std::vector<uint8_t> out(frames.size(), 0);
    Scene scene = ctx.scene;
    ScenePaint paint;
    for (size_t i = 0; i < frames.size(); ++i) {
        scene.date = frames[i].day;
        paint_scene(scene, ctx.data.timeline, ctx.world_to_data, paint);
        out[i] = any_shown(paint.striped);
    }
    return out;
}

PageOptions page_options(const ExportSetup& setup, double unit) {
    PageOptions options;
    options.width = setup.width;
    options.height = setup.height;
    options.unit = unit;
    options.full = setup.full;
    if (setup.logo) {
        options.logo_width = setup.logo->width;
        options.logo_height = setup.logo->height;
    }
    return options;
}

PageLayout reserve_layout(const FrameContext& ctx, const std::vector<Frame>& frames) {
    const PageOptions& options = ctx.page_options;
    if (!ctx.setup->full) return compute_layout({}, options);
    size_t widest = 0;
    for (size_t i = 1; i < frames.size(); ++i) {
        if (date_line(frames[i]).size() > date_line(frames[widest]).size()) widest = i;
    }
    const bool any_striped = std::find(ctx.frame_striped.begin(), ctx.frame_striped.end(), 1) != ctx.frame_striped.end();
    const size_t statuses = ctx.data.timeline.statuses().size();
    ScenePaint widest_counts;  // room for three-digit counts
    widest_counts.counts.assign(statuses, 888);
    widest_counts.unmarked = 888;
    PageText reserve = page_text(ctx, frames[widest], widest_counts, any_striped);
    for (auto& e : reserve.legend) e.count = 888;
    reserve.date_line = "As of 30 September 9999";
    // The credit line may grow with the frames: reserve the last frame's; and a story's
    // longest caption.
    reserve.source = credit_line(ctx, frames.back().day);
    for (const Frame& f : frames) {
        if (f.caption.size() > reserve.notes.size()) reserve.notes = f.caption;
    }
    return compute_layout(reserve, options);
}

void space_markers(std::vector<CircleItem>& markers, double px_per_unit, double floor_px) {
    const size_t n = markers.size();
    std::vector<double> nearest(n, INFINITY);
    for (size_t i = 0; i < n; ++i) {
        for (size_t j = i + 1; j < n; ++j) {
            const double d = std::hypot(markers[i].anchor.x - markers[j].anchor.x,
                                        markers[i].anchor.y - markers[j].anchor.y) * std::abs(px_per_unit);
            nearest[i] = std::min(nearest[i], d);
            nearest[j] = std::min(nearest[j], d);
        }
    }
    for (size_t i = 0; i < n; ++i) {
        const double half = nearest[i] * 0.5;
        if (half < markers[i].radius) markers[i].radius = std::max(floor_px, half);
    }
}

FramePaint paint_frame(const FrameContext& ctx, Scene& scene, const Frame& frame, bool stripes_key) {
    FramePaint fp;
    fp.day = frame.day;
    scene.date = frame.day;
    if (frame.step >= 0) scene.emphasised_statuses = frame.emphasised;
    fp.view = frame.view ? *frame.view : ctx.view;
    paint_scene(scene, ctx.data.timeline, ctx.world_to_data, fp.paint);
    fp.text = page_text(ctx, frame, fp.paint, stripes_key);
    const std::vector<geo::ProjectedShape>& shapes = ctx.projected.shapes[static_cast<size_t>(ctx.lod)];
    MarkerRule rule;
    rule.max_area_px2 *= ctx.unit * ctx.unit;
    rule.radius_px = std::max(2.0, rule.radius_px * ctx.unit);
    if (scene.markers) {
        std::vector<uint8_t> has(fp.paint.statuses.size());
        for (size_t i = 0; i < has.size(); ++i) has[i] = fp.paint.statuses[i] != data::kNoStatus;
        for (const Marker& m : compute_markers(shapes, has, fp.view, ctx.map_w, ctx.map_h, rule)) {
            fp.markers.push_back(m.country);
        }
    }
    if (scene.labels) {
        MapLabelInput li;
        li.world = ctx.world;
        li.shapes = &shapes;
        li.statuses = fp.paint.statuses;
        li.markers = fp.markers;
        li.marker_radius = rule.radius_px;
        li.view = fp.view;
        li.map_x = ctx.base_layout.map.x;
        li.map_y = ctx.base_layout.map.y;
        li.map_width = ctx.map_w;
        li.map_height = ctx.map_h;
        li.unit = ctx.unit;
        fp.labels = place_map_labels(li);
    }
    if (!ctx.annotations.empty()) {
        std::vector<Annotation> shown;  // a file's notes only on their dates
        for (const Annotation& a : ctx.annotations) {
            if (a.shown_on(frame.day)) shown.push_back(a);
        }
        fp.callouts = place_callouts(shown, shapes, fp.view, ctx.base_layout.map, fp.labels, ctx.unit);
    }
    return fp;
}

FrameWriter::FrameWriter(const FrameContext& ctx, const std::vector<Frame>& frames,
                         render::OffscreenMap* target, platform::FfmpegPipe* pipe)
    : ctx_(ctx), frames_(frames), target_(target), pipe_(pipe), scene_(ctx.scene),
      shapes_(ctx.projected.shapes[static_cast<size_t>(ctx.lod)]) {
    const ThemeColors& colors = theme_colors(scene_.theme);
    border_width_ = ctx.params->border_width ? *ctx.params->border_width : std::max(0.6, 0.6 * ctx.unit);
    // Stripes' period scales with the type unit like the window's 7 px at scale 1 (tiles
    // carry their origin, so stripes run on across seams).
    hatch_px_ = kHatchUnits * ctx.unit;
    highlight_width_ = 3.0 * ctx.unit;  // the window's selection outline, 3 px at scale 1
    marker_rule_.max_area_px2 *= ctx.unit * ctx.unit;
    // Markers grow with the type up to 1080p's size, then only as its square root (8K:
    // twice 1080p's radius, not four times), so at 8K they do not cover the neighbours
    // they sit among; crowded ones shrink further (space_markers).
    marker_base_px_ = marker_rule_.radius_px;
    marker_rule_.radius_px = std::max(2.0, marker_rule_.radius_px * (ctx.unit <= 1.0 ? ctx.unit : std::sqrt(ctx.unit)));
    request_.width = ctx.map_w;
    request_.height = ctx.map_h;
    request_.view = ctx.view;
    request_.lod = ctx.lod;
    request_.style = render::map_style(colors);
    if (ctx.params->transparent) request_.style.background.a = 0;
    request_.style.border_width_px = static_cast<float>(border_width_);
    request_.samples = kExportSamples;
    request_.edge_fringes = true;
    request_.hatch_px = static_cast<float>(hatch_px_);
    page_colors_ = {colors.text, colors.muted_text, colors.border, colors.background};
}

void FrameWriter::write(size_t index) {
    const Frame& f = frames_[index];
    const ExportParams& p = *ctx_.params;
    const FramePaint fp = paint_frame(ctx_, scene_, f, ctx_.frame_striped[index] != 0);
    request_.view = fp.view;
    PageLayout layout = ctx_.setup->full ? compute_layout(fp.text, ctx_.page_options)
                                         : ctx_.base_layout;
    layout.map = ctx_.base_layout.map;  // the reserved map area (identical by construction)
    const std::string target = ctx_.setup->batch && !p.out.empty() ? frame_path(p.out, index) : p.out;
    const PageDrawing dr = drawing(fp, layout);
    const std::string& format = ctx_.setup->format;
    if (format == "svg" || format == "pdf" || format == "html") {
        write_file_atomic(target, vector_document(dr, fp));
        record(target, dr);
    } else if (pipe_) {
        write_animation_frame(fp, dr, target, f, index + 1 == frames_.size());
    } else if (!target.empty()) {
        write_png_bands(fp, dr, target, f);
    }
    last_target_ = target.empty() ? p.animate : target;
}

// The frame as a display list (export/drawing.hpp), for every back end.
PageDrawing FrameWriter::drawing(const FramePaint& fp, const PageLayout& layout) const {
    const ThemeColors& colors = theme_colors(scene_.theme);
    PageDrawing dr;
    dr.width = layout.width;
    dr.height = layout.height;
    dr.unit = layout.unit;
    dr.full = ctx_.setup->full;
    MapLayer& map = dr.map;
    map.area = layout.map;
    map.world = ctx_.world;
    map.shapes = &shapes_;
    map.outline = &ctx_.projected.outline;
    map.area_view = fp.view;
    map.view = fp.view;
    map.view.offset_x += layout.map.x;
    map.view.offset_y += layout.map.y;
    map.table = &ctx_.data.timeline.statuses();
    map.statuses = fp.paint.statuses;
    map.fill = fp.paint.fill;
    map.striped = fp.paint.striped;
    map.pattern = fp.paint.pattern;
    map.hatch_px = hatch_px_;
    map.background = colors.background;
    map.ocean = colors.ocean;
    map.border = colors.border;
    map.no_data = colors.no_data;
    map.border_width = border_width_;
    map.transparent = ctx_.params->transparent;
    for (const int c : scene_.highlighted_countries) dr.outlines.push_back({c, colors.highlight, highlight_width_});
    for (const int c : fp.markers) {
        Color fill = fp.paint.fill[static_cast<size_t>(c)];  // the status colour (dimmed by a highlight)
        fill.a = 255;
        dr.markers.push_back({c, shapes_[static_cast<size_t>(c)].label_point, marker_rule_.radius_px, fill,
                              colors.border, border_width_});
    }
    space_markers(dr.markers, fp.view.scale_x, std::min(marker_rule_.radius_px, marker_base_px_));
    dr.labels = fp.labels;
    dr.callouts = fp.callouts;
    dr.label_color = colors.text;
    dr.label_halo = colors.background;
    dr.swatches = layout.swatches;
    dr.texts = layout.texts;
    dr.colors = page_colors_;
    dr.logo_rect = layout.logo;
    dr.logo = ctx_.setup->logo ? &*ctx_.setup->logo : nullptr;
    dr.logo_bytes = ctx_.setup->logo_bytes;
    dr.logo_mime = ctx_.setup->logo_mime;
    dr.title = fp.text.title;
    dr.day = fp.day;
    dr.description = fp.text.description;
    return dr;
}

// The file of a vector back end (no GL): SVG, PDF or the HTML embed.
std::string FrameWriter::vector_document(const PageDrawing& dr, const FramePaint& fp) const {
    if (ctx_.setup->format == "pdf") {
        return pdf_document(dr, ctx_.setup->dpi.value_or(0), data::civil_from_days(fp.day).iso());
    }
    if (ctx_.setup->format == "html") {
        return html_document(dr, fp.text, ctx_.data.timeline, *ctx_.data.resolver, scene_.theme, fp.day);
    }
    return svg_document(dr);
}

// A file written: its path, and its words and date for the extras beside it.
void FrameWriter::record(const std::string& target, const PageDrawing& dr) {
    outputs_.push_back(target);
    descriptions_.push_back(dr.description);
    days_.push_back(dr.day);
}

// The map layer through the GL tiles, then the rest of the drawing on the CPU, into
// `page` (the whole page or one band of it).
void FrameWriter::compose(Canvas& page, const PageDrawing& dr) {
    const bool full = ctx_.setup->full;
    const int map_x = full ? static_cast<int>(dr.map.area.x) : 0, map_y = full ? static_cast<int>(dr.map.area.y) : 0;
    render_map_into(*target_, ctx_.projected, request_, dr.map.fill, page, map_x, map_y,
                    full && ctx_.params->transparent, tile_scratch_);
    draw_on_canvas(page, dr);
}

PngMetadata FrameWriter::png_chunks(const FramePaint& fp, const Frame& frame) const {
    PngMetadata meta;
    meta.dots_per_inch = ctx_.setup->dpi.value_or(0);
    std::vector<PngText>& chunks = meta.text;
    if (!fp.text.title.empty()) chunks.push_back({"Title", fp.text.title});
    if (!fp.text.description.empty()) {
        chunks.push_back({"Description", fp.text.description});
    } else if (!fp.text.subtitle.empty()) {
        chunks.push_back({"Description", fp.text.subtitle});
    }
    if (!fp.text.credit.empty()) chunks.push_back({"Source", fp.text.credit});
    chunks.push_back({"Date", frame.date.iso()});
    chunks.push_back({"Software", std::string("deportmap ") + build::kVersion});
    chunks.push_back({"Projection", std::string(geo::projection_label(ctx_.setup->projection))});
    return meta;
}

// Composed and encoded band by band, so only two bands of the page are ever in memory:
// a worker encodes one while this thread composes the next (zlib then overlaps with
// llvmpipe). Opaque unless --transparent (then RGBA).
void FrameWriter::write_png_bands(const FramePaint& fp, const PageDrawing& dr, const std::string& target,
                                  const Frame& frame) {
    const bool full = ctx_.setup->full, opaque = !ctx_.params->transparent;
    const int page_w = full ? ctx_.setup->width : ctx_.map_w, page_h = full ? ctx_.setup->height : ctx_.map_h;
    const int map_y = full ? static_cast<int>(dr.map.area.y) : 0;
    Color page_bg = theme_colors(scene_.theme).background;
    if (!opaque) page_bg.a = 0;
    PngFileWriter png(target, page_w, page_h, 4, png_chunks(fp, frame), opaque);
    Canvas encoding;  // the band the worker is encoding
    std::future<void> encoded;
    for (const auto& [top, rows] : page_bands(page_h, map_y, ctx_.map_h, target_->height())) {
        Canvas band(page_w, page_h, page_bg, top, rows);
        compose(band, dr);
        ctx_.timer->lap("render");
        if (encoded.valid()) encoded.get();  // rethrows an encoding error
        ctx_.timer->lap("png");
        encoding = std::move(band);
        encoded = std::async(std::launch::async, [&png, &encoding, n = rows] { png.write_rows(encoding.rgba(), n); });
    }
    if (encoded.valid()) encoded.get();
    png.finish();
    record(target, dr);
    ctx_.timer->lap("png");
}

// Animation frames go whole to ffmpeg (and the last is kept to be held); a frame file of
// the batch is written from the same page.
void FrameWriter::write_animation_frame(const FramePaint& fp, const PageDrawing& dr, const std::string& target,
                                        const Frame& frame, bool last) {
    const bool full = ctx_.setup->full;
    const int page_w = full ? ctx_.setup->width : ctx_.map_w, page_h = full ? ctx_.setup->height : ctx_.map_h;
    Color page_bg = theme_colors(scene_.theme).background;
    if (ctx_.params->transparent) page_bg.a = 0;
    Canvas page(page_w, page_h, page_bg);
    compose(page, dr);
    ctx_.timer->lap("render");
    for (int k = 0; k < frame.hold; ++k) pipe_->write_frame(page.rgba());
    if (!target.empty()) {
        write_png(target, page.rgba(), page_w, page_h, 4, png_chunks(fp, frame), !ctx_.params->transparent);
        record(target, dr);
        ctx_.timer->lap("png");
    }
    if (last) {
        last_page_ = std::move(page);
        last_description_ = fp.text.description;
    }
}

}  // namespace deportmap::exporter
