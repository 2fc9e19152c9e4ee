#include "interaction/pin_lock.h"

#include <algorithm>
#include <cmath>

namespace kiosk::app {

bool same_secret(std::string_view a, std::string_view b) {
    unsigned diff = a.size() == b.size() ? 0u : 1u;
    const size_t n = std::max(a.size(), b.size());
    for (size_t i = 0; i < n; ++i) {
        const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
        const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
        diff |= static_cast<unsigned>(x ^ y);
    }
    return diff == 0;
}

PinResult PinLock::try_pin(std::string_view entered, double now) {
    if (!enabled()) return PinResult::Disabled;
    if (wait_left(now) > 0.0) return PinResult::Waiting;
    if (same_secret(entered, pin_)) {
        wrong_ = 0;
        return PinResult::Accepted;
    }
    ++wrong_;
    if (wrong_ >= params_.free_tries) {
        const int doublings = std::min(wrong_ - params_.free_tries, 30);
        const double wait = std::min(params_.max_wait_s, params_.first_wait_s * std::ldexp(1.0, doublings));
        locked_until_ = now + wait;
    }
    return PinResult::Rejected;
}

}  // namespace kiosk::app
