// Shader sources embedded at build time from shaders/ (see cmake/EmbedShaders.cmake).
#pragma once
#include <string_view>

namespace deportmap {
// Returns the text of shaders/<file_name>, or an empty view when there is no such file.
std::string_view shader_source(std::string_view file_name);
}  // namespace deportmap
