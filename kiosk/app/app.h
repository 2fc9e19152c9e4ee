// The kiosk's state: which bundle it shows, which view (article, memorial, sources) and whether a
// citation card is open, the panel's layouts (cached per size and text scale), scrolling, the
// memorial counter's clock, and what a frame draws. Takes plain input events and the time; says
// when the next frame is due so the loop can sleep. Does NOT open windows or read files; pictures
// it builds (the field of marks, QR codes) reach the GPU through the uploader the caller sets.
//
// Every pointer event goes through one touch recogniser (app/touch.h), which decides tap, drag or
// long press for all views; the kiosk lock, the idle machine (app/idle.h) and the operator overlay
// see each input before the views do. The input path lives in app_input.cpp, the overlays drawn
// over the views (accessibility panel, idle card, attract caption, operator screens) in
// app_overlays.cpp.
#pragma once
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "app/config.h"
#include "interaction/counter.h"
#include "interaction/idle.h"
#include "interaction/kinetic_scroll.h"
#include "interaction/operator_gesture.h"
#include "interaction/operator_overlay.h"
#include "interaction/touch.h"
#include "app/view_id.h"
#include "content/bundle.h"
#include "layout/article_layout.h"
#include "layout/article_text.h"
#include "layout/memorial_layout.h"
#include "layout/sources_layout.h"
#include "layout/text_lines.h"
#include "layout/touch_targets.h"
#include "platform/platform.h"
#include "text/glyph_atlas.h"
#include "views/article_view.h"
#include "views/fonts.h"
#include "content/labels.h"
#include "views/text_painter.h"
#include "views/qr_code.h"
#include "views/rgba_image.h"
#include "views/operator_view.h"
#include "views/theme.h"
#include "views/article_view.h"
#include "views/visitor_controls.h"

struct ImDrawData;
struct ImDrawList;
struct ImGuiContext;

namespace kiosk::app {

class PhotoStore;

constexpr double kNever = std::numeric_limits<double>::infinity();
constexpr double kAttractFadeSeconds = 1.2;  // each view of the attract loop fades in this long

struct FrameSize {
    int width = 1080, height = 1920;   // framebuffer pixels
    float dpi = 96.0f;                 // physical DPI; 96 when unknown
};

struct FrameStats {
    int runs_drawn = 0;
    int vertices = 0;
    int draw_calls = 0;
    int field_quads = 0;               // textured quads of the memorial's field of marks
};

struct AppParams {
    ViewId view = ViewId::Article;     // the view shown first
    double opened_at = 0.0;            // when it opened, on the frame clock (earlier: --time shows a later moment)
    bool reduced_motion = false;       // no animation (--reduced-motion; the config and the visitor can also ask)
    float target_mm = 9.0f;            // the least a touch target measures, each way (tabs, citations, close)
    // The language shown first and after an idle reset (--language, else the settings'
    // idle.start_language); empty, or one the bundle lacks (reported): the bundle's default.
    std::string language;
    KioskConfig config;                // the settings file: touch, idle, accessibility, kiosk lock, operator
};

// What the operator overlay lists that only the caller knows.
struct PlatformFacts {
    std::string gl_renderer;           // GL_RENDERER
    std::string gl_version;            // GL_VERSION
    std::string dpi_source;            // "monitor", "config" or "assumed"
};

// Turns RGBA pixels into a texture ImGui can draw (the surface's upload_texture). `replace`: a
// texture returned earlier for the same picture, or 0. Returns 0 when it cannot.
using TextureUploader = std::function<uintptr_t(int width, int height, const uint8_t* rgba,
                                                platform::TextureFilter filter, uintptr_t replace)>;

class App {
public:
    explicit App(content::Bundle bundle, AppParams params = {});
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    void handle(const platform::InputEvent& event, double now);
    bool quit_requested() const { return quit_requested_; }
    // True once after the operator pressed "Reload content" (the caller reloads the bundle).
    bool take_reload_request();
    // The kiosk lock hides the cursor once the pointer has been still for cursor_hide_s.
    bool cursor_visible(double now) const;
    // The page colour of the current theme (what the renderer clears to).
    const views::Theme& theme() const;

    // When the next frame must be drawn: `now` when something changed, kNever when all is still.
    double next_frame_due(double now) const;

    // Builds one frame for `size` at `now` and returns ImGui's draw data for the renderer.
    ImDrawData* frame(const FrameSize& size, double now);
    // Lays out for `size` ahead of the first frame: fonts, article, pictures, and the first page's
    // letters rasterised into the glyph atlas; no GL. Safe on another thread while the surface
    // opens, as long as nothing else touches this App or ImGui until it returns. A failure only
    // leaves the work to the first frame.
    void prepare(const FrameSize& size) noexcept;
    // True once after a frame rebuilt the font atlas: the renderer must upload it again.
    bool take_fonts_changed();
    // Without an uploader the field of marks and QR codes are not drawn (everything else is).
    void set_texture_uploader(TextureUploader uploader);
    // A frame uploads only the pictures its view shows: the field of marks and the QR codes wait
    // while the article is on screen, so they do not slow its first frame. This uploads whatever
    // waits; true when there was something. The loop calls it in the first moment no frame is
    // due (with the surface's GL context current); a view that needs a picture still waiting
    // uploads it in its own frame.
    bool upload_waiting_pictures();

    void show(ViewId view, double now);           // switch views; the memorial counts again from 0
    ViewId view() const { return view_; }
    // The card of source `source` (1-based, or layout::kUnknownCitation) over the article.
    void open_card(int source, double now);
    void close_card();
    int open_card_source() const { return card_source_; }  // 0: no card

    // The shown view (article or sources; the memorial does not scroll), at once, clamped (for
    // --scroll and tests).
    void scroll_to(float position, double now);

    // Photographs (app_photos.cpp): decoded off the drawing path (app/photo_store.h). A tap on
    // one opens it full screen with its caption, credit and alt text and a Close button; a tap
    // (on the button or anywhere else) closes it, and the article is where it was.
    void open_photo(size_t block);                // the article block of a Figure
    void close_photo() {
        photo_open_ = -1;
        photo_close_ = photo_text_box_ = {};
        photo_geometry_ = {};
        dirty_ = true;
    }
    int open_photo_block() const { return photo_open_; }  // -1: none open
    // Called from the decoding thread when a picture is ready (the loop's wake-up).
    void set_photo_wake(std::function<void()> wake);
    // Blocks until every picture asked for so far is decoded (screenshots, tests).
    void wait_for_photos();
    const PhotoStore& photos() const { return *photos_; }

    // Shows another bundle from the next frame on (the caller has loaded and validated it in
    // full). Lays out again; the reader stays at the same distance down, within the new length.
    void set_bundle(content::Bundle bundle, double now);

    // Shows the bundle in another of its languages from the next frame on, in the same view, at the
    // same block of the article (by block, not by pixels: translations differ in length) and the
    // same moment of the counter. False, and nothing changes, when the bundle lacks the language.
    bool set_language(std::string_view language, double now);
    const std::string& language() const { return bundle_.manifest.language; }
    // The language the kiosk starts in and an idle reset returns to.
    const std::string& start_language() const { return start_language_; }
    // The block of the article at the top of the view, -1 before the first layout.
    int top_block(double now) const;

    // Frames that threw: each one showed the fallback screen (the title on a calm page) instead.
    int failed_frames() const { return failed_frames_; }
    const std::string& last_failure() const { return last_failure_; }
    // Test seam: the next frame throws `what` from inside the view, as a bug would.
    void inject_frame_failure(std::string what) { injected_failure_ = std::move(what); }

    float scroll_position(double now) const { return scroll_.position(now); }
    float scroll_limit() const { return scroll_.limit(); }
    int64_t counter_value(double now) const;      // the memorial number at `now`
    // Back to the start view at the top, with the configured text size and contrast (idle reset).
    void reset_to_start(double now);

    // Visitor and operator state, for tests and the overlays.
    IdleStatus idle_status(double now) const { return idle_.status(now); }
    const views::AccessState& access() const { return access_; }
    bool reduced_motion() const;
    OperatorScreen operator_screen(double now) const { return operator_.screen(now); }
    const views::AccessLayout& access_layout() const { return access_layout_; }
    const views::IdleCardLayout& idle_card_layout() const { return idle_card_; }
    const views::PinPadLayout& pin_pad_layout() const { return pin_pad_; }
    const views::FactsLayout& facts_layout() const { return facts_; }
    // The language switch: a button for each translation (bundle().translations, in order); no
    // buttons for a bundle in one language. Shown over the visitor's views only (not over a card,
    // a photograph, the operator's screens or the attract loop).
    const views::LanguageSwitchLayout& language_switch_layout() const { return language_switch_; }
    bool language_switch_shown(double now) const;
    float scroll_position(ViewId view, double now) const;
    bool any_pressed() const { return pressed_ != Pressed::None; }  // a control shows pressed

    // What the operator overlay lists besides the app's own facts.
    void set_platform_facts(PlatformFacts facts) { platform_facts_ = std::move(facts); }
    void note_fault(std::string line);            // shown under "Faults seen" (kept to the last 200)
    const std::vector<std::string>& faults_seen() const { return faults_seen_; }
    // How the latest reload went, one line; the operator overlay shows it under "Last reload".
    void note_reload(std::string outcome, double now);
    const std::string& last_reload() const { return last_reload_; }
    double counter_settles_after() const { return app::counter_settles_after(counter_); }

    // Geometry of the last layout, in framebuffer pixels (for tests and benchmarks).
    const layout::ArticleLayout& article_layout() const { return article_; }
    const layout::MemorialLayout& memorial_layout() const { return memorial_; }
    const layout::SourcesLayout& sources_layout() const { return sources_; }
    const std::vector<layout::Box>& tab_boxes() const { return tabs_; }
    const layout::CardLayout& card_layout() const { return card_geometry_; }
    // The open photograph: where the picture is, the area its caption, credit and alt text are
    // drawn in (clipped to it) and its Close button; empty boxes when none is open.
    layout::Box photo_picture_box() const {
        return {photo_geometry_.x, photo_geometry_.y, photo_geometry_.width, photo_geometry_.height};
    }
    const layout::Box& photo_text_box() const { return photo_text_box_; }
    const layout::Box& photo_close_box() const { return photo_close_; }
    // Where the article's layout origin is on the panel at `now` (add a run's x and baseline).
    float article_origin_x() const { return panel_.column_x; }
    float sources_origin_x() const { return sources_x_; }
    float article_origin_y(double now) const;
    float target_pixels() const { return params_.target_mm * panel_.mm; }
    const layout::Panel& panel() const { return panel_; }
    const views::Fonts& fonts() const { return fonts_; }
    const text::GlyphAtlas& glyph_atlas() const { return glyph_atlas_; }  // the engine's glyphs drawn so far at today's sizes
    const content::Bundle& bundle() const { return bundle_; }
    const FrameStats& last_frame_stats() const { return stats_; }
    uint64_t frames_drawn() const { return frames_drawn_; }

private:
    // A picture for the GPU: built on the CPU, uploaded once when an uploader is there.
    struct Texture {
        uintptr_t id = 0;
        views::RgbaImage image;
        platform::TextureFilter filter = platform::TextureFilter::Nearest;
        bool pending = false;
    };

    void adopt(content::Bundle bundle);
    // `bundle` in `language` when it has it; else its default, with a LanguageNotInBundle warning
    // on stderr (a service must never stop on a typo in its settings).
    static content::Bundle in_language_or_default(content::Bundle bundle, const std::string& language);
    void restore_block(double now);     // after a layout: scroll to pending_block_
    void show_bundle(content::Bundle bundle, double now);  // set_bundle without keeping the language
    ImDrawData* draw_frame(const FrameSize& size, double now);
    void draw_unseen_page(const FrameSize& size);  // prepare(): the first page's glyphs into the atlas
    ImDrawData* fallback_frame(const FrameSize& size, double now, const std::string& what);
    void close_abandoned_frame();      // an ImGui frame an exception left open, ended cleanly
    // The fallback's title set by the text engine, centred from about 45 % down; false (nothing
    // drawn) when the engine cannot, and ImGui's text is the last resort. `y`: below the last line.
    bool engine_title(ImDrawList* draw_list, const std::string& title, float column, const FrameSize& size, float& y);
    void relayout(const FrameSize& size, double now);
    void layout_card();
    float close_row_height() const;    // the citation card's close row, and the photograph's Close button
    void layout_language_switch(const FrameSize& size);
    float language_switch_room() const;  // from the switch's top to the panel's bottom; 0 without one
    void layout_photo();               // the full-screen photograph's text and its Close button
    void update_photos(float view_top, float view_bottom);  // decodes asked for, textures up and down
    void draw_photo(ImDrawList* draw_list, const FrameSize& size);  // the full-screen photograph
    std::vector<views::FigureShow> figure_shows() const;  // by index of article_.figures
    void build_pictures();             // the field and QR images, to upload afresh
    void upload_pending_textures();
    void upload_glyphs(bool even_unchanged = false);  // the glyph atlas, when it changed since the last upload
    void draw_page(const FrameSize& size, double now);  // the views, the card, the bar and the overlays
    layout::TextSetting text_setting();  // the engine, the bundle's language, the cache
    views::TextPainter painter();      // how views set and draw words this frame
    views::ArticleViewParams article_view_params(double now) const;  // where and how far down the article shows
    bool pictures_on_screen() const;   // the view or card drawn now shows the field or a QR code
    // Which control a finger is on (drawn pressed until it lifts or drags away).
    enum class Pressed { None, AccessButton, Smaller, Larger, Contrast, Motion, Done, Keep, PinKey, Facts, Language, PhotoClose };

    void handle_tap(float x, float y, double now);
    void handle_gesture(const Gesture& gesture, double now);
    bool handle_overlay_tap(float x, float y, double now);     // the access panel and the operator screens
    Pressed pressed_at(float x, float y, double now);  // also sets pressed_index_
    void draw_overlays(ImDrawList* draw_list, const views::TextPainter& text, double now);
    void apply_motion_settings(double now);
    void set_text_step(int step, double now);
    void advance(double now);          // the idle clock: the reset and the attract loop's views
    void follow_attract(double now);
    KineticScroll* current_scroll();
    KineticScroll* scroll_of(ViewId view);
    float viewport_height() const;
    float line_step() const;

    AppParams params_;
    ImGuiContext* imgui_ = nullptr;
    content::Bundle bundle_;
    views::RoleCodepoints codepoints_{};
    float average_char_em_ = 0.47f;
    float switch_char_em_ = 0.47f;     // the narrowest of the languages' average_char_em (the largest type)
    FrameSize laid_out_for_{0, 0, 0.0f};
    int laid_out_step_ = 0;            // the text size step of the last layout
    layout::Panel panel_;
    views::Fonts fonts_;
    layout::ArticleLayout article_;
    text::GlyphAtlas glyph_atlas_{layout::embedded_article_faces().raster};  // what every view draws, at today's sizes
    layout::TextCache text_cache_;      // the interface's and the views' words, shaped once
    bool direction_rtl_ = false;        // the bundle's language is written right to left: the page is mirrored
    uintptr_t glyph_texture_ = 0;
    uint64_t glyph_texture_version_ = 0;  // the atlas version the texture holds
    bool drawing_unseen_ = false;         // inside draw_unseen_page: the painter fills the atlas without a texture
    static constexpr uintptr_t kUnseenTexture = ~uintptr_t{0};  // what the unseen page's quads name; never drawn
    bool pictures_uploaded_ = false;      // a picture went to the current uploader (its CPU copy is gone)
    bool glyph_atlas_full_said_ = false;  // said once, not every frame
    bool engine_error_said_ = false;      // the text engine's failure on this bundle, said once
    layout::MemorialLayout memorial_;
    layout::SourcesLayout sources_;
    layout::SourcesLayout card_entry_;  // the open card's entry
    layout::CardLayout card_geometry_;
    std::vector<layout::Box> tabs_;
    std::vector<views::QrCode> codes_;  // by source index; empty where a source has no address
    Texture field_texture_;
    std::vector<Texture> code_textures_;  // by source index
    TextureUploader uploader_;
    KineticScroll scroll_;              // the article's
    KineticScroll sources_scroll_;
    TouchRecognizer touch_;             // decides tap, drag and long press for every view
    KineticScroll* drag_scroll_ = nullptr;  // what the current drag moves; null: nothing
    bool press_stopped_fling_ = false;  // the finger came down on a moving page: that touch is no tap
    bool swallowing_ = false;           // the rest of a gesture that woke the kiosk is ignored
    Pressed pressed_ = Pressed::None;
    int pressed_index_ = -1;            // PinKey: which key; Facts: which button; Language: which language
    IdleMachine idle_;
    uint64_t resets_done_ = 0;
    ViewId attract_view_ = ViewId::Article;
    double attract_view_since_ = -1.0;  // when the attract loop last changed view (for the fade)
    views::AccessState access_;
    views::AccessLayout access_layout_;
    views::IdleCardLayout idle_card_;
    views::PinPadLayout pin_pad_;
    views::FactsLayout facts_;
    views::LanguageSwitchLayout language_switch_;
    OperatorGesture operator_gesture_;
    OperatorOverlay operator_;
    PlatformFacts platform_facts_;
    std::vector<std::string> faults_seen_;
    std::string last_reload_;          // note_reload(); "" until the first reload
    double last_reload_at_ = 0.0;      // when it was noted, on the app's clock
    bool reload_requested_ = false;
    double last_pointer_motion_ = -1e9;
    double started_at_ = -1.0;          // the first frame: uptime and the idle clock start here
    CounterParams counter_;
    ViewId view_ = ViewId::Article;
    double view_opened_at_ = 0.0;
    int card_source_ = 0;              // 1-based; layout::kUnknownCitation: "source unavailable"; 0: none
    std::unique_ptr<PhotoStore> photos_;  // the article's photographs, decoded by its own thread
    int photo_open_ = -1;              // the article block shown full screen; -1: none
    layout::ArticleLayout photo_text_;  // its caption, credit and alt text
    layout::PlacedFigure photo_geometry_;  // where it is drawn full screen, in framebuffer pixels
    layout::Box photo_text_box_;       // where its text is drawn (from the column's left, clipped below)
    layout::Box photo_close_;          // its Close button
    float sources_x_ = 0.0f;           // the sources list's left edge
    float pending_scroll_ = -1.0f;     // a scroll_to before the first layout
    ViewId pending_scroll_view_ = ViewId::Article;  // the view it scrolls
    // After a change of language: the block that was at the top and how far into it (0..1), for
    // the next layout to scroll to; block -1: none.
    int pending_block_ = -1;
    float pending_block_fraction_ = 0.0f;
    std::string start_language_;       // the bundle's tag for params_.language, or its default
    bool fonts_changed_ = false;
    bool dirty_ = true;                // something changed since the last frame
    bool quit_requested_ = false;
    double last_frame_time_ = -1.0;
    uint64_t frames_drawn_ = 0;
    FrameStats stats_;
    int failed_frames_ = 0;
    std::string last_failure_;         // what the last failed frame threw
    std::vector<std::string> logged_failures_;  // distinct failures already logged (bounded)
    std::string injected_failure_;     // inject_frame_failure(): thrown by the next frame
    double retry_at_ = kNever;         // after a failed frame: when to try a normal frame again
};

}  // namespace kiosk::app
