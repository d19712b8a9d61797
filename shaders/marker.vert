// Small-country markers: each instance is one circle (centre and radius in framebuffer
// pixels, origin top-left, and its fill colour), drawn as a quad one pixel larger than
// the circle so marker.frag can anti-alias the edge.
#version 330 core

layout(location = 0) in vec3 a_circle;  // centre x, centre y, radius (pixels)
layout(location = 1) in vec4 a_color;   // fill colour (normalised bytes)

uniform vec2 u_viewport;

out vec2 v_offset;         // pixels from the centre
flat out float v_radius;
flat out vec4 v_color;

void main() {
    float extent = a_circle.z + 1.5;
    vec2 corner = vec2((gl_VertexID & 1) == 1 ? 1.0 : -1.0, gl_VertexID >= 2 ? 1.0 : -1.0);
    v_offset = corner * extent;
    v_radius = a_circle.z;
    v_color = a_color;
    vec2 p = a_circle.xy + v_offset;
    gl_Position = vec4(p.x / u_viewport.x * 2.0 - 1.0, 1.0 - p.y / u_viewport.y * 2.0, 0.0, 1.0);
}
