// The operator overlay's screens: the PIN pad (dots for the digits entered, never the digits) and
// the facts (version, content, faults, uptime, frames, GL, panel) with Reload content / Exit / Close.
// Opaque over everything. Geometry apart from drawing so the app hit-tests what is drawn; every key
// at least `min_target` each way. Does NOT check the PIN or act on a button (app/operator_overlay.h).
#pragma once
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "layout/metrics.h"
#include "layout/touch_targets.h"
#include "views/fonts.h"
#include "views/text_painter.h"
#include "views/theme.h"

struct ImDrawList;

namespace kiosk::views {

struct PinPadLayout {
    layout::Box title;                        // "Operator PIN"
    layout::Box dots;                         // one dot a digit entered
    layout::Box message;                      // wrong PIN, the wait
    std::array<layout::Box, 12> keys{};       // 1 2 3 / 4 5 6 / 7 8 9 / Back 0 OK
    layout::Box cancel;
};
// Which digit or action each of `keys` is: 0..9, or kPinBack / kPinEnter.
constexpr int kPinBack = -1, kPinEnter = -2;
constexpr std::array<int, 12> kPinKeys = {1, 2, 3, 4, 5, 6, 7, 8, 9, kPinBack, 0, kPinEnter};

PinPadLayout pin_pad_layout(const layout::Panel& panel, float width, float height, float min_target);

struct PinPadState {
    int digits = 0;                    // how many dots
    std::string message;               // one line
    int pressed = -1;                  // index into keys, 12 for cancel; -1 none
};
void draw_pin_pad(ImDrawList* draw_list, const TextPainter& painter, const Theme& theme, const PinPadLayout& layout,
                  const PinPadState& state, float width, float height);

struct FactsLayout {
    layout::Box text;                         // where the facts are listed
    layout::Box reload, exit, close;
};
FactsLayout facts_layout(const layout::Panel& panel, float width, float height, float min_target);

struct OperatorFacts {
    std::vector<std::pair<std::string, std::string>> lines;  // label, value
    std::vector<std::string> faults;   // one line each, newest last
    int pressed = -1;                  // 0 reload, 1 exit, 2 close; -1 none
};
void draw_facts(ImDrawList* draw_list, const TextPainter& painter, const Theme& theme, const FactsLayout& layout,
                const OperatorFacts& facts, float width, float height);

// Every character the overlay may write (its words and printable ASCII for paths, hashes, GL strings).
std::string operator_view_text();

}  // namespace kiosk::views
