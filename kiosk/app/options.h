// The command line, parsed into plain data. Never exits or prints: the caller decides.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/view_id.h"
#include "platform/platform.h"

namespace kiosk::app {

struct Options {
    std::string content_dir;           // --content DIR: a bundle on disk; empty: the built-in one
    // --content-if-present DIR, once or more: folders in order of preference, each of which may be
    // absent without a fault (the first present one is shown; see service/content_source.h)
    std::vector<std::string> content_if_present;
    bool fullscreen = false;           // --fullscreen
    int width = 0, height = 0;         // --size WxH; 0: 1080×1920 in a window, the monitor when fullscreen
    ViewId view = ViewId::Article;     // --view article|memorial|sources
    double time = -1.0;                // --time SECONDS: show that moment after the view opened; <0: settled (screenshots) or now
    bool reduced_motion = false;       // --reduced-motion: no animation, final states at once
    float scroll = 0.0f;               // --scroll PX: start this far down the article
    std::string language;              // --language TAG: the bundle's language to show; empty: the settings', else the default
    std::string screenshot;            // --screenshot FILE.png: render one frame headless and exit
    std::string config_path;           // --config FILE: settings (TOML, app/config.h); empty: all defaults
    std::string health_file;           // --health-file PATH: the one file the kiosk writes (service/health_file.h)
    std::string config_dir;            // --config-dir DIR: *.toml files over --config's, in name order
    bool print_config = false;         // --print-config: print every setting at its default and exit
    platform::GlApi gl = platform::GlApi::Auto;  // --gl auto|gl3|gles3|gles2: the kind of GL context
    bool check = false;                // --check [DIR]: validate the bundle (DIR, --content or built-in) and exit
    bool json = false;                 // --json: --check prints its findings as JSON
    bool print_manpage = false;        // --print-manpage: print the kiosk(1) manual page (roff) and exit
    bool version = false;              // --version
    bool help = false;                 // --help
};

struct ParsedOptions {
    Options options;
    bool ok = true;
    std::string error;                 // one line, when !ok
};

// Whether an option takes a value, given as the next word or after '=' (--size=800x480).
enum class OptionValue { None, Required, Optional };

// One command-line option. option_table() is the only list of them: --help's text, the kiosk(1)
// manual page (app/manual_page.h) and the names parse_options accepts all come from it.
struct OptionSpec {
    std::string_view name;             // "--content"
    std::string_view placeholder;      // the value's name in the usage, "DIR"; empty: no value
    OptionValue value = OptionValue::None;
    std::string_view help;             // what it does, unwrapped; the printer wraps it
};

std::span<const OptionSpec> option_table();

// The table's row for NAME ("--size"; "-h" is --help), or nullptr: not an option.
const OptionSpec* find_option(std::string_view name);

// The forms of the command line, each as it follows "kiosk " (the usage's and the manual's synopsis).
std::span<const std::string_view> usage_forms();

ParsedOptions parse_options(const std::vector<std::string>& args);

// The usage text printed by --help and after a bad option: the forms, then each option and its help,
// wrapped to 80 columns.
std::string usage();

}  // namespace kiosk::app
