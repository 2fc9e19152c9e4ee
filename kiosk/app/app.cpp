#include "app/app.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "views/article_view.h"

namespace kiosk::app {

using platform::EventType;
using platform::Key;

App::App(content::Bundle bundle) : bundle_(std::move(bundle)) {
    imgui_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(imgui_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the kiosk never writes: no imgui.ini
    io.LogFilename = nullptr;
    ImGui::StyleColorsDark();
    codepoints_ = views::role_codepoints(bundle_, "");
    std::string body;
    for (const content::Block& block : bundle_.article)
        if (block.kind == content::BlockKind::Paragraph) body += content::block_text(block);
    average_char_em_ = views::average_char_em(body);
}

App::~App() {
    if (imgui_) ImGui::DestroyContext(imgui_);
}

float App::viewport_height() const { return static_cast<float>(laid_out_for_.height); }

float App::line_step() const { return std::round(panel_.body_size * layout::ArticleLayoutParams{}.body_leading); }

void App::relayout(const FrameSize& size, double now) {
    layout::PanelParams params;
    params.width = size.width;
    params.height = size.height;
    params.dpi = size.dpi;
    params.average_char_em = average_char_em_;
    panel_ = layout::panel_layout(params);
    std::string error;
    if (!views::build_fonts(panel_, codepoints_, fonts_, &error)) std::fprintf(stderr, "kiosk: %s\n", error.c_str());
    fonts_changed_ = true;
    layout::ArticleLayoutParams article_params;
    article_params.column_width = panel_.column_width;
    article_ = layout::layout_article(bundle_.article, fonts_.metrics, article_params);
    laid_out_for_ = size;
    const float padding_top = panel_.margin * 1.5f;
    const float padding_bottom = static_cast<float>(size.height) * 0.25f;
    scroll_.set_limit(views::max_scroll(article_, viewport_height(), padding_top, padding_bottom), now);
    if (pending_scroll_ >= 0.0f) {
        scroll_.jump_to(pending_scroll_, now);
        pending_scroll_ = -1.0f;
    }
}

void App::scroll_to(float position, double now) {
    if (laid_out_for_.width == 0) pending_scroll_ = position;
    else scroll_.jump_to(position, now);
    dirty_ = true;
}

void App::handle(const platform::InputEvent& event, double now) {
    dirty_ = true;
    const float page = std::max(line_step(), viewport_height() * 0.85f);
    switch (event.type) {
        case EventType::PointerDown:
            dragging_ = true;
            drag_start_y_ = event.y;
            drag_start_scroll_ = scroll_.position(now);
            break;
        case EventType::PointerMove:
            if (dragging_) scroll_.jump_to(drag_start_scroll_ - (event.y - drag_start_y_), now);
            break;
        case EventType::PointerUp: dragging_ = false; break;
        case EventType::Wheel: scroll_.ease_by(-event.wheel_y * line_step() * 3.0f, now); break;
        case EventType::KeyDown:
            switch (event.key) {
                case Key::Down: scroll_.ease_by(line_step() * 2.0f, now); break;
                case Key::Up: scroll_.ease_by(-line_step() * 2.0f, now); break;
                case Key::PageDown: scroll_.ease_by(page, now); break;
                case Key::Space: scroll_.ease_by(event.shift ? -page : page, now); break;
                case Key::PageUp: scroll_.ease_by(-page, now); break;
                case Key::Home: scroll_.ease_to(0.0f, now); break;
                case Key::End: scroll_.ease_to(scroll_.limit(), now); break;
                default: break;
            }
            break;
        case EventType::CloseRequested: quit_requested_ = true; break;
        case EventType::KeyUp: break;
    }
}

double App::next_frame_due(double now) const {
    if (dirty_ || scroll_.moving(now)) return now;
    return kNever;
}

bool App::take_fonts_changed() {
    const bool changed = fonts_changed_;
    fonts_changed_ = false;
    return changed;
}

ImDrawData* App::frame(const FrameSize& size, double now) {
    ImGui::SetCurrentContext(imgui_);
    if (size.width != laid_out_for_.width || size.height != laid_out_for_.height || size.dpi != laid_out_for_.dpi)
        relayout(size, now);
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(size.width), static_cast<float>(size.height));
    io.DeltaTime = last_frame_time_ < 0.0 ? 1.0f / 60.0f : std::max(1e-4f, static_cast<float>(now - last_frame_time_));
    last_frame_time_ = now;
    ImGui::NewFrame();

    const views::Theme& theme = views::dark_theme();
    ImDrawList* draw_list = ImGui::GetBackgroundDrawList();
    views::ArticleViewParams params;
    params.viewport = {0.0f, 0.0f, static_cast<float>(size.width), static_cast<float>(size.height)};
    params.column_x = panel_.column_x;
    params.scroll = scroll_.position(now);
    params.padding_top = panel_.margin * 1.5f;
    params.padding_bottom = static_cast<float>(size.height) * 0.25f;
    params.indicator_width = std::max(3.0f, std::round(panel_.mm * 1.2f));
    const views::ArticleDrawStats article_stats = views::draw_article(draw_list, article_, fonts_, theme, params);

    ImGui::Render();
    ImDrawData* draw_data = ImGui::GetDrawData();
    stats_ = FrameStats{};
    stats_.runs_drawn = article_stats.runs_drawn;
    stats_.vertices = draw_data->TotalVtxCount;
    for (int i = 0; i < draw_data->CmdListsCount; ++i) stats_.draw_calls += draw_data->CmdLists[i]->CmdBuffer.Size;
    ++frames_drawn_;
    dirty_ = false;
    return draw_data;
}

}  // namespace kiosk::app
