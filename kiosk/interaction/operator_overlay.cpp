#include "interaction/operator_overlay.h"

#include <cmath>
#include <limits>

namespace kiosk::app {

void OperatorOverlay::open(double now) {
    if (!lock_.enabled()) return;
    screen_ = OperatorScreen::Pin;
    entered_.clear();
    tried_ = false;
    last_touch_ = now;
}

void OperatorOverlay::close() {
    screen_ = OperatorScreen::Closed;
    entered_.assign(entered_.size(), '\0');  // do not leave the digits lying in memory
    entered_.clear();
}

OperatorScreen OperatorOverlay::screen(double now) const {
    if (screen_ != OperatorScreen::Closed && now - last_touch_ >= params_.auto_close_s) return OperatorScreen::Closed;
    return screen_;
}

OperatorAction OperatorOverlay::press(OperatorKey key, int digit, double now) {
    const OperatorScreen current = screen(now);
    if (current == OperatorScreen::Closed) {
        close();
        return OperatorAction::None;
    }
    last_touch_ = now;
    if (current == OperatorScreen::Pin) {
        switch (key) {
            case OperatorKey::Digit:
                if (digit >= 0 && digit <= 9 && static_cast<int>(entered_.size()) < params_.max_digits)
                    entered_ += static_cast<char>('0' + digit);
                break;
            case OperatorKey::Back:
                if (!entered_.empty()) entered_.pop_back();
                break;
            case OperatorKey::Enter:
                last_result_ = lock_.try_pin(entered_, now);
                tried_ = true;
                entered_.assign(entered_.size(), '\0');
                entered_.clear();
                if (last_result_ == PinResult::Accepted) screen_ = OperatorScreen::Facts;
                break;
            case OperatorKey::Cancel:
            case OperatorKey::Close: close(); break;
            default: break;  // the facts screen's buttons are not on the pad
        }
        return OperatorAction::None;
    }
    switch (key) {
        case OperatorKey::Exit: close(); return OperatorAction::Exit;
        case OperatorKey::Reload:
            last_touch_ = now;  // stays open: the facts then show how the reload went
            return OperatorAction::Reload;
        case OperatorKey::Close:
        case OperatorKey::Cancel: close(); return OperatorAction::None;
        default: return OperatorAction::None;
    }
}

std::string OperatorOverlay::message(double now) const {
    const double wait = lock_.wait_left(now);
    if (wait > 0.0) return "Too many wrong tries. Try again in " + std::to_string(static_cast<int>(std::ceil(wait))) + " s.";
    if (tried_ && (last_result_ == PinResult::Rejected || last_result_ == PinResult::Waiting)) return "Wrong PIN.";
    return "";
}

double OperatorOverlay::next_change(double now) const {
    if (screen(now) == OperatorScreen::Closed) return std::numeric_limits<double>::infinity();
    double next = last_touch_ + params_.auto_close_s;
    const double wait = lock_.wait_left(now);
    if (wait > 0.0) next = std::min(next, now + (wait - std::floor(wait) > 0.0 ? wait - std::floor(wait) : 1.0));
    return next;
}

}  // namespace kiosk::app
