// What the kiosk does when nobody touches it, as a pure function of the time since the last input:
// reading -> a "Still reading?" card counting down -> reset to the start view at the top -> a calm
// attract loop through the views (or resting at the start view when the loop is off). A touch on
// the card keeps the reader where they are; a touch that wakes the attract loop goes back to the
// start view. Either touch is swallowed: it never presses what was under the finger. A touch on a
// resting kiosk (loop off) is an ordinary touch: the screen already shows what it would wake to.
// Does NOT draw the card, change views or scroll: the app asks `status(now)` and acts on it.
#pragma once
#include <cstdint>

namespace kiosk::app {

struct IdleParams {
    double quiet_s = 90.0;             // untouched this long: the "Still reading?" card appears; 0: never
    double countdown_s = 10.0;         // the card counts down this long, then the kiosk resets
    bool attract = true;               // after the reset, cycle calmly through the views
    double attract_view_s = 20.0;      // each view shows this long in the attract loop
    int attract_views = 3;             // how many views the loop goes through (the app's views)
};

enum class IdlePhase {
    Active,      // someone is reading
    Prompt,      // the "Still reading?" card with its countdown
    Attract,     // reset done; the attract loop runs
    Resting      // reset done; the loop is off: the start view at the top, still
};

struct IdleStatus {
    IdlePhase phase = IdlePhase::Active;
    double countdown_left_s = 0.0;     // Prompt: seconds until the reset (counts down to 0)
    int countdown_shown = 0;           // Prompt: the whole seconds to print (ceil of the above)
    int attract_view = 0;              // Attract: which view (0 .. attract_views-1; 0 = start view)
    double attract_view_t = 0.0;       // Attract: seconds into the current view's slot
    uint64_t reset_count = 0;          // how many resets have come due so far (edge for the app)
};

// What the app must do with an input that arrived in the given phase.
enum class WakeAction {
    Pass,          // a normal input: handle it
    SwallowKeep,   // dismissed the card: swallow it, stay where the reader was
    SwallowReset   // woke the attract loop: swallow it, show the start view at the top
};

class IdleMachine {
public:
    explicit IdleMachine(IdleParams params = {}, double now = 0.0) : params_(params), last_input_(now) {}
    void set_params(const IdleParams& params) { params_ = params; }
    const IdleParams& params() const { return params_; }

    // Someone touched (or pressed a key) at `now`. Returns what to do with that input. Only the
    // start of an input (finger down, key down) should be passed here; the app swallows the rest of
    // a swallowed gesture itself.
    WakeAction input(double now);

    // Resting: keep the last input time, but treat the kiosk as woken at `now` without an input
    // (e.g. after the operator overlay closes).
    void restart(double now) { last_input_ = now; }

    IdleStatus status(double now) const;
    // When the visible idle state next changes after `now`: the card appearing, each countdown
    // second, the reset, each attract view. Never earlier than `now`.
    double next_change(double now) const;

    double last_input() const { return last_input_; }

private:
    IdleParams params_;
    double last_input_ = 0.0;
    uint64_t resets_before_ = 0;       // resets that came due before the last input
};

}  // namespace kiosk::app
