// Internal to platform/: draws ImGui's draw data with one code path on desktop GL 3.x (core or
// not), GLES 3 and GLES 2. The GLSL dialect is chosen per context ("#version 100", "300 es",
// "130", "150"); a vertex array object is used where one exists (a core context requires it);
// 16-bit indices; ImDrawCmd::VtxOffset handled by re-pointing the attributes, so ImGui may split a
// long draw list without base-vertex draws (GLES has none before 3.2).
// It also owns the app's textures (platform.h: Surface::upload_texture) and the font atlas texture.
//
// Does NOT create contexts, bind framebuffers (the surface binds its target first) or build
// fonts; ImGui's IO is touched only to set the atlas's texture id and the backend flags.
// ImTextureID = a GL texture name; a null one means the font atlas (see render()).
//
// Order the owner must respect: the GL context is current for every call, and shutdown() runs
// before the GL context goes away. The ImGui context may be created after init() and destroyed
// before shutdown(): nothing of the renderer lives in it.
#pragma once
#include <cstdint>
#include <set>
#include <string>
#include <unordered_set>

#include "gl_functions.h"
#include "platform.h"

struct ImDrawData;
struct ImGuiContext;

namespace kiosk::platform::detail {

// "#version ..." line and dialect for a context: exposed for tests of the choice itself.
struct GlslDialect {
    const char* version_line = "#version 130";  // first line of every shader
    bool legacy = false;                         // GLSL ES 1.00: attribute/varying/texture2D/gl_FragColor
    bool es = false;                             // precision statements needed
};
GlslDialect glsl_dialect_for(GlApi api, int major, int minor);

class GlRenderer {
public:
    GlRenderer() = default;
    GlRenderer(const GlRenderer&) = delete;
    GlRenderer& operator=(const GlRenderer&) = delete;
    ~GlRenderer() = default;  // GL objects need the context: the owner calls shutdown()

    // Compiles the shaders and makes the buffers for a context of `api` whose GL_VERSION parsed to
    // major.minor. False and the reason (e.g. the shader log) when the context cannot do it: the
    // surface then tries the next kind of context.
    bool init(const GlFunctions& gl, GlApi api, int major, int minor, std::string* error);

    // Clears the bound framebuffer's (0,0,width,height) to the colour and draws `draw_data` (may be
    // null: then only clears). Uploads the font atlas of the current ImGui context when it has no
    // texture yet or fonts_changed() was called.
    void render(ImDrawData* draw_data, int width, int height, float r, float g, float b);
    // The current ImGui context's atlas was rebuilt: uploads it now (so io.Fonts->TexID is valid
    // for the next frame), or before the next draw when no ImGui context is current.
    void fonts_changed();

    // See Surface::upload_texture: RGBA pixels, top row first; `replace` a texture made here (any
    // size) or 0 for a new one. 0 when GL cannot take it.
    uintptr_t upload_texture(int width, int height, const uint8_t* rgba, TextureFilter filter, uintptr_t replace);

    void shutdown();  // frees every GL object; idempotent

private:
    void upload_font_atlas();
    void setup_state(ImDrawData* draw_data, int fb_width, int fb_height);
    void point_attributes(size_t vertex_offset);
    bool upload_pixels(int width, int height, const uint8_t* rgba, TextureFilter filter);
    void log_once(const std::string& message);

    const GlFunctions* gl_ = nullptr;   // null until init() succeeded
    GlslDialect dialect_;
    GLuint program_ = 0;
    GLint u_projection_ = -1, u_texture_ = -1;
    GLint a_position_ = -1, a_uv_ = -1, a_colour_ = -1;
    GLuint vertex_buffer_ = 0, index_buffer_ = 0;
    GLuint vertex_array_ = 0;           // 0 on GLES 2
    GLint max_texture_size_ = 0;

    GLuint font_texture_ = 0;           // the atlas of `font_context_`
    ImGuiContext* font_context_ = nullptr;  // which ImGui context the atlas texture was made for
    bool fonts_dirty_ = false;          // fonts_changed(): upload again before the next draw

    std::unordered_set<GLuint> textures_;  // made by upload_texture, alive until shutdown()
    std::set<std::string> logged_;      // failures already logged (a per-frame failure logs once)
};

}  // namespace kiosk::platform::detail
