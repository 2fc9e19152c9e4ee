#include "app/options.h"

#include <charconv>
#include <cmath>

namespace kiosk::app {

namespace {

bool parse_int(const std::string& text, int& value) {
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    return ec == std::errc() && ptr == end;
}

bool parse_size(const std::string& text, int& width, int& height) {
    const size_t x = text.find_first_of("xX");
    if (x == std::string::npos) return false;
    if (!parse_int(text.substr(0, x), width) || !parse_int(text.substr(x + 1), height)) return false;
    return width >= 64 && height >= 64 && width <= 16384 && height <= 16384;
}

bool parse_seconds(const std::string& text, double& value) {
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    return ec == std::errc() && ptr == end && std::isfinite(value) && value >= 0.0 && value <= 1e6;
}

bool parse_pixels(const std::string& text, float& value) {
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, value);
    return ec == std::errc() && ptr == end && std::isfinite(value) && value >= 0.0f && value <= 1e7f;
}

}  // namespace

std::string usage() {
    return "usage: kiosk [--content DIR | --content-if-present DIR] [--fullscreen | --size WxH] [--view article|memorial|sources]\n"
           "             [--scroll PX] [--time SECONDS] [--reduced-motion] [--screenshot FILE.png]\n"
           "             [--config FILE] [--config-dir DIR] [--health-file PATH] [--print-config] [--gl API]\n"
           "             [--version] [--help]\n"
           "       kiosk --check [DIR] [--json]\n"
           "  --content DIR         show the bundle in DIR instead of the built-in article\n"
           "  --content-if-present DIR  the same, but no fault when DIR does not exist; given more than\n"
           "                        once, the first folder present whose bundle is usable is shown\n"
           "  --fullscreen          fill the whole screen\n"
           "  --size WxH            window or screenshot size in pixels (64 to 16384), e.g. 1080x1920\n"
           "  --view NAME           the view to start in: article, memorial or sources\n"
           "  --scroll PX           start this many pixels down the article\n"
           "  --time SECONDS        show the moment this long after the view opened (the memorial\n"
           "                        counter's animation); screenshots default to the settled state\n"
           "  --reduced-motion      no animation: the memorial counter shows its figure at once\n"
           "  --screenshot FILE.png render one frame without a display, write it as PNG and exit\n"
           "  --config FILE         read settings from a TOML file (see --print-config)\n"
           "  --config-dir DIR      then every *.toml file in DIR, in the order of their names; each\n"
           "                        setting in a later file replaces the one before\n"
           "  --health-file PATH    keep PATH up to date with the kiosk's health for monitoring (the\n"
           "                        only file the kiosk ever writes; the service's is on a tmpfs)\n"
           "  --print-config        print every setting with its default, as a TOML file, and exit\n"
           "  --gl API              auto (default: GL 3, else GLES 3, else GLES 2), gl3, gles3 or gles2\n"
           "  --check [DIR]         check the bundle in DIR (or --content's, or the built-in one) without\n"
           "                        showing it; exit 0 when it would show as intended, 1 on errors\n"
           "  --json                with --check: print the findings as JSON\n"
           "  --version             print the version and the content bundle's identity\n"
           "  --help                print this text\n";
}

ParsedOptions parse_options(const std::vector<std::string>& args) {
    ParsedOptions parsed;
    Options& options = parsed.options;
    const auto fail = [&](std::string message) {
        parsed.ok = false;
        parsed.error = std::move(message);
        return parsed;
    };
    bool check_dir_given = false;      // --check DIR already named the bundle
    for (size_t i = 0; i < args.size(); ++i) {
        std::string name = args[i];
        std::string value;
        bool has_inline_value = false;
        if (name.rfind("--", 0) == 0) {
            const size_t equals = name.find('=');
            if (equals != std::string::npos) {
                value = name.substr(equals + 1);
                name = name.substr(0, equals);
                has_inline_value = true;
            }
        }
        const auto take_value = [&]() -> bool {
            if (has_inline_value) return true;
            if (i + 1 >= args.size()) return false;
            value = args[++i];
            return true;
        };
        const bool takes_value = name == "--content" || name == "--content-if-present" || name == "--size" || name == "--view" || name == "--scroll" ||
                                 name == "--screenshot" || name == "--time" || name == "--config" || name == "--config-dir" || name == "--health-file" || name == "--gl";
        if (takes_value && !take_value()) return fail(name + " needs a value");
        if (!takes_value && has_inline_value && name != "--check") return fail(name + " takes no value");

        if (name == "--content" || name == "--content-if-present") {
            if (value.empty()) return fail(name + " needs a directory");
            if (check_dir_given) return fail("give the bundle to --check or to --content, not both");
            if (name == "--content") {
                if (!options.content_dir.empty() || !options.content_if_present.empty())
                    return fail("--content takes one folder, and not beside --content-if-present");
                options.content_dir = value;
            } else {
                if (!options.content_dir.empty()) return fail("--content-if-present does not go with --content");
                options.content_if_present.push_back(value);
            }
        } else if (name == "--fullscreen") {
            options.fullscreen = true;
        } else if (name == "--size") {
            if (!parse_size(value, options.width, options.height))
                return fail("--size '" + value + "' is not WxH with each side from 64 to 16384 pixels");
        } else if (name == "--view") {
            const std::optional<ViewId> view = view_from_name(value);
            if (!view) return fail("--view '" + value + "' is not a view (article, memorial, sources)");
            options.view = *view;
        } else if (name == "--scroll") {
            if (!parse_pixels(value, options.scroll)) return fail("--scroll '" + value + "' is not a number of pixels");
        } else if (name == "--time") {
            if (!parse_seconds(value, options.time)) return fail("--time '" + value + "' is not a number of seconds");
        } else if (name == "--reduced-motion") {
            options.reduced_motion = true;
        } else if (name == "--screenshot") {
            if (value.empty()) return fail("--screenshot needs a file name");
            options.screenshot = value;
        } else if (name == "--config") {
            if (value.empty()) return fail("--config needs a file name");
            options.config_path = value;
        } else if (name == "--health-file") {
            if (value.empty()) return fail("--health-file needs a file name");
            options.health_file = value;
        } else if (name == "--config-dir") {
            if (value.empty()) return fail("--config-dir needs a folder");
            options.config_dir = value;
        } else if (name == "--print-config") {
            options.print_config = true;
        } else if (name == "--gl") {
            if (!platform::parse_gl_api(value, &options.gl))
                return fail("--gl '" + value + "' is not one of auto, gl3, gles3, gles2");
        } else if (name == "--check") {
            options.check = true;
            // The directory is optional: take the next word unless it is another option.
            if (!has_inline_value && i + 1 < args.size() && args[i + 1].rfind("--", 0) != 0) value = args[++i];
            if (has_inline_value && value.empty()) return fail("--check= needs a directory");
            if (!value.empty()) {
                if (!options.content_dir.empty() || !options.content_if_present.empty()) return fail("give the bundle to --check or to --content, not both");
                options.content_dir = value;
                check_dir_given = true;
            }
        } else if (name == "--json") {
            options.json = true;
        } else if (name == "--version") {
            options.version = true;
        } else if (name == "--help" || name == "-h") {
            options.help = true;
        } else {
            return fail("unknown option '" + args[i] + "'");
        }
    }
    if (options.fullscreen && options.width > 0) return fail("--fullscreen and --size exclude each other");
    if (options.json && !options.check) return fail("--json only goes with --check");
    if (options.check && (!options.screenshot.empty() || options.fullscreen))
        return fail("--check only checks; it takes no --screenshot or --fullscreen");
    return parsed;
}

}  // namespace kiosk::app
