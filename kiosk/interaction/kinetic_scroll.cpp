#include "interaction/kinetic_scroll.h"

#include <algorithm>
#include <cmath>

namespace kiosk::app {

namespace {

constexpr float kSettledPx = 0.5f;     // a spring this close to its end is at rest (sub-pixel)

// Critically damped spring around an end: offset and velocity at t, from offset x0 and velocity v0.
float spring_offset(float x0, float v0, float rate, double t) {
    return static_cast<float>((x0 + (v0 + rate * x0) * t) * std::exp(-rate * t));
}
float spring_velocity(float x0, float v0, float rate, double t) {
    const double b = v0 + rate * x0;
    return static_cast<float>((b - rate * (x0 + b * t)) * std::exp(-rate * t));
}

// When a spring from (x0, v0) stays within kSettledPx of its end for good: past the peak of its
// envelope (|x0| + (|v0| + rate·|x0|)·t)·e^(−rate·t), which only falls from then on.
double spring_settle_time(float x0, float v0, float rate) {
    const double a = std::abs(x0), b = std::abs(v0) + rate * std::abs(x0);
    const double peak = b > 0.0 ? std::max(0.0, 1.0 / rate - a / b) : 0.0;
    constexpr double kStep = 0.002;
    for (double t = peak;; t += kStep) {
        if ((a + b * t) * std::exp(-rate * t) < kSettledPx || t > 30.0) return t;
    }
}

}  // namespace

float KineticScroll::clamp(float position) const { return std::clamp(position, 0.0f, limit_); }

float KineticScroll::rubber(float raw) const {
    if (!params_.overshoot) return clamp(raw);
    const float d = std::max(1.0f, params_.rubber_extent), c = std::clamp(params_.rubber_stiffness, 0.01f, 1.0f);
    const auto band = [&](float over) { return (1.0f - 1.0f / (over * c / d + 1.0f)) * d; };
    if (raw < 0.0f) return -band(-raw);
    if (raw > limit_) return limit_ + band(raw - limit_);
    return raw;
}

float KineticScroll::unrubber(float shown) const {
    if (!params_.overshoot) return clamp(shown);
    const float d = std::max(1.0f, params_.rubber_extent), c = std::clamp(params_.rubber_stiffness, 0.01f, 1.0f);
    const auto unband = [&](float over) {
        const float s = std::min(over, 0.999f * d);
        return d / c * (1.0f / (1.0f - s / d) - 1.0f);
    };
    if (shown < 0.0f) return -unband(-shown);
    if (shown > limit_) return limit_ + unband(shown - limit_);
    return shown;
}

void KineticScroll::rest(float position, double now) {
    kind_ = Kind::Still;
    p0_ = p1_ = position;
    t0_ = now;
    settle_time_ = now;
}

void KineticScroll::set_params(const KineticParams& params, double now) {
    const float current = clamp(position(now));
    params_ = params;
    rest(current, now);
}

void KineticScroll::set_limit(float max_scroll, double now) {
    const float current = position(now);
    const float speed = velocity(now);
    const Kind before = kind_;
    const float eased_to = p1_;
    limit_ = std::max(0.0f, max_scroll);
    switch (before) {
        case Kind::Still: rest(clamp(current), now); break;
        case Kind::Held: break;  // the finger keeps its raw position; the band follows the new ends
        case Kind::Ease: ease_to(eased_to, now); break;
        case Kind::Fling:
        case Kind::Spring: start_fling(current, speed, now); break;
    }
}

void KineticScroll::jump_to(float position, double now) { rest(clamp(position), now); }

void KineticScroll::ease_to(float position, double now) {
    const float from = this->position(now);
    const float to = clamp(position);
    if (params_.ease_seconds <= 0.0f || from == to) {
        rest(to, now);
        return;
    }
    kind_ = Kind::Ease;
    p0_ = from;
    p1_ = to;
    t0_ = now;
    settle_time_ = now + params_.ease_seconds;
}

void KineticScroll::ease_by(float delta, double now) { ease_to(target() + delta, now); }

void KineticScroll::hold(double now) {
    if (kind_ == Kind::Held) return;
    const float shown = position(now);
    kind_ = Kind::Held;
    p0_ = unrubber(shown);
    t0_ = now;
    settle_time_ = now;
}

void KineticScroll::drag_by(float delta, double now) {
    hold(now);
    p0_ += delta;
    if (!params_.overshoot) p0_ = clamp(p0_);
}

void KineticScroll::release(float velocity, double now) {
    hold(now);
    start_fling(rubber(p0_), velocity, now);
}

void KineticScroll::start_spring(float bound, float offset, float velocity, double now) {
    kind_ = Kind::Spring;
    t0_ = now;
    p1_ = bound;
    x0_ = offset;
    // Let go while pulled past the end and still pulling outward: it springs straight back rather
    // than sailing further out.
    if (velocity * offset > 0.0f) velocity = 0.0f;
    v0_ = velocity;
    settle_time_ = now + spring_settle_time(x0_, v0_, params_.spring_rate);
}

void KineticScroll::start_fling(float from, float velocity, double now) {
    if (!std::isfinite(velocity)) velocity = 0.0f;
    if (from < 0.0f || from > limit_) {
        if (!params_.overshoot) {
            rest(clamp(from), now);
            return;
        }
        const float bound = from < 0.0f ? 0.0f : limit_;
        start_spring(bound, from - bound, velocity, now);
        return;
    }
    const float tau = std::max(0.01f, params_.time_constant_s);
    const float stop = std::max(1e-3f, params_.stop_speed);
    if (std::abs(velocity) <= stop) {
        rest(from, now);
        return;
    }
    kind_ = Kind::Fling;
    t0_ = now;
    p0_ = from;
    v0_ = velocity;
    cross_time_ = -1.0;
    const double stop_after = tau * std::log(std::abs(velocity) / stop);
    const float travel = static_cast<float>(velocity * tau * (1.0 - std::exp(-stop_after / tau)));
    const float end = from + travel;
    if (end >= 0.0f && end <= limit_) {
        p1_ = end;
        settle_time_ = now + stop_after;
        return;
    }
    // It reaches an end first: solve p0 + v0·τ·(1 − e^(−t/τ)) = bound for t.
    cross_bound_ = end < 0.0f ? 0.0f : limit_;
    const double ratio = std::clamp((cross_bound_ - from) / (velocity * tau), 0.0f, 0.999999f);
    const double t_cross = -tau * std::log(1.0 - ratio);
    cross_time_ = now + t_cross;
    p1_ = cross_bound_;
    if (!params_.overshoot) {
        cross_velocity_ = 0.0f;
        settle_time_ = cross_time_;
        return;
    }
    const float cap = params_.max_overshoot * params_.spring_rate * std::exp(1.0f);
    cross_velocity_ = std::clamp(static_cast<float>(velocity * std::exp(-t_cross / tau)), -cap, cap);
    settle_time_ = cross_time_ + spring_settle_time(0.0f, cross_velocity_, params_.spring_rate);
}

float KineticScroll::target() const {
    switch (kind_) {
        case Kind::Held: return clamp(rubber(p0_));
        case Kind::Still: return p0_;
        case Kind::Ease:
        case Kind::Fling:
        case Kind::Spring: return p1_;
    }
    return p0_;
}

float KineticScroll::position(double now) const {
    switch (kind_) {
        case Kind::Still: return p0_;
        case Kind::Held: return rubber(p0_);
        case Kind::Ease: {
            if (now >= settle_time_) return p1_;
            const double t = std::clamp((now - t0_) / params_.ease_seconds, 0.0, 1.0);
            const double eased = 1.0 - std::pow(1.0 - t, 3.0);  // ease-out cubic
            return static_cast<float>(p0_ + (p1_ - p0_) * eased);
        }
        case Kind::Fling: {
            if (now >= settle_time_) return p1_;
            if (cross_time_ >= 0.0 && now >= cross_time_)
                return cross_bound_ + spring_offset(0.0f, cross_velocity_, params_.spring_rate, now - cross_time_);
            const double t = std::max(0.0, now - t0_);
            return static_cast<float>(p0_ + v0_ * params_.time_constant_s * (1.0 - std::exp(-t / params_.time_constant_s)));
        }
        case Kind::Spring: {
            if (now >= settle_time_) return p1_;
            return p1_ + spring_offset(x0_, v0_, params_.spring_rate, std::max(0.0, now - t0_));
        }
    }
    return p0_;
}

float KineticScroll::velocity(double now) const {
    if (now >= settle_time_ && kind_ != Kind::Held) return 0.0f;
    switch (kind_) {
        case Kind::Still:
        case Kind::Held: return 0.0f;
        case Kind::Ease: {
            const double t = std::clamp((now - t0_) / params_.ease_seconds, 0.0, 1.0);
            return static_cast<float>((p1_ - p0_) * 3.0 * std::pow(1.0 - t, 2.0) / params_.ease_seconds);
        }
        case Kind::Fling:
            if (cross_time_ >= 0.0 && now >= cross_time_)
                return spring_velocity(0.0f, cross_velocity_, params_.spring_rate, now - cross_time_);
            return static_cast<float>(v0_ * std::exp(-std::max(0.0, now - t0_) / params_.time_constant_s));
        case Kind::Spring: return spring_velocity(x0_, v0_, params_.spring_rate, std::max(0.0, now - t0_));
    }
    return 0.0f;
}

}  // namespace kiosk::app
