// What a visitor sees besides the content: the accessibility button that is always on screen, its
// panel (text size, high contrast, less motion), the "Still reading?" card with its countdown, and
// the quiet caption of the attract loop, the language switch of a bundle in several languages, and
// the Close of the full-screen photograph.
// Geometry (where each target is) is computed apart from the
// drawing so the app hit-tests exactly what is drawn; every target is at least `min_target` pixels
// each way (9 mm on the panel). Does NOT decide when any of this shows or what a tap does.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "content/labels.h"
#include "layout/metrics.h"
#include "layout/touch_targets.h"
#include "views/fonts.h"
#include "views/text_painter.h"
#include "views/theme.h"

struct ImDrawList;

namespace kiosk::views {

// [access] the accessibility button and its panel -------------------------------------------------

struct AccessLayout {
    layout::Box button;                       // "Aa", top right, always on screen
    layout::Box panel;                        // the open panel's card
    layout::Box smaller, larger;              // text size − and +
    layout::Box steps;                        // where the text size dots go
    layout::Box contrast;                     // the whole "High contrast" row (its switch at the right)
    layout::Box motion;                       // the whole "Less motion" row
    layout::Box done;                         // closes the panel
    float row_height = 0.0f;
    bool rtl = false;                         // mirrored for a right-to-left language (button at the top left)
};

struct AccessState {
    bool open = false;                 // the panel shows
    int text_step = 0;                 // 0 .. steps-1
    int text_steps = 4;
    bool high_contrast = false;
    bool reduced_motion = false;
    int pressed = -1;                  // which target a finger is on (0 button, 1 smaller, 2 larger, 3 contrast, 4 motion, 5 done); -1 none
};

// The button sits at the top bar's end: its right end, or with `rtl` its left end, the whole
// panel mirrored.
AccessLayout access_layout(const layout::Panel& panel, float width, float height, float min_target, bool rtl = false);
void draw_access_button(ImDrawList* draw_list, const TextPainter& painter, const Theme& theme, const AccessLayout& layout,
                        const AccessState& state);
void draw_access_panel(ImDrawList* draw_list, const TextPainter& painter, const content::Labels& words, const Theme& theme,
                       const AccessLayout& layout, const AccessState& state, float width, float height);

// [idle] the "Still reading?" card and the attract caption ----------------------------------------

struct IdleCardLayout {
    layout::Box card;
    layout::Box keep;                         // the "Keep reading" button (any touch keeps reading, this says so)
    float ring_x = 0.0f, ring_y = 0.0f, ring_radius = 0.0f;
};

IdleCardLayout idle_card_layout(const layout::Panel& panel, float width, float height, float min_target);

struct IdleCardState {
    int seconds_shown = 10;            // the number in the ring
    float remaining = 1.0f;            // 1 -> 0: how much of the ring is left
    bool pressed = false;
};
void draw_idle_card(ImDrawList* draw_list, const TextPainter& painter, const content::Labels& words, const Theme& theme,
                    const IdleCardLayout& layout, const IdleCardState& state, float width, float height);

// A quiet line near the bottom while the attract loop runs: it invites a touch.
void draw_attract_caption(ImDrawList* draw_list, const TextPainter& painter, const content::Labels& words, const Theme& theme,
                          const layout::Panel& panel, float width, float height, float alpha);

// [language] the visitor's language switch ------------------------------------------------------

// One button for each of the bundle's other languages, each named in its own script ("English",
// "فارسی"), never with a flag. The row is centred along the bottom edge: the same place whichever
// way the page runs, so a finger that found it in one language finds it again in the other, and
// clear of the tab bar, the Aa button (a top corner, which changes sides) and the scroll indicator
// (a side edge). Everything here is the same in every language of the bundle (the app passes the
// largest interface size any of them gets), so the switch does not move when it is used.
struct LanguageSwitchParams {
    float width = 1080.0f, height = 1920.0f;  // the panel, in pixels
    float mm = 3.78f;                  // pixels per millimetre on the panel
    float min_target = 34.0f;          // the least a target measures each way (9 mm)
    float margin = 24.0f;              // the panel's outer margin (it does not depend on the language)
    float ui_size = 20.0f;             // the largest interface text size any language of the bundle gets here
    int buttons = 1;                   // how many buttons: the bundle's languages less the one shown
    float widest_name = 0.0f;          // the widest of all the languages' names at ui_size, in pixels
};

struct LanguageSwitchLayout {
    std::vector<layout::Box> buttons;  // left to right on the screen, whatever the page's direction
};

// Each button at least min_target high, 15 mm where the panel has room (museum guidance), never
// more than a tenth of the panel's height.
LanguageSwitchLayout language_switch_layout(const LanguageSwitchParams& params);

struct LanguageChoice {
    std::string tag;                   // BCP 47: the name is shaped and set in its own language
    std::string name;                  // that language's labels.language_name
};
// `choices` one a button, in the order of layout.buttons; `pressed`: the button a finger is on, or -1.
void draw_language_switch(ImDrawList* draw_list, const TextPainter& painter, const Theme& theme,
                          const LanguageSwitchLayout& layout, const std::vector<LanguageChoice>& choices, int pressed);

// [close] the full-screen photograph's Close -------------------------------------------------------

// A button with labels.close at the page's lower end corner: the lower right, or the lower left
// for a right-to-left language, as the citation card's Close ends its card (its word at the side
// where a reader ends). A tap anywhere closes the photograph; this says so to whoever does not
// think of tapping the picture.
struct PhotoCloseParams {
    float width = 1080.0f, height = 1920.0f;  // the panel, in pixels
    float margin = 24.0f;              // the panel's outer margin (half of it is kept below, as under the language switch)
    float row_height = 34.0f;          // the button's height: the citation card's close row (at least min_target)
    float min_target = 34.0f;          // the least a target measures each way (9 mm)
    float word_width = 0.0f;           // labels.close set on one line in the interface font, in pixels
    bool rtl = false;                  // a right-to-left page: the button at the lower left
};
layout::Box photo_close_layout(const PhotoCloseParams& params);
// `word` centred in the button (an English default stays left to right); `pressed`: a finger is on it.
void draw_photo_close(ImDrawList* draw_list, const TextPainter& painter, const Theme& theme, const layout::Box& box,
                      const std::string& word, bool pressed);

// Every word these controls write, for ImGui's font atlas (what draws them when the engine cannot).
std::string visitor_controls_text(const content::Labels& words);

}  // namespace kiosk::views
