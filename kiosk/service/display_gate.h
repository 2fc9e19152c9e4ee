// Puts DisplayParams into the window loop: whether the screen shows the article or black, which
// input reaches the app (a touch on a black screen only wakes it), where the frame sits (burn-in
// shift), and when the loop must wake for the next change. Plain state driven by the caller's
// local wall-clock time, so tests need no clock. Does NOT draw or sleep; main's loop does.
#pragma once
#include "service/display_schedule.h"
#include "platform/platform.h"

struct ImDrawData;

namespace kiosk::app {

enum class FrameKind {
    None,     // nothing changed on screen: draw nothing (render on change)
    Black,    // the screen just went off: one black frame, then nothing until it wakes
    Picture,  // the article, shifted by state().shift
};

// Gotcha (first frames under cage): Xwayland may map the window after the first frame was
// presented, and a window created at exactly the output's size gets no later Expose, so a kiosk
// that renders only on change stays black. Like hello_imgui's FpsIdling, the gate keeps drawing
// for the first seconds after start.
constexpr double kSettleSeconds = 3.0;   // draw continuously this long after the first update()
constexpr double kSettleInterval = 0.1;  // at this rate

class DisplayGate {
public:
    explicit DisplayGate(DisplayParams params = {}) : params_(params) {}

    // Recomputes the state for `local_now`; call once per loop pass before using the rest.
    const DisplayState& update(double local_now);
    const DisplayState& state() const { return state_; }
    const DisplayParams& params() const { return params_; }

    // Input at `local_now`: false when the app must not see it (the screen was off: a press wakes
    // it and is used up, with its moves and its release). Otherwise moves the event's position from the shifted screen back into
    // layout pixels and returns true.
    bool admit(platform::InputEvent& event, double local_now);

    // What this pass must draw, given whether the app itself has a change due.
    FrameKind frame_needed(bool app_change_due) const;
    // Record what was drawn (after presenting it).
    void drawn(FrameKind kind);

    // Seconds from `local_now` until the state next changes without input; +inf for never.
    double seconds_to_next_change(double local_now) const;

private:
    DisplayParams params_;
    DisplayState state_;
    double last_touch_ = -1.0;         // local seconds of the last press; negative: none yet
    bool swallowing_ = false;          // a waking press is down: its moves and release are not the app's
    double settle_until_ = -1.0;       // local seconds; set by the first update()
    bool settling_ = false;            // update() found local_now before settle_until_
    FrameKind last_drawn_ = FrameKind::None;  // None: nothing drawn yet
    PixelShift drawn_shift_;           // the shift of the last Picture
};

// Burn-in care: moves a whole built frame by `shift` (through ImDrawData::DisplayPos, which the
// renderer's projection and clip rectangles follow). Null draw data is ignored.
void shift_frame(ImDrawData* draw_data, PixelShift shift);

}  // namespace kiosk::app
