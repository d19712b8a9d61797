// The window's borders as one triangle strip per polyline run: vertex 2i and 2i+1 sit
// either side of point i (read from a texture buffer: x, y in projected units, whose
// lowest mantissa bits say whether the run goes on before / after it), pushed out
// along the mitre of the two segments that meet there. Two vertices a point instead of six a segment, and no
// overlap at joins. Pairs with border_strip.frag: a triangle's last vertex (which GL
// takes the flat values from) is at the far end of the triangle's segment, and passes
// the segment's two ends for the exact distance.
#version 330 core

uniform samplerBuffer u_points;  // RG32F: x (bit 0: has a previous point), y (bit 0: a next)

uniform vec2 u_scale;
uniform vec2 u_offset;
uniform vec2 u_viewport;
uniform float u_extent;  // half the line width plus the anti-aliasing ramp, pixels

flat out vec4 v_segment;  // the previous point and this one, in pixels

vec2 to_pixels(vec2 p) { return vec2(p.x * u_scale.x + u_offset.x, -p.y * u_scale.y + u_offset.y); }

// Unit direction from a to b in pixels, or zero for coincident points.
vec2 direction(vec2 a, vec2 b) {
    vec2 d = b - a;
    float len = length(d);
    return len > 1e-6 ? d / len : vec2(0.0);
}

void main() {
    int i = gl_VertexID / 2;
    float side = (gl_VertexID & 1) == 1 ? 1.0 : -1.0;
    vec2 point = texelFetch(u_points, i).xy;
    bool has_previous = (floatBitsToUint(point.x) & 1u) != 0u;
    bool has_next = (floatBitsToUint(point.y) & 1u) != 0u;
    vec2 p = to_pixels(point);
    vec2 previous = has_previous ? to_pixels(texelFetch(u_points, i - 1).xy) : p;
    vec2 d_in = direction(previous, p);
    vec2 d_out = has_next ? direction(p, to_pixels(texelFetch(u_points, i + 1).xy)) : vec2(0.0);
    if (d_in == vec2(0.0)) d_in = d_out;
    if (d_out == vec2(0.0)) d_out = d_in;
    if (d_in == vec2(0.0)) d_in = d_out = vec2(1.0, 0.0);
    vec2 n_in = vec2(-d_in.y, d_in.x);
    vec2 n_out = vec2(-d_out.y, d_out.x);
    vec2 mitre = n_in + n_out;
    float m = length(mitre);
    mitre = m > 1e-3 ? mitre / m : n_in;
    // The mitre point lies u_extent from both segments' lines; sharp turns are cut at
    // twice that.
    float reach = u_extent / max(dot(mitre, n_in), 0.5);
    vec2 pos = p + mitre * reach * side;
    if (!has_previous) pos -= d_out * u_extent;  // room for the round caps at run ends
    if (!has_next) pos += d_in * u_extent;
    v_segment = vec4(previous, p);
    gl_Position = vec4(pos.x / u_viewport.x * 2.0 - 1.0, 1.0 - pos.y / u_viewport.y * 2.0, 0.0, 1.0);
}
