// The kiosk's health for a museum's monitoring, without the kiosk touching the network: with
// --health-file PATH (the service: /run/kiosk/health.prom, a tmpfs) the kiosk writes what it shows
// and how it is doing, in Prometheus' text format, and a separate step of the package
// (kiosk-health-export) hands it to node-exporter's textfile collector. The one file the kiosk ever
// writes: replaced whole by an atomic rename, when what it says changes and on a slow heartbeat,
// never per frame. Does NOT decide what changed in the app: the loop marks it.
#pragma once
#include <cstdint>
#include <string>

namespace kiosk::app {

struct HealthState {
    std::string version;               // the kiosk's
    std::string content_id, content_version, content_hash, source;  // the bundle on screen
    std::string last_reload = "none";  // none, new_content, unchanged, refused, no_folder
    double last_reload_time = 0.0;     // unix seconds; 0: no reload yet
    int faults = 0;                    // faults seen since start (settings, content, reloads)
    uint64_t frames = 0;               // frames drawn since start
    double started = 0.0;              // unix seconds
};

// The file's text: one metric per line, the bundle's identity as labels of kiosk_content_info.
std::string health_text(const HealthState& state, double now_unix);

struct HealthFileParams {
    std::string path;                  // "" : no file (the default: the kiosk writes nothing)
    double heartbeat_s = 60.0;         // rewritten at least this often, so a stuck kiosk shows
};

class HealthFile {
public:
    explicit HealthFile(HealthFileParams params = {}) : params_(std::move(params)) {}
    bool enabled() const { return !params_.path.empty(); }
    // Something a monitor cares about changed (content shown, a reload, a fault): write at the next due().
    void mark_changed() { changed_ = true; }
    bool due(double now_unix) const { return enabled() && (changed_ || now_unix >= last_write_ + params_.heartbeat_s); }
    // Writes PATH.new and renames it over PATH. False when it could not (the caller logs it once).
    bool write(const HealthState& state, double now_unix);

private:
    HealthFileParams params_;
    bool changed_ = true;              // the first due() writes
    double last_write_ = -1e300;
};

}  // namespace kiosk::app
