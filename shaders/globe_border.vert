// Borders on the orthographic globe: each instance is one segment (p0, p1) in
// Equirectangular metres, both ends put on the sphere and projected as in globe.vert,
// then widened into a screen-space quad reaching u_extent pixels past the segment, like
// border.vert on the flat map. Pairs with border.frag (coverage, GL_MAX) or
// overlay_line.frag (colour blended directly): the same width and anti-aliasing ramp.
// The far side is cut off by gl_ClipDistance[0], the depth of the quad's nearer end.
#version 330 core

layout(location = 0) in vec4 a_segment;  // x0, y0, x1, y1 in eqc metres

uniform float u_units_per_radian;
uniform mat3 u_rotation;  // unit sphere -> view space (+z towards the viewer)
uniform vec2 u_center;    // pixels, origin top-left
uniform float u_radius;   // pixels
uniform vec2 u_viewport;  // pixels
uniform float u_extent;   // half the line width plus the anti-aliasing ramp, pixels

out vec2 v_local;          // (along, across) in pixels, from p0
flat out float v_length;   // segment length in pixels
out float gl_ClipDistance[1];

vec3 view_point(vec2 eqc) {
    vec2 ll = eqc / u_units_per_radian;
    float c = cos(ll.y);
    return u_rotation * vec3(c * sin(ll.x), sin(ll.y), c * cos(ll.x));
}

void main() {
    vec3 q0 = view_point(a_segment.xy);
    vec3 q1 = view_point(a_segment.zw);
    vec2 p0 = u_center + u_radius * vec2(q0.x, -q0.y);
    vec2 p1 = u_center + u_radius * vec2(q1.x, -q1.y);
    vec2 d = p1 - p0;
    float len = length(d);
    vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x);
    // Triangle strip corners: 0 = start/left, 1 = start/right, 2 = end/left, 3 = end/right.
    bool end = gl_VertexID >= 2;
    float along = end ? len + u_extent : -u_extent;
    float across = (gl_VertexID & 1) == 1 ? u_extent : -u_extent;
    vec2 p = p0 + dir * along + normal * across;
    v_local = vec2(along, across);
    v_length = len;
    gl_Position = vec4(p.x / u_viewport.x * 2.0 - 1.0, 1.0 - p.y / u_viewport.y * 2.0, 0.0, 1.0);
    gl_ClipDistance[0] = end ? q1.z : q0.z;
}
