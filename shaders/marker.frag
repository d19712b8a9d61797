// A filled circle with a ring of u_ring_color (u_ring_width pixels) and anti-aliased
// edges from the pixel centre's distance to the circle's centre.
#version 330 core

in vec2 v_offset;
flat in float v_radius;
flat in vec4 v_color;

uniform vec4 u_ring_color;
uniform float u_ring_width;

out vec4 o_color;

void main() {
    float d = length(v_offset);
    float outer = clamp(v_radius + 0.5 - d, 0.0, 1.0);
    if (outer <= 0.0) discard;
    float inner = clamp(v_radius - u_ring_width + 0.5 - d, 0.0, 1.0);
    vec4 c = mix(u_ring_color, v_color, inner);
    o_color = vec4(c.rgb, c.a * outer);
}
