// [fields] every setting once  [load] TOML -> KioskConfig  [reference] README rows, default file.
// toml++ is built with exceptions in Debian: parse errors arrive as toml::parse_error and become a
// ConfigSyntax fault here; nothing leaves this file as an exception.
#include "app/config.h"

#include "content/bundle.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <variant>

namespace kiosk::app {

namespace {

using core::FaultCode;

// [fields] --------------------------------------------------------------------------------------

enum class Kind { Bool, Int, Number, Choice, Pin, Clock, Language };

struct Field {
    const char* table = "";
    const char* key = "";
    Kind kind = Kind::Number;
    std::variant<bool*, int*, double*, std::string*> target;  // Clock: int* minutes of the day
    double min = 0.0, max = 0.0;       // Int, Number: the accepted range (inclusive)
    std::vector<const char*> choices;  // Choice: the accepted words
    const char* doc = "";              // one line for the README and --print-config
};

Field flag(const char* table, const char* key, bool& target, const char* doc) {
    return {table, key, Kind::Bool, &target, 0, 0, {}, doc};
}
Field whole(const char* table, const char* key, int& target, int min, int max, const char* doc) {
    return {table, key, Kind::Int, &target, double(min), double(max), {}, doc};
}
Field number(const char* table, const char* key, double& target, double min, double max, const char* doc) {
    return {table, key, Kind::Number, &target, min, max, {}, doc};
}
Field choice(const char* table, const char* key, std::string& target, std::vector<const char*> choices,
             const char* doc) {
    return {table, key, Kind::Choice, &target, 0, 0, std::move(choices), doc};
}

Field clock(const char* table, const char* key, int& minute_of_day, const char* doc) {
    return {table, key, Kind::Clock, &minute_of_day, 0, 24 * 60, {}, doc};
}

// Every setting, in the order the README and the default file list them.
std::vector<Field> fields_of(KioskConfig& c) {
    return {
        flag("window", "kiosk", c.window.kiosk,
             "kiosk lock: fullscreen, Esc, Alt+F4, Ctrl+Q and window close do nothing, the cursor hides"),
        flag("window", "fullscreen", c.window.fullscreen, "fill the monitor (kiosk = true implies it)"),
        whole("window", "monitor", c.window.monitor, 0, 16, "which monitor to fill, 0 = the first; out of range: the primary"),
        number("window", "dpi", c.window.dpi, 0, 1000,
               "the panel's physical DPI for sizes in millimetres; 0: from the monitor when it says, else 96"),
        number("window", "cursor_hide_s", c.window.cursor_hide_s, 0, 3600,
               "kiosk: the mouse cursor hides after this many seconds without motion; 0: always hidden"),

        number("idle", "quiet_s", c.idle.quiet_s, 0, 86400,
               "seconds untouched before the \"Still reading?\" card; 0: never"),
        number("idle", "countdown_s", c.idle.countdown_s, 1, 600,
               "the card's countdown in seconds; then the kiosk returns to its start view at the top"),
        flag("idle", "attract", c.idle.attract, "with nobody there, cycle calmly through the views (off with reduced motion)"),
        number("idle", "attract_view_s", c.idle.attract_view_s, 5, 3600, "seconds each view shows in the attract loop"),
        choice("idle", "start_view", c.idle.start_view, {"article", "memorial", "sources"},
               "the view a reset returns to"),
        {"idle", "start_language", Kind::Language, &c.idle.start_language, 0, 0, {},
         "the language at start and after a reset, of those the bundle has; empty: the bundle's default; one it "
         "lacks: the default, with a warning"},

        number("touch", "tap_slop_mm", c.touch.tap_slop_mm, 0.5, 20, "a finger may move this many mm and still tap"),
        number("touch", "long_press_s", c.touch.long_press_s, 0.3, 10,
               "a still press held this many seconds is a long press, never a tap"),
        number("touch", "jump_mm", c.touch.jump_mm, 5, 500,
               "a pointer leap longer than this (mm) between two samples is a second finger or a palm: it moves nothing"),
        number("touch", "fling_time_constant_s", c.touch.fling_time_constant_s, 0.05, 2,
               "how long a flick glides; larger glides further"),

        whole("accessibility", "text_size", c.accessibility.text_size, 0, 3,
              "the text size step at start and after a reset: 0 normal, 1 to 3 larger"),
        flag("accessibility", "high_contrast", c.accessibility.high_contrast,
             "start in high contrast (visitors can switch it on screen)"),
        flag("accessibility", "reduced_motion", c.accessibility.reduced_motion,
             "no counting animation, no bounce at the ends, no attract loop"),

        {"operator", "pin", Kind::Pin, &c.op.pin, 4, 12, {},
         "4 to 12 digits, in quotes, to open the operator overlay; never shown; empty: the overlay is off"},
        number("operator", "hold_s", c.op.hold_s, 1, 10,
               "the secret gesture: hold this many seconds in one corner, then in the opposite corner"),
        whole("operator", "free_tries", c.op.free_tries, 1, 10, "wrong PINs allowed before the first wait"),
        number("operator", "first_wait_s", c.op.first_wait_s, 1, 86400,
               "the first wait in seconds; each further wrong PIN doubles it"),
        number("operator", "max_wait_s", c.op.max_wait_s, 1, 604800, "the longest wait in seconds"),

        flag("display", "schedule", c.display.schedule,
             "turn the screen black outside the on/off times below (local time); false: always on"),
        clock("display", "on", c.display.on_minute, "the local time the screen comes on, in quotes"),
        clock("display", "off", c.display.off_minute,
              "the local time it goes black (nothing drawn); earlier than `on`: on overnight"),
        number("display", "wake_s", c.display.wake_s, 10, 86400,
               "during off hours a touch shows the article for this many seconds after the last touch"),
        whole("display", "shift_px", c.display.shift_px, 0, 16,
              "burn-in care: the whole picture wanders up to this many pixels, one at a time; 0: never"),
        number("display", "shift_period_s", c.display.shift_period_s, 30, 86400,
               "seconds between two one-pixel steps of that wander"),
    };
}

std::string format_number(double value) {
    char buffer[64];
    if (value == std::floor(value) && std::abs(value) < 1e15) std::snprintf(buffer, sizeof buffer, "%.0f", value);
    else std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

std::string value_text(const Field& field) {
    switch (field.kind) {
        case Kind::Bool: return *std::get<bool*>(field.target) ? "true" : "false";
        case Kind::Int: return std::to_string(*std::get<int*>(field.target));
        case Kind::Number: return format_number(*std::get<double*>(field.target));
        case Kind::Choice:
        case Kind::Pin:
        case Kind::Language: return "\"" + *std::get<std::string*>(field.target) + "\"";
        case Kind::Clock: {
            const int minute = *std::get<int*>(field.target);
            char text[16];
            std::snprintf(text, sizeof text, "\"%02d:%02d\"", minute / 60, minute % 60);
            return text;
        }
    }
    return "";
}

std::string range_text(const Field& field) {
    switch (field.kind) {
        case Kind::Bool: return "true, false";
        case Kind::Int:
        case Kind::Number: return format_number(field.min) + " to " + format_number(field.max);
        case Kind::Choice: {
            std::string out;
            for (const char* word : field.choices) out += (out.empty() ? "" : ", ") + std::string(word);
            return out;
        }
        case Kind::Pin: return "\"\" or 4 to 12 digits";
        case Kind::Language: return "\"\" or a language tag such as \"fa\"";
        case Kind::Clock: return "\"00:00\" to \"24:00\"";
    }
    return "";
}

// [load] ----------------------------------------------------------------------------------------

class Loader {
public:
    Loader(const std::string& path, std::vector<core::Fault>& faults)
        : path_(path), faults_(faults), default_fields_(fields_of(defaults_)) {}

    void fault(FaultCode code, const toml::node* node, std::string message) {
        const int line = node ? static_cast<int>(node->source().begin.line) : 0;
        const int column = node ? static_cast<int>(node->source().begin.column) : 0;
        faults_.push_back(core::make_fault(code, path_, line, column, std::move(message)));
    }

    // Sets the field from the node, or reports why not and leaves what it holds: the default, or
    // the value a settings file read before this one gave it (--config-dir's layers).
    void read(const Field& field, const toml::node& node) {
        const std::string name = std::string(field.table) + "." + field.key;
        const std::string kept = value_text(field);
        std::string keep = "; using the default " + kept;
        for (const Field& fallback : default_fields_)
            if (std::string(fallback.table) == field.table && std::string(fallback.key) == field.key &&
                value_text(fallback) != kept)
                keep = "; keeping " + kept + " from the settings read before";
        switch (field.kind) {
            case Kind::Bool:
                if (const auto* v = node.as_boolean()) *std::get<bool*>(field.target) = v->get();
                else fault(FaultCode::BadSetting, &node, name + " must be true or false" + keep);
                return;
            case Kind::Int: {
                const auto* v = node.as_integer();
                if (!v || double(v->get()) < field.min || double(v->get()) > field.max) {
                    fault(FaultCode::BadSetting, &node, name + " must be a whole number from " + range_text(field) + keep);
                    return;
                }
                *std::get<int*>(field.target) = static_cast<int>(v->get());
                return;
            }
            case Kind::Number: {
                double value = 0.0;
                bool ok = false;
                if (const auto* f = node.as_floating_point()) ok = true, value = f->get();
                else if (const auto* i = node.as_integer()) ok = true, value = double(i->get());
                if (!ok || !std::isfinite(value) || value < field.min || value > field.max) {
                    fault(FaultCode::BadSetting, &node, name + " must be a number from " + range_text(field) + keep);
                    return;
                }
                *std::get<double*>(field.target) = value;
                return;
            }
            case Kind::Choice: {
                const auto* v = node.as_string();
                bool ok = false;
                if (v)
                    for (const char* word : field.choices) ok = ok || v->get() == word;
                if (!ok) {
                    fault(FaultCode::BadSetting, &node, name + " must be one of " + range_text(field) + keep);
                    return;
                }
                *std::get<std::string*>(field.target) = v->get();
                return;
            }
            case Kind::Language: {
                const auto* v = node.as_string();
                if (!v || !(v->get().empty() || content::is_language_tag(v->get()))) {
                    fault(FaultCode::BadSetting, &node, name + " must be a language tag in quotes, such as \"fa\"" + keep);
                    return;
                }
                *std::get<std::string*>(field.target) = v->get();
                return;
            }
            case Kind::Pin: {
                // The value is never echoed: it may be the real PIN with a typo.
                const auto* v = node.as_string();
                bool ok = v != nullptr;
                if (ok) {
                    const std::string& pin = v->get();
                    ok = pin.empty() || (pin.size() >= size_t(field.min) && pin.size() <= size_t(field.max) &&
                                         pin.find_first_not_of("0123456789") == std::string::npos);
                }
                if (!ok) {
                    const bool earlier = !std::get<std::string*>(field.target)->empty();
                    fault(FaultCode::BadSetting, &node,
                          name + " must be 4 to 12 digits in quotes; " +
                              (earlier ? "the PIN from the settings read before stays" : "the operator overlay stays off"));
                    return;
                }
                *std::get<std::string*>(field.target) = v->get();
                return;
            }
            case Kind::Clock: {
                const auto* v = node.as_string();
                const int minute = v ? parse_clock_time(v->get()) : -1;
                if (minute < 0) {
                    fault(FaultCode::BadSetting, &node, name + " must be a time of day in quotes, like \"07:30\"" + keep);
                    return;
                }
                *std::get<int*>(field.target) = minute;
                return;
            }
        }
    }

private:
    const std::string& path_;
    std::vector<core::Fault>& faults_;
    KioskConfig defaults_;                  // what a setting holds when no file sets it
    std::vector<Field> default_fields_;     // bound to defaults_, to tell a default from a kept value
};

}  // namespace

ConfigLoad parse_config(const std::string& toml_text, const std::string& path_for_faults, const KioskConfig& base) {
    ConfigLoad load;
    load.config = base;
    Loader loader(path_for_faults, load.faults);
    toml::table root;
    try {
        root = toml::parse(toml_text, path_for_faults);
    } catch (const toml::parse_error& error) {
        const auto& where = error.source().begin;
        load.faults.push_back(core::make_fault(FaultCode::ConfigSyntax, path_for_faults, int(where.line),
                                               int(where.column),
                                               "the settings file is not valid TOML (" +
                                                   std::string(error.description()) + "); none of its settings is used"));
        return load;
    }
    std::vector<Field> fields = fields_of(load.config);
    for (const auto& [table_key, table_node] : root) {
        const std::string table_name(table_key.str());
        bool known_table = false;
        for (const Field& field : fields) known_table = known_table || table_name == field.table;
        const toml::table* table = table_node.as_table();
        if (!known_table || !table) {
            loader.fault(FaultCode::UnknownSetting, &table_node,
                         known_table ? "[" + table_name + "] must be a table; ignored"
                                     : "unknown setting or table '" + table_name + "'; ignored");
            continue;
        }
        for (const auto& [key, node] : *table) {
            const Field* found = nullptr;
            for (const Field& field : fields)
                if (table_name == field.table && key.str() == field.key) found = &field;
            if (!found) {
                loader.fault(FaultCode::UnknownSetting, &node,
                             "unknown setting '" + table_name + "." + std::string(key.str()) + "'; ignored");
                continue;
            }
            loader.read(*found, node);
        }
    }
    // toml++ keeps tables sorted by name; report in the file's order instead.
    std::stable_sort(load.faults.begin(), load.faults.end(), [](const core::Fault& a, const core::Fault& b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return load;
}

ConfigLoad load_config(const std::string& path, const KioskConfig& base) {
    constexpr std::streamoff kMaxBytes = 1 << 20;  // a settings file is a few hundred bytes
    std::error_code error;
    bool ok = std::filesystem::is_regular_file(path, error);
    std::ifstream file;
    std::ostringstream bytes;
    if (ok) {
        file.open(path, std::ios::binary);
        file.seekg(0, std::ios::end);
        const std::streamoff size = file.tellg();
        file.seekg(0, std::ios::beg);
        ok = file && size >= 0 && size <= kMaxBytes;
        if (ok && size > 0) ok = static_cast<bool>(bytes << file.rdbuf());
    }
    if (!ok) {
        ConfigLoad load;
        load.config = base;
        load.faults.push_back(core::make_fault(FaultCode::ConfigUnreadable, path, 0, 0,
                                               "cannot read the settings file (missing, unreadable, a directory "
                                               "or over 1 MiB); none of its settings is used"));
        return load;
    }
    return parse_config(bytes.str(), path, base);
}

ConfigLoad load_config_layers(const std::string& file, const std::string& dir) {
    ConfigLoad layers;
    const auto add = [&layers](const std::string& path) {
        ConfigLoad layer = load_config(path, layers.config);
        layers.config = layer.config;
        layers.faults.insert(layers.faults.end(), layer.faults.begin(), layer.faults.end());
    };
    if (!file.empty()) add(file);
    if (dir.empty()) return layers;
    std::error_code error;
    if (!std::filesystem::exists(std::filesystem::symlink_status(dir, error))) return layers;
    std::vector<std::string> drop_ins;
    std::filesystem::directory_iterator entries(dir, error);
    if (error) {
        layers.faults.push_back(core::make_fault(FaultCode::ConfigUnreadable, dir, 0, 0,
                                                 "cannot read the settings folder; none of its files is used"));
        return layers;
    }
    for (const std::filesystem::directory_entry& entry : entries)
        if (entry.path().extension() == ".toml" && entry.path().filename().string()[0] != '.') drop_ins.push_back(entry.path().string());
    std::sort(drop_ins.begin(), drop_ins.end());
    for (const std::string& path : drop_ins) add(path);
    return layers;
}

// [reference] -----------------------------------------------------------------------------------

std::vector<ConfigEntry> config_reference() {
    KioskConfig defaults;
    std::vector<ConfigEntry> entries;
    for (const Field& field : fields_of(defaults)) {
        ConfigEntry entry;
        entry.table = field.table;
        entry.key = field.key;
        entry.default_text = value_text(field);
        entry.range = range_text(field);
        entry.doc = field.doc;
        entry.secret = field.kind == Kind::Pin;
        entries.push_back(std::move(entry));
    }
    return entries;
}

std::string default_config_toml() {
    std::string out =
        "# kiosk settings (--config FILE). Every key is optional; shown here with its default.\n"
        "# A bad value is reported on stderr and its default used.\n";
    std::string table;
    for (const ConfigEntry& entry : config_reference()) {
        if (entry.table != table) {
            table = entry.table;
            out += "\n[" + table + "]\n";
        }
        out += "# " + entry.doc + " (" + entry.range + ")\n";
        out += (entry.secret ? "# " : "") + entry.key + " = " + entry.default_text + "\n";
    }
    return out;
}

}  // namespace kiosk::app
