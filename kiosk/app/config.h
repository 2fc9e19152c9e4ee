// The kiosk's settings file (`--config FILE`, TOML): every setting with its default, a range and a
// one-line description, in one list (`visit_config`) that the loader, the README check and
// `--print-config` all walk, so the three cannot disagree. A bad value is reported as a fault and
// its default kept; an unknown key or table is a warning; a missing or unparsable file gives all
// defaults and a fault. Never throws, never exits. Does NOT apply settings (the app and main do).
//
// Adding a table for another subsystem: a struct of fields with defaults and one-line comments,
// a member in KioskConfig, and its fields in visit_config (config.cpp). Nothing else.
#pragma once
#include <string>
#include <vector>

#include "service/display_schedule.h"
#include "core/fault.h"

namespace kiosk::app {

struct WindowConfig {                  // [window]
    bool kiosk = false;                // kiosk lock: fullscreen, no Esc / Alt+F4 / window close, cursor hidden
    bool fullscreen = false;           // fill the monitor (kiosk implies it)
    int monitor = 0;                   // which monitor to fill (0 = the first); out of range: the primary
    double dpi = 0.0;                  // the panel's physical DPI; 0: from the monitor when known, else 96
    double cursor_hide_s = 3.0;        // kiosk: the mouse cursor hides after this long without motion
};

struct IdleConfig {                    // [idle]
    double quiet_s = 90.0;             // untouched this long: the "Still reading?" card; 0: never
    double countdown_s = 10.0;         // the card's countdown before the kiosk returns to its start view
    bool attract = true;               // with nobody there, cycle calmly through the views
    double attract_view_s = 20.0;      // each view shows this long in the attract loop
    std::string start_view = "article";  // the view a reset returns to (article, memorial, sources)
    std::string start_language;        // the language at start and after a reset ("fa"); empty: the bundle's default
};

struct TouchConfig {                   // [touch]
    double tap_slop_mm = 3.0;          // a finger may move this far and still tap
    double long_press_s = 1.2;         // a still press held this long is a long press, never a tap
    double jump_mm = 30.0;             // a pointer leap longer than this between two samples: a second contact
    double fling_time_constant_s = 0.325;  // how long a flick glides (larger: further)
};

struct AccessibilityConfig {           // [accessibility]
    int text_size = 0;                 // the text size step at start and after a reset (0 = normal, up to 3)
    bool high_contrast = false;        // start in high contrast (a visitor can switch it)
    bool reduced_motion = false;       // no counting animation, no overscroll bounce, no attract loop
};

struct OperatorConfig {                // [operator]
    std::string pin;                   // 4 to 12 digits to open the operator overlay; empty: the overlay is off
    double hold_s = 2.0;               // the secret gesture: hold this long in one corner, then the opposite one
    int free_tries = 3;                // wrong PINs allowed before the first wait
    double first_wait_s = 30.0;        // the first wait; each further wrong PIN doubles it
    double max_wait_s = 3600.0;        // the longest wait
};

struct KioskConfig {
    WindowConfig window;
    IdleConfig idle;
    TouchConfig touch;
    AccessibilityConfig accessibility;
    OperatorConfig op;                 // [operator] (`operator` is a C++ keyword)
    DisplayParams display;             // [display]: daily on/off times and burn-in shift (app/display_schedule.h)
};

struct ConfigLoad {
    KioskConfig config;                // every bad or missing value holds its default
    std::vector<core::Fault> faults;   // file "" or the path; line and column from the TOML
};

// A file's settings over `base` (every default unless given): what the file sets replaces what
// `base` has; a bad value keeps `base`'s; a file that cannot be read or parsed changes nothing.
ConfigLoad load_config(const std::string& path, const KioskConfig& base = {});
ConfigLoad parse_config(const std::string& toml_text, const std::string& path_for_faults, const KioskConfig& base = {});

// Settings in layers: `file` (the packaged defaults; "" for none), then every *.toml in `dir` in
// the order of their names (a technician's drop-ins, which no upgrade touches). A `dir` that does
// not exist is no fault.
ConfigLoad load_config_layers(const std::string& file, const std::string& dir);

// One documented setting, for the README and `--print-config`.
struct ConfigEntry {
    std::string table;                 // "idle"
    std::string key;                   // "quiet_s"
    std::string default_text;          // as TOML writes it: 90, true, "article"
    std::string range;                 // "0 to 86400", "article, memorial, sources", "" when free
    std::string doc;                   // one line
    bool secret = false;               // never printed with its value
};
std::vector<ConfigEntry> config_reference();

// A commented TOML file with every setting at its default (what `--print-config` prints).
std::string default_config_toml();

}  // namespace kiosk::app
