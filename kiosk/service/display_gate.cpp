#include "service/display_gate.h"

#include <imgui.h>

#include <algorithm>

namespace kiosk::app {

const DisplayState& DisplayGate::update(double local_now) {
    if (settle_until_ < 0.0) settle_until_ = local_now + kSettleSeconds;
    settling_ = local_now < settle_until_;
    state_ = display_state(params_, local_now, last_touch_);
    return state_;
}

bool DisplayGate::admit(platform::InputEvent& event, double local_now) {
    const bool was_on = state_.on;
    if (event.type == platform::EventType::Exposed) last_drawn_ = FrameKind::None;  // what was drawn is gone
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
    if (!state_.on) return last_drawn_ == FrameKind::Black && !settling_ ? FrameKind::None : FrameKind::Black;
    if (last_drawn_ != FrameKind::Picture || app_change_due || settling_ || !(state_.shift == drawn_shift_))
        return FrameKind::Picture;
    return FrameKind::None;
}

void DisplayGate::drawn(FrameKind kind) {
    if (kind == FrameKind::None) return;
    last_drawn_ = kind;
    if (kind == FrameKind::Picture) drawn_shift_ = state_.shift;
}

double DisplayGate::seconds_to_next_change(double local_now) const {
    const double until_change = state_.next_change - local_now;
    return settling_ ? std::min(until_change, kSettleInterval) : until_change;
}

void shift_frame(ImDrawData* draw_data, PixelShift shift) {
    if (draw_data == nullptr) return;
    draw_data->DisplayPos = ImVec2(-float(shift.x), -float(shift.y));
}

}  // namespace kiosk::app
