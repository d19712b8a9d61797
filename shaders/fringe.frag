// The country's colour on the outside of its edge, with the share of the pixel the
// country covers: a pixel centre d pixels outside a straight edge is covered 0.5 - d.
// Past the segment's ends the distance to the end point is used (round joins).
#version 330 core

in vec2 v_local;
flat in float v_length;
flat in vec4 v_color;

out vec4 o_color;

void main() {
    float beyond = max(max(-v_local.x, v_local.x - v_length), 0.0);
    float coverage = 0.5 - length(vec2(beyond, max(v_local.y, 0.0)));
    if (coverage <= 0.0) discard;
    o_color = vec4(v_color.rgb, v_color.a * coverage);
}
