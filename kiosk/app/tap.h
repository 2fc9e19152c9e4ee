// Tells taps from drags in a stream of pointer events. A tap is a pointer down and up with little
// movement between them (ImGui has no touch model, so the kiosk keeps its own). Pure: positions in,
// decisions out. Does NOT know what is under the finger.
#pragma once

namespace kiosk::app {

struct TapParams {
    float slop = 12.0f;                // movement (pixels) past which a touch is a drag; ~3 mm at 96 DPI
};

enum class PointerPhase { Idle, Pressed, Dragging };

class TapTracker {
public:
    explicit TapTracker(TapParams params = {}) : params_(params) {}

    void set_slop(float slop) { params_.slop = slop; }
    void down(float x, float y);
    // True when this move turned (or keeps) the touch into a drag.
    bool move(float x, float y);
    // True when the touch that ends here was a tap (it never became a drag).
    bool up(float x, float y);

    PointerPhase phase() const { return phase_; }
    float start_x() const { return start_x_; }
    float start_y() const { return start_y_; }

private:
    TapParams params_;
    PointerPhase phase_ = PointerPhase::Idle;
    float start_x_ = 0.0f, start_y_ = 0.0f;
};

}  // namespace kiosk::app
