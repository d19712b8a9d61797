// Filled polygons: the flat colour chosen per vertex in fill.vert. Countries whose status
// date is only known to the month or year get diagonal stripes, and with --patterns each
// status its pattern (core/patterns.cpp has the same arithmetic for the legend and SVG).
#version 330 core

flat in vec4 v_color;
flat in int v_flags;
uniform float u_hatch_px;    // stripe period in pixels; 0 = no stripes or patterns
uniform vec4 u_hatch_color;  // mixed into the stripes
uniform vec2 u_hatch_origin; // this target's bottom-left pixel in the whole picture (tiles)

out vec4 o_color;

float wrapped(float v, float period) { return mod(v, period); }

bool dot_at(vec2 p, float period, float radius) {
    vec2 d = vec2(wrapped(p.x, period), wrapped(p.y, period)) - vec2(period * 0.5);
    return dot(d, d) < radius * radius * period * period;
}

bool on_pattern(int pattern, vec2 p, float period) {
    if (pattern == 1) return wrapped(p.y, period) < period * 0.28;
    if (pattern == 2) return dot_at(p, period, 0.2);
    if (pattern == 3) return wrapped(p.x, period) < period * 0.28;
    if (pattern == 4) return wrapped(p.x - p.y, period) < period * 0.28;
    if (pattern == 5) return wrapped(p.x, period) < period * 0.18 || wrapped(p.y, period) < period * 0.18;
    if (pattern == 6) return int(mod(floor(p.x / (period * 0.5)) + floor(p.y / (period * 0.5)), 2.0)) == 0;
    if (pattern == 7) return dot_at(p, period * 1.5, 0.3);
    return false;
}

void main() {
    o_color = v_color;
    if (v_flags == 0 || u_hatch_px <= 0.0) return;
    vec2 p = gl_FragCoord.xy + u_hatch_origin;
    int pattern = (v_flags >> 1) & 7;
    if (pattern != 0 && on_pattern(pattern, p, u_hatch_px * 1.4)) {
        // Dark marks on light colours, light marks on dark ones.
        float lum = dot(o_color.rgb, vec3(0.2126, 0.7152, 0.0722));
        o_color.rgb = lum > 0.45 ? mix(o_color.rgb, vec3(0.0), 0.5) : mix(o_color.rgb, vec3(1.0), 0.55);
    }
    if ((v_flags & 1) != 0) {
        float d = mod(p.x + p.y, u_hatch_px);
        if (d < u_hatch_px * 0.35) o_color.rgb = mix(o_color.rgb, u_hatch_color.rgb, 0.5);
    }
}
