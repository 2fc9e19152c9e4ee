// Tells the service manager how the kiosk is doing, through sd_notify (libsystemd): READY=1 once
// the first frame is on screen, WATCHDOG=1 pings from the render loop, STATUS= lines, STOPPING=1
// on the way out. Does nothing when the kiosk was not started by systemd (no NOTIFY_SOCKET).
// Never blocks and never fails the caller: a lost datagram only means a missed ping.
//
// Gotcha (WATCHDOG_PID): under cage the service's main process is cage, and systemd sets
// WATCHDOG_PID to cage's pid, so sd_watchdog_enabled() in the kiosk says "not for you". The unit
// has NotifyAccess=all so that pings from the kiosk count; here WATCHDOG_USEC is read directly
// and WATCHDOG_PID ignored.
#pragma once
#include <limits>
#include <string>

namespace kiosk::platform {

class ServiceNotifier {
public:
    // Reads NOTIFY_SOCKET and WATCHDOG_USEC from the environment.
    ServiceNotifier();

    bool enabled() const { return enabled_; }
    // The systemd watchdog interval in seconds; 0 when there is none.
    double watchdog_s() const { return watchdog_s_; }

    void ready(const std::string& status);  // the first call sends READY=1; later calls do nothing
    void status(const std::string& status);
    // Call on every pass of the render loop with the platform clock. Pings when a quarter of the
    // watchdog interval has passed since the last ping, so one slow frame never trips it.
    void keep_alive(double now);
    // When the loop must wake up at the latest to ping in time; +inf without a watchdog.
    double next_ping_due() const;
    void stopping();

private:
    bool send(const std::string& message);

    bool enabled_ = false;             // NOTIFY_SOCKET set
    bool ready_sent_ = false;
    double watchdog_s_ = 0.0;          // from WATCHDOG_USEC
    double last_ping_ = -std::numeric_limits<double>::infinity();  // platform seconds
    bool send_failed_logged_ = false;  // a failing socket is logged once
};

}  // namespace kiosk::platform
