// Outline colour with anti-aliased coverage from the distance to the segment (round caps).
#version 330 core

in vec2 v_local;
flat in float v_length;

uniform float u_half_width;  // pixels
uniform vec4 u_color;

out vec4 o_color;

void main() {
    float outside = max(max(-v_local.x, v_local.x - v_length), 0.0);
    float distance = length(vec2(outside, v_local.y));
    float coverage = clamp(u_half_width + 0.5 - distance, 0.0, 1.0);
    if (coverage <= 0.0) discard;
    o_color = vec4(u_color.rgb, u_color.a * coverage);
}
