// Debug aids for GL contexts (the window's and the headless one):
//   - DEPORTMAP_GL_DEBUG=1 in the environment asks for a debug context and installs a
//     KHR_debug callback: a GL error or a high-severity message prints one line and
//     aborts, so a test that triggers one fails. The sanitizer suite sets it.
//   - In AddressSanitizer builds, the GL driver that the context loaded (Mesa's
//     swrast_dri.so) is kept loaded until exit, so that LeakSanitizer can still read
//     the driver's memory at exit instead of reporting it as leaked from an unknown
//     module.
#pragma once

namespace deportmap::platform {

// Whether DEPORTMAP_GL_DEBUG asks for a debug context.
bool gl_debug_requested();

// After a context is current and glad loaded: installs the debug callback (when asked
// and GL_KHR_debug exists) and, in sanitizer builds, pins the GL driver.
void after_context_created();

}  // namespace deportmap::platform
