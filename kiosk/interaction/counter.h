// The memorial counter as a pure function of time: how far the count has gone a given number of
// seconds after the memorial view opened. Counts once from 0 to the figure with an ease-out curve,
// then holds. Does NOT draw, format numbers or read a clock: the caller passes the elapsed time.
#pragma once
#include <cstdint>

namespace kiosk::app {

struct CounterParams {
    double delay_seconds = 0.6;        // a still moment at 0 while the view settles before counting
    double count_seconds = 4.5;        // how long the count takes from 0 to the figure
    bool reduced_motion = false;       // true: the figure at once, no animation
};

// 0 to 1: how far along the eased count is `elapsed` seconds after the view opened. Ease-out
// (cubic): quick at first, slowing to a calm stop. Never decreases as `elapsed` grows; exactly 1
// from delay + count on, and at once with reduced motion. NaN and negative times give 0.
double counter_progress(double elapsed, const CounterParams& params);

// The whole number shown: floor(figure × progress). Monotone in `elapsed`, exactly `figure` when the
// count ends and from then on. A figure below 0 counts as 0.
int64_t counter_value(int64_t figure, double elapsed, const CounterParams& params);

// Seconds after opening from which the counter holds still (0 with reduced motion).
double counter_settles_after(const CounterParams& params);

}  // namespace kiosk::app
