// The page's scroll position as a pure function of time: held under a finger, flung with momentum
// that decays smoothly, eased by a wheel or a key, and bounded at both ends by a gentle rubber band
// that springs back. Each motion is a closed-form curve started at a known instant, so a late or
// skipped frame never makes a jump and a test can ask for the position at any t. Does NOT read
// input (the app feeds it from touch.h gestures) and knows nothing of pixels on screen.
//
// Curves: a fling decays exponentially, p(t) = p0 + v0·τ·(1 − e^(−t/τ)), and stops once its speed
// falls under `stop_speed`; past an end it turns into a critically damped spring back to the end;
// a drag past an end moves the page less and less (the rubber band). With `overshoot` off (reduced
// motion) the page stops dead at the ends instead.
#pragma once

namespace kiosk::app {

struct KineticParams {
    float time_constant_s = 0.325f;    // τ of a fling's decay: larger glides further
    float stop_speed = 20.0f;          // px/s: a fling under this speed has stopped
    float ease_seconds = 0.22f;        // how long a wheel or key move takes to settle
    bool overshoot = true;             // rubber band and spring at the ends; false: hard stop
    float rubber_extent = 600.0f;      // px: a drag past an end approaches this much overscroll
    float rubber_stiffness = 0.55f;    // how quickly the rubber band stiffens (0..1)
    float spring_rate = 14.0f;         // 1/s: the spring back (critically damped); larger is snappier
    float max_overshoot = 120.0f;      // px: a fling never carries past an end by more than this
};

class KineticScroll {
public:
    explicit KineticScroll(KineticParams params = {}) : params_(params) {}
    void set_params(const KineticParams& params, double now);
    const KineticParams& params() const { return params_; }

    void set_limit(float max_scroll, double now);   // [0, max_scroll]; a resting page is clamped in
    float limit() const { return limit_; }

    void jump_to(float position, double now);       // at once, clamped (start position, reset)
    void ease_to(float position, double now);       // animated (wheel, keys), clamped
    void ease_by(float delta, double now);          // relative to where the current move is heading

    void hold(double now);                           // a finger came down: stop where it is
    void drag_by(float delta, double now);           // the finger moved the page by delta (content px)
    void release(float velocity, double now);        // the finger lifted moving at velocity (px/s of position)

    float position(double now) const;
    float velocity(double now) const;                // px/s, for tests and the indicator
    bool moving(double now) const { return now < settle_time_; }
    double settle_time() const { return settle_time_; }  // when the current motion comes to rest
    bool held() const { return kind_ == Kind::Held; }
    float target() const;                            // where the current motion ends

private:
    enum class Kind { Still, Ease, Held, Fling, Spring };
    float clamp(float position) const;
    float rubber(float raw) const;                   // raw drag position -> shown position
    float unrubber(float shown) const;               // its inverse, to catch a springing page
    void start_fling(float from, float velocity, double now);
    void start_spring(float bound, float offset, float velocity, double now);
    void rest(float position, double now);

    KineticParams params_;
    float limit_ = 0.0f;
    Kind kind_ = Kind::Still;
    double t0_ = 0.0;                  // start of the current curve
    double settle_time_ = -1.0;        // the curve rests from here on
    float p0_ = 0.0f;                  // Still/Held: position (Held: raw, before the rubber band); Ease/Fling: start
    float p1_ = 0.0f;                  // Ease: target; Spring: the end it returns to
    float v0_ = 0.0f;                  // Fling/Spring: initial velocity
    float x0_ = 0.0f;                  // Spring: initial offset from the end
    double cross_time_ = -1.0;         // Fling: when it passes an end (then a spring); < 0 never
    float cross_bound_ = 0.0f;
    float cross_velocity_ = 0.0f;
};

}  // namespace kiosk::app
