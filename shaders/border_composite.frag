// Paints the border colour over the map, weighted by the coverage that border.frag
// accumulated for this pixel (same size and orientation as the target).
#version 330 core

uniform sampler2D u_coverage;
uniform vec4 u_border_color;

out vec4 o_color;

void main() {
    float coverage = texelFetch(u_coverage, ivec2(gl_FragCoord.xy), 0).r;
    if (coverage <= 0.0) discard;
    o_color = vec4(u_border_color.rgb, u_border_color.a * coverage);
}
