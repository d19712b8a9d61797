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

}  // namespace deportmap::geo
