// Notices that the package manager replaced the kiosk's own program while it runs (an upgrade
// from the museum's repository), so that the new version takes over when nobody is reading: at the
// idle reset, in the attract loop or at rest, or while the display schedule has the screen off.
// Never in the middle of a visitor's reading. The kiosk then ends cleanly and the service manager
// starts the new version (Restart=always). Does NOT exit, draw or read settings: the loop asks.
#pragma once
#include <string>
#include <sys/types.h>

#include "interaction/idle.h"

namespace kiosk::app {

struct NewVersionParams {
    std::string self_link = "/proc/self/exe";  // the running program; its target is the installed path
    double check_every_s = 10.0;               // at most one stat() of the installed path this often
};

class NewVersionWatch {
public:
    explicit NewVersionWatch(NewVersionParams params = {});

    // True once the file at the path the kiosk started from is another one than the program that
    // runs (dpkg installs a new file and renames it over the old). Stays true. `now` on any clock.
    bool installed(double now);
    const std::string& path() const { return path_; }

private:
    NewVersionParams params_;
    std::string path_;        // where the running program was installed; "" when unknown
    dev_t device_ = 0;
    ino_t inode_ = 0;
    bool known_ = false;      // path_ and the running program's identity were read at start
    bool installed_ = false;
    double last_check_ = -1e300;
};

// Whether a new version may take over now: only when nobody is reading.
bool hand_over_now(bool new_version_installed, IdlePhase phase, bool display_on);

}  // namespace kiosk::app
