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

class ContentSource {
public:
    static constexpr size_t kMaxHistory = 32;  // records kept; the oldest go first

    // `dir`: the bundle directory from --content; "" for the built-in bundle only. With
    // `if_present` (--content-if-present, the service's folder for content put there by hand) a
    // `dir` that does not exist is no fault: the built-in bundle shows until it is made, and
    // shows again when it is removed.
    explicit ContentSource(std::string dir, bool if_present = false);

    // The first bundle: the directory's when it is usable, else the built-in one. Never fails.
    content::Bundle load_initial(double now);

    // Loads the directory again. Returns the new bundle when it is usable and its content differs
    // from what is shown; nothing when it is unchanged, or bad (the last good one stays, and the
    // record says why). With no directory there is nothing to reload. With `if_present` and the
    // directory absent, the built-in bundle when something else is shown.
    std::optional<content::Bundle> reload(double now);

    // With `if_present`: the directory did not exist at the last load (nothing was recorded for it).
    bool folder_absent() const { return folder_absent_; }

    const std::string& dir() const { return dir_; }
    const std::string& shown_hash() const { return shown_hash_; }
    const std::string& shown_origin() const { return shown_origin_; }
    // Newest last. The first record is the initial load.
    const std::deque<LoadRecord>& history() const { return history_; }

private:
    LoadRecord& record(double now, const content::LoadResult& loaded, bool accepted);

    bool absent_is_fine() const;
    content::Bundle take_builtin(double now);

    std::string dir_;
    bool if_present_ = false;
    bool folder_absent_ = false;
    std::string shown_hash_;           // hash of the bundle on screen
    std::string shown_origin_;
    std::deque<LoadRecord> history_;
};

}  // namespace kiosk::app
