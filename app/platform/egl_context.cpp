// Headless OpenGL through EGL (see egl_context.hpp). Measured on Debian 12 (Mesa 22.3):
// the surfaceless platform works with no DISPLAY and no environment variable.
#include "platform/egl_context.hpp"

#include "platform/gl_debug.hpp"

#include <glad/gl.h>

#include <EGL/egl.h>
#include <EGL/eglext.h>

#include <cstdlib>
#include <cstring>
#include <string_view>
#include <vector>

namespace deportmap::platform {
namespace {

const char* egl_error_name(EGLint error) {
    switch (error) {
        case EGL_SUCCESS: return "EGL_SUCCESS";
        case EGL_NOT_INITIALIZED: return "EGL_NOT_INITIALIZED";
        case EGL_BAD_ACCESS: return "EGL_BAD_ACCESS";
        case EGL_BAD_ALLOC: return "EGL_BAD_ALLOC";
        case EGL_BAD_ATTRIBUTE: return "EGL_BAD_ATTRIBUTE";
        case EGL_BAD_CONFIG: return "EGL_BAD_CONFIG";
        case EGL_BAD_CONTEXT: return "EGL_BAD_CONTEXT";
        case EGL_BAD_CURRENT_SURFACE: return "EGL_BAD_CURRENT_SURFACE";
        case EGL_BAD_DISPLAY: return "EGL_BAD_DISPLAY";
        case EGL_BAD_MATCH: return "EGL_BAD_MATCH";
        case EGL_BAD_NATIVE_PIXMAP: return "EGL_BAD_NATIVE_PIXMAP";
        case EGL_BAD_NATIVE_WINDOW: return "EGL_BAD_NATIVE_WINDOW";
        case EGL_BAD_PARAMETER: return "EGL_BAD_PARAMETER";
        case EGL_BAD_SURFACE: return "EGL_BAD_SURFACE";
        case EGL_CONTEXT_LOST: return "EGL_CONTEXT_LOST";
        default: return "unknown EGL error";
    }
}

[[noreturn]] void fail(const std::string& what) {
    throw HeadlessGlError("no headless OpenGL: " + what);
}

[[noreturn]] void fail_egl(const std::string& what) {
    fail(what + " (" + egl_error_name(eglGetError()) + ")");
}

// True when the space-separated extension list `list` names `extension`.
bool has_extension(const char* list, std::string_view extension) {
    if (list == nullptr) return false;
    std::string_view rest(list);
    while (!rest.empty()) {
        const size_t space = rest.find(' ');
        if (rest.substr(0, space) == extension) return true;
        if (space == std::string_view::npos) break;
        rest.remove_prefix(space + 1);
    }
    return false;
}

// An initialised display: surfaceless Mesa first, then the EGL devices.
EGLDisplay open_display(std::string& platform) {
    const char* client = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
    if (client == nullptr) fail("EGL has no client extensions (install libegl1)");
    auto get_platform_display = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(
        eglGetProcAddress("eglGetPlatformDisplayEXT"));
    if (get_platform_display == nullptr || !has_extension(client, "EGL_EXT_platform_base")) {
        fail("EGL lacks EGL_EXT_platform_base (install libegl1 and libgl1-mesa-dri)");
    }
    std::string tried;
    if (has_extension(client, "EGL_MESA_platform_surfaceless")) {
        EGLDisplay display =
            get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
        if (display != EGL_NO_DISPLAY && eglInitialize(display, nullptr, nullptr)) {
            platform = "surfaceless";
            return display;
        }
        tried = std::string("the surfaceless platform failed (") + egl_error_name(eglGetError()) +
                ")";
    } else {
        tried = "EGL lacks EGL_MESA_platform_surfaceless";
    }
    if (has_extension(client, "EGL_EXT_platform_device")) {
        auto query_devices = reinterpret_cast<PFNEGLQUERYDEVICESEXTPROC>(
            eglGetProcAddress("eglQueryDevicesEXT"));
        EGLint count = 0;
        if (query_devices != nullptr && query_devices(0, nullptr, &count) && count > 0) {
            std::vector<EGLDeviceEXT> devices(static_cast<size_t>(count));
            query_devices(count, devices.data(), &count);
            for (EGLint i = 0; i < count; ++i) {
                EGLDisplay display = get_platform_display(EGL_PLATFORM_DEVICE_EXT,
                                                          devices[static_cast<size_t>(i)], nullptr);
                if (display != EGL_NO_DISPLAY && eglInitialize(display, nullptr, nullptr)) {
                    platform = "device";
                    return display;
                }
            }
        }
        tried += "; no EGL device could be initialised";
    }
    fail(tried + " (install libegl1 and libgl1-mesa-dri)");
}

}  // namespace

HeadlessGlContext::HeadlessGlContext() {
    // Mesa prints its own multi-line warnings when a driver is missing; our error says
    // what failed in one line. EGL_LOG_LEVEL=debug in the environment still shows them.
    setenv("EGL_LOG_LEVEL", "fatal", 0);
    EGLDisplay display = open_display(platform_);
    display_ = display;
    try {
        if (!eglBindAPI(EGL_OPENGL_API)) fail_egl("desktop OpenGL is not offered by EGL");
        const char* extensions = eglQueryString(display, EGL_EXTENSIONS);
        if (!has_extension(extensions, "EGL_KHR_surfaceless_context")) {
            fail("the EGL display lacks EGL_KHR_surfaceless_context");
        }
        EGLConfig config = EGL_NO_CONFIG_KHR;
        if (!has_extension(extensions, "EGL_KHR_no_config_context")) {
            const EGLint wanted[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
            EGLint found = 0;
            if (!eglChooseConfig(display, wanted, &config, 1, &found) || found < 1) {
                fail_egl("no EGL config renders desktop OpenGL");
            }
        }
        const EGLint attributes[] = {EGL_CONTEXT_MAJOR_VERSION,
                                     3,
                                     EGL_CONTEXT_MINOR_VERSION,
                                     3,
                                     EGL_CONTEXT_OPENGL_PROFILE_MASK,
                                     EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                     EGL_CONTEXT_OPENGL_DEBUG,
                                     gl_debug_requested() ? EGL_TRUE : EGL_FALSE,
                                     EGL_NONE};
        EGLContext context = eglCreateContext(display, config, EGL_NO_CONTEXT, attributes);
        if (context == EGL_NO_CONTEXT) fail_egl("cannot create an OpenGL 3.3 core context");
        context_ = context;
        if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
            fail_egl("cannot make the context current");
        }
        const int version = gladLoadGL(reinterpret_cast<GLADloadfunc>(eglGetProcAddress));
        if (version == 0) fail("glad could not load the OpenGL functions");
        if (GLAD_VERSION_MAJOR(version) * 10 + GLAD_VERSION_MINOR(version) < 33) {
            fail("the context offers OpenGL " + std::to_string(GLAD_VERSION_MAJOR(version)) + "." +
                 std::to_string(GLAD_VERSION_MINOR(version)) + ", 3.3 is needed");
        }
        const auto text = [](GLenum name) {
            const auto* s = reinterpret_cast<const char*>(glGetString(name));
            return std::string(s != nullptr ? s : "");
        };
        after_context_created();
        renderer_ = text(GL_RENDERER);
        version_ = text(GL_VERSION);
    } catch (...) {
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        if (context_ != nullptr) eglDestroyContext(display, static_cast<EGLContext>(context_));
        eglTerminate(display);
        throw;
    }
}

HeadlessGlContext::~HeadlessGlContext() {
    auto display = static_cast<EGLDisplay>(display_);
    eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
    eglDestroyContext(display, static_cast<EGLContext>(context_));
    eglTerminate(display);
}

}  // namespace deportmap::platform
