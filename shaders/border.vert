// Border coverage: each instance is one segment (p0, p1) in projected units, expanded
// here into a screen-space quad (GL core has no wide lines) that reaches u_extent pixels
// beyond the segment on every side. Passes the pixel's position in the segment's own
// frame so border.frag can measure its distance to the segment.
#version 330 core

layout(location = 0) in vec4 a_segment;  // x0, y0, x1, y1 in projected units

// pixel = (x * scale.x + offset.x, -y * scale.y + offset.y), origin top-left.
uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec2 u_viewport;  // framebuffer pixels
uniform float u_extent;   // half the line width plus the anti-aliasing ramp, pixels

out vec2 v_local;          // (along, across) in pixels, from p0
flat out float v_length;   // segment length in pixels

void main() {
    vec2 p0 = vec2(a_segment.x * u_scale.x + u_offset.x, -a_segment.y * u_scale.y + u_offset.y);
    vec2 p1 = vec2(a_segment.z * u_scale.x + u_offset.x, -a_segment.w * u_scale.y + u_offset.y);
    vec2 d = p1 - p0;
    float len = length(d);
    vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x);
    // Triangle strip corners: 0 = start/left, 1 = start/right, 2 = end/left, 3 = end/right.
    float along = gl_VertexID >= 2 ? len + u_extent : -u_extent;
    float across = (gl_VertexID & 1) == 1 ? u_extent : -u_extent;
    vec2 p = p0 + dir * along + normal * across;
    v_local = vec2(along, across);
    v_length = len;
    gl_Position = vec4(p.x / u_viewport.x * 2.0 - 1.0, 1.0 - p.y / u_viewport.y * 2.0, 0.0, 1.0);
}
