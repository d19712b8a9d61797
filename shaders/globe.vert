// The orthographic globe's fills: Equirectangular positions (metres of "+proj=eqc",
// i.e. radians x u_units_per_radian) turned into unit-sphere points, rotated so the
// view's centre faces the viewer, projected orthographically onto a disc of u_radius
// pixels around u_center (framebuffer pixels, origin top-left). The far side is cut off
// by gl_ClipDistance[0] = z (the view-space depth towards the viewer). Pairs with
// fill.frag (colour per country, stripes for approximate dates).
#version 330 core

layout(location = 0) in vec2 a_position;  // eqc metres
layout(location = 1) in uint a_country;   // index into the colour table

uniform float u_units_per_radian;
uniform mat3 u_rotation;   // unit sphere -> view space (+z towards the viewer)
uniform vec2 u_center;     // pixels
uniform float u_radius;    // pixels
uniform vec2 u_viewport;   // pixels
uniform sampler2D u_colors;  // per-country RGBA, 256 entries per row
uniform int u_color_count;
uniform vec4 u_no_data;

flat out vec4 v_color;
flat out int v_flags;  // stripes and pattern, from the alpha (see fill.vert)
out float gl_ClipDistance[1];

void main() {
    vec2 ll = a_position / u_units_per_radian;  // lon, lat in radians
    float c = cos(ll.y);
    vec3 p = u_rotation * vec3(c * sin(ll.x), sin(ll.y), c * cos(ll.x));
    vec2 px = u_center + u_radius * vec2(p.x, -p.y);
    gl_Position = vec4(px.x / u_viewport.x * 2.0 - 1.0, 1.0 - px.y / u_viewport.y * 2.0, 0.0, 1.0);
    gl_ClipDistance[0] = p.z;
    int index = int(a_country);
    v_color = index < u_color_count ? texelFetch(u_colors, ivec2(index % 256, index / 256), 0)
                                    : u_no_data;
    // Alpha 240..254 in the table carries the flags (255 - flags; core/patterns.hpp).
    v_flags = 0;
    int alpha = int(v_color.a * 255.0 + 0.5);
    if (alpha >= 240 && alpha < 255) {
        v_flags = 255 - alpha;
        v_color.a = 1.0;
    }
}
