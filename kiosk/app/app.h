// The kiosk's state: which bundle it shows, which view (article, memorial, sources) and whether a
// citation card is open, the panel's layouts (cached per size and text scale), scrolling, the
// memorial counter's clock, and what a frame draws. Takes plain input events and the time; says
// when the next frame is due so the loop can sleep. Does NOT open windows or read files; pictures
// it builds (the field of marks, QR codes) reach the GPU through the uploader the caller sets.
#pragma once
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "app/counter.h"
#include "app/scroll.h"
#include "app/tap.h"
#include "app/view_id.h"
#include "content/bundle.h"
#include "layout/article_layout.h"
#include "layout/memorial_layout.h"
#include "layout/sources_layout.h"
#include "layout/touch_targets.h"
#include "platform/platform.h"
#include "views/fonts.h"
#include "views/qr_code.h"
#include "views/rgba_image.h"
#include "views/theme.h"

struct ImDrawData;
struct ImGuiContext;

namespace kiosk::app {

constexpr double kNever = std::numeric_limits<double>::infinity();

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
    bool reduced_motion = false;       // no animation: the counter shows its figure at once
    float target_mm = 9.0f;            // the least a touch target measures, each way (tabs, citations, close)
    float tap_slop_mm = 3.0f;          // a touch moving further than this scrolls instead of tapping
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

    // When the next frame must be drawn: `now` when something changed, kNever when all is still.
    double next_frame_due(double now) const;

    // Builds one frame for `size` at `now` and returns ImGui's draw data for the renderer.
    ImDrawData* frame(const FrameSize& size, double now);
    // True once after a frame rebuilt the font atlas: the renderer must upload it again.
    bool take_fonts_changed();
    // Without an uploader the field of marks and QR codes are not drawn (everything else is).
    void set_texture_uploader(TextureUploader uploader);

    void show(ViewId view, double now);           // switch views; the memorial counts again from 0
    ViewId view() const { return view_; }
    // The card of source `source` (1-based, or layout::kUnknownCitation) over the article.
    void open_card(int source, double now);
    void close_card();
    int open_card_source() const { return card_source_; }  // 0: no card

    void scroll_to(float position, double now);   // the article, at once, clamped (for --scroll and tests)
    float scroll_position(double now) const { return scroll_.position(now); }
    float scroll_limit() const { return scroll_.limit(); }
    int64_t counter_value(double now) const;      // the memorial number at `now`
    double counter_settles_after() const { return app::counter_settles_after(counter_); }

    // Geometry of the last layout, in framebuffer pixels (for tests and benchmarks).
    const layout::ArticleLayout& article_layout() const { return article_; }
    const layout::MemorialLayout& memorial_layout() const { return memorial_; }
    const layout::SourcesLayout& sources_layout() const { return sources_; }
    const std::vector<layout::Box>& tab_boxes() const { return tabs_; }
    const layout::CardLayout& card_layout() const { return card_geometry_; }
    // Where the article's layout origin is on the panel at `now` (add a run's x and baseline).
    float article_origin_x() const { return panel_.column_x; }
    float sources_origin_x() const { return sources_x_; }
    float article_origin_y(double now) const;
    float target_pixels() const { return params_.target_mm * panel_.mm; }
    const layout::Panel& panel() const { return panel_; }
    const views::Fonts& fonts() const { return fonts_; }
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

    void relayout(const FrameSize& size, double now);
    void layout_card();
    void build_pictures();             // the field and QR images, to upload afresh
    void upload_pending_textures();
    void handle_tap(float x, float y, double now);
    Scroll* current_scroll();
    float viewport_height() const;
    float line_step() const;

    AppParams params_;
    ImGuiContext* imgui_ = nullptr;
    content::Bundle bundle_;
    views::RoleCodepoints codepoints_{};
    float average_char_em_ = 0.47f;
    FrameSize laid_out_for_{0, 0, 0.0f};
    layout::Panel panel_;
    views::Fonts fonts_;
    layout::ArticleLayout article_;
    layout::MemorialLayout memorial_;
    layout::SourcesLayout sources_;
    layout::SourcesLayout card_entry_;  // the open card's entry
    layout::CardLayout card_geometry_;
    std::vector<layout::Box> tabs_;
    std::vector<views::QrCode> codes_;  // by source index; empty where a source has no address
    Texture field_texture_;
    std::vector<Texture> code_textures_;  // by source index
    TextureUploader uploader_;
    Scroll scroll_;                     // the article's
    Scroll sources_scroll_;
    TapTracker tap_;
    CounterParams counter_;
    ViewId view_ = ViewId::Article;
    double view_opened_at_ = 0.0;
    int card_source_ = 0;              // 1-based; layout::kUnknownCitation: "source unavailable"; 0: none
    float sources_x_ = 0.0f;           // the sources list's left edge
    float pending_scroll_ = -1.0f;     // a scroll_to before the first layout
    bool fonts_changed_ = false;
    bool dirty_ = true;                // something changed since the last frame
    bool quit_requested_ = false;
    float drag_start_scroll_ = 0.0f;
    double last_frame_time_ = -1.0;
    uint64_t frames_drawn_ = 0;
    FrameStats stats_;
};

}  // namespace kiosk::app
