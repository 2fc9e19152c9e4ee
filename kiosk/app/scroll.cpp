#include "app/scroll.h"

#include <algorithm>
#include <cmath>

namespace kiosk::app {

float Scroll::clamp(float position) const { return std::clamp(position, 0.0f, limit_); }

void Scroll::set_limit(float max_scroll, double now) {
    const float current = position(now);
    limit_ = std::max(0.0f, max_scroll);
    jump_to(current, now);
}

void Scroll::jump_to(float position, double now) {
    from_ = to_ = clamp(position);
    start_ = now;
}

void Scroll::ease_to(float position, double now) {
    from_ = this->position(now);
    to_ = clamp(position);
    start_ = now;
}

void Scroll::ease_by(float delta, double now) { ease_to(to_ + delta, now); }

float Scroll::position(double now) const {
    if (params_.ease_seconds <= 0.0f) return to_;
    const double t = std::clamp((now - start_) / params_.ease_seconds, 0.0, 1.0);
    const double eased = 1.0 - std::pow(1.0 - t, 3.0);  // ease-out cubic
    return static_cast<float>(from_ + (to_ - from_) * eased);
}

}  // namespace kiosk::app
