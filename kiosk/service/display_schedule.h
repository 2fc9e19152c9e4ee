// When the screen is on, and where the whole picture sits: the display schedule (daily on/off
// times; while off the screen is black and nothing is drawn, and a touch wakes it for a while) and
// burn-in care (the whole layout moves by a pixel every few minutes, wandering over a small square
// and back, so no edge stays on the same pixels for days).
//
// Pure functions of plain data and time: the caller passes the local wall-clock time (seconds
// since 1970-01-01 00:00 in local time, i.e. Unix time plus the UTC offset), so tests need no
// clock and a long sleep never makes a jump. Does NOT read config files, draw, or touch the
// backlight (a black frame is what "off" means here; see deploy/README.md for panel power).
#pragma once
#include <string>

namespace kiosk::app {

struct DisplayParams {
    bool schedule = false;             // false: always on (on_minute/off_minute ignored)
    int on_minute = 7 * 60;            // minute of the local day the screen comes on (07:00)
    int off_minute = 22 * 60;          // minute it goes black (22:00); before on_minute: on overnight
    double wake_s = 300.0;             // a touch while off shows the article this long after the last touch
    int shift_px = 3;                  // burn-in care: the layout wanders up to this far from centre (0: never)
    double shift_period_s = 180.0;     // one pixel step this often
};

struct PixelShift {
    int x = 0, y = 0;                  // add to every drawn position; subtract from input positions
    bool operator==(const PixelShift&) const = default;
};

struct DisplayState {
    bool on = true;                    // false: black screen, nothing drawn, input only wakes it
    bool woken = false;                // on only because a touch woke it during off hours
    PixelShift shift;                  // where the layout sits now
    double next_change = 0.0;          // local seconds when `on` or `shift` next changes without input
};

// The state at `local_now`. `last_touch` is the local time of the latest pointer press, or a
// negative value for none.
DisplayState display_state(const DisplayParams& params, double local_now, double last_touch);

// Whether the schedule alone (no touch) has the screen on at `local_now`.
bool scheduled_on(const DisplayParams& params, double local_now);

// The burn-in offset at `local_now`: a 1-pixel-a-step serpentine over [-shift_px, shift_px]^2 and
// back again (never a jump of more than one pixel). A function of the time alone, so a restart
// lands where the last run was.
PixelShift burn_in_shift(const DisplayParams& params, double local_now);

// "HH:MM" (24-hour, 00:00 to 23:59; also "24:00" as the end of the day) -> minute of the day; -1 if malformed.
int parse_clock_time(const std::string& text);

}  // namespace kiosk::app
