// The operator PIN: checks an entered PIN against the configured one and backs off after wrong
// tries, so guessing a 4-digit PIN at a public screen takes days, not minutes. Pure: the time is
// passed in. Does NOT draw the keypad, store digits anywhere but the caller's buffer, or know where
// the PIN came from. An empty PIN disables the lock entirely: nothing ever unlocks.
#pragma once
#include <string>
#include <string_view>

namespace kiosk::app {

struct PinLockParams {
    int free_tries = 3;                // wrong tries allowed before the first wait
    double first_wait_s = 30.0;        // the wait after `free_tries` wrong tries
    double max_wait_s = 3600.0;        // each further wrong try doubles the wait, up to this
};

enum class PinResult {
    Accepted,     // right PIN: the overlay opens, the wrong-try count starts again
    Rejected,     // wrong PIN (counted)
    Waiting,      // refused unseen: a back-off wait is running (not counted)
    Disabled      // no PIN is configured: the operator overlay cannot open
};

class PinLock {
public:
    explicit PinLock(std::string pin = {}, PinLockParams params = {}) : pin_(std::move(pin)), params_(params) {}

    bool enabled() const { return !pin_.empty(); }
    PinResult try_pin(std::string_view entered, double now);

    // Seconds until another try is accepted; 0 when one may try now.
    double wait_left(double now) const { return now < locked_until_ ? locked_until_ - now : 0.0; }
    int wrong_tries() const { return wrong_; }

private:
    std::string pin_;
    PinLockParams params_;
    int wrong_ = 0;                    // wrong tries since the last right one
    double locked_until_ = -1e300;
};

// Compares without stopping at the first difference, so timing reveals nothing of the PIN.
bool same_secret(std::string_view a, std::string_view b);

}  // namespace kiosk::app
