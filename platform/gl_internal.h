// Internal to platform/: the GL entry points, the two surface factories and the helpers both
// surfaces share. Not for code outside platform/ (kiosk/ sees only platform.h).
#pragma once
// GLVND's libOpenGL exports every core entry point, so prototypes are enough; no loader of our own.
#ifndef GL_GLEXT_PROTOTYPES
#define GL_GLEXT_PROTOTYPES 1
#endif
#include <GL/gl.h>
#include <GL/glext.h>

#include <memory>
#include <string>

#include "platform.h"

namespace kiosk::platform::detail {

std::unique_ptr<Surface> open_headless_egl(const SurfaceConfig& config, std::string* error);
std::unique_ptr<Surface> open_window_glfw(const SurfaceConfig& config, std::string* error);

// Stores `message` in `error` when the caller asked for it.
void set_error(std::string* error, const std::string& message);

// GL_VERSION / GL_RENDERER of the current context.
GlInfo query_gl_info(GlApi api);

// The GLSL version line ImGui's GL3 backend should compile its shaders with for `info`:
// "#version 150" on 3.2+ (core profiles may refuse 1.30), else "#version 130".
const char* glsl_version_for(const GlInfo& info);

// Major/minor parsed from a GL_VERSION string ("4.5 (Core Profile) Mesa 22.3.6"); 0/0 if unparsable.
void parse_gl_version(const std::string& version, int* major, int* minor);

// Reads the currently bound read framebuffer, top row first.
Pixels read_framebuffer_rgba(int width, int height);

}  // namespace kiosk::platform::detail
