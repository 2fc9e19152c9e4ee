#include "service/health_file.h"

#include <cstdio>
#include <string>

namespace kiosk::app {

namespace {

// A label value in the text format: backslash, quote and newline escaped.
std::string label(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == '"') out += '\\';
        if (c == '\n') {
            out += "\\n";
            continue;
        }
        out += c;
    }
    return out;
}

std::string seconds(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f", value);
    return text;
}

}  // namespace

std::string health_text(const HealthState& state, double now_unix) {
    std::string text;
    text += "# HELP kiosk_content_info The bundle on screen (value 1).\n# TYPE kiosk_content_info gauge\n";
    text += "kiosk_content_info{version=\"" + label(state.version) + "\",content_id=\"" + label(state.content_id) +
            "\",content_version=\"" + label(state.content_version) + "\",content_hash=\"" + label(state.content_hash) +
            "\",source=\"" + label(state.source) + "\"} 1\n";
    text += "# HELP kiosk_last_reload The outcome of the last reload (value 1).\n# TYPE kiosk_last_reload gauge\n";
    text += "kiosk_last_reload{result=\"" + label(state.last_reload) + "\"} 1\n";
    text += "# HELP kiosk_last_reload_time_seconds When the last reload was, in unix seconds (0: none).\n"
            "# TYPE kiosk_last_reload_time_seconds gauge\n";
    text += "kiosk_last_reload_time_seconds " + seconds(state.last_reload_time) + "\n";
    text += "# HELP kiosk_faults Faults seen since start (settings, content, reloads).\n# TYPE kiosk_faults gauge\n";
    text += "kiosk_faults " + std::to_string(state.faults) + "\n";
    text += "# HELP kiosk_frames_total Frames drawn since start.\n# TYPE kiosk_frames_total counter\n";
    text += "kiosk_frames_total " + std::to_string(state.frames) + "\n";
    text += "# HELP kiosk_start_time_seconds When this kiosk process started, in unix seconds.\n"
            "# TYPE kiosk_start_time_seconds gauge\n";
    text += "kiosk_start_time_seconds " + seconds(state.started) + "\n";
    text += "# HELP kiosk_heartbeat_time_seconds When the kiosk last wrote this file, in unix seconds.\n"
            "# TYPE kiosk_heartbeat_time_seconds gauge\n";
    text += "kiosk_heartbeat_time_seconds " + seconds(now_unix) + "\n";
    return text;
}

bool HealthFile::write(const HealthState& state, double now_unix) {
    if (!enabled()) return false;
    changed_ = false;
    last_write_ = now_unix;
    const std::string text = health_text(state, now_unix);
    const std::string fresh = params_.path + ".new";
    std::FILE* file = std::fopen(fresh.c_str(), "w");
    if (file == nullptr) return false;
    const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
    const bool closed = std::fclose(file) == 0;
    if (!written || !closed || std::rename(fresh.c_str(), params_.path.c_str()) != 0) {
        std::remove(fresh.c_str());
        return false;
    }
    return true;
}

}  // namespace kiosk::app
