// Coverage of the window's border strips (border_strip.vert): from the pixel centre's
// distance to the segment this triangle belongs to (its ends come flat from the
// triangle's last vertex), so joins are round and sharp turns fade out as the export's
// coverage pass draws them. Blended straight in; a stencil test keeps it to one
// fragment a pixel where a strip folds over.
#version 330 core

flat in vec4 v_segment;  // x0, y0, x1, y1 in pixels, origin top-left

uniform vec2 u_viewport;
uniform float u_half_width;  // pixels
uniform vec4 u_color;

out vec4 o_color;

void main() {
    vec2 p = vec2(gl_FragCoord.x, u_viewport.y - gl_FragCoord.y);
    vec2 a = v_segment.xy;
    vec2 ab = v_segment.zw - a;
    float len2 = dot(ab, ab);
    float t = len2 > 0.0 ? clamp(dot(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    float d = length(p - a - ab * t);
    float coverage = clamp(u_half_width + 0.5 - d, 0.0, 1.0);
    if (coverage <= 0.0) discard;
    o_color = vec4(u_color.rgb, u_color.a * coverage);
}
