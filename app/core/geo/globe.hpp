// The orthographic globe's view: which longitude/latitude faces the viewer, how big the
// disc is, and the maths between longitude/latitude, the unit sphere and framebuffer
// pixels (shared by the GPU globe renderer, picking and tests). The globe's geometry is
// the Equirectangular ("+proj=eqc", WGS84) projected world: x / kEqcUnitsPerRadian is
// the longitude in radians, y / kEqcUnitsPerRadian the latitude.
#pragma once
#include <array>
#include <optional>

#include "core/geo/types.hpp"

namespace deportmap::geo {

// Metres per radian of "+proj=eqc +datum=WGS84": the WGS84 semi-major axis.
inline constexpr double kEqcUnitsPerRadian = 6378137.0;

struct GlobeView {
    double center_lon = -30.0;  // degrees, facing the viewer
    double center_lat = 15.0;   // degrees, kept within ±89
    double zoom = 1.0;          // 1: the disc's radius is 45% of the smaller side

    // Radius of the disc in pixels for a width x height framebuffer.
    double radius_px(int width, int height) const;
};

// Row-major 3x3 rotation taking a unit-sphere point (x = cos lat sin lon, y = sin lat,
// z = cos lat cos lon) into view space, where +z faces the viewer, +x is right and +y up.
std::array<double, 9> globe_rotation(const GlobeView& view);
// Framebuffer pixel (origin top-left) of a longitude/latitude (degrees) on the globe
// centred in a width x height framebuffer; nullopt when it lies on the far side.
std::optional<Vec2> globe_to_pixel(const GlobeView& view, Vec2 lonlat, int width, int height);
// Longitude/latitude (degrees) under a framebuffer pixel; nullopt outside the disc.
std::optional<Vec2> globe_from_pixel(const GlobeView& view, Vec2 pixel, int width, int height);
// Wraps the centre longitude into [-180, 180) and clamps the latitude to ±89.
void normalize_globe(GlobeView& view);

// Longitude/latitude (degrees) of an Equirectangular ("+proj=eqc") point, and back.
Vec2 eqc_to_lonlat(Vec2 eqc);
Vec2 lonlat_to_eqc(Vec2 lonlat);

// Where a small Equirectangular shape lands on the globe: its label point's pixel and
// its area in pixels², the shape's sphere area (eqc area x cos latitude) foreshortened
// by the cosine of its angle to the viewer (view-space z). nullopt when the point lies
// on the far side (z <= 0). The same rule as the flat map's area x scale² for the
// small shapes it is meant for (markers, label priority).
struct GlobeScreenShape {
    Vec2 pixel;
    double area_px2 = 0.0;
    double depth = 0.0;  // view-space z of the point, in (0, 1]
};
std::optional<GlobeScreenShape> globe_screen_shape(const GlobeView& view, Vec2 eqc_point,
                                                   double eqc_area, int width, int height);

// The view a fly-to ends in for a country whose Equirectangular bounding box is
// `eqc_box` and whose label point is `eqc_label`: the label point faces the viewer,
// shifted right by `shift_px` framebuffer pixels (to centre it in the part of the window
// the panels leave free; at most a third of the disc's radius), and the zoom makes the box fill
// about 45% of fit_width (0: width) and of the height, clamped to [1, 40].
GlobeView globe_view_for_box(const BBox& eqc_box, Vec2 eqc_label, int width, int height,
                             double fit_width = 0.0, double shift_px = 0.0);

// The view a fraction t (0..1) of the way from `from` to `to`: the centre along the
// shorter way round in longitude, the zoom geometrically.
GlobeView interpolate_globe(const GlobeView& from, const GlobeView& to, double t);

}  // namespace deportmap::geo
