// Filled polygons without stripes: the flat colour fill.vert chose. Most of the map;
// the countries striped for an approximate date are drawn again with fill.frag, so
// the per-pixel stripe test is paid only where stripes can be.
#version 330 core

flat in vec4 v_color;

out vec4 o_color;

void main() { o_color = v_color; }
