#include "core/fault.h"

namespace kiosk::core {

std::string_view fault_name(FaultCode code) {
    switch (code) {
#define KIOSK_FAULT_NAME(name, severity) \
    case FaultCode::name: return #name;
        KIOSK_FAULT_CODES(KIOSK_FAULT_NAME)
#undef KIOSK_FAULT_NAME
    }
    return "Unknown";
}

Severity default_severity(FaultCode code) {
    switch (code) {
#define KIOSK_FAULT_SEVERITY(name, severity) \
    case FaultCode::name: return Severity::severity;
        KIOSK_FAULT_CODES(KIOSK_FAULT_SEVERITY)
#undef KIOSK_FAULT_SEVERITY
    }
    return Severity::Error;
}

Fault make_fault(FaultCode code, std::string file, int line, int column, std::string message) {
    Fault fault;
    fault.code = code;
    fault.severity = default_severity(code);
    fault.file = std::move(file);
    fault.line = line;
    fault.column = column;
    fault.message = std::move(message);
    return fault;
}

bool has_errors(const std::vector<Fault>& faults) {
    for (const Fault& fault : faults)
        if (fault.severity == Severity::Error) return true;
    return false;
}

std::string format_fault(const Fault& fault) {
    std::string out = fault.severity == Severity::Error ? "error " : "warning ";
    out += fault_name(fault.code);
    out += ' ';
    if (!fault.file.empty()) {
        out += fault.file;
        if (fault.line > 0) {
            out += ':' + std::to_string(fault.line);
            if (fault.column > 0) out += ':' + std::to_string(fault.column);
        }
        out += ": ";
    }
    out += fault.message;
    return out;
}

}  // namespace kiosk::core
