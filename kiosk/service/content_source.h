// Which bundle the kiosk shows, and a record of every attempt to load one. Each load reads,
// parses and validates in full (check::load_and_validate_dir) before anything is handed over, so
// the App never sees a half-loaded bundle; a bad bundle on reload leaves the last good one on
// screen and is recorded with its faults, for the log and for the operator overlay.
// Does NOT draw, watch signals or touch the App: the loop asks, then gives the App what it gets.
#pragma once
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "content/bundle.h"
#include "core/fault.h"

namespace kiosk::app {

struct LoadRecord {
    double time = 0.0;                 // when the load was tried, on the caller's clock
    std::string origin;                // the bundle directory, or "built-in"
    std::string hash;                  // the content's hash when it was read; "" otherwise
    bool accepted = false;             // true: it went (or stayed) on screen
    std::vector<core::Fault> faults;   // everything the validator found; a refused reload adds ReloadFailed
};

// One folder the kiosk may show a bundle from. A folder given `if_present` may be absent without
// a fault (the service's folders: nobody may have put a bundle there); any other problem with it,
// a dangling link or a broken bundle, is reported as usual.
struct ContentFolder {
    std::string path;
    bool if_present = false;
};

class ContentSource {
public:
    static constexpr size_t kMaxHistory = 32;  // records kept; the oldest go first

    // Folders in order of preference (--content, or --content-if-present given once or more: the
    // service gives the technician's folder, the packaged one and the last good packaged one);
    // none: the built-in bundle only.
    explicit ContentSource(std::vector<ContentFolder> folders);
    // One folder, or none when `dir` is "".
    explicit ContentSource(std::string dir, bool if_present = false);

    // The first bundle: the first folder present whose bundle is usable (a broken one is recorded
    // and passed over), else the built-in one. Never fails.
    content::Bundle load_initial(double now);

    // Loads the first folder present again. Returns its bundle when it is usable and differs from
    // what is shown; nothing when it is unchanged, or bad (what is shown stays, and the record says
    // why: a reload never replaces good content with a folder further down). With no folder given
    // there is nothing to reload; with every folder absent, the built-in bundle when something else
    // is shown.
    std::optional<content::Bundle> reload(double now);

    // Every folder is absent (all given `if_present`): nothing was recorded for them at the last load.
    bool folder_absent() const { return !folders_.empty() && present_.empty(); }

    // The folder the last load read first: the first present; else the first given; "" with none.
    const std::string& dir() const { return present_.empty() ? (folders_.empty() ? kNone : folders_.front().path) : present_.front(); }
    const std::vector<ContentFolder>& folders() const { return folders_; }
    const std::string& shown_hash() const { return shown_hash_; }
    const std::string& shown_origin() const { return shown_origin_; }
    // Newest last. The first record is the initial load.
    const std::deque<LoadRecord>& history() const { return history_; }

private:
    static const std::string kNone;

    LoadRecord& record(double now, const content::LoadResult& loaded, bool accepted);
    void find_present();  // fills present_ from folders_, as the disk is now
    content::Bundle show(content::LoadResult&& loaded);
    content::Bundle take_builtin(double now);

    std::vector<ContentFolder> folders_;
    std::vector<std::string> present_;  // folders_ that exist (or may not be passed over), in order
    std::string shown_hash_;            // hash of the bundle on screen
    std::string shown_origin_;
    std::deque<LoadRecord> history_;
};

}  // namespace kiosk::app
