// Border coverage: how much of this pixel the line covers, from the pixel centre's
// distance to the segment (round caps and joins). Written into a coverage texture with
// GL_MAX blending, so overlapping segments (joins, a border shared by two countries)
// never darken each other; border_composite.frag then paints the border colour once.
#version 330 core

in vec2 v_local;
flat in float v_length;

uniform float u_half_width;   // half the drawn width, pixels (at least 0.5)
uniform float u_alpha_scale;  // < 1 for lines thinner than a pixel: fainter, not thinner

out vec4 o_coverage;

void main() {
    float outside = max(max(-v_local.x, v_local.x - v_length), 0.0);
    float distance = length(vec2(outside, v_local.y));
    float coverage = clamp(u_half_width + 0.5 - distance, 0.0, 1.0) * u_alpha_scale;
    if (coverage <= 0.0) discard;
    o_coverage = vec4(coverage, 0.0, 0.0, 0.0);
}
