// Draws ImGui draw data with ImGui's own OpenGL3 backend (from Debian's libimgui.a). Shared by the
// headless EGL surface and the GLFW window. Does NOT own a GL context, bind framebuffers, or touch
// ImGui's IO (display size, input, font building are the app's job).
//
// Order the owner must respect: the GL context is current for every call, and shutdown() runs
// before the GL context goes away and before ImGui::DestroyContext (the backend keeps its state in
// the ImGui context's IO). If the ImGui context is already gone, shutdown() skips the backend and
// the GL objects die with the GL context.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "platform.h"

struct ImDrawData;
struct ImGuiContext;

namespace kiosk::platform::detail {

class ImGuiRendererGl {
public:
    ImGuiRendererGl() = default;
    ImGuiRendererGl(const ImGuiRendererGl&) = delete;
    ImGuiRendererGl& operator=(const ImGuiRendererGl&) = delete;
    ~ImGuiRendererGl();

    // Clears the bound framebuffer's (0,0,width,height) to the colour and draws `draw_data` (may be
    // null: then only clears). Sets the backend up on first use in the current ImGui context.
    void render(ImDrawData* draw_data, int width, int height, float r, float g, float b);
    void fonts_changed();   // re-upload the atlas; a no-op until the backend is set up
    void shutdown();        // idempotent; see the order above; also deletes the uploaded textures
    // See Surface::upload_texture. Needs only the GL context, not the ImGui backend.
    uintptr_t upload_texture(int width, int height, const uint8_t* rgba, TextureFilter filter, uintptr_t replace);
    // "#version NNN" for the backend's shaders; takes effect when the backend is set up.
    void set_glsl_version(std::string glsl_version) { glsl_version_ = std::move(glsl_version); }

private:
    bool ensure_initialised();

    std::string glsl_version_ = "#version 130";  // handed to ImGui_ImplOpenGL3_Init
    ImGuiContext* imgui_context_ = nullptr;  // the context the backend lives in; null: not set up
    bool init_failed_ = false;               // set up failed once: don't retry (and log) every frame
    std::vector<unsigned> textures_;         // GL names made by upload_texture, deleted at shutdown
    bool upload_refused_ = false;            // logged once that a texture was too large
};

}  // namespace kiosk::platform::detail
