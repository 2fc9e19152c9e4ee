#include "service/new_version.h"

#include <sys/stat.h>
#include <unistd.h>

#include <array>

namespace kiosk::app {

NewVersionWatch::NewVersionWatch(NewVersionParams params) : params_(std::move(params)) {
    std::array<char, 4096> target{};
    const ssize_t length = readlink(params_.self_link.c_str(), target.data(), target.size() - 1);
    struct stat running {};
    if (length <= 0 || stat(params_.self_link.c_str(), &running) != 0) return;  // unknown: never reports
    path_.assign(target.data(), size_t(length));
    // The kernel marks a running program whose file was replaced before we looked.
    const std::string deleted = " (deleted)";
    if (path_.size() > deleted.size() && path_.compare(path_.size() - deleted.size(), deleted.size(), deleted) == 0)
        path_.resize(path_.size() - deleted.size());
    device_ = running.st_dev;
    inode_ = running.st_ino;
    known_ = true;
}

bool NewVersionWatch::installed(double now) {
    if (installed_ || !known_ || now - last_check_ < params_.check_every_s) return installed_;
    last_check_ = now;
    struct stat on_disk {};
    // Missing for a moment during an upgrade is not yet a new version: wait for the file.
    if (stat(path_.c_str(), &on_disk) != 0) return false;
    installed_ = on_disk.st_dev != device_ || on_disk.st_ino != inode_;
    return installed_;
}

bool hand_over_now(bool new_version_installed, IdlePhase phase, bool display_on) {
    if (!new_version_installed) return false;
    if (!display_on) return true;
    return phase == IdlePhase::Attract || phase == IdlePhase::Resting;
}

}  // namespace kiosk::app
