// One reload, from SIGHUP or the operator's "Reload content": ContentSource loads and validates
// the folder in full, and only a usable bundle whose content changed reaches the App. Each fault
// found goes to the operator overlay's "Faults seen", and the outcome to its "Last reload" line. Does NOT print or watch
// signals: the loop asks for a reload and logs what comes back.
#pragma once
#include <string>
#include <vector>

namespace kiosk::app {

class App;
class ContentSource;

enum class ReloadOutcome {
    NoFolder,   // there is no --content folder to read, or (--content-if-present) it does not exist
    Swapped,    // the new bundle is on screen from the next frame
    Unchanged,  // the folder holds what is shown already
    Refused,    // the folder's bundle is not usable: the last good one stays
};

struct ReloadReport {
    ReloadOutcome outcome = ReloadOutcome::NoFolder;
    std::vector<std::string> fault_lines;  // "origin: severity code file:line:col: message" for the log; the App notes each as "reload: ..."
    std::string summary;                   // one line for the log, e.g. "reloaded DIR (content HASH)"
};

ReloadReport reload_content(ContentSource& source, App& app, double now);

}  // namespace kiosk::app
