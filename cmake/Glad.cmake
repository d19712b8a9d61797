# Generates the OpenGL 3.3 core loader with Debian's glad2 (python3-glad) at configure
# time, from the specification it ships (--reproducible: nothing is downloaded).
find_program(GLAD_EXECUTABLE glad REQUIRED)
set(GLAD_OUT "${CMAKE_BINARY_DIR}/glad")
set(GLAD_STAMP "${GLAD_OUT}/stamp-gl-core-3.3")
if(NOT EXISTS "${GLAD_STAMP}")
  execute_process(
    COMMAND "${GLAD_EXECUTABLE}" --reproducible --quiet --api gl:core=3.3
            --extensions GL_KHR_debug --out-path "${GLAD_OUT}" c
    RESULT_VARIABLE glad_result
    OUTPUT_QUIET ERROR_VARIABLE glad_error)
  if(NOT glad_result EQUAL 0)
    message(FATAL_ERROR "glad failed: ${glad_error}")
  endif()
  file(WRITE "${GLAD_STAMP}" "generated\n")
endif()
add_library(deportmap_glad STATIC "${GLAD_OUT}/src/gl.c")
target_include_directories(deportmap_glad SYSTEM PUBLIC "${GLAD_OUT}/include")
set_target_properties(deportmap_glad PROPERTIES POSITION_INDEPENDENT_CODE ON)
