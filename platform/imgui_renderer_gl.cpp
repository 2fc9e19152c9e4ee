// ImGui draw data -> GL through ImGui's OpenGL3 backend. Does NOT create contexts or framebuffers.
//
// Gotcha (loader): the backend resolves its GL functions through its bundled gl3w, which dlopens
// libGL.so.1 and asks glXGetProcAddressARB. Under GLVND those are libGLdispatch stubs that follow
// whichever context is current, EGL ones included, so this also works on the surfaceless EGL
// context; it does make libGL.so.1 (Debian: libgl1) a runtime dependency even when headless.
#include "imgui_renderer_gl.h"

#include <cstdio>

#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>

#include "gl_internal.h"

namespace kiosk::platform::detail {

namespace {

// Gotcha (first frame): ImGui stamps each draw command with io.Fonts->TexID as it was during
// NewFrame. The backend is set up lazily inside the first render(), after that frame was built,
// so its commands carry a null texture, which GL samples as black: text and every filled shape
// would come out black once. Null is never a texture the backend made, so it can only mean the atlas.
void point_null_textures_at_atlas(ImDrawData* draw_data) {
    const ImTextureID atlas = ImGui::GetIO().Fonts->TexID;
    if (atlas == ImTextureID{}) return;
    for (int i = 0; i < draw_data->CmdListsCount; ++i) {
        for (ImDrawCmd& command : draw_data->CmdLists[i]->CmdBuffer) {
            if (command.TextureId == ImTextureID{} && command.UserCallback == nullptr) command.TextureId = atlas;
        }
    }
}

}  // namespace

ImGuiRendererGl::~ImGuiRendererGl() { shutdown(); }

bool ImGuiRendererGl::ensure_initialised() {
    if (imgui_context_ != nullptr) return true;
    if (init_failed_) return false;
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (context == nullptr) {
        std::fprintf(stderr, "kiosk: platform: render() needs a current ImGui context; drawing nothing\n");
        init_failed_ = true;
        return false;
    }
    if (!ImGui_ImplOpenGL3_Init(glsl_version_.c_str())) {
        // The backend has printed its own reason (usually the gl3w loader: no libGL.so.1).
        std::fprintf(stderr, "kiosk: platform: ImGui's OpenGL3 renderer failed to start; drawing nothing\n");
        init_failed_ = true;
        return false;
    }
    // Done here rather than in a per-frame NewFrame: shaders and the font texture exist from the
    // first frame, and fonts_changed() can never race a lazy creation and leak a texture.
    ImGui_ImplOpenGL3_CreateDeviceObjects();
    imgui_context_ = context;
    return true;
}

void ImGuiRendererGl::render(ImDrawData* draw_data, int width, int height, float r, float g, float b) {
    glViewport(0, 0, width, height);
    glDisable(GL_SCISSOR_TEST);  // a scissor left by the last frame would clip the clear
    glClearColor(r, g, b, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (draw_data == nullptr || !ensure_initialised()) return;
    if (ImGui::GetCurrentContext() != imgui_context_) return;  // the backend's state is not in it
    point_null_textures_at_atlas(draw_data);
    ImGui_ImplOpenGL3_RenderDrawData(draw_data);
}

void ImGuiRendererGl::fonts_changed() {
    if (imgui_context_ == nullptr || ImGui::GetCurrentContext() != imgui_context_) return;
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

uintptr_t ImGuiRendererGl::upload_texture(int width, int height, const uint8_t* rgba, TextureFilter filter,
                                          uintptr_t replace) {
    if (width <= 0 || height <= 0 || rgba == nullptr) return 0;
    GLint max_side = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_side);
    if (max_side > 0 && (width > max_side || height > max_side)) {
        if (!upload_refused_)
            std::fprintf(stderr, "kiosk: platform: a %dx%d texture is larger than this GPU's %d; not drawn\n", width,
                         height, max_side);
        upload_refused_ = true;
        return 0;
    }
    GLuint name = 0;
    for (GLuint known : textures_)
        if (static_cast<uintptr_t>(known) == replace) name = known;
    if (name == 0) {
        glGenTextures(1, &name);
        if (name == 0) return 0;
        textures_.push_back(name);
    }
    for (int i = 0; i < 16 && glGetError() != GL_NO_ERROR; ++i) {
    }  // earlier errors are not this upload's
    GLint previous = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &previous);
    glBindTexture(GL_TEXTURE_2D, name);
    const GLint sampling = filter == TextureFilter::Nearest ? GL_NEAREST : GL_LINEAR;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, sampling);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, sampling);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);  // RGBA rows are always 4-byte aligned
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    const bool failed = glGetError() != GL_NO_ERROR;
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(previous));
    return failed ? 0 : static_cast<uintptr_t>(name);
}

void ImGuiRendererGl::shutdown() {
    // The owner calls this with the GL context current (see the header), ImGui context or not.
    if (!textures_.empty()) glDeleteTextures(static_cast<GLsizei>(textures_.size()), textures_.data());
    textures_.clear();
    if (imgui_context_ == nullptr) return;
    if (ImGui::GetCurrentContext() == imgui_context_) {
        ImGui_ImplOpenGL3_Shutdown();
    } else {
        // The ImGui context was destroyed (or switched) first: its IO held the backend's data, so
        // there is nothing left to call; the GL objects go with the GL context.
        std::fprintf(stderr, "kiosk: platform: surface closed after its ImGui context; skipped renderer shutdown\n");
    }
    imgui_context_ = nullptr;
}

}  // namespace kiosk::platform::detail
