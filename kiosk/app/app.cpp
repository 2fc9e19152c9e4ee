// The App's state, layouts and frames. Input handling is in app_input.cpp.
#include "app/app.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <utility>

#include "app/photo_store.h"
#include "views/article_view.h"
#include "views/memorial_view.h"
#include "views/sources_view.h"
#include "views/tab_bar.h"
#include "views/visitor_controls.h"

namespace kiosk::app {

namespace {

constexpr int kTabCount = 3;           // article, memorial, sources (view_index order)

// What ImGui's atlas must hold to draw the interface when the text engine cannot.
std::string interface_text(const content::Labels& words) {
    return "? " + views::visitor_controls_text(words) + views::operator_view_text();
}

// The mean advance of the article's running text, in ems (what sets the measure).
float body_char_em(const content::Bundle& bundle) {
    std::string body;
    for (const content::Block& block : bundle.article)
        if (block.kind == content::BlockKind::Paragraph) body += content::block_text(block);
    return views::average_char_em(body);
}

}  // namespace

App::App(content::Bundle bundle, AppParams params) : params_(params), photos_(std::make_unique<PhotoStore>()) {
    imgui_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(imgui_);
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the kiosk never writes: no imgui.ini
    io.LogFilename = nullptr;
    ImGui::StyleColorsDark();
    adopt(in_language_or_default(std::move(bundle), params_.language));
    start_language_ = bundle_.manifest.language;
    view_ = params_.view;
    view_opened_at_ = params_.opened_at;

    // The settings: touch, idle, the visitor's starting choices, the operator's PIN.
    const KioskConfig& config = params_.config;
    TouchParams touch;
    touch.tap_slop_mm = static_cast<float>(config.touch.tap_slop_mm);
    touch.long_press_s = static_cast<float>(config.touch.long_press_s);
    touch.jump_mm = static_cast<float>(config.touch.jump_mm);
    touch_.set_params(touch);
    access_.text_steps = views::kTextSizeSteps;
    access_.text_step = std::clamp(config.accessibility.text_size, 0, views::kTextSizeSteps - 1);
    access_.high_contrast = config.accessibility.high_contrast;
    access_.reduced_motion = config.accessibility.reduced_motion;
    OperatorGestureParams gesture;
    gesture.hold_s = config.op.hold_s;
    operator_gesture_.set_params(gesture);
    PinLockParams pin;
    pin.free_tries = config.op.free_tries;
    pin.first_wait_s = config.op.first_wait_s;
    pin.max_wait_s = config.op.max_wait_s;
    operator_ = OperatorOverlay(PinLock(config.op.pin, pin));
    apply_motion_settings(params_.opened_at);
}

// Everything derived from the bundle alone: glyphs, the measure, QR codes and their pictures.
void App::adopt(content::Bundle bundle) {
    bundle_ = std::move(bundle);
    text_cache_.clear();               // another bundle: other words, perhaps another language
    photos_->reset(bundle_.origin, bundle_.article);
    photo_open_ = -1;
    std::string names;                 // the language switch names the other languages in their own scripts
    for (const content::Bundle& translation : bundle_.translations) names += " " + translation.labels.language_name;
    codepoints_ = views::role_codepoints(bundle_, interface_text(bundle_.labels) + names);
    average_char_em_ = body_char_em(bundle_);
    // The language whose letters are narrowest gets the largest type on a given panel: the language
    // switch is sized for it, so it stays put whichever language is shown.
    switch_char_em_ = average_char_em_;
    for (const content::Bundle& translation : bundle_.translations)
        switch_char_em_ = std::min(switch_char_em_, body_char_em(translation));
    engine_error_said_ = false;

    // QR codes for the addresses curators gave: encoded once, one pixel a module, scaled when drawn.
    codes_.clear();
    for (const content::Source& source : bundle_.sources) {
        codes_.push_back(views::encode_qr(source.url));
        if (!source.url.empty() && codes_.back().empty())
            std::fprintf(stderr, "kiosk: the address of source '%s' is too long for a QR code; it shows as text only\n",
                         source.id.c_str());
    }
    build_pictures();
}

void App::set_bundle(content::Bundle bundle, double now) {
    // A visitor reading a translation keeps reading it, when the new bundle still has it.
    if (bundle.manifest.language != bundle_.manifest.language) {
        bool found = false;
        content::Bundle same = content::in_language(bundle, bundle_.manifest.language, &found);
        if (found) bundle = std::move(same);
    }
    show_bundle(std::move(bundle), now);
}

void App::show_bundle(content::Bundle bundle, double now) {
    if (laid_out_for_.width != 0) {
        pending_scroll_ = scroll_.position(now);
        pending_scroll_view_ = ViewId::Article;
    }
    close_card();  // it shows a source of the old bundle
    // The new pictures replace the old textures in place, so reloads leave none behind. A source
    // that lost its address keeps no texture id: nothing old may show beside the new text.
    const uintptr_t field_id = field_texture_.id;
    std::vector<uintptr_t> code_ids;
    for (const Texture& texture : code_textures_) code_ids.push_back(texture.id);
    adopt(std::move(bundle));
    field_texture_.id = field_id;
    for (size_t i = 0; i < code_textures_.size() && i < code_ids.size(); ++i)
        if (code_textures_[i].pending) code_textures_[i].id = code_ids[i];
    laid_out_for_ = FrameSize{0, 0, 0.0f};  // the next frame lays out and builds the fonts anew
    dirty_ = true;
}

App::~App() {
    if (imgui_) ImGui::DestroyContext(imgui_);
}

void App::set_texture_uploader(TextureUploader uploader) {
    uploader_ = std::move(uploader);
    photos_->forget_textures();
    // A new surface after another gets every picture anew: the old textures went with the old one,
    // and the CPU copies went once uploaded. The first surface finds the pictures built while laying
    // out still waiting, and building them again would only delay the first frame.
    if (pictures_uploaded_) build_pictures();
    pictures_uploaded_ = false;
    glyph_texture_ = 0;                // the glyph atlas too: uploaded again on the next frame
    glyph_texture_version_ = 0;
    dirty_ = true;
}

void App::build_pictures() {
    field_texture_ = Texture{};
    field_texture_.image = views::build_mark_field(memorial_.field);
    field_texture_.pending = !field_texture_.image.empty();
    const views::Theme& theme = views::dark_theme();
    code_textures_.clear();
    for (const views::QrCode& code : codes_) {
        Texture texture;
        texture.image = views::qr_image(code, layout::QrSizeParams{}.quiet_modules, theme.background, theme.text);
        texture.pending = !texture.image.empty();
        code_textures_.push_back(std::move(texture));
    }
}

float App::viewport_height() const {
    return std::max(1.0f, static_cast<float>(laid_out_for_.height) - panel_.top_bar);
}

float App::line_step() const { return std::round(panel_.body_size * layout::ArticleLayoutParams{}.body_leading); }

namespace {
float article_padding_top(const layout::Panel& panel) { return panel.margin * 1.25f; }
float article_padding_bottom(int height) { return static_cast<float>(height) * 0.25f; }
float sources_padding_top(const layout::Panel& panel) { return panel.margin * 1.25f; }
// `switch_room`: what the language switch takes along the bottom edge; the last entry can be
// scrolled clear of it.
float sources_padding_bottom(const layout::Panel& panel, float switch_room) { return panel.margin * 2.0f + switch_room; }
}  // namespace

float App::article_origin_y(double now) const {
    return std::round(panel_.top_bar + article_padding_top(panel_) - scroll_.position(now));
}

void App::relayout(const FrameSize& size, double now) {
    layout::PanelParams params;
    params.width = size.width;
    params.height = size.height;
    params.dpi = size.dpi;
    params.average_char_em = average_char_em_;
    params.text_scale = views::text_scale_for_step(access_.text_step);
    panel_ = layout::panel_layout(params);
    std::string error;
    if (!views::build_fonts(panel_, codepoints_, fonts_, &error)) std::fprintf(stderr, "kiosk: %s\n", error.c_str());
    fonts_changed_ = true;
    layout::ArticleLayoutParams article_params;
    article_params.column_width = panel_.column_width;
    article_params.text_engine = true;
    article_params.language = bundle_.manifest.language;
    // The viewport less a little room, so a picture and its caption can be seen whole at once
    // (viewport_height() still has the old size here).
    article_params.figure_max_height = std::round((static_cast<float>(size.height) - panel_.top_bar) * 0.92f);
    article_ = layout::layout_article(bundle_.article, fonts_.metrics, article_params);
    if (!article_.engine_error.ok() && !engine_error_said_) {
        std::fprintf(stderr, "kiosk: the text engine cannot set part of the article (%s: %s); ImGui's fonts set it\n",
                     std::string(text::text_error_name(article_.engine_error.code)).c_str(),
                     article_.engine_error.detail.c_str());
        engine_error_said_ = true;
    }
    glyph_atlas_.clear();              // glyphs of the old sizes are never drawn again
    laid_out_for_ = size;
    laid_out_step_ = access_.text_step;
    TouchParams touch = touch_.params();
    touch.px_per_mm = panel_.mm;
    touch_.set_params(touch);
    KineticParams kinetic = scroll_.params();
    kinetic.stop_speed = 5.0f * panel_.mm;           // 5 mm/s: slower than that reads as stopped
    kinetic.rubber_extent = std::max(1.0f, viewport_height() * 0.5f);
    kinetic.max_overshoot = std::round(std::min(viewport_height() * 0.12f, 25.0f * panel_.mm));
    scroll_.set_params(kinetic, now);
    sources_scroll_.set_params(kinetic, now);

    const float width = static_cast<float>(size.width), height = static_cast<float>(size.height);
    const bool rtl = text_setting().rtl();
    direction_rtl_ = rtl;
    access_layout_ = views::access_layout(panel_, width, height, target_pixels(), rtl);
    idle_card_ = views::idle_card_layout(panel_, width, height, target_pixels());
    pin_pad_ = views::pin_pad_layout(panel_, width, height, target_pixels());
    facts_ = views::facts_layout(panel_, width, height, target_pixels());
    layout_language_switch(size);

    // Tabs share the text column's width, never get narrower than a finger, and leave the top
    // right corner to the accessibility button.
    const float gap = std::round(panel_.mm * 1.5f);
    // Computed as for a left-to-right page (the button's right-hand place), then mirrored.
    const float right_limit = (rtl ? width - access_layout_.button.x - access_layout_.button.width : access_layout_.button.x) - gap;
    float tabs_width = std::min(width, std::max(panel_.column_width, 3.0f * 3.0f * target_pixels()));
    float tabs_left = std::round((width - tabs_width) * 0.5f);
    if (tabs_left + tabs_width > right_limit) {
        tabs_left = std::max(gap, std::min(tabs_left, right_limit - tabs_width));
        tabs_width = right_limit - tabs_left;
    }
    tabs_ = layout::tab_boxes(kTabCount, tabs_left, tabs_width, panel_.top_bar);
    if (rtl) {
        // The page mirrored: the first view's tab at the right, the bar clear of the Aa button at the left.
        for (layout::Box& box : tabs_) box.x = width - box.x - box.width;
    }

    scroll_.set_limit(views::max_scroll(article_, viewport_height(), article_padding_top(panel_),
                                        article_padding_bottom(size.height)),
                      now);

    layout::MemorialLayoutParams memorial_params;
    memorial_params.y = panel_.top_bar;
    memorial_params.width = static_cast<float>(size.width);
    memorial_params.height = viewport_height() - language_switch_room();  // no mark hidden under the switch
    memorial_params.margin = panel_.margin;
    memorial_params.column_width = panel_.column_width;
    memorial_params.language = bundle_.manifest.language;
    memorial_params.text_engine = true;
    memorial_params.cache = &text_cache_;
    memorial_ = layout::layout_memorial(bundle_.memorial, fonts_.metrics, memorial_params);
    const uintptr_t field_id = field_texture_.id;  // overwritten in place: no texture left behind
    field_texture_ = Texture{};
    field_texture_.id = field_id;
    field_texture_.image = views::build_mark_field(memorial_.field);
    field_texture_.pending = !field_texture_.image.empty();

    // The list keeps the article's measure for its words; codes sit beside them when the panel has room.
    std::vector<float> code_sides;
    float widest_code = 0.0f;
    for (const views::QrCode& code : codes_) {
        code_sides.push_back(layout::qr_side_pixels(code.modules, panel_.mm));
        widest_code = std::max(widest_code, code_sides.back());
    }
    layout::SourcesLayoutParams sources_params;
    sources_params.text_engine = true;
    sources_params.language = bundle_.manifest.language;
    sources_params.cache = &text_cache_;
    const float code_room = widest_code > 0.0f ? widest_code + std::round(panel_.body_size * sources_params.code_gap) : 0.0f;
    sources_params.column_width =
        std::max(panel_.column_width, std::min(panel_.column_width + code_room, size.width - 2.0f * panel_.margin));
    sources_x_ = std::round((size.width - sources_params.column_width) * 0.5f);
    sources_ = layout::layout_sources(bundle_.sources, code_sides, fonts_.metrics, sources_params);
    sources_scroll_.set_limit(views::max_scroll(sources_.text, viewport_height(), sources_padding_top(panel_),
                                                sources_padding_bottom(panel_, language_switch_room())),
                              now);
    if (pending_scroll_ >= 0.0f) {
        // After both limits are set: a position past the end stops at the end.
        if (KineticScroll* scroll = scroll_of(pending_scroll_view_)) scroll->jump_to(pending_scroll_, now);
        pending_scroll_ = -1.0f;
    }
    restore_block(now);                // after a change of language: the same paragraph at the top
    layout_card();
    layout_photo();
}

void App::layout_language_switch(const FrameSize& size) {
    language_switch_ = {};
    if (bundle_.translations.empty()) return;
    // Sized with the largest interface type any of the bundle's languages gets on this panel, and
    // every language's name, so it is the same rectangle in each language.
    layout::PanelParams params;
    params.width = size.width;
    params.height = size.height;
    params.dpi = size.dpi;
    params.text_scale = views::text_scale_for_step(access_.text_step);
    params.average_char_em = switch_char_em_;
    views::LanguageSwitchParams switch_params;
    switch_params.ui_size = layout::panel_layout(params).role_sizes[static_cast<int>(layout::FontRole::Ui)];
    switch_params.width = static_cast<float>(size.width);
    switch_params.height = static_cast<float>(size.height);
    switch_params.mm = panel_.mm;
    switch_params.min_target = target_pixels();
    switch_params.margin = panel_.margin;
    switch_params.buttons = static_cast<int>(bundle_.translations.size());
    const float ui_now = std::max(1.0f, fonts_.metrics[layout::FontRole::Ui].size);
    views::TextPainter own = painter();
    const auto widen = [&](const content::Bundle& language) {
        own.setting.language = language.manifest.language;
        const float measured = own.width_of(language.labels.language_name, layout::FontRole::Ui);
        switch_params.widest_name = std::max(switch_params.widest_name, measured * switch_params.ui_size / ui_now);
    };
    widen(bundle_);
    for (const content::Bundle& translation : bundle_.translations) widen(translation);
    language_switch_ = views::language_switch_layout(switch_params);
}

float App::language_switch_room() const {
    if (language_switch_.buttons.empty()) return 0.0f;
    return std::max(0.0f, static_cast<float>(laid_out_for_.height) - language_switch_.buttons[0].y);
}

bool App::language_switch_shown(double now) const {
    // Not over a citation card, a photograph or the operator's screens; not in the attract loop
    // (the touch that ends it is not passed on).
    return !language_switch_.buttons.empty() && card_source_ == 0 && photo_open_ < 0 &&
           operator_.screen(now) == OperatorScreen::Closed && idle_.status(now).phase != IdlePhase::Attract;
}

void App::layout_card() {
    if (card_source_ == 0 || laid_out_for_.width == 0) return;
    const float padding = std::round(panel_.body_size);
    const layout::Box area{panel_.margin, panel_.top_bar + panel_.margin, laid_out_for_.width - 2.0f * panel_.margin,
                           viewport_height() - 2.0f * panel_.margin};
    const float content_width = std::max(1.0f, std::min(sources_.text.width, area.width - 2.0f * padding));
    layout::SourcesLayoutParams params;
    params.column_width = content_width;
    params.text_engine = true;
    params.language = bundle_.manifest.language;
    params.cache = &text_cache_;
    if (card_source_ > 0) {
        const size_t index = static_cast<size_t>(card_source_ - 1);
        card_entry_ = layout::layout_source_entry(bundle_.sources[index], card_source_,
                                                  layout::qr_side_pixels(codes_[index].modules, panel_.mm),
                                                  fonts_.metrics, params);
    } else {
        content::Source unavailable;
        unavailable.who = bundle_.labels.source_unavailable;
        card_entry_ = layout::layout_source_entry(unavailable, 0, 0.0f, fonts_.metrics, params);
    }
    card_geometry_ = layout::place_card(area, content_width, card_entry_.text.height, padding, close_row_height());
}

float App::close_row_height() const {
    // A finger's height at least, and room for its word on large panels.
    return std::max(target_pixels(), std::round(fonts_.metrics[layout::FontRole::Ui].size * 2.2f));
}

bool App::pictures_on_screen() const { return view_ != ViewId::Article || card_source_ != 0; }

bool App::upload_waiting_pictures() {
    const bool waiting = field_texture_.pending || std::any_of(code_textures_.begin(), code_textures_.end(),
                                                                [](const Texture& texture) { return texture.pending; });
    if (!waiting || !uploader_) return false;
    upload_pending_textures();
    return true;
}

void App::upload_pending_textures() {
    if (!uploader_) return;
    const auto upload = [&](Texture& texture) {
        if (!texture.pending) return;
        texture.id = uploader_(texture.image.width, texture.image.height, texture.image.rgba.data(), texture.filter,
                               texture.id);
        texture.pending = false;  // uploaded, or refused (said once by the platform): not retried every frame
        texture.image = {};       // the GPU has it now
        pictures_uploaded_ = true;
    };
    upload(field_texture_);
    for (Texture& texture : code_textures_) upload(texture);
}

void App::upload_glyphs(bool even_unchanged) {
    if (!uploader_ || (!even_unchanged && glyph_atlas_.version() == glyph_texture_version_)) return;
    // White, with the glyph's coverage as alpha: the vertex colour gives each role its colour.
    const std::vector<uint8_t>& coverage = glyph_atlas_.pixels();
    std::vector<uint8_t> rgba(coverage.size() * 4, 255);
    for (size_t i = 0; i < coverage.size(); ++i) rgba[i * 4 + 3] = coverage[i];
    // Linear like ImGui's own font atlas, though glyph quads sit on whole pixels and sample texel
    // centres (the same pixels as Nearest): llvmpipe compiles a shader variant per sampling mode,
    // and a second one cost about 40 ms of the first frame's CPU here (issue 14).
    glyph_texture_ = uploader_(glyph_atlas_.width(), glyph_atlas_.height(), rgba.data(), platform::TextureFilter::Linear,
                               glyph_texture_);
    glyph_texture_version_ = glyph_atlas_.version();  // refused (0): ImGui's text instead, not retried every frame
}

void App::scroll_to(float position, double now) {
    KineticScroll* scroll = scroll_of(view_);
    if (!scroll) return;                // the memorial fits its page: nothing to scroll
    if (laid_out_for_.width == 0) {
        pending_scroll_ = position;
        pending_scroll_view_ = view_;
    } else {
        scroll->jump_to(position, now);
    }
    dirty_ = true;
}

void App::show(ViewId view, double now) {
    view_ = view;
    view_opened_at_ = now;
    card_source_ = 0;
    dirty_ = true;
}

void App::open_card(int source, double /*now*/) {
    if (source != layout::kUnknownCitation && (source <= 0 || source > static_cast<int>(bundle_.sources.size()))) return;
    card_source_ = source;
    layout_card();
    dirty_ = true;
}

void App::close_card() {
    card_source_ = 0;
    dirty_ = true;
}

int64_t App::counter_value(double now) const {
    return app::counter_value(bundle_.memorial.figure, now - view_opened_at_, counter_);
}

double App::next_frame_due(double now) const {
    if (dirty_ || scroll_.moving(now) || sources_scroll_.moving(now) || photos_->results_waiting()) return now;
    if (started_at_ < 0.0) return now;
    double due = retry_at_ <= now ? now : retry_at_;  // after a failed frame, a normal one is tried again
    if (view_ == ViewId::Memorial) {
        // Still while the view settles, every frame while counting, and one last frame at the figure.
        const double end = view_opened_at_ + counter_settles_after();
        if (last_frame_time_ < end) {
            const double start = counter_.reduced_motion ? end : view_opened_at_ + counter_.delay_seconds;
            due = std::max(now, std::min(start, end));
        }
    }
    // The card appearing, each second of its countdown, the reset, each view of the attract loop.
    due = std::min(due, idle_.next_change(now));
    const IdleStatus idle = idle_.status(now);
    if (idle.phase == IdlePhase::Prompt && !reduced_motion())
        due = std::min(due, std::max(now, last_frame_time_ + 1.0 / 30.0));  // the ring drains smoothly
    if (idle.phase == IdlePhase::Attract && now < attract_view_since_ + kAttractFadeSeconds) due = now;
    due = std::min(due, operator_.next_change(now));  // its wait counting down, its auto close
    return due;
}

bool App::take_fonts_changed() {
    const bool changed = fonts_changed_;
    fonts_changed_ = false;
    return changed;
}

ImDrawData* App::frame(const FrameSize& size, double now) {
    ImGui::SetCurrentContext(imgui_);
    retry_at_ = kNever;
    try {
        return draw_frame(size, now);
    } catch (const std::exception& error) {
        return fallback_frame(size, now, error.what());
    } catch (...) {
        return fallback_frame(size, now, "an unknown exception");
    }
}

void App::prepare(const FrameSize& size) noexcept {
    try {
        ImGui::SetCurrentContext(imgui_);
        relayout(size, 0.0);
    } catch (...) {
        laid_out_for_ = FrameSize{0, 0, 0.0f};  // the first frame lays out (and shows a failure) itself
        return;
    }
    try {
        draw_unseen_page(size);
    } catch (...) {
        // Only the glyphs are missing: the first frame rasterises them itself.
        drawing_unseen_ = false;
        close_abandoned_frame();
    }
}

// The first page drawn once where nobody sees it, on the layout thread while the surface opens,
// so that its letters are in the glyph atlas before there is a texture to put them in. The first
// frame then uploads the atlas once and draws the page once, instead of growing the atlas and
// drawing the page again (issue 14). ImGui's draw lists of this frame are thrown away.
void App::draw_unseen_page(const FrameSize& size) {
    drawing_unseen_ = true;
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(size.width), static_cast<float>(size.height));
    io.DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    draw_page(size, view_opened_at_);
    ImGui::EndFrame();
    drawing_unseen_ = false;
    // ImGui's atlas as the renderer takes it (RGBA), converted here rather than in the first frame.
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
}

layout::TextSetting App::text_setting() {
    layout::TextSetting setting;
    setting.engine = true;
    setting.language = bundle_.manifest.language;
    setting.cache = &text_cache_;
    return setting;
}

views::TextPainter App::painter() {
    views::TextPainter painter;
    painter.fonts = &fonts_;
    painter.setting = text_setting();
    // Without an uploader no texture can hold the glyphs: ImGui's fonts draw the text.
    if (uploader_ && glyph_texture_ != 0) {
        painter.atlas = &glyph_atlas_;
        painter.texture = glyph_texture_;
    } else if (drawing_unseen_) {
        painter.atlas = &glyph_atlas_;  // the quads go nowhere: any id but 0 draws them from the atlas
        painter.texture = kUnseenTexture;
    }
    return painter;
}

views::ArticleViewParams App::article_view_params(double now) const {
    views::ArticleViewParams params;
    params.viewport = {0.0f, panel_.top_bar, static_cast<float>(laid_out_for_.width), viewport_height()};
    params.column_x = panel_.column_x;
    params.scroll = scroll_.position(now);
    params.padding_top = article_padding_top(panel_);
    params.padding_bottom = article_padding_bottom(laid_out_for_.height);
    params.indicator_width = std::max(3.0f, std::round(panel_.mm * 1.2f));
    params.indicator_at_left = direction_rtl_;
    return params;
}

// Everything a frame shows, into ImGui's background list (between NewFrame and Render).
void App::draw_page(const FrameSize& size, double now) {
    const views::TextPainter text = painter();
    const views::Theme& theme = this->theme();
    ImDrawList* draw_list = ImGui::GetBackgroundDrawList();
    const float width = static_cast<float>(size.width);
    const views::Rect page{0.0f, panel_.top_bar, width, viewport_height()};
    const float indicator_width = std::max(3.0f, std::round(panel_.mm * 1.2f));
    stats_ = FrameStats{};
    switch (view_) {
        case ViewId::Article: {
            views::ArticleViewParams params = article_view_params(now);
            params.atlas = text.atlas;
            params.atlas_texture = text.texture;
            const float view_top = params.scroll - params.padding_top;
            update_photos(view_top, view_top + page.height);
            params.figures = figure_shows();
            stats_.runs_drawn = views::draw_article(draw_list, article_, fonts_, theme, params).runs_drawn;
            break;
        }
        case ViewId::Memorial: {
            views::MemorialViewParams params;
            params.value = counter_value(now);
            params.field_texture = field_texture_.id;
            stats_.field_quads = views::draw_memorial(draw_list, memorial_, text, theme, params).field_quads;
            break;
        }
        case ViewId::Sources: {
            views::ArticleViewParams params;
            params.viewport = page;
            params.column_x = sources_x_;
            params.scroll = sources_scroll_.position(now);
            params.padding_top = sources_padding_top(panel_);
            params.padding_bottom = sources_padding_bottom(panel_, language_switch_room());
            params.indicator_width = indicator_width;
            params.indicator_at_left = text.rtl();
            params.atlas = text.atlas;
            params.atlas_texture = text.texture;
            std::vector<uintptr_t> textures;
            for (const Texture& texture : code_textures_) textures.push_back(texture.id);
            stats_.runs_drawn = views::draw_sources(draw_list, sources_, fonts_, theme, params, textures).runs_drawn;
            break;
        }
    }
    if (card_source_ != 0) {
        views::CardViewParams params;
        params.page = page;
        params.geometry = card_geometry_;
        params.close_label = bundle_.labels.close;
        params.code_texture = card_source_ > 0 ? code_textures_[static_cast<size_t>(card_source_ - 1)].id : 0;
        params.corner_radius = std::round(std::max(panel_.mm * 1.5f, panel_.body_size * 0.3f));
        params.rule_thickness = std::max(1.0f, std::round(panel_.body_size / 24.0f));
        views::draw_citation_card(draw_list, card_entry_, text, theme, params);
    }
    views::TabBarParams bar;
    bar.labels = {bundle_.labels.article, bundle_.labels.memorial, bundle_.labels.sources};
    bar.boxes = tabs_;
    bar.active = view_index(view_);
    bar.width = width;
    bar.height = panel_.top_bar;
    bar.rule_thickness = std::max(1.0f, std::round(panel_.body_size / 24.0f));
    views::draw_tab_bar(draw_list, text, theme, bar);
    if (language_switch_shown(now)) {
        std::vector<views::LanguageChoice> choices;
        for (const content::Bundle& translation : bundle_.translations)
            choices.push_back({translation.manifest.language, translation.labels.language_name});
        views::draw_language_switch(draw_list, text, theme, language_switch_, choices,
                                    pressed_ == Pressed::Language ? pressed_index_ : -1);
    }
    if (photo_open_ >= 0) draw_photo(draw_list, size);
    draw_overlays(draw_list, text, now);
    if (glyph_atlas_.glyph_count() > 0 && glyph_atlas_.height() >= text::GlyphAtlasParams{}.max_height &&
        !glyph_atlas_full_said_) {
        std::fprintf(stderr, "kiosk: the glyph atlas is full; some letters may be left out\n");
        glyph_atlas_full_said_ = true;
    }
}

ImDrawData* App::draw_frame(const FrameSize& size, double now) {
    advance(now);
    if (size.width != laid_out_for_.width || size.height != laid_out_for_.height || size.dpi != laid_out_for_.dpi ||
        access_.text_step != laid_out_step_)
        relayout(size, now);
    if (pictures_on_screen()) upload_pending_textures();
    text_cache_.trim();                // no line of it is held between frames
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(size.width), static_cast<float>(size.height));
    io.DeltaTime = last_frame_time_ < 0.0 ? 1.0f / 60.0f : std::max(1e-4f, static_cast<float>(now - last_frame_time_));
    last_frame_time_ = now;
    // The glyphs' texture exists before anything is drawn with it (its id goes into the quads).
    if (glyph_texture_ == 0) upload_glyphs(true);
    const int atlas_height = glyph_atlas_.height();
    const uintptr_t atlas_texture = glyph_texture_;
    ImGui::NewFrame();
    draw_page(size, now);
    upload_glyphs();
    if (glyph_atlas_.height() != atlas_height || glyph_texture_ != atlas_texture) {
        // Glyphs new to the atlas made it taller (or gave it a texture) while the frame was drawn:
        // the quads drawn before that point at the old rows. Drawing again costs one frame, only
        // when new text first shows; everything is in the atlas now.
        ImGui::EndFrame();
        ImGui::NewFrame();
        draw_page(size, now);
        upload_glyphs();
    }
    if (!injected_failure_.empty()) throw std::runtime_error(std::exchange(injected_failure_, {}));

    ImGui::Render();
    ImDrawData* draw_data = ImGui::GetDrawData();
    stats_.vertices = draw_data->TotalVtxCount;
    for (int i = 0; i < draw_data->CmdListsCount; ++i) stats_.draw_calls += draw_data->CmdLists[i]->CmdBuffer.Size;
    ++frames_drawn_;
    dirty_ = false;
    return draw_data;
}

}  // namespace kiosk::app
