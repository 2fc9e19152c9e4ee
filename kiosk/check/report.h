// What `kiosk --check` prints: one line per finding, or the same findings as one JSON object.
// Does NOT check anything or choose the exit status.
#pragma once
#include <string>
#include <vector>

#include "core/fault.h"

namespace kiosk::check {

struct Summary {
    int errors = 0;
    int warnings = 0;
};

Summary summarise(const std::vector<core::Fault>& faults);

// "error BadToml manifest.toml:3:7: the manifest is not valid TOML: ..." per fault, then one
// closing line that says what the kiosk would do with the bundle at `origin`.
std::string report_text(const std::vector<core::Fault>& faults, const std::string& origin);

// {"bundle": origin, "usable": bool, "errors": n, "warnings": n, "languages": {"en": {"errors": n,
// "warnings": n}, ...}, "faults": [{"severity", "code", "file", "line", "column", "language",
// "message"}, ...]}; line and column are 0 when unknown, language "" when a fault is in no one
// language; "languages" (the bundle's, the default first) only when `languages` is not empty.
// One line.
std::string report_json(const std::vector<core::Fault>& faults, const std::string& origin,
                        const std::vector<std::string>& languages = {});

// `text` as a JSON string literal, quotes included; bytes that are not UTF-8 become U+FFFD.
std::string json_string(const std::string& text);

}  // namespace kiosk::check
