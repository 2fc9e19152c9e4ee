#include "app/options.h"

#include "content/bundle.h"

#include <charconv>
#include <cmath>
#include <iterator>

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

constexpr OptionSpec kOptions[] = {
    {"--content", "DIR", OptionValue::Required,
     "show the bundle in DIR instead of the built-in article; a missing or broken bundle is reported on "
     "stderr and the built-in article is shown"},
    {"--content-if-present", "DIR", OptionValue::Required,
     "the same, but no fault when DIR does not exist; given more than once, the first folder present "
     "whose bundle is usable is shown (the service: a technician's folder, the packaged content, the "
     "last good packaged content); a bundle put there shows after a reload"},
    {"--fullscreen", "", OptionValue::None, "fill the whole screen of the primary monitor"},
    {"--size", "WxH", OptionValue::Required,
     "window or screenshot size in pixels, 64 to 16384 a side; default 1080x1920"},
    {"--view", "NAME", OptionValue::Required, "the view to start in: article, memorial or sources"},
    {"--scroll", "PX", OptionValue::Required, "start this many pixels down the view shown (article or sources)"},
    {"--language", "TAG", OptionValue::Required,
     "show the bundle in this of its languages (fa, en ...); one it does not have is reported and its "
     "default shown; overrides the setting idle.start_language"},
    {"--time", "SECONDS", OptionValue::Required,
     "show the moment this long after the view opened (the memorial counter's animation); screenshots "
     "default to the settled state"},
    {"--reduced-motion", "", OptionValue::None, "no animation: the memorial counter shows its figure at once"},
    {"--screenshot", "FILE.png", OptionValue::Required,
     "render one frame without a display (headless EGL), write it as PNG and exit"},
    {"--config", "FILE", OptionValue::Required,
     "read settings from a TOML file (see --print-config); problems are reported and defaults used"},
    {"--config-dir", "DIR", OptionValue::Required,
     "then every *.toml file in DIR, in the order of their names, each setting replacing the one "
     "before; a DIR that does not exist is no fault"},
    {"--health-file", "PATH", OptionValue::Required,
     "keep PATH up to date with the kiosk's health for monitoring, in Prometheus' text format (the only "
     "file the kiosk ever writes; the service's is on a tmpfs)"},
    {"--print-config", "", OptionValue::None, "print every setting with its default, as a TOML file, and exit"},
    {"--gl", "API", OptionValue::Required,
     "the kind of GL context: auto (default: GL 3, else GLES 3, else GLES 2), gl3, gles3 or gles2"},
    {"--check", "DIR", OptionValue::Optional,
     "check the bundle in DIR (or --content's, or the built-in one) without showing it, one line per "
     "finding; exit 0 when it would show as intended, 1 on errors"},
    {"--json", "", OptionValue::None, "with --check: print the findings as JSON"},
    {"--version", "", OptionValue::None, "print the version and the content bundle's identity (id, version, hash, origin)"},
    {"--print-manpage", "", OptionValue::None, "print the kiosk(1) manual page, as roff, and exit"},
    {"--help", "", OptionValue::None, "print the usage and exit"},
};

constexpr std::string_view kForms[] = {
    "[--content DIR | --content-if-present DIR] [--fullscreen | --size WxH] [--view NAME] [--scroll PX] "
    "[--language TAG] [--time SECONDS] [--reduced-motion] [--screenshot FILE.png] [--config FILE] [--config-dir DIR] "
    "[--health-file PATH] [--gl API]",
    "--check [DIR] [--json]",
    "--print-config | --print-manpage | --version | --help",
};

constexpr size_t kUsageWidth = 80;   // columns, the last one left empty
constexpr size_t kHelpColumn = 24;   // where an option's help starts

// The end of the word at POS: the next space outside brackets, so "[--size WxH]" stays whole.
size_t word_end(std::string_view text, size_t pos) {
    int depth = 0;
    for (; pos < text.size(); ++pos) {
        if (text[pos] == '[') ++depth;
        else if (text[pos] == ']') --depth;
        else if (text[pos] == ' ' && depth <= 0) break;
    }
    return pos;
}

// Appends TEXT word by word, lines starting at column INDENT; COLUMN is where the line now ends.
void append_wrapped(std::string& out, std::string_view text, size_t indent, size_t column) {
    size_t pos = 0;
    bool first = true;
    while (pos < text.size()) {
        const size_t end = word_end(text, pos);
        const std::string_view word = text.substr(pos, end - pos);
        if (!first && column + 1 + word.size() >= kUsageWidth) {
            out += '\n';
            out.append(indent, ' ');
            column = indent;
        } else if (!first) {
            out += ' ';
            ++column;
        }
        out += word;
        column += word.size();
        first = false;
        pos = end + 1;
    }
    out += '\n';
}

}  // namespace

std::span<const OptionSpec> option_table() { return kOptions; }

std::span<const std::string_view> usage_forms() { return kForms; }

const OptionSpec* find_option(std::string_view name) {
    if (name == "-h") name = "--help";
    for (const OptionSpec& option : kOptions)
        if (option.name == name) return &option;
    return nullptr;
}

std::string usage() {
    std::string text;
    for (size_t i = 0; i < std::size(kForms); ++i) {
        const std::string_view lead = i == 0 ? "usage: kiosk " : "       kiosk ";
        text += lead;
        append_wrapped(text, kForms[i], lead.size() + 2, lead.size());
    }
    for (const OptionSpec& option : kOptions) {
        std::string head = "  " + std::string(option.name);
        if (option.value == OptionValue::Required) head += " " + std::string(option.placeholder);
        if (option.value == OptionValue::Optional) head += " [" + std::string(option.placeholder) + "]";
        text += head;
        if (head.size() + 2 > kHelpColumn) {
            text += '\n';  // a long name: its help starts on the next line
            text.append(kHelpColumn, ' ');
        } else {
            text.append(kHelpColumn - head.size(), ' ');
        }
        append_wrapped(text, option.help, kHelpColumn, kHelpColumn);
    }
    return text;
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
        const OptionSpec* spec = find_option(name);
        if (!spec) return fail("unknown option '" + args[i] + "'");
        if (spec->value == OptionValue::Required && !take_value()) return fail(name + " needs a value");
        if (spec->value == OptionValue::None && has_inline_value) return fail(name + " takes no value");

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
        } else if (name == "--language") {
            if (!content::is_language_tag(value))
                return fail("--language '" + value + "' is not a language tag such as fa or en-GB");
            options.language = value;
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
        } else if (name == "--print-manpage") {
            options.print_manpage = true;
        } else if (name == "--version") {
            options.version = true;
        } else if (name == "--help" || name == "-h") {
            options.help = true;
        } else {
            return fail("option '" + name + "' is in the table but not handled");  // a programmer's mistake
        }
    }
    if (options.fullscreen && options.width > 0) return fail("--fullscreen and --size exclude each other");
    if (options.json && !options.check) return fail("--json only goes with --check");
    if (options.check && (!options.screenshot.empty() || options.fullscreen))
        return fail("--check only checks; it takes no --screenshot or --fullscreen");
    return parsed;
}

}  // namespace kiosk::app
