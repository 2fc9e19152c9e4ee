// Fills GlFunctions from the context's loader. See gl_functions.h.
#include "gl_functions.h"
#include "gl_internal.h"

namespace kiosk::platform::detail {

bool load_gl_functions(GlProcLoader loader, GlApi api, GlFunctions* functions, std::string* error) {
    *functions = GlFunctions{};
    std::string missing;
    // Gotcha (loaders that never say no): GLX's glXGetProcAddress returns a stub for any name, so a
    // non-null pointer proves nothing about support; the API the context reports decides which
    // optional groups are asked for at all.
#define KIOSK_GL_LOAD(name, type)                                          \
    functions->name = reinterpret_cast<type>(loader(#name));               \
    if (functions->name == nullptr) missing += (missing.empty() ? "" : " ") + std::string(#name);
    KIOSK_GL_REQUIRED(KIOSK_GL_LOAD)
    if (api != GlApi::Gles2) {
        KIOSK_GL_VERSION3(KIOSK_GL_LOAD)
    }
#undef KIOSK_GL_LOAD
    functions->has_vertex_arrays = api != GlApi::Gles2;
    if (!missing.empty()) {
        set_error(error, std::string("GL (") + gl_api_name(api) + "): missing entry points: " + missing);
        return false;
    }
    return true;
}

}  // namespace kiosk::platform::detail
