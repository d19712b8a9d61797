// The orthographic globe: Equirectangular positions (metres of "+proj=eqc", i.e.
// radians x u_units_per_radian) turned into unit-sphere points, rotated so the view's
// centre faces the viewer, projected orthographically onto a disc of u_radius pixels
// around u_center (framebuffer pixels, origin top-left). The far side is cut off by
// gl_ClipDistance[0] = z (the view-space depth towards the viewer).
#version 330 core

layout(location = 0) in vec2 a_position;  // eqc metres
layout(location = 1) in uint a_country;   // index into the colour table

uniform float u_units_per_radian;
uniform mat3 u_rotation;   // unit sphere -> view space (+z towards the viewer)
uniform vec2 u_center;     // pixels
uniform float u_radius;    // pixels
uniform vec2 u_viewport;   // pixels
uniform vec2 u_pixel_offset;  // pixels added after projection (thick highlight lines)
uniform sampler2D u_colors;  // per-country RGBA, 256 entries per row
uniform int u_color_count;
uniform vec4 u_no_data;
uniform bool u_solid;
uniform vec4 u_solid_color;
uniform int u_only_country;  // >= 0: every other country's vertices are clipped away

flat out vec4 v_color;
out float gl_ClipDistance[1];

void main() {
    vec2 ll = a_position / u_units_per_radian;  // lon, lat in radians
    float c = cos(ll.y);
    vec3 p = u_rotation * vec3(c * sin(ll.x), sin(ll.y), c * cos(ll.x));
    vec2 px = u_center + u_radius * vec2(p.x, -p.y) + u_pixel_offset;
    gl_Position = vec4(px.x / u_viewport.x * 2.0 - 1.0, 1.0 - px.y / u_viewport.y * 2.0, 0.0, 1.0);
    gl_ClipDistance[0] = u_only_country >= 0 && int(a_country) != u_only_country ? -1.0 : p.z;
    if (u_solid) {
        v_color = u_solid_color;
    } else {
        int index = int(a_country);
        v_color = index < u_color_count ? texelFetch(u_colors, ivec2(index % 256, index / 256), 0)
                                        : u_no_data;
    }
}
