#include "check/report.h"

#include <cstdio>

#include "text/utf8.h"

namespace kiosk::check {

Summary summarise(const std::vector<core::Fault>& faults) {
    Summary summary;
    for (const core::Fault& fault : faults) (fault.severity == core::Severity::Error ? summary.errors : summary.warnings)++;
    return summary;
}

std::string report_text(const std::vector<core::Fault>& faults, const std::string& origin) {
    std::string out;
    for (const core::Fault& fault : faults) out += core::format_fault(fault) + '\n';
    const Summary summary = summarise(faults);
    const auto count = [](int n, const char* what) { return std::to_string(n) + " " + what + (n == 1 ? "" : "s"); };
    out += origin + ": " + count(summary.errors, "error") + ", " + count(summary.warnings, "warning") + ": ";
    if (summary.errors > 0) out += "the kiosk would refuse this bundle and show its last good or built-in one\n";
    else if (summary.warnings > 0) out += "the kiosk would show this bundle as well as it can\n";
    else out += "the kiosk would show this bundle as intended\n";
    return out;
}

std::string json_string(const std::string& text) {
    std::string out = "\"";
    for (size_t pos = 0; pos < text.size();) {
        const uint32_t codepoint = text::next_codepoint(text, pos);
        switch (codepoint) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (codepoint < 0x20 || codepoint == 0x7F) {
                    char escaped[8];
                    std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned>(codepoint));
                    out += escaped;
                } else {
                    text::append_utf8(out, codepoint);
                }
        }
    }
    return out + "\"";
}

std::string report_json(const std::vector<core::Fault>& faults, const std::string& origin,
                        const std::vector<std::string>& languages) {
    const Summary summary = summarise(faults);
    std::string out = "{\"bundle\":" + json_string(origin) + ",\"usable\":" + (summary.errors == 0 ? "true" : "false") +
                      ",\"errors\":" + std::to_string(summary.errors) +
                      ",\"warnings\":" + std::to_string(summary.warnings);
    if (!languages.empty()) {
        out += ",\"languages\":{";
        for (size_t i = 0; i < languages.size(); ++i) {
            std::vector<core::Fault> own;
            for (const core::Fault& fault : faults)
                if (fault.language == languages[i]) own.push_back(fault);
            const Summary counts = summarise(own);
            if (i > 0) out += ',';
            out += json_string(languages[i]) + ":{\"errors\":" + std::to_string(counts.errors) +
                   ",\"warnings\":" + std::to_string(counts.warnings) + "}";
        }
        out += "}";
    }
    out += ",\"faults\":[";
    for (size_t i = 0; i < faults.size(); ++i) {
        const core::Fault& fault = faults[i];
        if (i > 0) out += ',';
        out += "{\"severity\":\"";
        out += fault.severity == core::Severity::Error ? "error" : "warning";
        out += "\",\"code\":\"" + std::string(core::fault_name(fault.code)) + "\",\"file\":" + json_string(fault.file) +
               ",\"line\":" + std::to_string(fault.line) + ",\"column\":" + std::to_string(fault.column) +
               ",\"language\":" + json_string(fault.language) + ",\"message\":" + json_string(fault.message) + "}";
    }
    return out + "]}\n";
}

}  // namespace kiosk::check
