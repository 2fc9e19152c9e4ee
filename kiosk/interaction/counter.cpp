#include "interaction/counter.h"

#include <algorithm>
#include <cmath>

namespace kiosk::app {

double counter_settles_after(const CounterParams& params) {
    if (params.reduced_motion) return 0.0;
    return std::max(0.0, params.delay_seconds) + std::max(0.0, params.count_seconds);
}

double counter_progress(double elapsed, const CounterParams& params) {
    if (params.reduced_motion) return 1.0;
    // Written so NaN falls into the first branch: `!(x > y)` is true for NaN.
    const double delay = std::max(0.0, params.delay_seconds);
    if (!(elapsed > delay)) return 0.0;
    if (elapsed >= counter_settles_after(params)) return 1.0;
    const double linear = (elapsed - delay) / params.count_seconds;  // in (0, 1): count_seconds > 0 here
    // Each step below rounds monotonically, so the result never decreases as `elapsed` grows.
    const double rest = 1.0 - linear;
    return std::clamp(1.0 - rest * rest * rest, 0.0, 1.0);
}

int64_t counter_value(int64_t figure, double elapsed, const CounterParams& params) {
    if (figure <= 0) return 0;
    const double progress = counter_progress(elapsed, params);
    if (progress >= 1.0) return figure;  // exact, whatever the floating point below would give
    const auto value = static_cast<int64_t>(std::floor(static_cast<double>(figure) * progress));
    return std::clamp<int64_t>(value, 0, figure);
}

}  // namespace kiosk::app
