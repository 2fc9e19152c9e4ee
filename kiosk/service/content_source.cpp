#include "service/content_source.h"

#include <filesystem>
#include <system_error>

#include "check/validate.h"

namespace kiosk::app {

const std::string ContentSource::kNone;

ContentSource::ContentSource(std::vector<ContentFolder> folders) : folders_(std::move(folders)) {}

ContentSource::ContentSource(std::string dir, bool if_present)
    : ContentSource(dir.empty() ? std::vector<ContentFolder>{} : std::vector<ContentFolder>{{std::move(dir), if_present}}) {}

void ContentSource::find_present() {
    present_.clear();
    for (const ContentFolder& folder : folders_) {
        std::error_code error;
        // A dangling link or an unreadable parent is a fault to report, not an absent folder.
        const bool absent = std::filesystem::symlink_status(folder.path, error).type() == std::filesystem::file_type::not_found;
        if (!absent || !folder.if_present) present_.push_back(folder.path);
    }
}

content::Bundle ContentSource::show(content::LoadResult&& loaded) {
    shown_hash_ = loaded.bundle.hash;
    shown_origin_ = loaded.bundle.origin;
    return std::move(loaded.bundle);
}

content::Bundle ContentSource::take_builtin(double now) {
    content::LoadResult builtin = check::load_and_validate_builtin();
    // The built-in bundle is checked by the test suite; were it ever faulty, it is still the best
    // there is, so it is shown with its faults recorded.
    record(now, builtin, true);
    return show(std::move(builtin));
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
    find_present();
    for (const std::string& dir : present_) {
        content::LoadResult loaded = check::load_and_validate_dir(dir);
        record(now, loaded, loaded.usable);
        if (loaded.usable) return show(std::move(loaded));
    }
    return take_builtin(now);
}

std::optional<content::Bundle> ContentSource::reload(double now) {
    if (folders_.empty()) return std::nullopt;
    find_present();
    if (present_.empty()) {
        if (shown_origin_ == "built-in") return std::nullopt;
        return take_builtin(now);
    }
    const std::string& dir = present_.front();
    content::LoadResult loaded = check::load_and_validate_dir(dir);
    if (!loaded.usable) {
        LoadRecord& entry = record(now, loaded, false);
        entry.faults.insert(entry.faults.begin(),
                            core::make_fault(core::FaultCode::ReloadFailed, "", 0, 0,
                                             "the bundle in " + dir + " has errors; the kiosk keeps showing " +
                                                 (shown_origin_ == dir ? "its last good version" : "the " + shown_origin_ + " bundle")));
        return std::nullopt;
    }
    record(now, loaded, true);
    if (loaded.bundle.hash == shown_hash_ && loaded.bundle.origin == shown_origin_) return std::nullopt;
    return show(std::move(loaded));
}

}  // namespace kiosk::app
