#include "service/content_source.h"

#include <filesystem>
#include <system_error>

#include "check/validate.h"

namespace kiosk::app {

ContentSource::ContentSource(std::string dir, bool if_present) : dir_(std::move(dir)), if_present_(if_present) {}

bool ContentSource::absent_is_fine() const {
    if (!if_present_ || dir_.empty()) return false;
    std::error_code error;
    // A dangling link or an unreadable parent is a fault to report, not an absent folder.
    const std::filesystem::file_status status = std::filesystem::symlink_status(dir_, error);
    return status.type() == std::filesystem::file_type::not_found;
}

content::Bundle ContentSource::take_builtin(double now) {
    content::LoadResult builtin = check::load_and_validate_builtin();
    // The built-in bundle is checked by the test suite; were it ever faulty, it is still the best
    // there is, so it is shown with its faults recorded.
    record(now, builtin, true);
    shown_hash_ = builtin.bundle.hash;
    shown_origin_ = builtin.bundle.origin;
    return std::move(builtin.bundle);
}

LoadRecord& ContentSource::record(double now, const content::LoadResult& loaded, bool accepted) {
    LoadRecord entry;
    entry.time = now;
    entry.origin = loaded.bundle.origin;
    entry.hash = loaded.bundle.hash;
    entry.accepted = accepted;
    entry.faults = loaded.faults;
    if (history_.size() == kMaxHistory) history_.pop_front();
    history_.push_back(std::move(entry));
    return history_.back();
}

content::Bundle ContentSource::load_initial(double now) {
    folder_absent_ = absent_is_fine();
    if (!dir_.empty() && !folder_absent_) {
        content::LoadResult loaded = check::load_and_validate_dir(dir_);
        record(now, loaded, loaded.usable);
        if (loaded.usable) {
            shown_hash_ = loaded.bundle.hash;
            shown_origin_ = loaded.bundle.origin;
            return std::move(loaded.bundle);
        }
    }
    return take_builtin(now);
}

std::optional<content::Bundle> ContentSource::reload(double now) {
    if (dir_.empty()) return std::nullopt;
    folder_absent_ = absent_is_fine();
    if (folder_absent_) {
        if (shown_origin_ == "built-in") return std::nullopt;
        return take_builtin(now);
    }
    content::LoadResult loaded = check::load_and_validate_dir(dir_);
    if (!loaded.usable) {
        LoadRecord& entry = record(now, loaded, false);
        entry.faults.insert(entry.faults.begin(),
                            core::make_fault(core::FaultCode::ReloadFailed, "", 0, 0,
                                             "the bundle in " + dir_ + " has errors; the kiosk keeps showing " +
                                                 (shown_origin_ == dir_ ? "its last good version" : "the " + shown_origin_ + " bundle")));
        return std::nullopt;
    }
    record(now, loaded, true);
    if (loaded.bundle.hash == shown_hash_ && loaded.bundle.origin == shown_origin_) return std::nullopt;
    shown_hash_ = loaded.bundle.hash;
    shown_origin_ = loaded.bundle.origin;
    return std::move(loaded.bundle);
}

}  // namespace kiosk::app
