#include "signals.h"

#include <pthread.h>

namespace kiosk::platform {

SignalWatcher::SignalWatcher() {
    sigemptyset(&signals_);
    sigaddset(&signals_, SIGTERM);
    sigaddset(&signals_, SIGINT);
    sigaddset(&signals_, SIGHUP);
    pthread_sigmask(SIG_BLOCK, &signals_, &previous_mask_);
    thread_ = std::thread([this] { watch(); });
}

SignalWatcher::~SignalWatcher() {
    exiting_ = true;
    // Any of the watched signals ends the sigwait; `exiting_` tells the thread it was us.
    pthread_kill(thread_.native_handle(), SIGHUP);
    thread_.join();
    pthread_sigmask(SIG_SETMASK, &previous_mask_, nullptr);
}

void SignalWatcher::set_waker(std::function<void()> waker) {
    std::lock_guard<std::mutex> lock(waker_mutex_);
    waker_ = std::move(waker);
}

void SignalWatcher::watch() {
    for (;;) {
        int signal = 0;
        if (sigwait(&signals_, &signal) != 0) continue;
        if (exiting_) return;
        if (signal == SIGHUP) {
            reloads_received_++;
            reload_ = true;
        } else {
            int none = 0;
            stop_signal_.compare_exchange_strong(none, signal);
        }
        std::lock_guard<std::mutex> lock(waker_mutex_);
        if (waker_) waker_();
    }
}

}  // namespace kiosk::platform
