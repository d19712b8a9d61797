// The globe's ocean: a disc of u_radius pixels around u_center (framebuffer pixels,
// origin top-left), with a one-pixel anti-aliased edge, drawn over a full-screen
// triangle (fullscreen.vert).
#version 330 core

uniform vec2 u_center;
uniform float u_radius;
uniform float u_height;  // framebuffer height, to flip gl_FragCoord's y
uniform vec4 u_color;

out vec4 o_color;

void main() {
    vec2 p = vec2(gl_FragCoord.x, u_height - gl_FragCoord.y);
    float d = length(p - u_center);
    float a = clamp(u_radius - d + 0.5, 0.0, 1.0);
    if (a <= 0.0) discard;
    o_color = vec4(u_color.rgb, u_color.a * a);
}
