#include "interaction/idle.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kiosk::app {

namespace {
constexpr double kForever = std::numeric_limits<double>::infinity();
}

IdleStatus IdleMachine::status(double now) const {
    IdleStatus status;
    status.reset_count = resets_before_;
    if (params_.quiet_s <= 0.0) return status;  // idle handling off
    const double quiet = now - last_input_;
    if (quiet < params_.quiet_s) return status;
    const double countdown = std::max(0.0, params_.countdown_s);
    const double into_card = quiet - params_.quiet_s;
    if (into_card < countdown) {
        status.phase = IdlePhase::Prompt;
        status.countdown_left_s = countdown - into_card;
        status.countdown_shown = static_cast<int>(std::ceil(status.countdown_left_s - 1e-9));
        return status;
    }
    status.reset_count = resets_before_ + 1;
    if (!params_.attract || params_.attract_views <= 0 || params_.attract_view_s <= 0.0) {
        status.phase = IdlePhase::Resting;
        return status;
    }
    status.phase = IdlePhase::Attract;
    const double into_loop = into_card - countdown;
    const double slot = std::floor(into_loop / params_.attract_view_s);
    status.attract_view = static_cast<int>(std::fmod(slot, static_cast<double>(params_.attract_views)));
    status.attract_view_t = into_loop - slot * params_.attract_view_s;
    return status;
}

WakeAction IdleMachine::input(double now) {
    const IdleStatus before = status(now);
    resets_before_ = before.reset_count;
    last_input_ = now;
    switch (before.phase) {
        case IdlePhase::Active:
        case IdlePhase::Resting: return WakeAction::Pass;
        case IdlePhase::Prompt: return WakeAction::SwallowKeep;
        case IdlePhase::Attract: return WakeAction::SwallowReset;
    }
    return WakeAction::Pass;
}

double IdleMachine::next_change(double now) const {
    if (params_.quiet_s <= 0.0) return kForever;
    const IdleStatus current = status(now);
    const double card_at = last_input_ + params_.quiet_s;
    const double reset_at = card_at + std::max(0.0, params_.countdown_s);
    switch (current.phase) {
        case IdlePhase::Active: return std::max(now, card_at);
        case IdlePhase::Prompt: {
            // The next whole second shown, or the reset itself.
            const double next_second = reset_at - (current.countdown_shown - 1);
            return std::max(now, std::min(next_second, reset_at));
        }
        case IdlePhase::Resting: return kForever;
        case IdlePhase::Attract: return now + (params_.attract_view_s - current.attract_view_t);
    }
    return kForever;
}

}  // namespace kiosk::app
