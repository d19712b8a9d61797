// Filled polygons without stripes or patterns: the flat colour fill.vert chose. Most of
// the map; the countries striped for an approximate date or patterned are drawn again
// with fill.frag, so the per-pixel test is paid only where marks can be.
#version 330 core

flat in vec4 v_color;

out vec4 o_color;

void main() { o_color = v_color; }
