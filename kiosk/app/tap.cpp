#include "app/tap.h"

#include <cmath>

namespace kiosk::app {

void TapTracker::down(float x, float y) {
    phase_ = PointerPhase::Pressed;
    start_x_ = x;
    start_y_ = y;
}

bool TapTracker::move(float x, float y) {
    if (phase_ == PointerPhase::Pressed && std::hypot(x - start_x_, y - start_y_) > params_.slop)
        phase_ = PointerPhase::Dragging;
    return phase_ == PointerPhase::Dragging;
}

bool TapTracker::up(float x, float y) {
    const bool tap = phase_ == PointerPhase::Pressed && !move(x, y);
    phase_ = PointerPhase::Idle;
    return tap;
}

}  // namespace kiosk::app
