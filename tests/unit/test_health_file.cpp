// The health file: Prometheus' text format with the bundle's identity and the last reload, written
// whole by rename when something changed or the heartbeat is due, and only with --health-file.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "test_process_support.h"
#include "service/health_file.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

app::HealthState sample() {
    app::HealthState state;
    state.version = "0.2.0";
    state.content_id = "hall \"b\"";
    state.content_version = "3";
    state.content_hash = "d491548ddff47a29";
    state.source = "/usr/share/kiosk/content";
    state.last_reload = "refused";
    state.last_reload_time = 1764633600;
    state.faults = 2;
    state.frames = 1234;
    state.started = 1764630000;
    return state;
}

}  // namespace

TEST_CASE("health: the text names the content, the last reload and the heartbeat, one metric a line", "[health]") {
    const std::string text = app::health_text(sample(), 1764634000);
    CHECK(text.find("kiosk_content_info{version=\"0.2.0\",content_id=\"hall \\\"b\\\"\",content_version=\"3\","
                    "content_hash=\"d491548ddff47a29\",source=\"/usr/share/kiosk/content\"} 1\n") != std::string::npos);
    CHECK(text.find("kiosk_last_reload{result=\"refused\"} 1\n") != std::string::npos);
    CHECK(text.find("kiosk_last_reload_time_seconds 1764633600\n") != std::string::npos);
    CHECK(text.find("kiosk_faults 2\n") != std::string::npos);
    CHECK(text.find("kiosk_frames_total 1234\n") != std::string::npos);
    CHECK(text.find("kiosk_start_time_seconds 1764630000\n") != std::string::npos);
    CHECK(text.find("kiosk_heartbeat_time_seconds 1764634000\n") != std::string::npos);
    // Every line is a comment or "name[{labels}] value".
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
        INFO(line);
        CHECK((line.rfind("# HELP kiosk_", 0) == 0 || line.rfind("# TYPE kiosk_", 0) == 0 || line.rfind("kiosk_", 0) == 0));
    }
}

TEST_CASE("health: written on a change and on the heartbeat, never in between, off without a path", "[health]") {
    testing::TempDir dir("health");
    const std::string path = dir.path() + "/health.prom";
    app::HealthFile file({path, 60.0});
    REQUIRE(file.due(1000.0));  // the first write
    REQUIRE(file.write(sample(), 1000.0));
    CHECK(testing::read_file(path).find("kiosk_heartbeat_time_seconds 1000\n") != std::string::npos);
    CHECK_FALSE(fs::exists(path + ".new"));
    CHECK_FALSE(file.due(1030.0));
    file.mark_changed();
    CHECK(file.due(1030.0));
    REQUIRE(file.write(sample(), 1030.0));
    CHECK_FALSE(file.due(1089.0));
    CHECK(file.due(1090.0));

    app::HealthFile off;
    CHECK_FALSE(off.enabled());
    CHECK_FALSE(off.due(1e9));
    CHECK_FALSE(off.write(sample(), 1e9));

    app::HealthFile nowhere({dir.path() + "/no/such/folder/health.prom"});
    CHECK_FALSE(nowhere.write(sample(), 1000.0));
}
