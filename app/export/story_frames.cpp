// Planning a story's video frames (see story_frames.hpp).
#include "export/story_frames.hpp"

#include <cmath>

#include "core/story/flight.hpp"
#include "core/story/step_view.hpp"
#include "export/compose.hpp"

namespace deportmap::exporter {

std::vector<Frame> story_step_frames(const std::string& path, const data::CountryResolver& countries,
                                     const data::StatusTable& statuses, story::Story& story) {
    const story::StoryRead r = story::read_story_file(path, {&countries, &statuses});
    if (!r.story) {
        throw ExportError(r.problems.empty() ? path + ": cannot be read as a story" : r.problems.front().to_string());
    }
    if (!r.problems.empty()) {
        // A video is published: a story with a bad step is refused rather than cut.
        throw ExportError(r.problems.front().to_string() + " (run deportmap validate --story " + path + ")");
    }
    if (r.story->steps.empty()) throw ExportError(path + ": the story has no steps");
    story = *r.story;
    std::vector<Frame> frames;
    for (size_t i = 0; i < story.steps.size(); ++i) {
        const story::Step& s = story.steps[i];
        Frame f = Frame::on(s.date, data::query_day(s.date));
        f.caption = s.caption;
        for (const std::string& key : s.highlight) {
            const data::StatusIndex k = statuses.find(key);
            if (k != data::kNoStatus) f.emphasised.push_back(static_cast<int>(k));
        }
        f.step = static_cast<int>(i);
        frames.push_back(f);
    }
    return frames;
}

std::vector<Frame> story_video_frames(const std::vector<Frame>& steps, const story::Story& story,
                                      const geo::World& world, const geo::ProjectedWorld& projected,
                                      const geo::Projector& projector, int map_w, int map_h, int fps) {
    std::vector<Frame> out;
    const geo::BBox& bounds = projected.world_bounds;
    Camera previous;
    for (size_t i = 0; i < steps.size(); ++i) {
        const story::Step& step = story.steps[i];
        const story::StepBox box = story::step_box(step, world, projected, projector);
        const Camera target = story::step_camera(box.box, bounds, map_w, map_h);
        if (i > 0) {
            const story::CameraFlight flight(previous, target, bounds.width());
            const long n = std::lround(flight.seconds() * fps);
            for (long k = 0; k < n; ++k) {  // the last flight frame is the held one below
                Frame f = steps[i];
                f.view = flight.at(static_cast<double>(k) / fps).transform(bounds, map_w, map_h);
                out.push_back(f);
            }
        }
        Frame held = steps[i];
        held.view = target.transform(bounds, map_w, map_h);
        held.hold = std::max(1, static_cast<int>(std::lround(step.seconds() * fps)));
        out.push_back(held);
        previous = target;
    }
    return out;
}

}  // namespace deportmap::exporter
