// ServiceNotifier against a real notify socket, as systemd would listen on it: READY once, pings
// at a quarter of the watchdog interval of the injected clock, STOPPING, and nothing at all
// without NOTIFY_SOCKET.
#include <catch2/catch.hpp>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "platform/service_notify.h"
#include "test_support.h"

using kiosk::platform::ServiceNotifier;

namespace {

// A datagram socket standing in for systemd's notify socket.
class NotifyListener {
public:
    NotifyListener() {
        path_ = (std::filesystem::temp_directory_path() / ("kiosk-notify-" + std::to_string(getpid()))).string();
        std::filesystem::remove(path_);
        fd_ = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::strncpy(address.sun_path, path_.c_str(), sizeof address.sun_path - 1);
        bound_ = fd_ >= 0 && bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    }
    ~NotifyListener() {
        if (fd_ >= 0) close(fd_);
        std::filesystem::remove(path_);
    }
    bool bound() const { return bound_; }
    const std::string& path() const { return path_; }
    // Every datagram waiting now.
    std::vector<std::string> take() {
        std::vector<std::string> messages;
        char buffer[4096];
        for (;;) {
            const ssize_t n = recv(fd_, buffer, sizeof buffer, 0);
            if (n < 0) break;
            messages.emplace_back(buffer, size_t(n));
        }
        return messages;
    }

private:
    std::string path_;
    int fd_ = -1;
    bool bound_ = false;
};

}  // namespace

TEST_CASE("the service notifier sends READY once, watchdog pings on time, and STOPPING", "[service]") {
    NotifyListener listener;
    REQUIRE(listener.bound());
    kiosk::test::ScopedEnv socket("NOTIFY_SOCKET", listener.path().c_str());
    kiosk::test::ScopedEnv watchdog("WATCHDOG_USEC", "2000000");
    kiosk::test::ScopedEnv watchdog_pid("WATCHDOG_PID", "1");  // cage's pid under systemd, never ours

    ServiceNotifier notifier;
    CHECK(notifier.enabled());
    CHECK(notifier.watchdog_s() == Approx(2.0));

    notifier.ready("showing the article");
    notifier.ready("again");  // ignored: READY is sent once per run
    std::vector<std::string> got = listener.take();
    REQUIRE(got.size() == 1);
    CHECK(got[0] == "READY=1\nSTATUS=showing the article");

    notifier.keep_alive(10.0);  // first pass: ping at once
    notifier.keep_alive(10.1);
    notifier.keep_alive(10.49);
    CHECK(listener.take() == std::vector<std::string>{"WATCHDOG=1"});
    CHECK(notifier.next_ping_due() == Approx(10.5));  // a quarter of 2 s after the last ping
    notifier.keep_alive(10.5);
    notifier.keep_alive(11.2);
    CHECK(listener.take() == std::vector<std::string>{"WATCHDOG=1", "WATCHDOG=1"});

    notifier.stopping();
    CHECK(listener.take() == std::vector<std::string>{"STOPPING=1"});
}

TEST_CASE("without systemd the notifier does nothing and never asks the loop to wake", "[service]") {
    kiosk::test::ScopedEnv socket("NOTIFY_SOCKET", nullptr);
    kiosk::test::ScopedEnv watchdog("WATCHDOG_USEC", "2000000");
    ServiceNotifier notifier;
    CHECK_FALSE(notifier.enabled());
    CHECK(notifier.watchdog_s() == 0.0);
    CHECK(std::isinf(notifier.next_ping_due()));
    notifier.ready("x");
    notifier.keep_alive(1.0);
    notifier.stopping();

    SECTION("a socket that is not there costs one log line, not a crash") {
        kiosk::test::ScopedEnv gone("NOTIFY_SOCKET", "/nonexistent/kiosk-notify");
        ServiceNotifier lost;
        CHECK(lost.enabled());
        lost.ready("x");
        lost.keep_alive(1.0);
    }
    SECTION("a malformed WATCHDOG_USEC means no watchdog") {
        NotifyListener listener;
        kiosk::test::ScopedEnv present("NOTIFY_SOCKET", listener.path().c_str());
        kiosk::test::ScopedEnv bad("WATCHDOG_USEC", "12abc");
        CHECK(ServiceNotifier().watchdog_s() == 0.0);
    }
}
