#include "service_notify.h"

#include <systemd/sd-daemon.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace kiosk::platform {

ServiceNotifier::ServiceNotifier() {
    const char* socket = std::getenv("NOTIFY_SOCKET");
    enabled_ = socket != nullptr && socket[0] != '\0';
    if (const char* usec = std::getenv("WATCHDOG_USEC")) {
        char* end = nullptr;
        const unsigned long long value = std::strtoull(usec, &end, 10);
        if (end != usec && *end == '\0' && value > 0) watchdog_s_ = double(value) / 1e6;
    }
    if (!enabled_) watchdog_s_ = 0.0;  // nowhere to ping
}

bool ServiceNotifier::send(const std::string& message) {
    if (!enabled_) return false;
    // unset_environment = 0: later messages (pings, STOPPING) still need NOTIFY_SOCKET.
    const int result = sd_notify(0, message.c_str());
    if (result < 0 && !send_failed_logged_) {
        send_failed_logged_ = true;
        std::fprintf(stderr, "kiosk: sd_notify failed: %s\n", std::strerror(-result));
    }
    return result > 0;
}

void ServiceNotifier::ready(const std::string& status_text) {
    if (ready_sent_) return;
    ready_sent_ = true;  // even if the datagram was lost: one try per run, not one a frame
    send("READY=1\nSTATUS=" + status_text);
}

void ServiceNotifier::status(const std::string& status_text) { send("STATUS=" + status_text); }

void ServiceNotifier::keep_alive(double now) {
    if (watchdog_s_ <= 0.0 || now < next_ping_due()) return;
    send("WATCHDOG=1");
    last_ping_ = now;
}

double ServiceNotifier::next_ping_due() const {
    if (watchdog_s_ <= 0.0) return std::numeric_limits<double>::infinity();
    return last_ping_ + watchdog_s_ / 4.0;
}

void ServiceNotifier::stopping() { send("STOPPING=1"); }

}  // namespace kiosk::platform
