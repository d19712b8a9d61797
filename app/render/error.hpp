// The render layer's error type: every GL failure the renderer detects (a shader that
// does not compile, an incomplete framebuffer, a size beyond the driver's limits) is
// thrown as a RenderError whose what() is one line meant for the user.
#pragma once
#include <stdexcept>

namespace deportmap::render {

struct RenderError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace deportmap::render
