#include "app/display_gate.h"

#include <imgui.h>

namespace kiosk::app {

const DisplayState& DisplayGate::update(double local_now) {
    state_ = display_state(params_, local_now, last_touch_);
    return state_;
}

bool DisplayGate::admit(platform::InputEvent& event, double local_now) {
    const bool was_on = state_.on;
    if (event.type == platform::EventType::PointerDown) {
        last_touch_ = local_now;
        update(local_now);
    }
    // Keys and window events always count: an operator at a keyboard must be able to quit.
    const bool pointer = event.type == platform::EventType::PointerDown || event.type == platform::EventType::PointerMove ||
                         event.type == platform::EventType::PointerUp || event.type == platform::EventType::Wheel;
    if (pointer && !was_on) {
        swallowing_ = event.type == platform::EventType::PointerDown || (swallowing_ && event.type != platform::EventType::PointerUp);
        return false;
    }
    if (pointer && swallowing_) {
        if (event.type == platform::EventType::PointerUp) swallowing_ = false;
        return false;
    }
    event.x -= float(state_.shift.x);
    event.y -= float(state_.shift.y);
    return true;
}

FrameKind DisplayGate::frame_needed(bool app_change_due) const {
    if (!state_.on) return last_drawn_ == FrameKind::Black ? FrameKind::None : FrameKind::Black;
    if (last_drawn_ != FrameKind::Picture || app_change_due || !(state_.shift == drawn_shift_)) return FrameKind::Picture;
    return FrameKind::None;
}

void DisplayGate::drawn(FrameKind kind) {
    if (kind == FrameKind::None) return;
    last_drawn_ = kind;
    if (kind == FrameKind::Picture) drawn_shift_ = state_.shift;
}

double DisplayGate::seconds_to_next_change(double local_now) const { return state_.next_change - local_now; }

void shift_frame(ImDrawData* draw_data, PixelShift shift) {
    if (draw_data == nullptr) return;
    draw_data->DisplayPos = ImVec2(-float(shift.x), -float(shift.y));
}

}  // namespace kiosk::app
