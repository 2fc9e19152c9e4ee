// Internal to platform/: the GL entry points the platform uses, loaded at run time from the
// context's own loader (eglGetProcAddress or glfwGetProcAddress), so one binary drives desktop GL
// 3.x, GLES 3 and GLES 2 without linking libGL, libOpenGL or libGLESv2. Only the subset that all
// three share is required; vertex arrays are optional (GLES 2 has none; a GL core context needs them).
//
// Does NOT create contexts or check versions: the surface does that and says which API it got.
#pragma once
#include <GL/glcorearb.h>  // types, enums and PFNGL...PROC typedefs; the values are the same for GLES

#include <string>

#include "platform.h"

namespace kiosk::platform::detail {

// The loader of the current context: eglGetProcAddress, glfwGetProcAddress (both return this type).
using GlProc = void (*)();
using GlProcLoader = GlProc (*)(const char* name);

// X-macro: (name, PFN type). Everything here is in GL 3.0, GLES 2.0 and GLES 3.0 alike.
#define KIOSK_GL_REQUIRED(X)                                                  \
    X(glActiveTexture, PFNGLACTIVETEXTUREPROC)                                \
    X(glAttachShader, PFNGLATTACHSHADERPROC)                                  \
    X(glBindBuffer, PFNGLBINDBUFFERPROC)                                      \
    X(glBindFramebuffer, PFNGLBINDFRAMEBUFFERPROC)                            \
    X(glBindTexture, PFNGLBINDTEXTUREPROC)                                    \
    X(glBlendEquation, PFNGLBLENDEQUATIONPROC)                                \
    X(glBlendFuncSeparate, PFNGLBLENDFUNCSEPARATEPROC)                        \
    X(glBufferData, PFNGLBUFFERDATAPROC)                                      \
    X(glCheckFramebufferStatus, PFNGLCHECKFRAMEBUFFERSTATUSPROC)              \
    X(glClear, PFNGLCLEARPROC)                                                \
    X(glClearColor, PFNGLCLEARCOLORPROC)                                      \
    X(glCompileShader, PFNGLCOMPILESHADERPROC)                                \
    X(glCreateProgram, PFNGLCREATEPROGRAMPROC)                                \
    X(glCreateShader, PFNGLCREATESHADERPROC)                                  \
    X(glDeleteBuffers, PFNGLDELETEBUFFERSPROC)                                \
    X(glDeleteFramebuffers, PFNGLDELETEFRAMEBUFFERSPROC)                      \
    X(glDeleteProgram, PFNGLDELETEPROGRAMPROC)                                \
    X(glDeleteShader, PFNGLDELETESHADERPROC)                                  \
    X(glDeleteTextures, PFNGLDELETETEXTURESPROC)                              \
    X(glDisable, PFNGLDISABLEPROC)                                            \
    X(glDisableVertexAttribArray, PFNGLDISABLEVERTEXATTRIBARRAYPROC)          \
    X(glDrawElements, PFNGLDRAWELEMENTSPROC)                                  \
    X(glEnable, PFNGLENABLEPROC)                                              \
    X(glEnableVertexAttribArray, PFNGLENABLEVERTEXATTRIBARRAYPROC)            \
    X(glFinish, PFNGLFINISHPROC)                                              \
    X(glFramebufferTexture2D, PFNGLFRAMEBUFFERTEXTURE2DPROC)                  \
    X(glGenBuffers, PFNGLGENBUFFERSPROC)                                      \
    X(glGenFramebuffers, PFNGLGENFRAMEBUFFERSPROC)                            \
    X(glGenTextures, PFNGLGENTEXTURESPROC)                                    \
    X(glGetAttribLocation, PFNGLGETATTRIBLOCATIONPROC)                        \
    X(glGetError, PFNGLGETERRORPROC)                                          \
    X(glGetIntegerv, PFNGLGETINTEGERVPROC)                                    \
    X(glGetProgramInfoLog, PFNGLGETPROGRAMINFOLOGPROC)                        \
    X(glGetProgramiv, PFNGLGETPROGRAMIVPROC)                                  \
    X(glGetShaderInfoLog, PFNGLGETSHADERINFOLOGPROC)                          \
    X(glGetShaderiv, PFNGLGETSHADERIVPROC)                                    \
    X(glGetString, PFNGLGETSTRINGPROC)                                        \
    X(glGetUniformLocation, PFNGLGETUNIFORMLOCATIONPROC)                      \
    X(glLinkProgram, PFNGLLINKPROGRAMPROC)                                    \
    X(glPixelStorei, PFNGLPIXELSTOREIPROC)                                    \
    X(glReadPixels, PFNGLREADPIXELSPROC)                                      \
    X(glScissor, PFNGLSCISSORPROC)                                            \
    X(glShaderSource, PFNGLSHADERSOURCEPROC)                                  \
    X(glTexImage2D, PFNGLTEXIMAGE2DPROC)                                      \
    X(glTexParameteri, PFNGLTEXPARAMETERIPROC)                                \
    X(glTexSubImage2D, PFNGLTEXSUBIMAGE2DPROC)                                \
    X(glUniform1i, PFNGLUNIFORM1IPROC)                                        \
    X(glUniformMatrix4fv, PFNGLUNIFORMMATRIX4FVPROC)                          \
    X(glUseProgram, PFNGLUSEPROGRAMPROC)                                      \
    X(glVertexAttribPointer, PFNGLVERTEXATTRIBPOINTERPROC)                    \
    X(glViewport, PFNGLVIEWPORTPROC)

// Present in GL 3.x and GLES 3 only; loaded only for those contexts.
#define KIOSK_GL_VERSION3(X)                                                  \
    X(glBindVertexArray, PFNGLBINDVERTEXARRAYPROC)                            \
    X(glDeleteVertexArrays, PFNGLDELETEVERTEXARRAYSPROC)                      \
    X(glGenVertexArrays, PFNGLGENVERTEXARRAYSPROC)                            \
    X(glReadBuffer, PFNGLREADBUFFERPROC)

struct GlFunctions {
#define KIOSK_GL_MEMBER(name, type) type name = nullptr;
    KIOSK_GL_REQUIRED(KIOSK_GL_MEMBER)
    KIOSK_GL_VERSION3(KIOSK_GL_MEMBER)
#undef KIOSK_GL_MEMBER
    bool has_vertex_arrays = false;  // glGen/Bind/DeleteVertexArrays loaded (GL 3.x, GLES 3)
};

// Loads the table for a context of `api` (not Auto) through `loader`. False with the missing
// names in `error` when a required entry point is absent.
bool load_gl_functions(GlProcLoader loader, GlApi api, GlFunctions* functions, std::string* error);

}  // namespace kiosk::platform::detail
