# Runs the window command with no display (DISPLAY and WAYLAND_DISPLAY unset) and
# checks that it exits non-zero with exactly one line that says why and points to
# 'deportmap export'. Usage: cmake -DBINARY=path/to/deportmap -P expect_no_display.cmake
if(NOT BINARY)
  message(FATAL_ERROR "BINARY is not set")
endif()
execute_process(
  COMMAND "${CMAKE_COMMAND}" -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY
          "${BINARY}" --frames 1
  RESULT_VARIABLE result
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err
  TIMEOUT 20)
set(all "${out}${err}")
message(STATUS "exit ${result}: ${all}")
if(result EQUAL 0 OR NOT result MATCHES "^[0-9]+$")
  message(FATAL_ERROR "expected a non-zero exit code without a display, got '${result}'")
endif()
string(REGEX MATCHALL "\n" newlines "${all}")
list(LENGTH newlines lines)
if(NOT lines EQUAL 1 OR NOT all MATCHES "\n$")
  message(FATAL_ERROR "expected exactly one line of output, got ${lines}: '${all}'")
endif()
if(NOT all MATCHES "^deportmap: no display available \\(DISPLAY is not set\\); ")
  message(FATAL_ERROR "the line does not say that no display is available: '${all}'")
endif()
if(NOT all MATCHES "deportmap export --out")
  message(FATAL_ERROR "the line does not point to 'deportmap export': '${all}'")
endif()
