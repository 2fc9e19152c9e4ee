#include "app/content_reload.h"

#include <optional>
#include <utility>

#include "app/app.h"
#include "app/content_source.h"

namespace kiosk::app {

ReloadReport reload_content(ContentSource& source, App& app, double now) {
    ReloadReport report;
    std::optional<content::Bundle> bundle = source.reload(now);
    if (source.dir().empty()) {
        report.summary = "reload: showing the built-in bundle; there is no --content folder to read";
        return report;
    }
    const LoadRecord& record = source.history().back();
    for (const core::Fault& fault : record.faults) {
        report.fault_lines.push_back(record.origin + ": " + core::format_fault(fault));
        app.note_fault(report.fault_lines.back());
    }
    if (bundle) {
        app.set_bundle(std::move(*bundle), now);
        report.outcome = ReloadOutcome::Swapped;
        report.summary = "reloaded " + source.dir() + " (content " + source.shown_hash() + ")";
    } else if (record.accepted) {
        report.outcome = ReloadOutcome::Unchanged;
        report.summary = "reload: " + source.dir() + " is unchanged (content " + source.shown_hash() + ")";
    } else {
        report.outcome = ReloadOutcome::Refused;
        report.summary = "reload refused; still showing " + source.shown_origin() + " (content " + source.shown_hash() + ")";
        app.note_fault(report.summary);
    }
    return report;
}

}  // namespace kiosk::app
