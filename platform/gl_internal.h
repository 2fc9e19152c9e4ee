// Internal to platform/: the two surface factories and the helpers both surfaces share. Not for
// code outside platform/ (kiosk/ sees only platform.h). GL calls go through GlFunctions, loaded
// from the context (gl_functions.h): nothing here links a GL library.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "gl_functions.h"
#include "platform.h"

namespace kiosk::platform::detail {

std::unique_ptr<Surface> open_headless_egl(const SurfaceConfig& config, std::string* error);
std::unique_ptr<Surface> open_window_glfw(const SurfaceConfig& config, std::string* error);

// Stores `message` in `error` when the caller asked for it.
void set_error(std::string* error, const std::string& message);

// The kinds of context to try for a request, best first: Auto tries GL 3, then GLES 3, then GLES 2.
std::vector<GlApi> apis_to_try(GlApi requested);

// GL_VERSION / GL_RENDERER / GL_SHADING_LANGUAGE_VERSION of the current context.
GlInfo query_gl_info(const GlFunctions& gl, GlApi api);

// Major/minor parsed from a GL_VERSION string ("4.5 (Core Profile) Mesa 22.3.6", "OpenGL ES 3.2
// Mesa ..."); 0/0 if unparsable.
void parse_gl_version(const std::string& version, int* major, int* minor);

// Whether a context that reports `version` can serve as `api`: GL 3.0+ for Gl3, an ES version of
// at least 3.0 / 2.0 for Gles3 / Gles2. Empty when it can, else why not.
std::string check_gl_version(GlApi api, const std::string& version);

// Reads the currently bound read framebuffer, top row first.
Pixels read_framebuffer_rgba(const GlFunctions& gl, int width, int height);

}  // namespace kiosk::platform::detail
