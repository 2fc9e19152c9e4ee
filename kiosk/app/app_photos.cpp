// The App's photographs: decodes asked for near the viewport, textures up and down, and the
// full-screen view a tap opens (picture fitted whole, then caption, credit and alt text, and a
// Close button at the lower end corner, clear of them).
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/app.h"
#include "app/photo_store.h"

namespace kiosk::app {

void App::set_photo_wake(std::function<void()> wake) { photos_->set_on_decoded(std::move(wake)); }

void App::wait_for_photos() { photos_->wait_idle(); }

void App::update_photos(float view_top, float view_bottom) {
    // While one is open full screen, only it is asked for, at its full-screen size (the article
    // under it keeps what it has; asking for both sizes would decode the picture every frame).
    std::vector<layout::PlacedFigure> open;
    if (photo_open_ >= 0) {
        layout::PlacedFigure figure = photo_geometry_;
        figure.block = static_cast<size_t>(photo_open_);
        figure.x = figure.y = 0.0f;
        open.push_back(figure);
        view_top = 0.0f;
        view_bottom = figure.height;
    }
    PhotoUploader upload;
    if (uploader_)
        upload = [this](int width, int height, const uint8_t* rgba, uintptr_t replace) {
            // Clamp-to-edge and no mipmaps (the uploader's way): GLES 2 draws any size so.
            return uploader_(width, height, rgba, platform::TextureFilter::Linear, replace);
        };
    if (photos_->update(photo_open_ >= 0 ? open : article_.figures, view_top, view_bottom, upload)) dirty_ = true;
}

std::vector<views::FigureShow> App::figure_shows() const {
    std::vector<views::FigureShow> shows;
    shows.reserve(article_.figures.size());
    for (const layout::PlacedFigure& figure : article_.figures) {
        const PhotoState state = photos_->state(figure.block);
        shows.push_back(views::FigureShow{state.status == PhotoStatus::Shown ? state.texture : 0,
                                          state.status == PhotoStatus::Broken});
    }
    return shows;
}

void App::open_photo(size_t block) {
    if (block >= bundle_.article.size() || bundle_.article[block].kind != content::BlockKind::Figure) return;
    photo_open_ = static_cast<int>(block);
    layout_photo();
    dirty_ = true;
}

void App::layout_photo() {
    photo_text_ = layout::ArticleLayout{};
    photo_close_ = photo_text_box_ = {};
    photo_geometry_ = {};
    if (photo_open_ < 0 || laid_out_for_.width == 0) return;
    const content::Block& block = bundle_.article[static_cast<size_t>(photo_open_)];
    // Caption, credit and the alt text (the picture's description), set like the article.
    std::vector<content::Block> blocks;
    content::Block caption;
    caption.kind = content::BlockKind::Paragraph;
    caption.spans = block.spans;
    if (!caption.spans.empty()) blocks.push_back(std::move(caption));
    for (const std::string* text : {&block.figure.credit, &block.figure.alt}) {
        if (text->empty()) continue;
        content::Block line;
        line.kind = text == &block.figure.credit ? content::BlockKind::Credit : content::BlockKind::Paragraph;
        line.spans.push_back(content::Span{*text, text == &block.figure.alt ? content::SpanStyle::Emphasis
                                                                           : content::SpanStyle::Regular, 0, {}});
        blocks.push_back(std::move(line));
    }
    layout::ArticleLayoutParams params;
    params.column_width = panel_.column_width;
    params.text_engine = true;
    params.language = bundle_.manifest.language;
    photo_text_ = layout::layout_article(blocks, fonts_.metrics, params);

    // The Close button first, where the citation card ends with its Close (mirrored right to left).
    const float width = static_cast<float>(laid_out_for_.width), height = static_cast<float>(laid_out_for_.height);
    const float margin = panel_.margin;
    const views::TextPainter text = painter();
    views::PhotoCloseParams close;
    close.width = width;
    close.height = height;
    close.margin = margin;
    close.row_height = close_row_height();
    close.min_target = target_pixels();
    close.word_width = text.width_of(bundle_.labels.close, layout::FontRole::Ui);
    close.rtl = text.rtl();
    photo_close_ = views::photo_close_layout(close);

    // The picture whole in what the text leaves, then the text under it (down to `text_limit`);
    // the two together centred between the top margin and `bottom`.
    const float gap = std::round(panel_.body_size);
    const content::Figure& figure = block.figure;
    const float w = figure.width > 0 ? static_cast<float>(figure.width) : 3.0f;
    const float h = figure.height > 0 ? static_cast<float>(figure.height) : 2.0f;
    const auto place = [&](float bottom, float text_limit) {
        const float room = std::max(1.0f, bottom - margin);
        const float text_height = std::min(photo_text_.height, (room + 2.0f * margin) * 0.45f);
        const float area_height = std::max(1.0f, room - gap - text_height);
        const float area_width = std::max(1.0f, width - 2.0f * margin);
        const float scale = std::min(area_width / w, area_height / h);
        photo_geometry_ = layout::PlacedFigure{};
        photo_geometry_.width = std::max(1.0f, std::round(w * scale));
        photo_geometry_.height = photo_geometry_.band_height = std::max(1.0f, std::round(h * scale));
        photo_geometry_.x = std::round((width - photo_geometry_.width) * 0.5f);
        photo_geometry_.y = std::round(margin + (room - (photo_geometry_.height + gap + text_height)) * 0.5f);
        const float text_top = photo_geometry_.y + photo_geometry_.height + gap;
        photo_text_box_ = {panel_.column_x, text_top, panel_.column_width, std::max(0.0f, text_limit - text_top)};
    };
    // On the whole screen when the button sits beside both the picture and the column (a wide
    // panel: the picture keeps all its size); else above the button, so that it covers no word
    // of the caption or credit and no part of the picture on any panel.
    place(height - margin, height);
    const layout::Box air{photo_close_.x - gap, photo_close_.y - gap, photo_close_.width + 2.0f * gap,
                          photo_close_.height + 2.0f * gap};
    if (air.overlaps(photo_text_box_) || air.overlaps(photo_picture_box())) {
        const float above = std::max(margin + 1.0f, photo_close_.y - gap);
        place(above, above);
    }
}

void App::draw_photo(ImDrawList* draw_list, const FrameSize& size) {
    const views::Theme& theme = this->theme();
    const float width = static_cast<float>(size.width), height = static_cast<float>(size.height);
    draw_list->AddRectFilled(ImVec2(0, 0), ImVec2(width, height), views::pack(theme.background));
    const PhotoState state = photos_->state(static_cast<size_t>(photo_open_));
    const ImVec2 min(photo_geometry_.x, photo_geometry_.y);
    const ImVec2 max(min.x + photo_geometry_.width, min.y + photo_geometry_.height);
    if (state.status == PhotoStatus::Shown) {
        draw_list->AddImage(reinterpret_cast<ImTextureID>(state.texture), min, max);
    } else {
        draw_list->AddRectFilled(min, max, views::pack(theme.rule, 0.14f));
        if (state.status == PhotoStatus::Broken) draw_list->AddRect(min, max, views::pack(theme.rule, 0.6f));
    }

    views::ArticleViewParams params;
    params.viewport = views::Rect{0.0f, photo_text_box_.y, width, photo_text_box_.height};  // ends above the Close
    params.column_x = panel_.column_x;
    params.indicator_width = 0.0f;
    const views::TextPainter text = painter();
    params.atlas = text.atlas;
    params.atlas_texture = text.texture;
    views::draw_article(draw_list, photo_text_, fonts_, theme, params);
    views::draw_photo_close(draw_list, text, theme, photo_close_, bundle_.labels.close, pressed_ == Pressed::PhotoClose);
}

}  // namespace kiosk::app
