// One finger's gestures from pointer samples: press, tap, drag (with its release velocity) and long
// press, plus the rules that keep a second contact or a palm from moving the page. This is the one
// place that decides tap versus drag for every view. Pure: samples and their times in, gestures
// out; no clock of its own, no drawing, no knowledge of views, scrolling or buttons.
//
// Limitation (GLFW 3.3.8 on X11): there is no touch API. A touchscreen arrives as an emulated mouse
// (button 1 down/up and cursor motion), so a second finger or a palm is not reported as a contact
// of its own. Depending on the driver, the emulated pointer either ignores it (XInput 2 pointer
// emulation follows the first touch only) or leaps to it or to a centroid. So a leap of the pointer
// between two samples, longer than `jump_mm` and `jump_ratio` times the step before it (a flick
// speeds up gradually; a second contact appears at once), is taken for a second contact: the leap
// moves nothing; before a drag has begun the gesture is cancelled and ignored until the finger
// lifts; during a drag, the drag carries on from the new place. Should the platform ever report
// contacts with ids (`pointer` != 0), a second contact freezes the gesture outright until every
// finger has lifted. Neither rule can tell a palm that lands alone from a finger.
#pragma once
#include <cstddef>
#include <vector>

namespace kiosk::app {

enum class ContactPhase { Down, Move, Up, Cancel };

struct PointerSample {
    ContactPhase phase = ContactPhase::Move;
    int pointer = 0;                   // contact id; 0 for the (only) emulated mouse pointer
    float x = 0.0f, y = 0.0f;          // framebuffer pixels
    double time = 0.0;                 // seconds
};

struct TouchParams {
    float px_per_mm = 96.0f / 25.4f;   // the panel's pixels per millimetre
    float tap_slop_mm = 3.0f;          // a finger may wander this far and still tap
    float long_press_s = 1.2f;         // a still press held this long is a long press, not a tap
    float jump_mm = 30.0f;             // a pointer leap longer than this between two samples ...
    float jump_ratio = 2.5f;           // ... and this many times the step before it: another contact
    float velocity_window_s = 0.1f;    // release velocity from the samples of the last this-many seconds
    float stop_before_release_s = 0.06f;  // finger still this long before lifting: no fling
    float max_speed_mm_s = 4000.0f;    // release velocities are clamped to this
};

enum class GestureType {
    None,
    Press,        // a finger came down (a view may show a pressed state at x, y until Tap/DragBegin/Cancel)
    DragBegin,    // the finger left the tap slop: from now on it scrolls (step: the part beyond the slop)
    Drag,         // moved by (step_x, step_y) since the last DragBegin or Drag
    DragEnd,      // lifted after a drag; (velocity_x, velocity_y) in px/s, 0 when it stopped first
    Tap,          // lifted near where it came down, quickly: (x, y) is where it came down
    LongPress,    // lifted near where it came down after `long_press_s`: (x, y) is where
    Cancel        // no tap, no drag: a second contact, or cancelled by the app (the rest is ignored)
};

struct Gesture {
    GestureType type = GestureType::None;
    float x = 0.0f, y = 0.0f;          // Press/Tap/LongPress: where the finger came down
    float step_x = 0.0f, step_y = 0.0f;  // DragBegin, Drag: movement to apply
    float velocity_x = 0.0f, velocity_y = 0.0f;  // DragEnd
    double time = 0.0;                 // of the sample that produced it
    double duration = 0.0;             // Tap/LongPress/DragEnd: how long the finger was down
};

class TouchRecognizer {
public:
    explicit TouchRecognizer(TouchParams params = {}) : params_(params) {}
    void set_params(const TouchParams& params) { params_ = params; }
    const TouchParams& params() const { return params_; }

    // Feeds one sample; returns what it means (often None). At most one gesture a sample.
    Gesture feed(const PointerSample& sample);
    // Ends the current gesture without a tap or a fling (e.g. the app swallowed it).
    Gesture cancel(double now);

    bool pressed() const { return state_ != State::Idle; }
    bool dragging() const { return state_ == State::Dragging; }
    bool saw_second_contact() const { return second_contact_; }

private:
    enum class State { Idle, Pressed, Dragging, Frozen };
    struct Trace {
        double time = 0.0;
        float x = 0.0f, y = 0.0f;
    };
    void velocity_at(double release, float& vx, float& vy) const;
    Gesture end_with(GestureType type, double now);

    TouchParams params_;
    State state_ = State::Idle;
    int primary_ = 0;                  // the contact that drives the gesture
    std::vector<int> others_;          // further contacts down (explicit multi-pointer only)
    float down_x_ = 0.0f, down_y_ = 0.0f;
    double down_time_ = 0.0;
    float last_x_ = 0.0f, last_y_ = 0.0f;
    float last_step_ = 0.0f;           // length of the step before the current sample
    bool second_contact_ = false;      // a leap or a second id was seen: never a tap
    std::vector<Trace> trace_;         // recent positions for the release velocity
};

}  // namespace kiosk::app
