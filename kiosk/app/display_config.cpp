// [display] -> DisplayParams over toml++. toml++ is built with exceptions in Debian: a parse error
// arrives as toml::parse_error and becomes a BadToml fault here; nothing leaves as an exception.
#include "app/display_config.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <toml++/toml.h>

namespace kiosk::app {

namespace {

using core::FaultCode;

constexpr size_t kMaxConfigBytes = 1 << 20;   // a config is a few lines; more is a wrong file
constexpr int kMaxShiftPx = 16;               // past this the wander shows as a moving page
constexpr double kMaxMinutes = 24 * 60;       // a day

class DisplayReader {
public:
    DisplayReader(const toml::table& table, const std::string& file, DisplayConfig& out)
        : table_(table), file_(file), out_(out) {}

    void read() {
        for (const auto& [key, node] : table_) {
            const std::string name(key.str());
            if (name == "schedule") flag(node, name, out_.params.schedule);
            else if (name == "on") clock(node, name, out_.params.on_minute);
            else if (name == "off") clock(node, name, out_.params.off_minute);
            else if (name == "wake_minutes") minutes(node, name, 0.0, out_.params.wake_s);
            else if (name == "shift_minutes") minutes(node, name, 0.5, out_.params.shift_period_s);
            else if (name == "shift_px") pixels(node, name, out_.params.shift_px);
            else fault(node, "display." + name + " is not a display setting; ignored", core::Severity::Warning);
        }
    }

private:
    void fault(const toml::node& node, const std::string& message, core::Severity severity = core::Severity::Error) {
        core::Fault f = core::make_fault(FaultCode::BadField, file_, int(node.source().begin.line),
                                         int(node.source().begin.column), message);
        f.severity = severity;
        out_.faults.push_back(std::move(f));
    }

    void flag(const toml::node& node, const std::string& name, bool& out) {
        if (const auto* value = node.as_boolean()) out = value->get();
        else fault(node, "display." + name + " must be true or false");
    }

    void clock(const toml::node& node, const std::string& name, int& out) {
        const auto* value = node.as_string();
        const int minute = value ? parse_clock_time(value->get()) : -1;
        if (minute < 0) fault(node, "display." + name + " must be a time of day in quotes, like \"07:30\"");
        else out = minute;
    }

    // A number of minutes (integer or decimal) from `least` to a day, stored as seconds.
    void minutes(const toml::node& node, const std::string& name, double least, double& out_seconds) {
        const std::optional<double> value = node.value<double>();  // integers convert too
        if (!value || !(*value >= least) || *value > kMaxMinutes)
            fault(node, "display." + name + " must be a number of minutes from " + std::to_string(int(least)) +
                            " to " + std::to_string(int(kMaxMinutes)));
        else out_seconds = *value * 60.0;
    }

    void pixels(const toml::node& node, const std::string& name, int& out) {
        const auto* value = node.as_integer();
        if (!value || value->get() < 0 || value->get() > kMaxShiftPx)
            fault(node, "display." + name + " must be a whole number of pixels from 0 to " + std::to_string(kMaxShiftPx));
        else out = int(value->get());
    }

    const toml::table& table_;
    const std::string& file_;
    DisplayConfig& out_;
};

}  // namespace

DisplayConfig parse_display_config(std::string_view toml_text, const std::string& file) {
    DisplayConfig config;
    toml::table root;
    try {
        root = toml::parse(toml_text, file);
    } catch (const toml::parse_error& error) {
        config.faults.push_back(core::make_fault(FaultCode::BadToml, file, int(error.source().begin.line),
                                                 int(error.source().begin.column),
                                                 "the config is not valid TOML: " + std::string(error.description())));
        return config;
    }
    const toml::node* node = root.get("display");
    if (node == nullptr) return config;
    if (const toml::table* table = node->as_table()) {
        DisplayReader(*table, file, config).read();
        // toml++ iterates keys in sorted order; a curator reads faults in file order.
        std::stable_sort(config.faults.begin(), config.faults.end(), [](const core::Fault& a, const core::Fault& b) {
            return std::pair(a.line, a.column) < std::pair(b.line, b.column);
        });
    } else {
        config.faults.push_back(core::make_fault(FaultCode::BadField, file, int(node->source().begin.line),
                                                 int(node->source().begin.column), "display must be a [display] table"));
    }
    return config;
}

DisplayConfig load_display_config(const std::string& path) {
    std::error_code ignored;
    std::ifstream in;
    if (std::filesystem::is_regular_file(path, ignored)) in.open(path, std::ios::binary);
    if (!in.is_open() || !in) {
        DisplayConfig config;
        config.faults.push_back(core::make_fault(FaultCode::FileMissing, path, 0, 0,
                                                 "the config file cannot be opened; using the default display settings"));
        return config;
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (text.str().size() > kMaxConfigBytes) {
        DisplayConfig config;
        config.faults.push_back(core::make_fault(FaultCode::FileTooLarge, path, 0, 0,
                                                 "the config file is larger than 1 MiB; using the default display settings"));
        return config;
    }
    return parse_display_config(text.str(), path);
}

}  // namespace kiosk::app
