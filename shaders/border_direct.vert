// Borders for the window: segment k = gl_VertexID / 6 is read from a texture buffer
// (x0, y0, x1, y1 in projected units; the same buffer the instanced coverage pass uses)
// and its six vertices are placed at the corners of a screen-space quad reaching
// u_extent pixels past the segment. A plain draw of a vertex range, not one instance
// per segment: llvmpipe pays per instance, and a range lets the renderer skip segments
// outside the view. Pairs with overlay_line.frag, which blends the colour directly.
#version 330 core

uniform samplerBuffer u_segments;  // RGBA32F, one texel per segment

uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec2 u_viewport;
uniform float u_extent;

out vec2 v_local;
flat out float v_length;

const int kCorner[6] = int[6](0, 1, 2, 2, 1, 3);

void main() {
    vec4 s = texelFetch(u_segments, gl_VertexID / 6);
    int corner = kCorner[gl_VertexID % 6];
    vec2 p0 = vec2(s.x * u_scale.x + u_offset.x, -s.y * u_scale.y + u_offset.y);
    vec2 p1 = vec2(s.z * u_scale.x + u_offset.x, -s.w * u_scale.y + u_offset.y);
    vec2 d = p1 - p0;
    float len = length(d);
    vec2 dir = len > 1e-6 ? d / len : vec2(1.0, 0.0);
    vec2 normal = vec2(-dir.y, dir.x);
    float along = corner >= 2 ? len + u_extent : -u_extent;
    float across = (corner & 1) == 1 ? u_extent : -u_extent;
    vec2 p = p0 + dir * along + normal * across;
    v_local = vec2(along, across);
    v_length = len;
    gl_Position = vec4(p.x / u_viewport.x * 2.0 - 1.0, 1.0 - p.y / u_viewport.y * 2.0, 0.0, 1.0);
}
