// The kiosk's state: which bundle it shows, the panel's layout (cached per size and text scale),
// scrolling, and what a frame draws. Takes plain input events and the time; says when the next
// frame is due so the loop can sleep. Does NOT open windows or read files.
#pragma once
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "app/scroll.h"
#include "content/bundle.h"
#include "layout/article_layout.h"
#include "platform/platform.h"
#include "views/fonts.h"
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
};

class App {
public:
    explicit App(content::Bundle bundle);
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

    void scroll_to(float position, double now);   // at once, clamped (for --scroll and tests)
    float scroll_position(double now) const { return scroll_.position(now); }
    float scroll_limit() const { return scroll_.limit(); }
    const layout::ArticleLayout& article_layout() const { return article_; }
    const layout::Panel& panel() const { return panel_; }
    const views::Fonts& fonts() const { return fonts_; }
    const content::Bundle& bundle() const { return bundle_; }
    const FrameStats& last_frame_stats() const { return stats_; }
    uint64_t frames_drawn() const { return frames_drawn_; }

private:
    void relayout(const FrameSize& size, double now);
    float viewport_height() const;
    float line_step() const;

    ImGuiContext* imgui_ = nullptr;
    content::Bundle bundle_;
    views::RoleCodepoints codepoints_{};
    float average_char_em_ = 0.47f;
    FrameSize laid_out_for_{0, 0, 0.0f};
    layout::Panel panel_;
    views::Fonts fonts_;
    layout::ArticleLayout article_;
    Scroll scroll_;
    float pending_scroll_ = -1.0f;     // a scroll_to before the first layout
    bool fonts_changed_ = false;
    bool dirty_ = true;                // something changed since the last frame
    bool quit_requested_ = false;
    bool dragging_ = false;
    float drag_start_y_ = 0.0f, drag_start_scroll_ = 0.0f;
    double last_frame_time_ = -1.0;
    uint64_t frames_drawn_ = 0;
    FrameStats stats_;
};

}  // namespace kiosk::app
