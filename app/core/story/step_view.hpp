// Where the camera goes for a story step: the box it focuses on (the world, its
// countries' shapes, or a longitude/latitude box through the projection) and the flat
// camera or globe view that frames it. The window's presenter and the story video both
// call these, so they frame a step alike.
#pragma once
#include <vector>

#include "core/geo/globe.hpp"
#include "core/geo/mesh.hpp"
#include "core/geo/projection.hpp"
#include "core/geo/world.hpp"
#include "core/story/story.hpp"
#include "core/view.hpp"

namespace deportmap::story {

// World indices of the step's focus countries that the boundaries have.
std::vector<int> focus_countries(const Step& step, const geo::World& world);

// The step's box in projected units (empty for the world) and, for the globe, the
// label point of its largest country (or the box's centre).
struct StepBox {
    geo::BBox box;  // empty: the whole world
    geo::Vec2 label;
};
// `projector` projects a bbox focus; `projected` gives the countries' shapes (its finest
// ready level). For the globe pass the Equirectangular projected world.
StepBox step_box(const Step& step, const geo::World& world, const geo::ProjectedWorld& projected,
                 const geo::Projector& projector);

// A step never zooms in further than a tenth of the world's width: a small country is
// shown with its neighbours, for the audience's bearings (and the detail that exports).
inline constexpr double kMaxStepZoom = 10.0;
// The same on the globe: at zoom 6 a 16:9 view spans about 38 degrees of longitude at
// its centre, as the flat map's tenth of the world does.
inline constexpr double kMaxStepGlobeZoom = 6.0;

// The flat camera framing `box` in a width x height viewport: the box fills about
// `fill` of it (both ways), zoom within [1, kMaxStepZoom]; the world for an empty box.
Camera step_camera(const geo::BBox& box, const geo::BBox& world_bounds, double width, double height,
                   double fill = 0.6);
// The globe view framing it (the world: the default view turned to `fallback_lon`), zoom
// at most kMaxStepGlobeZoom.
geo::GlobeView step_globe(const StepBox& box, int width, int height, double fallback_lon = -30.0);

}  // namespace deportmap::story
