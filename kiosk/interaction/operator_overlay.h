// The operator overlay's state: closed, asking for the PIN, or open with the kiosk's facts and its
// Exit / Reload content / Close buttons. The entered digits stay here and are never drawn (only
// their count, as dots). Closes by itself when left alone, so a visitor never finds it open.
// Pure: the time is passed in. Does NOT draw (views/operator_view.h) or act on Exit and Reload:
// it returns them to the app.
#pragma once
#include <string>

#include "interaction/pin_lock.h"

namespace kiosk::app {

struct OperatorOverlayParams {
    double auto_close_s = 60.0;        // untouched this long (PIN pad or facts): it closes
    int max_digits = 12;               // longest PIN the pad accepts
};

enum class OperatorScreen { Closed, Pin, Facts };
enum class OperatorKey { Digit, Back, Enter, Cancel, Exit, Reload, Close };
enum class OperatorAction { None, Exit, Reload };

class OperatorOverlay {
public:
    OperatorOverlay(PinLock lock = PinLock{}, OperatorOverlayParams params = {})
        : lock_(std::move(lock)), params_(params) {}

    // The secret gesture was made: ask for the PIN. Does nothing when no PIN is configured.
    void open(double now);
    void close();
    // A key of the pad or a button of the facts screen; `digit` for OperatorKey::Digit.
    OperatorAction press(OperatorKey key, int digit, double now);

    OperatorScreen screen(double now) const;   // Closed once auto_close_s has passed untouched
    int digits_entered() const { return static_cast<int>(entered_.size()); }
    // One line under the dots: "" or why the last try failed, with the wait left.
    std::string message(double now) const;
    // When what it shows next changes by itself (the wait counting down, the auto close).
    double next_change(double now) const;
    const PinLock& lock() const { return lock_; }

private:
    PinLock lock_;
    OperatorOverlayParams params_;
    OperatorScreen screen_ = OperatorScreen::Closed;
    std::string entered_;
    PinResult last_result_ = PinResult::Accepted;
    bool tried_ = false;               // a try was made since the pad opened
    double last_touch_ = 0.0;
};

}  // namespace kiosk::app
