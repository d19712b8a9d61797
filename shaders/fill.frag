// Filled polygons: the flat colour chosen per vertex in fill.vert. Countries whose status
// date is only known to the month or year get diagonal stripes (u_hatch_px > 0).
#version 330 core

flat in vec4 v_color;
flat in float v_hatch;
uniform float u_hatch_px;    // stripe period in pixels; 0 = no stripes
uniform vec4 u_hatch_color;  // mixed into the stripes
uniform vec2 u_hatch_origin; // this target's bottom-left pixel in the whole picture (tiles)

out vec4 o_color;

void main() {
    o_color = v_color;
    if (v_hatch > 0.5 && u_hatch_px > 0.0) {
        vec2 p = gl_FragCoord.xy + u_hatch_origin;
        float d = mod(p.x + p.y, u_hatch_px);
        if (d < u_hatch_px * 0.35) o_color.rgb = mix(o_color.rgb, u_hatch_color.rgb, 0.5);
    }
}
