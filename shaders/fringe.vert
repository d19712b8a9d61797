// Edge anti-aliasing without MSAA (exports): each instance is one border segment of a
// country, whose interior lies to the segment's left (rings are oriented that way in
// core/geo/mesh.cpp), turned into a quad covering one pixel on the segment's OUTSIDE
// and one pixel past its ends. fringe.frag paints the country's fill colour there,
// weighted by how much of each pixel the country really covers, so the aliased fill
// edge the rasteriser drew becomes a smooth one.
#version 330 core

layout(location = 0) in vec4 a_segment;  // x0, y0, x1, y1 in projected units
layout(location = 1) in uint a_country;  // index into the colour table

// pixel = (x * scale.x + offset.x, -y * scale.y + offset.y), origin top-left.
uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec2 u_viewport;
uniform sampler2D u_colors;  // per-country RGBA, as in fill.vert
uniform int u_color_count;
uniform vec4 u_no_data;
uniform bool u_solid;        // true: every segment takes u_solid_color (the ocean's outline)
uniform vec4 u_solid_color;

out vec2 v_local;         // (along, outward) in pixels from the segment's start
flat out float v_length;  // segment length in pixels
flat out vec4 v_color;

void main() {
    vec2 start = vec2(a_segment.x * u_scale.x + u_offset.x, -a_segment.y * u_scale.y + u_offset.y);
    vec2 end = vec2(a_segment.z * u_scale.x + u_offset.x, -a_segment.w * u_scale.y + u_offset.y);
    float len = length(end - start);
    vec2 tangent = len > 1e-6 ? (end - start) / len : vec2(1.0, 0.0);
    // With y pointing down, the left of the projected (y-up) direction is this side.
    vec2 outward = vec2(-tangent.y, tangent.x);
    // Strip corners: 0 = start/edge, 1 = start/outside, 2 = end/edge, 3 = end/outside.
    float along = gl_VertexID >= 2 ? len + 1.0 : -1.0;
    float out_px = (gl_VertexID & 1) == 1 ? 1.0 : 0.0;
    vec2 p = start + tangent * along + outward * out_px;
    v_local = vec2(along, out_px);
    v_length = len;
    if (u_solid) {
        v_color = u_solid_color;
    } else {
        int index = int(a_country);
        v_color = index < u_color_count ? texelFetch(u_colors, ivec2(index % 256, index / 256), 0)
                                        : u_no_data;
        if (abs(v_color.a * 255.0 - 254.0) < 0.5) v_color.a = 1.0;  // 254: striped, opaque
    }
    gl_Position = vec4(p.x / u_viewport.x * 2.0 - 1.0, 1.0 - p.y / u_viewport.y * 2.0, 0.0, 1.0);
}
