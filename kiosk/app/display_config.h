// Reads the [display] table of the kiosk's config file (TOML) into DisplayParams: the daily on/off
// schedule and burn-in care. Only that table: other tables and keys are someone else's and are
// left alone. A bad value is reported as a fault and its default kept, so a typo never blanks
// the screen. Never throws.
//
//   [display]
//   schedule = true        # false (default): always on
//   on = "07:00"           # local time the screen comes on
//   off = "22:00"          # local time it goes black; earlier than `on`: on overnight
//   wake_minutes = 5       # a touch while off shows the article this long
//   shift_px = 3           # burn-in care: wander up to this many pixels (0: off, at most 16)
//   shift_minutes = 3      # one pixel step this often
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "app/display_schedule.h"
#include "core/fault.h"

namespace kiosk::app {

struct DisplayConfig {
    DisplayParams params;              // defaults where the file says nothing or something wrong
    std::vector<core::Fault> faults;   // with `file` and line
};

// `file` names the text in faults.
DisplayConfig parse_display_config(std::string_view toml_text, const std::string& file);

// Reads `path`; a missing or unreadable file is a fault and gives the defaults.
DisplayConfig load_display_config(const std::string& path);

}  // namespace kiosk::app
