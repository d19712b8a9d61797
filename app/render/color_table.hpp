// The per-country colour table both map renderers (flat and globe) sample in their
// vertex shaders: an RGBA8 texture kColorTableWidth texels wide, one texel per country
// index, row after row.
#pragma once
#include <span>

#include <glad/gl.h>

#include "core/color.hpp"
#include "render/gl/objects.hpp"

namespace deportmap::render {

// Must match the width the shaders divide the country index by (fill.vert, globe.vert).
inline constexpr int kColorTableWidth = 256;

// A colour-table texture (nearest filtering) holding one transparent texel until the
// first upload.
gl::Texture create_color_table();

// Uploads `colors` (at most 65,536) into `texture`; returns how many were uploaded.
// One small upload: the meshes are not touched.
int upload_color_table(GLuint texture, std::span<const Color> colors);

}  // namespace deportmap::render
