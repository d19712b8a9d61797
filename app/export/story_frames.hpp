// A story as video frames (export --story FILE --animate OUT): each step's frames are its
// camera flight from the step before (core/story/flight.hpp, timed by the frame number
// over --fps, never the clock), then the step held for its duration. The date changes
// when a step's flight begins; the caption is the step's, shown as the page's note.
#pragma once
#include <string>
#include <vector>

#include "core/geo/mesh.hpp"
#include "core/geo/projection.hpp"
#include "core/geo/world.hpp"
#include "core/story/story.hpp"
#include "export/frames.hpp"

namespace deportmap::exporter {

// Reads the story (throws ExportError naming the file and its first problem when the
// story cannot be used) and plans one frame per step (date, caption, emphasised
// statuses), for the page's layout to reserve room before the views are known.
std::vector<Frame> story_step_frames(const std::string& path, const data::CountryResolver& countries,
                                     const data::StatusTable& statuses, story::Story& story);

// Expands the step frames into the video: per step, its flight's frames (each with its
// own view) and then one frame held for the step's duration. `map_w` x `map_h` is the
// map area in pixels.
std::vector<Frame> story_video_frames(const std::vector<Frame>& steps, const story::Story& story,
                                      const geo::World& world, const geo::ProjectedWorld& projected,
                                      const geo::Projector& projector, int map_w, int map_h, int fps);

}  // namespace deportmap::exporter
