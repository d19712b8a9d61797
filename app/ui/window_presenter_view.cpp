// The window program's presenter view (see presenter_view.hpp): opened while presenting
// when wanted, fed with a copy of the audience's frame and a preview of the next step,
// its keys handed to the presenter.
#include <glad/gl.h>

#include <algorithm>
#include <cstdio>

#include "core/story/step_view.hpp"
#include "ui/window_frame.hpp"

namespace deportmap::ui {
namespace {

// The copies the view shows: half the audience's size on a window without MSAA (a
// linear 2:1 blit averages each 2x2 block), the full size otherwise (a multisampled
// framebuffer can only be copied at its own size).
platform::PixelSize picture_size(const platform::PixelSize& fb, int samples) {
    if (samples > 0) return fb;
    return {std::max(1, fb.width / 2), std::max(1, fb.height / 2)};
}

}  // namespace

// After the audience's frame: opens or closes the view, hands its keys over, and draws it.
void WindowProgram::run_presenter_view(Frame& f, bool last) {
    if (f.result.toggle_presenter_view) view_wanted_ = !view_wanted_;
    if (view_ && view_->close_requested()) view_wanted_ = false;
    const bool want = view_wanted_ && app_->presenting();
    if (!want) {
        if (view_) {
            view_.reset();
            mirror_.reset();
            preview_.reset();
            preview_key_.reset();
        }
        app_->presenter().set_view_open(false);
        return;
    }
    if (!view_ && !open_presenter_view()) return;
    app_->presenter().set_view_open(true);
    for (int key : view_->take_keys()) app_->queue_key(key);
    render_next_preview(f);
    const bool capture = last && !options_.view_screenshot_path.empty();
    view_->draw(presenter_view_content(f), capture ? &view_screenshot_ : nullptr);
    glViewport(0, 0, f.fb.width, f.fb.height);
}

bool WindowProgram::open_presenter_view() {
    try {
        view_ = std::make_unique<PresenterView>(*window_, options_.monitor);
    } catch (const std::exception& e) {
        view_wanted_ = false;
        std::fprintf(stderr, "deportmap: %s\n", e.what());
        app_->add_message(std::string("presenter view: ") + e.what());
        return false;
    }
    // Shown at once: the view's first frame should not wait for the next change.
    quiet_frames_ = 0;
    return true;
}

// Copies the audience's finished frame (before the swap) for the view's "Now" picture.
void WindowProgram::mirror_audience_frame(const Frame& f) {
    const platform::PixelSize size = picture_size(f.fb, window_->samples());
    if (!mirror_ || mirror_->width() != size.width || mirror_->height() != size.height) {
        mirror_ = std::make_unique<render::OffscreenTarget>(size.width, size.height, 1);
    }
    mirror_->copy_from_window(f.fb.width, f.fb.height);
}

// The next step's map, as the audience will see it when the flight there ends; drawn
// again only when the step, the story, the data, the theme, the size, the projection or
// the levels ready change.
void WindowProgram::render_next_preview(const Frame& f) {
    const Presenter& presenter = app_->presenter();
    const size_t next = presenter.current_step() + 1;
    if (next >= presenter.story().steps.size()) return;
    const platform::PixelSize size = picture_size(f.fb, window_->samples());
    const geo::ProjectedWorld& projected = session_->projected();
    const PreviewKey key{next, presenter.story_version(), app_->data().dataset().generation(), app_->scene().theme,
                         size.width, size.height, projected.projection, f.globe_active, projected.ready};
    if (preview_ && preview_key_ && *preview_key_ == key) return;
    if (!preview_ || preview_->width() != size.width || preview_->height() != size.height) {
        preview_ = std::make_unique<render::OffscreenTarget>(size.width, size.height, window_->samples() > 0 ? 4 : 1);
    }
    preview_key_ = key;
    const std::vector<Color> colors = app_->step_colors(next);
    const story::StepBox box = app_->presenter().step_box(next, *world_, projected);
    preview_->bind();
    if (f.globe_active) {
        const geo::GlobeView view = story::step_globe(box, size.width, size.height);
        globe_renderer_->set_country_colors(colors);
        globe_renderer_->draw(globe_params(size.width, size.height, view, f.scale * 0.5f));
        globe_renderer_->set_country_colors(app_->colors());
    } else {
        const geo::BBox& bounds = projected.world_bounds;
        const Camera camera = story::step_camera(box.box, bounds, size.width, size.height);
        renderer_->set_country_colors(colors);
        renderer_->draw(flat_params(size.width, size.height, camera.transform(bounds, size.width, size.height),
                                    f.scale * 0.5f));
        renderer_->set_country_colors(app_->colors());
    }
    preview_->resolve();
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, f.fb.width, f.fb.height);
}

PresenterViewContent WindowProgram::presenter_view_content(const Frame& f) const {
    const Presenter& presenter = app_->presenter();
    const std::vector<story::Step>& steps = presenter.story().steps;
    PresenterViewContent c;
    c.steps = steps.size();
    c.elapsed_s = presenter.elapsed_s(f.now_s);
    c.step_elapsed_s = presenter.step_elapsed_s(f.now_s);
    c.typed = presenter.typed_digits();
    if (presenter.blank() != story::Blank::None) c.blank = std::string(story::blank_name(presenter.blank()));
    if (mirror_) c.now = {mirror_->color_texture(), mirror_->width(), mirror_->height()};
    if (steps.empty()) return c;
    const size_t i = std::min(presenter.current_step(), steps.size() - 1);
    c.step = i + 1;
    c.date = data::format_date(steps[i].date);
    c.caption = steps[i].caption;
    c.notes = steps[i].notes;
    c.has_next = i + 1 < steps.size();
    if (c.has_next) {
        c.next_date = data::format_date(steps[i + 1].date);
        c.next_caption = steps[i + 1].caption;
        if (preview_) c.next = {preview_->color_texture(), preview_->width(), preview_->height()};
    }
    return c;
}

}  // namespace deportmap::ui
