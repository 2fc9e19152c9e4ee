// Scroll position as a pure function of time: a move eases from where it was to a target, so a
// late frame never jumps and a test can ask for the position at any instant. Does NOT read input.
#pragma once

namespace kiosk::app {

struct ScrollParams {
    float ease_seconds = 0.22f;        // how long a wheel or key move takes to settle
};

class Scroll {
public:
    explicit Scroll(ScrollParams params = {}) : params_(params) {}

    void set_limit(float max_scroll, double now);  // clamps the position into [0, max_scroll]
    float limit() const { return limit_; }

    void jump_to(float position, double now);      // at once (drag, start position)
    void ease_to(float position, double now);      // animated (wheel, keys)
    void ease_by(float delta, double now);         // relative to where the current move is heading

    float position(double now) const;
    float target() const { return to_; }
    bool moving(double now) const { return now < start_ + params_.ease_seconds && from_ != to_; }

private:
    float clamp(float position) const;
    ScrollParams params_;
    float limit_ = 0.0f;
    float from_ = 0.0f, to_ = 0.0f;
    double start_ = -1e9;
};

}  // namespace kiosk::app
