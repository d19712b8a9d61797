// Filled polygons (countries, the ocean): projected positions in metres mapped to clip
// space by a scale and offset; colour from the per-country table, or one solid colour.
#version 330 core

layout(location = 0) in vec2 a_position;  // projected units (metres)
layout(location = 1) in uint a_country;   // index into the colour table

// clip = position * u_clip_scale + u_clip_offset (computed on the CPU in double).
uniform vec2 u_clip_scale;
uniform vec2 u_clip_offset;
uniform sampler2D u_colors;  // per-country RGBA, 256 entries per row
uniform int u_color_count;   // entries in the table; later countries use u_no_data
uniform vec4 u_no_data;
uniform bool u_solid;        // true: every vertex takes u_solid_color
uniform vec4 u_solid_color;

flat out vec4 v_color;
// The country's flags from the alpha (core/patterns.hpp): bit 0 stripes (a status date
// known only to the month or year), bits 1-3 the status pattern.
flat out int v_flags;

void main() {
    gl_Position = vec4(a_position * u_clip_scale + u_clip_offset, 0.0, 1.0);
    v_flags = 0;
    if (u_solid) {
        v_color = u_solid_color;
    } else {
        int index = int(a_country);
        v_color = index < u_color_count ? texelFetch(u_colors, ivec2(index % 256, index / 256), 0)
                                        : u_no_data;
        // Alpha 240..254 in the table carries the flags (255 - flags); fills are opaque.
        int alpha = int(v_color.a * 255.0 + 0.5);
        if (alpha >= 240 && alpha < 255) {
            v_flags = 255 - alpha;
            v_color.a = 1.0;
        }
    }
}
