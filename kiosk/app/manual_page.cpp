#include "app/manual_page.h"

#include <cctype>

#include "app/options.h"

namespace kiosk::app {

namespace {

bool is_option_char(char c) { return std::islower(static_cast<unsigned char>(c)) || c == '-'; }

// "--name" at POS (two hyphens, then a lower-case letter): its length, else 0.
size_t option_name_at(std::string_view text, size_t pos) {
    if (text.compare(pos, 2, "--") != 0 || pos + 2 >= text.size()) return 0;
    if (!std::islower(static_cast<unsigned char>(text[pos + 2]))) return 0;
    if (pos > 0 && (is_option_char(text[pos - 1]) || std::isalnum(static_cast<unsigned char>(text[pos - 1])))) return 0;
    size_t end = pos + 2;
    while (end < text.size() && is_option_char(text[end])) ++end;
    while (text[end - 1] == '-') --end;  // "--size-" is "--size" and a hyphen
    return end - pos;
}

// Text that is neither a request nor escaped yet: hyphens and backslashes as roff wants them.
void append_plain(std::string& out, char c) {
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
}

// A section's paragraphs: one string each, separated by .PP.
void append_paragraphs(std::string& out, std::initializer_list<std::string_view> paragraphs) {
    bool first = true;
    for (std::string_view paragraph : paragraphs) {
        if (!first) out += ".PP\n";
        out += roff_escape(paragraph) + "\n";
        first = false;
    }
}

// A tagged list: .TP, the tag in bold, then its text.
void append_item(std::string& out, std::string_view tag, std::string_view text) {
    out += ".TP\n\\fB" + roff_escape(tag) + "\\fR\n" + roff_escape(text) + "\n";
}

}  // namespace

std::string roff_escape(std::string_view text) {
    std::string out;
    if (!text.empty() && (text[0] == '.' || text[0] == '\'')) out += "\\&";
    for (size_t i = 0; i < text.size();) {
        if (const size_t length = option_name_at(text, i)) {
            out += "\\fB";
            for (size_t j = i; j < i + length; ++j) append_plain(out, text[j]);
            out += "\\fR";
            i += length;
            continue;
        }
        append_plain(out, text[i]);
        if (text[i] == '\n' && i + 1 < text.size() && (text[i + 1] == '.' || text[i + 1] == '\'')) out += "\\&";
        ++i;
    }
    return out;
}

std::string manual_page(std::string_view version) {
    std::string page;
    page += ".\\\" Made by `kiosk --print-manpage` from the option table in kiosk/app/options.cpp; edit that.\n";
    page += ".TH KIOSK 1 \"\" \"kiosk " + roff_escape(version) + "\" \"User Commands\"\n";
    page += ".nh\n.ad l\n";  // no hyphens inside option names, ragged right
    page += ".SH NAME\nkiosk \\- memorial display: one article, offline, on a touchscreen\n";

    page += ".SH SYNOPSIS\n";
    for (std::string_view form : usage_forms()) page += ".B kiosk\n" + roff_escape(form) + "\n.br\n";

    page += ".SH DESCRIPTION\n";
    append_paragraphs(page, {
        "kiosk shows one article, set as a calm dark reading page, with its sources and a memorial "
        "counter, entirely offline: the article, its sources and the fonts are compiled into the binary; "
        "it opens no network connection and writes nothing to disk. A curator can point it at another "
        "content bundle on disk (--content), check one without showing it (--check), and render a view "
        "to a PNG file without a display (--screenshot).",
        "On a board the package's kiosk.service starts it at boot inside the cage compositor, as the "
        "user kiosk, with --config /etc/kiosk/kiosk.toml and --content-if-present /etc/kiosk/content. It "
        "tells systemd when its first frame is on screen and pings the watchdog while it draws.",
    });

    page += ".SH OPTIONS\n";
    page += roff_escape("An option's value follows it as the next word or after '=' (--size=800x480).") + "\n";
    for (const OptionSpec& option : option_table()) {
        std::string tag = roff_escape(option.name);  // bold, as every option name
        if (option.value == OptionValue::Required) tag += " \\fI" + roff_escape(option.placeholder) + "\\fR";
        if (option.value == OptionValue::Optional) tag += " [\\fI" + roff_escape(option.placeholder) + "\\fR]";
        page += ".TP\n" + tag + "\n" + roff_escape(option.help) + "\n";
    }

    page += ".SH SIGNALS\n";
    append_item(page, "SIGHUP",
                "Reload the content bundle. It is read and checked in full first: a good one is shown, a bad "
                "one leaves the shown one on screen, and each of its errors is logged. systemctl reload kiosk "
                "sends it.");
    append_item(page, "SIGTERM", "End cleanly at once (the service manager's stop).");
    append_item(page, "SIGINT", "The same as SIGTERM (Ctrl+C in a terminal).");

    page += ".SH FILES\n";
    append_item(page, "/etc/kiosk/kiosk.toml",
                "The settings the service reads (--config). Every key is optional; kiosk --print-config "
                "prints each one at its default, with a comment. A bad value is reported and its default "
                "used. Kept across package upgrades.");
    append_item(page, "/etc/kiosk/content",
                "A content bundle (manifest.toml and article.md) a technician puts there by hand; the "
                "package makes no such folder. While there is none the built-in article shows, and a bundle "
                "put there shows after a reload (SIGHUP).");
    append_item(page, "/usr/share/doc/kiosk/README.md",
                "From a fresh board to a running memorial display: install, rotation, content, logs, "
                "updates.");

    page += ".SH EXIT STATUS\n";
    append_item(page, "0",
                "It ended as asked: stopped by SIGTERM or SIGINT, its window closed, or the operator's Exit "
                "kiosk; or --help, --version, --print-config, --print-manpage or --screenshot done; or "
                "--check found no errors.");
    append_item(page, "1",
                "--check found errors; or there is no display, no GL context could be made, or the screenshot "
                "could not be written; or an unexpected failure (logged).");
    append_item(page, "2", "A bad option or value: a one-line reason and the usage go to stderr.");

    page += ".SH ENVIRONMENT\n";
    append_item(page, "DISPLAY, WAYLAND_DISPLAY",
                "The display to open a window on; with neither set the kiosk opens no window (--screenshot "
                "renders without one).");
    append_item(page, "NOTIFY_SOCKET, WATCHDOG_USEC",
                "Set by systemd: where the kiosk says it is ready and how often it pings the watchdog.");
    append_item(page, "MESA_SHADER_CACHE_DISABLE",
                "The kiosk sets it to true unless it is set: Mesa keeps no shader cache, so nothing is written "
                "at run time. Set to false (with MESA_SHADER_CACHE_DIR) in a drop-in to trade those writes for a "
                "faster first frame on a software renderer.");
    append_item(page, "XCOMPOSEFILE",
                "The kiosk sets it to /dev/null unless it is set: it takes keys, never typed text, so Xlib need not "
                "read the locale's Compose table at start-up.");

    page += ".SH SEE ALSO\n";
    page += "\\fBcage\\fR(1), \\fBsystemctl\\fR(1), \\fBjournalctl\\fR(1)\n";
    return page;
}

}  // namespace kiosk::app
