// Outline of one hovered or selected country: each instance is one border segment
// (p0, p1) in projected units, widened here into a screen-space quad reaching u_extent
// pixels past the segment; overlay_line.frag measures the distance to the segment.
#version 330 core

layout(location = 0) in vec4 a_segment;  // x0, y0, x1, y1 in projected units

// pixel = (x * scale.x + offset.x, -y * scale.y + offset.y), origin top-left.
uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec2 u_viewport;
uniform float u_extent;

out vec2 v_local;         // (along, across) in pixels from p0
flat out float v_length;  // segment length in pixels

void main() {
    vec2 p0 = vec2(a_segment.x * u_scale.x + u_offset.x, -a_segment.y * u_scale.y + u_offset.y);
    vec2 p1 = vec2(a_segment.z * u_scale.x + u_offset.x, -a_segment.w * u_scale.y + u_offset.y);
    vec2 d = p1 - p0;
    float len = length(d);
    vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x);
    float along = gl_VertexID >= 2 ? len + u_extent : -u_extent;
    float across = (gl_VertexID & 1) == 1 ? u_extent : -u_extent;
    vec2 p = p0 + dir * along + normal * across;
    v_local = vec2(along, across);
    v_length = len;
    gl_Position = vec4(p.x / u_viewport.x * 2.0 - 1.0, 1.0 - p.y / u_viewport.y * 2.0, 0.0, 1.0);
}
