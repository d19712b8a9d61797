# Embeds every file in shaders/ into the binary as a string, so no runtime path is
# needed. Produces the target deportmap_shaders with render/shader_sources.hpp:
#   std::string_view deportmap::shader_source(std::string_view file_name);
file(GLOB DEPORTMAP_SHADER_FILES CONFIGURE_DEPENDS
     "${CMAKE_SOURCE_DIR}/shaders/*.vert" "${CMAKE_SOURCE_DIR}/shaders/*.frag")
set(SHADER_CPP "${CMAKE_BINARY_DIR}/generated/shader_sources.cpp")
# A list would split into several command arguments: pass it '|'-separated.
string(REPLACE ";" "|" DEPORTMAP_SHADER_LIST "${DEPORTMAP_SHADER_FILES}")
add_custom_command(
  OUTPUT "${SHADER_CPP}"
  COMMAND ${CMAKE_COMMAND} -DOUT=${SHADER_CPP} "-DFILES=${DEPORTMAP_SHADER_LIST}"
          -P "${CMAKE_SOURCE_DIR}/cmake/EmbedShaders.cmake"
  DEPENDS ${DEPORTMAP_SHADER_FILES} "${CMAKE_SOURCE_DIR}/cmake/EmbedShaders.cmake"
  COMMENT "Embedding shaders"
  VERBATIM)
add_library(deportmap_shaders STATIC "${SHADER_CPP}")
target_include_directories(deportmap_shaders PUBLIC "${CMAKE_SOURCE_DIR}/app")
