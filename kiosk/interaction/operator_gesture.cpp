#include "interaction/operator_gesture.h"

namespace kiosk::app {

int OperatorGesture::corner_of(float x, float y, float width, float height, float px_per_mm) const {
    const float size = params_.corner_mm * px_per_mm;
    const bool left = x < size, right = x >= width - size, top = y < size, bottom = y >= height - size;
    if (top && left) return 0;
    if (top && right) return 1;
    if (bottom && right) return 2;
    if (bottom && left) return 3;
    return -1;
}

bool OperatorGesture::feed(const Gesture& gesture, float width, float height, float px_per_mm) {
    switch (gesture.type) {
        case GestureType::None:
        case GestureType::Press:
        case GestureType::Drag: return false;  // parts of a gesture, not one
        case GestureType::LongPress: break;
        default: first_corner_ = -1; return false;  // a tap, a drag or a cancel breaks the sequence
    }
    const int corner = corner_of(gesture.x, gesture.y, width, height, px_per_mm);
    if (corner < 0 || gesture.duration < params_.hold_s) {
        first_corner_ = -1;
        return false;
    }
    if (first_corner_ >= 0 && corner == (first_corner_ + 2) % 4 && gesture.time - first_time_ <= params_.within_s) {
        first_corner_ = -1;
        return true;
    }
    first_corner_ = corner;
    first_time_ = gesture.time;
    return false;
}

}  // namespace kiosk::app
