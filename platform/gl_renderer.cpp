// ImGui draw data -> GL 3.x / GLES 3 / GLES 2 through one code path. See gl_renderer.h.
//
// Sections: [shaders] dialects and sources  [setup] init/shutdown  [draw] render  [textures]
#include "gl_renderer.h"

#include <cstddef>
#include <cstdio>
#include <vector>

#include <imgui.h>

#include "gl_internal.h"

namespace kiosk::platform::detail {

static_assert(sizeof(ImDrawIdx) == 2, "GLES 2 draws 16-bit indices only; keep ImGui's default ImDrawIdx");

// [shaders] -------------------------------------------------------------------------------------

GlslDialect glsl_dialect_for(GlApi api, int major, int minor) {
    if (api == GlApi::Gles2) return {"#version 100", true, true};
    if (api == GlApi::Gles3) return {"#version 300 es", false, true};
    // Core profiles (3.2+) may refuse GLSL 1.30; 3.0/3.1 contexts may not know 1.50.
    if (major > 3 || (major == 3 && minor >= 2)) return {"#version 150", false, false};
    return {"#version 130", false, false};
}

namespace {

// The body is written once; these lines map its words onto either dialect.
constexpr const char* kVertexModern = "#define ATTRIBUTE in\n#define VARYING out\n";
constexpr const char* kVertexLegacy = "#define ATTRIBUTE attribute\n#define VARYING varying\n";
constexpr const char* kFragmentModern =
    "#define VARYING in\n#define TEXTURE texture\nout vec4 o_colour;\n#define FRAG_COLOUR o_colour\n";
constexpr const char* kFragmentLegacy =
    "#define VARYING varying\n#define TEXTURE texture2D\n#define FRAG_COLOUR gl_FragColor\n";
// GLES fragment shaders have no default float precision. Texture coordinates into a 4096-pixel
// atlas need more than mediump's 10 bits where the GPU has it.
constexpr const char* kEsVertexPrecision = "precision highp float;\n";
constexpr const char* kEsFragmentPrecision =
    "#ifdef GL_FRAGMENT_PRECISION_HIGH\nprecision highp float;\n#else\nprecision mediump float;\n#endif\n";

constexpr const char* kVertexBody = R"(
uniform mat4 u_projection;
ATTRIBUTE vec2 a_position;
ATTRIBUTE vec2 a_uv;
ATTRIBUTE vec4 a_colour;
VARYING vec2 v_uv;
VARYING vec4 v_colour;
void main() {
    v_uv = a_uv;
    v_colour = a_colour;
    gl_Position = u_projection * vec4(a_position, 0.0, 1.0);
}
)";

constexpr const char* kFragmentBody = R"(
uniform sampler2D u_texture;
VARYING vec2 v_uv;
VARYING vec4 v_colour;
void main() {
    FRAG_COLOUR = v_colour * TEXTURE(u_texture, v_uv);
}
)";

std::string shader_log(const GlFunctions& gl, GLuint object, bool program) {
    GLint length = 0;
    if (program) gl.glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length);
    else gl.glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
    if (length <= 1) return "no log";
    std::string log(size_t(length), '\0');
    if (program) gl.glGetProgramInfoLog(object, length, nullptr, log.data());
    else gl.glGetShaderInfoLog(object, length, nullptr, log.data());
    while (!log.empty() && (log.back() == '\0' || log.back() == '\n')) log.pop_back();
    return log;
}

GLuint compile(const GlFunctions& gl, GLenum kind, const GlslDialect& dialect, std::string* error) {
    const bool vertex = kind == GL_VERTEX_SHADER;
    const char* version = dialect.version_line;
    const char* precision = !dialect.es ? "" : vertex ? kEsVertexPrecision : kEsFragmentPrecision;
    const char* words = vertex ? (dialect.legacy ? kVertexLegacy : kVertexModern)
                               : (dialect.legacy ? kFragmentLegacy : kFragmentModern);
    const char* body = vertex ? kVertexBody : kFragmentBody;
    const char* sources[] = {version, "\n", precision, words, body};
    const GLuint shader = gl.glCreateShader(kind);
    gl.glShaderSource(shader, 5, sources, nullptr);
    gl.glCompileShader(shader);
    GLint ok = GL_FALSE;
    gl.glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        set_error(error, std::string(vertex ? "vertex" : "fragment") + " shader (" + version +
                             ") does not compile: " + shader_log(gl, shader, false));
        gl.glDeleteShader(shader);
        return 0;
    }
    return shader;
}

}  // namespace

// [setup] ---------------------------------------------------------------------------------------

bool GlRenderer::init(const GlFunctions& gl, GlApi api, int major, int minor, std::string* error) {
    shutdown();
    dialect_ = glsl_dialect_for(api, major, minor);
    const GLuint vertex = compile(gl, GL_VERTEX_SHADER, dialect_, error);
    if (vertex == 0) return false;
    const GLuint fragment = compile(gl, GL_FRAGMENT_SHADER, dialect_, error);
    if (fragment == 0) {
        gl.glDeleteShader(vertex);
        return false;
    }
    program_ = gl.glCreateProgram();
    gl.glAttachShader(program_, vertex);
    gl.glAttachShader(program_, fragment);
    gl.glLinkProgram(program_);
    gl.glDeleteShader(vertex);  // flagged; they go with the program
    gl.glDeleteShader(fragment);
    GLint linked = GL_FALSE;
    gl.glGetProgramiv(program_, GL_LINK_STATUS, &linked);
    if (linked != GL_TRUE) {
        set_error(error, std::string("shaders (") + dialect_.version_line + ") do not link: " + shader_log(gl, program_, true));
        gl.glDeleteProgram(program_);
        program_ = 0;
        return false;
    }
    u_projection_ = gl.glGetUniformLocation(program_, "u_projection");
    u_texture_ = gl.glGetUniformLocation(program_, "u_texture");
    a_position_ = gl.glGetAttribLocation(program_, "a_position");
    a_uv_ = gl.glGetAttribLocation(program_, "a_uv");
    a_colour_ = gl.glGetAttribLocation(program_, "a_colour");
    if (u_projection_ < 0 || u_texture_ < 0 || a_position_ < 0 || a_uv_ < 0 || a_colour_ < 0) {
        set_error(error, "shader inputs missing after linking");
        gl.glDeleteProgram(program_);
        program_ = 0;
        return false;
    }
    gl.glGenBuffers(1, &vertex_buffer_);
    gl.glGenBuffers(1, &index_buffer_);
    if (gl.has_vertex_arrays) gl.glGenVertexArrays(1, &vertex_array_);
    gl.glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_texture_size_);
    gl_ = &gl;
    return true;
}

void GlRenderer::shutdown() {
    if (gl_ == nullptr) return;
    const GlFunctions& gl = *gl_;
    for (const GLuint id : textures_) gl.glDeleteTextures(1, &id);
    textures_.clear();
    if (font_texture_ != 0) gl.glDeleteTextures(1, &font_texture_);
    font_texture_ = 0;
    font_context_ = nullptr;
    if (vertex_array_ != 0) gl.glDeleteVertexArrays(1, &vertex_array_);
    if (vertex_buffer_ != 0) gl.glDeleteBuffers(1, &vertex_buffer_);
    if (index_buffer_ != 0) gl.glDeleteBuffers(1, &index_buffer_);
    if (program_ != 0) gl.glDeleteProgram(program_);
    vertex_array_ = vertex_buffer_ = index_buffer_ = program_ = 0;
    gl_ = nullptr;
}

void GlRenderer::log_once(const std::string& message) {
    constexpr size_t kMaxLogged = 64;  // bound the memory a misbehaving caller can cost
    if (logged_.size() < kMaxLogged && logged_.insert(message).second)
        std::fprintf(stderr, "kiosk: platform: %s\n", message.c_str());
}

// [draw] ----------------------------------------------------------------------------------------

void GlRenderer::upload_font_atlas() {
    ImGuiContext* context = ImGui::GetCurrentContext();
    if (context == nullptr) return;
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    const bool current = font_texture_ != 0 && font_context_ == context &&
                         atlas->TexID == reinterpret_cast<ImTextureID>(uintptr_t(font_texture_));
    if (current && !fonts_dirty_) return;
    fonts_dirty_ = false;
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas->GetTexDataAsRGBA32(&pixels, &width, &height);  // builds the atlas if the app has not
    const GlFunctions& gl = *gl_;
    if (font_texture_ != 0) gl.glDeleteTextures(1, &font_texture_);
    font_texture_ = 0;
    font_context_ = context;
    if (pixels == nullptr || width <= 0 || height <= 0 || width > max_texture_size_ || height > max_texture_size_) {
        log_once("font atlas " + std::to_string(width) + "x" + std::to_string(height) +
                 " cannot be uploaded (GL limit " + std::to_string(max_texture_size_) + "); text will not show");
        atlas->SetTexID(ImTextureID{});
        return;
    }
    gl.glGenTextures(1, &font_texture_);
    gl.glBindTexture(GL_TEXTURE_2D, font_texture_);
    upload_pixels(width, height, pixels, TextureFilter::Linear);
    atlas->SetTexID(reinterpret_cast<ImTextureID>(uintptr_t(font_texture_)));
    // The driver holds its own copy now. ImGui's two (alpha and RGBA, 2.5 MiB at 512x1024) would
    // stay for the kiosk's whole life; a later upload builds them again from the same fonts.
    atlas->ClearTexData();
}

void GlRenderer::fonts_changed() {
    fonts_dirty_ = true;
    if (gl_ != nullptr) upload_font_atlas();
}

void GlRenderer::setup_state(ImDrawData* draw_data, int fb_width, int fb_height) {
    const GlFunctions& gl = *gl_;
    gl.glEnable(GL_BLEND);
    gl.glBlendEquation(GL_FUNC_ADD);
    gl.glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    gl.glDisable(GL_CULL_FACE);
    gl.glDisable(GL_DEPTH_TEST);
    gl.glDisable(GL_STENCIL_TEST);
    gl.glEnable(GL_SCISSOR_TEST);
    gl.glViewport(0, 0, fb_width, fb_height);
    // Orthographic: DisplayPos is the top-left corner, y grows downwards.
    const float left = draw_data->DisplayPos.x, right = left + draw_data->DisplaySize.x;
    const float top = draw_data->DisplayPos.y, bottom = top + draw_data->DisplaySize.y;
    const float projection[16] = {
        2.0f / (right - left), 0.0f, 0.0f, 0.0f,
        0.0f, 2.0f / (top - bottom), 0.0f, 0.0f,
        0.0f, 0.0f, -1.0f, 0.0f,
        (right + left) / (left - right), (top + bottom) / (bottom - top), 0.0f, 1.0f,
    };
    gl.glUseProgram(program_);
    gl.glUniform1i(u_texture_, 0);
    gl.glUniformMatrix4fv(u_projection_, 1, GL_FALSE, projection);
    gl.glActiveTexture(GL_TEXTURE0);
    if (vertex_array_ != 0) gl.glBindVertexArray(vertex_array_);
    gl.glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
    gl.glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, index_buffer_);
    gl.glEnableVertexAttribArray(GLuint(a_position_));
    gl.glEnableVertexAttribArray(GLuint(a_uv_));
    gl.glEnableVertexAttribArray(GLuint(a_colour_));
}

void GlRenderer::point_attributes(size_t vertex_offset) {
    const GlFunctions& gl = *gl_;
    const size_t base = vertex_offset * sizeof(ImDrawVert);
    const auto at = [base](size_t member) { return reinterpret_cast<const void*>(base + member); };
    gl.glVertexAttribPointer(GLuint(a_position_), 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, pos)));
    gl.glVertexAttribPointer(GLuint(a_uv_), 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, uv)));
    gl.glVertexAttribPointer(GLuint(a_colour_), 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, col)));
}

void GlRenderer::render(ImDrawData* draw_data, int width, int height, float r, float g, float b) {
    if (gl_ == nullptr) return;
    const GlFunctions& gl = *gl_;
    gl.glViewport(0, 0, width, height);
    gl.glDisable(GL_SCISSOR_TEST);  // a scissor left by the last frame would clip the clear
    gl.glClearColor(r, g, b, 1.0f);
    gl.glClear(GL_COLOR_BUFFER_BIT);
    if (draw_data == nullptr || ImGui::GetCurrentContext() == nullptr) return;
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "kiosk_gl";
    // Takes effect from the next frame ImGui builds: from then on a draw list past 65536 vertices
    // is split with VtxOffset instead of overflowing its 16-bit indices.
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    upload_font_atlas();

    const ImVec2 scale = draw_data->FramebufferScale;
    const int fb_width = int(draw_data->DisplaySize.x * scale.x);
    const int fb_height = int(draw_data->DisplaySize.y * scale.y);
    if (fb_width <= 0 || fb_height <= 0) return;
    setup_state(draw_data, fb_width, fb_height);
    // Gotcha (first frame): ImGui stamps each command with io.Fonts->TexID as it was at NewFrame;
    // the atlas is uploaded here, after the first frame was built, so its commands carry null.
    // Null is never a texture we made, so it can only mean the atlas.
    const GLuint font = font_texture_;
    const ImVec2 origin = draw_data->DisplayPos;
    for (int n = 0; n < draw_data->CmdListsCount; ++n) {
        const ImDrawList* list = draw_data->CmdLists[n];
        gl.glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(list->VtxBuffer.Size) * GLsizeiptr(sizeof(ImDrawVert)),
                        list->VtxBuffer.Data, GL_STREAM_DRAW);
        gl.glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(list->IdxBuffer.Size) * GLsizeiptr(sizeof(ImDrawIdx)),
                        list->IdxBuffer.Data, GL_STREAM_DRAW);
        size_t pointed_at = SIZE_MAX;  // the VtxOffset the attributes point at now
        for (const ImDrawCmd& command : list->CmdBuffer) {
            if (command.UserCallback != nullptr) {
                // ImGui's "reset render state" marker is the only callback the kiosk could meet.
                if (command.UserCallback == ImDrawCallback_ResetRenderState) {
                    setup_state(draw_data, fb_width, fb_height);
                    pointed_at = SIZE_MAX;
                } else {
                    command.UserCallback(list, &command);
                }
                continue;
            }
            const float x0 = (command.ClipRect.x - origin.x) * scale.x, y0 = (command.ClipRect.y - origin.y) * scale.y;
            const float x1 = (command.ClipRect.z - origin.x) * scale.x, y1 = (command.ClipRect.w - origin.y) * scale.y;
            if (x1 <= x0 || y1 <= y0 || command.ElemCount == 0) continue;
            // GL's scissor origin is the bottom-left corner.
            gl.glScissor(GLint(x0), GLint(float(fb_height) - y1), GLsizei(x1 - x0), GLsizei(y1 - y0));
            if (command.VtxOffset != pointed_at) {
                point_attributes(command.VtxOffset);
                pointed_at = command.VtxOffset;
            }
            const auto texture = GLuint(reinterpret_cast<uintptr_t>(command.GetTexID()));
            gl.glBindTexture(GL_TEXTURE_2D, texture != 0 ? texture : font);
            gl.glDrawElements(GL_TRIANGLES, GLsizei(command.ElemCount), GL_UNSIGNED_SHORT,
                              reinterpret_cast<const void*>(size_t(command.IdxOffset) * sizeof(ImDrawIdx)));
        }
    }
    gl.glDisable(GL_SCISSOR_TEST);
    if (vertex_array_ != 0) gl.glBindVertexArray(0);
}

// [textures] ------------------------------------------------------------------------------------

// Uploads to the bound texture. GLES 2 knows only unsized formats, so RGBA with GL_RGBA as the
// internal format is the one layout every API takes.
bool GlRenderer::upload_pixels(int width, int height, const uint8_t* rgba, TextureFilter filter) {
    const GlFunctions& gl = *gl_;
    const GLint sampling = filter == TextureFilter::Nearest ? GL_NEAREST : GL_LINEAR;
    gl.glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, sampling);
    gl.glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, sampling);
    gl.glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    gl.glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    gl.glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    while (gl.glGetError() != GL_NO_ERROR) {}  // only this upload's error counts below
    gl.glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    return gl.glGetError() == GL_NO_ERROR;
}

uintptr_t GlRenderer::upload_texture(int width, int height, const uint8_t* rgba, TextureFilter filter,
                                     uintptr_t replace) {
    if (gl_ == nullptr) return 0;
    if (rgba == nullptr || width <= 0 || height <= 0 || width > max_texture_size_ || height > max_texture_size_) {
        log_once("upload_texture: " + std::to_string(width) + "x" + std::to_string(height) +
                 (rgba == nullptr ? " without pixels refused"
                                  : " refused (1 to " + std::to_string(max_texture_size_) + " pixels a side)"));
        return 0;
    }
    GLuint texture = textures_.count(GLuint(replace)) != 0 ? GLuint(replace) : 0;
    const bool fresh = texture == 0;
    if (fresh) gl_->glGenTextures(1, &texture);
    if (texture == 0) return 0;
    gl_->glBindTexture(GL_TEXTURE_2D, texture);
    if (!upload_pixels(width, height, rgba, filter)) {
        log_once("upload_texture: GL refused a " + std::to_string(width) + "x" + std::to_string(height) + " texture");
        // A replaced texture stays (the caller may still draw it); a new one goes.
        if (fresh) gl_->glDeleteTextures(1, &texture);
        return 0;
    }
    textures_.insert(texture);
    return texture;
}

}  // namespace kiosk::platform::detail
