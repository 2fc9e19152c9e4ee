// The hidden gesture that asks for the operator PIN: a still press held `hold_s` in one corner of
// the screen, then one in the diagonally opposite corner within `within_s`. A visitor leaning on a
// corner does not do both; nothing on screen hints at it. Pure: fed the long presses the touch
// recogniser reports. Works with one pointer, because GLFW 3.3 on X11 sees only one (touch.h), so
// "two corners at once" is not possible; a sequence is.
#pragma once

#include "interaction/touch.h"

namespace kiosk::app {

struct OperatorGestureParams {
    float corner_mm = 15.0f;           // a corner is this square (mm) at each corner of the screen
    double hold_s = 2.0;               // each press is held at least this long
    double within_s = 8.0;             // the second press ends within this long of the first
};

class OperatorGesture {
public:
    explicit OperatorGesture(OperatorGestureParams params = {}) : params_(params) {}
    void set_params(const OperatorGestureParams& params) { params_ = params; }

    // Feed every gesture (only LongPress counts; anything else in between breaks the sequence).
    // True when this gesture completes it.
    bool feed(const Gesture& gesture, float screen_width, float screen_height, float px_per_mm);

    // Which corner (0 top left, 1 top right, 2 bottom right, 3 bottom left) holds (x, y); -1 none.
    int corner_of(float x, float y, float screen_width, float screen_height, float px_per_mm) const;

private:
    OperatorGestureParams params_;
    int first_corner_ = -1;
    double first_time_ = 0.0;
};

}  // namespace kiosk::app
