# Dear ImGui 1.86 from Debian's libimgui-dev. Its GLFW and OpenGL3 backends are
# compiled from the package's examples folder against glad (the prebuilt backend in
# libimgui.a would load libGL.so.1 itself).
set(IMGUI_BACKENDS "/usr/share/doc/libimgui-dev/examples/backends")
if(NOT EXISTS "${IMGUI_BACKENDS}/imgui_impl_opengl3.cpp")
  message(FATAL_ERROR "ImGui backends not found in ${IMGUI_BACKENDS} (install libimgui-dev)")
endif()
pkg_check_modules(IMGUI REQUIRED imgui=1.86)
add_library(deportmap_imgui STATIC
  "${IMGUI_BACKENDS}/imgui_impl_glfw.cpp"
  "${IMGUI_BACKENDS}/imgui_impl_opengl3.cpp")
target_compile_definitions(deportmap_imgui PUBLIC IMGUI_IMPL_OPENGL_LOADER_CUSTOM)
target_compile_options(deportmap_imgui PRIVATE -include glad/gl.h)
target_include_directories(deportmap_imgui SYSTEM PUBLIC /usr/include/imgui /usr/include/imgui/backends)
# libimgui.a uses stb_truetype and stb_rect_pack from libstb (its pkg-config: -limgui -lstb).
target_link_libraries(deportmap_imgui PUBLIC deportmap_glad PkgConfig::GLFW imgui stb)
