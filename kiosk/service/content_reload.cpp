#include "service/content_reload.h"

#include <optional>
#include <utility>

#include "app/app.h"
#include "service/content_source.h"

namespace kiosk::app {

ReloadReport reload_content(ContentSource& source, App& app, double now) {
    ReloadReport report;
    std::optional<content::Bundle> bundle = source.reload(now);
    if (source.dir().empty()) {
        report.summary = "reload: showing the built-in bundle; there is no --content folder to read";
        app.note_reload("nothing to reload: the built-in content, no --content folder", now);
        return report;
    }
    if (source.folder_absent()) {
        report.summary = "reload: there is no folder " + source.dir() + "; showing the built-in bundle (content " +
                         source.shown_hash() + ")";
        if (bundle) {
            app.set_bundle(std::move(*bundle), now);
            report.outcome = ReloadOutcome::Swapped;
            app.note_reload("the folder is gone: the built-in content shown (" + source.shown_hash() + ")", now);
        } else {
            app.note_reload("nothing to reload: no folder " + source.dir() + ", the built-in content stays", now);
        }
        return report;
    }
    const LoadRecord& record = source.history().back();
    int errors = 0;
    for (const core::Fault& fault : record.faults) {
        const std::string line = core::format_fault(fault);
        report.fault_lines.push_back(record.origin + ": " + line);
        // ReloadFailed only says the reload was refused, which "Last reload" shows; the overlay
        // lists what is wrong in the bundle, without the folder (its Source line has it).
        if (fault.code == core::FaultCode::ReloadFailed) continue;
        app.note_fault("reload: " + line);
        errors += fault.severity == core::Severity::Error;
    }
    if (bundle) {
        app.set_bundle(std::move(*bundle), now);
        report.outcome = ReloadOutcome::Swapped;
        report.summary = "reloaded " + source.dir() + " (content " + source.shown_hash() + ")";
        app.note_reload("new content shown (" + source.shown_hash() + ")", now);
    } else if (record.accepted) {
        report.outcome = ReloadOutcome::Unchanged;
        report.summary = "reload: " + source.dir() + " is unchanged (content " + source.shown_hash() + ")";
        app.note_reload("no change: the folder holds what is shown", now);
    } else {
        report.outcome = ReloadOutcome::Refused;
        report.summary = "reload refused; still showing " + source.shown_origin() + " (content " + source.shown_hash() + ")";
        app.note_reload("refused (" + std::to_string(errors) + (errors == 1 ? " error" : " errors") +
                            "); the last good content stays",
                        now);
    }
    return report;
}

}  // namespace kiosk::app
