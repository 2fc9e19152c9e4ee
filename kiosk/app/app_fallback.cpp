// The fallback screen: what a frame shows when drawing it threw. The article's title, centred on
// the page colour under a thin rule; it uses neither the article layout nor the article view, so
// whatever failed there cannot fail here the same way. A failure is logged once per distinct
// message, not every frame; a normal frame is tried again after kRetryAfter seconds.
#include <imgui.h>
#include <imgui_internal.h>  // ImGuiContext::WithinFrameScope, ErrorCheckEndFrameRecover

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/app.h"

namespace kiosk::app {
namespace {

constexpr double kRetryAfter = 5.0;          // seconds on the fallback screen before a normal frame is tried
constexpr size_t kMaxLoggedFailures = 16;    // distinct messages logged; bounds the log on a broken build

bool in_atlas(const ImFont* font) {
    if (font == nullptr) return false;
    const ImVector<ImFont*>& fonts = ImGui::GetIO().Fonts->Fonts;
    return std::find(fonts.begin(), fonts.end(), font) != fonts.end();
}

// Lines of `text` no wider than `width` at `size`, split at spaces as ImGui wraps.
std::vector<std::string> wrap(const ImFont* font, float size, const std::string& text, float width) {
    std::vector<std::string> lines;
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    while (begin < end) {
        const char* stop = font->CalcWordWrapPositionA(size / font->FontSize, begin, end, width);
        if (stop <= begin) stop = begin + 1;  // a word wider than the line: ImGui returns it whole or not at all
        std::string line(begin, stop);
        while (!line.empty() && line.back() == ' ') line.pop_back();
        if (!line.empty()) lines.push_back(std::move(line));
        begin = stop;
        while (begin < end && *begin == ' ') ++begin;
    }
    return lines;
}

}  // namespace

bool App::engine_title(ImDrawList* draw_list, const std::string& title, float column, const FrameSize& size, float& y) {
    // Only with the real fonts, an atlas texture, and an engine that sets the title without fault;
    // anything thrown on the way leaves it to ImGui.
    if (laid_out_for_.width == 0 || !uploader_ || glyph_texture_ == 0) return false;
    try {
        const views::TextPainter text = painter();
        if (!text.atlas) return false;
        const layout::FontRole role = layout::FontRole::Headline;
        const std::vector<layout::LineOfRuns> lines = text.lines(title, role, column);
        bool engine_set = !lines.empty();
        for (const layout::LineOfRuns& line : lines)
            for (const layout::PlacedRun& run : line.runs) {
                engine_set = engine_set && !run.glyphs.empty();
                for (const layout::RunGlyph& glyph : run.glyphs)
                    glyph_atlas_.glyph({glyph.face, glyph.glyph, text::GlyphAtlas::em_size_key(run.em_size)});
            }
        if (!engine_set) return false;  // the engine could not set it: ImGui's path says so plainly
        upload_glyphs();                // before any quad: its rows are final for this frame
        const float line_height = std::round(fonts_.metrics[role].size * 1.2f);
        const float block = line_height * static_cast<float>(lines.size());
        y = std::round((static_cast<float>(size.height) - block) * 0.45f);
        const float width = static_cast<float>(size.width);
        for (const layout::LineOfRuns& line : lines) {
            const float x = std::round(layout::line_x(line.width, 0.0f, width, layout::Align::Centre, false));
            text.draw_line(draw_list, line, x, text.centred_baseline(role, y, line_height), views::pack(theme().text));
            y += line_height;
        }
        return true;
    } catch (...) {
        return false;
    }
}

void App::close_abandoned_frame() {
    if (imgui_->WithinFrameScope) {
        // An exception left the frame open, perhaps with pushed state: close it the way ImGui's
        // own error recovery does, so the next NewFrame starts clean.
        ImGui::ErrorCheckEndFrameRecover(nullptr);
        ImGui::EndFrame();
    }
}

ImDrawData* App::fallback_frame(const FrameSize& size, double now, const std::string& what) {
    ++failed_frames_;
    last_failure_ = what;
    dirty_ = false;
    retry_at_ = now + kRetryAfter;
    if (std::find(logged_failures_.begin(), logged_failures_.end(), what) == logged_failures_.end() &&
        logged_failures_.size() < kMaxLoggedFailures) {
        logged_failures_.push_back(what);
        std::fprintf(stderr, "kiosk: error FrameFailed: drawing a frame failed (%s); showing the title until a frame "
                             "draws again\n", what.c_str());
    }

    close_abandoned_frame();
    ImGuiIO& io = ImGui::GetIO();
    ImFont* font = fonts_[layout::FontRole::Headline];
    float font_size = panel_.role_sizes[static_cast<int>(layout::FontRole::Headline)];
    if (!io.Fonts->IsBuilt() || !in_atlas(font)) {
        // The atlas itself is what failed: ImGui's built-in font still shows the title's letters.
        io.Fonts->Clear();
        font = io.Fonts->AddFontDefault();
        io.Fonts->Build();
        font_size = 2.0f * font->FontSize;
        fonts_ = views::Fonts{};
        laid_out_for_ = FrameSize{0, 0, 0.0f};  // the next normal frame builds the real fonts again
        fonts_changed_ = true;
    }
    if (font_size <= 0.0f) font_size = font->FontSize;
    io.DisplaySize = ImVec2(static_cast<float>(size.width), static_cast<float>(size.height));
    io.DeltaTime = 1.0f / 60.0f;
    last_frame_time_ = now;
    ImGui::NewFrame();

    const views::Theme& theme = this->theme();
    ImDrawList* draw_list = ImGui::GetBackgroundDrawList();
    const float width = static_cast<float>(size.width);
    const float column = std::min(width * 0.8f, panel_.column_width > 0.0f ? panel_.column_width : width * 0.8f);
    const std::string title = bundle_.manifest.title.empty() ? std::string("\xE2\x80\x94") : bundle_.manifest.title;
    const float line_height = std::round(font_size * 1.2f);
    float y = 0.0f;
    if (!engine_title(draw_list, title, column, size, y)) {
        // The last resort, whatever failed: ImGui's own text (a script it cannot set shows as "?").
        const std::vector<std::string> lines = wrap(font, font_size, title, column);
        const float block = line_height * static_cast<float>(lines.size());
        y = std::round((static_cast<float>(size.height) - block) * 0.45f);
        for (const std::string& line : lines) {
            const ImVec2 extent = font->CalcTextSizeA(font_size, column, 0.0f, line.c_str());
            const float x = std::round((width - extent.x) * 0.5f);
            draw_list->AddText(font, font_size, ImVec2(x, y), views::pack(theme.text), line.c_str());
            y += line_height;
        }
    }
    const float rule_width = std::round(std::min(column, width) * 0.25f);
    const float rule_y = std::round(y + line_height * 0.5f);
    const float thickness = std::max(1.0f, std::round(panel_.mm * 0.3f));
    draw_list->AddRectFilled(ImVec2(std::round((width - rule_width) * 0.5f), rule_y),
                             ImVec2(std::round((width + rule_width) * 0.5f), rule_y + thickness), views::pack(theme.rule));
    ImGui::Render();
    stats_ = FrameStats{};
    ++frames_drawn_;
    return ImGui::GetDrawData();
}

}  // namespace kiosk::app
