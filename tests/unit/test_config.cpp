// The settings file: values read, bad values reported by code with their default kept, unknown keys
// warned about, a broken or missing file gives all defaults, the PIN never appears in a message,
// and the README documents every setting with its default.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/config.h"
#include "test_support.h"
#include "test_process_support.h"

using namespace kiosk;
using app::parse_config;
using core::FaultCode;

namespace {
int count(const std::vector<core::Fault>& faults, FaultCode code) {
    int n = 0;
    for (const core::Fault& f : faults) n += f.code == code;
    return n;
}
}  // namespace

TEST_CASE("config: every table read", "[config]") {
    const auto load = parse_config(R"(
[window]
kiosk = true
monitor = 1
dpi = 155.5
cursor_hide_s = 2

[idle]
quiet_s = 45
countdown_s = 15
attract = false
attract_view_s = 30
start_view = "memorial"

[touch]
tap_slop_mm = 4.5
long_press_s = 1
jump_mm = 40
fling_time_constant_s = 0.5

[accessibility]
text_size = 2
high_contrast = true
reduced_motion = true

[operator]
pin = "0042"
hold_s = 3
free_tries = 5
first_wait_s = 10
max_wait_s = 600
)",
                                   "kiosk.toml");
    INFO((load.faults.empty() ? "" : core::format_fault(load.faults.front())));
    CHECK(load.faults.empty());
    const app::KioskConfig& c = load.config;
    CHECK(c.window.kiosk);
    CHECK(c.window.monitor == 1);
    CHECK(c.window.dpi == Approx(155.5));
    CHECK(c.window.cursor_hide_s == Approx(2.0));
    CHECK(c.idle.quiet_s == Approx(45.0));
    CHECK(c.idle.countdown_s == Approx(15.0));
    CHECK_FALSE(c.idle.attract);
    CHECK(c.idle.attract_view_s == Approx(30.0));
    CHECK(c.idle.start_view == "memorial");
    CHECK(c.touch.tap_slop_mm == Approx(4.5));
    CHECK(c.touch.long_press_s == Approx(1.0));
    CHECK(c.touch.jump_mm == Approx(40.0));
    CHECK(c.touch.fling_time_constant_s == Approx(0.5));
    CHECK(c.accessibility.text_size == 2);
    CHECK(c.accessibility.high_contrast);
    CHECK(c.accessibility.reduced_motion);
    CHECK(c.op.pin == "0042");
    CHECK(c.op.hold_s == Approx(3.0));
    CHECK(c.op.free_tries == 5);
    CHECK(c.op.first_wait_s == Approx(10.0));
    CHECK(c.op.max_wait_s == Approx(600.0));
}

TEST_CASE("config: a bad value is reported with its line and its default is used", "[config]") {
    const auto load = parse_config("[idle]\nquiet_s = -5\ncountdown_s = \"ten\"\nattract = 1\nstart_view = \"home\"\n"
                                   "[accessibility]\ntext_size = 9\n[window]\ndpi = nan\n",
                                   "kiosk.toml");
    const app::KioskConfig defaults;
    CHECK(count(load.faults, FaultCode::BadSetting) == 6);
    CHECK(load.config.idle.quiet_s == defaults.idle.quiet_s);
    CHECK(load.config.idle.countdown_s == defaults.idle.countdown_s);
    CHECK(load.config.idle.attract == defaults.idle.attract);
    CHECK(load.config.idle.start_view == defaults.idle.start_view);
    CHECK(load.config.accessibility.text_size == defaults.accessibility.text_size);
    CHECK(load.config.window.dpi == defaults.window.dpi);
    REQUIRE_FALSE(load.faults.empty());
    CHECK(load.faults[0].file == "kiosk.toml");
    CHECK(load.faults[0].line == 2);
    CHECK(load.faults[0].message.find("idle.quiet_s") != std::string::npos);
    CHECK(load.faults[0].message.find("default 90") != std::string::npos);
}

TEST_CASE("config: unknown keys and tables are warnings, the rest still loads", "[config]") {
    const auto load = parse_config("top = 1\n[idle]\nquiet = 5\nquiet_s = 30\n[colour]\nx = 1\n", "k.toml");
    CHECK(count(load.faults, FaultCode::UnknownSetting) == 3);
    CHECK_FALSE(core::has_errors(load.faults));
    CHECK(load.config.idle.quiet_s == Approx(30.0));
}

TEST_CASE("config: a file that is not TOML, or not there, gives every default and one fault", "[config]") {
    const auto broken = parse_config("[idle\nquiet_s = 5\n", "k.toml");
    REQUIRE(broken.faults.size() == 1);
    CHECK(broken.faults[0].code == FaultCode::ConfigSyntax);
    CHECK(broken.faults[0].line == 1);
    CHECK(broken.config.idle.quiet_s == app::KioskConfig{}.idle.quiet_s);

    const auto missing = app::load_config("/nonexistent/kiosk.toml");
    REQUIRE(missing.faults.size() == 1);
    CHECK(missing.faults[0].code == FaultCode::ConfigUnreadable);
    const auto directory = app::load_config(std::filesystem::temp_directory_path().string());
    REQUIRE(directory.faults.size() == 1);
    CHECK(directory.faults[0].code == FaultCode::ConfigUnreadable);
}

TEST_CASE("config: load_config reads a file, including an empty one", "[config]") {
    const auto path = std::filesystem::temp_directory_path() / "kiosk-test-config.toml";
    std::ofstream(path) << "[touch]\ntap_slop_mm = 5\n";
    const auto load = app::load_config(path.string());
    CHECK(load.faults.empty());
    CHECK(load.config.touch.tap_slop_mm == Approx(5.0));
    std::ofstream(path, std::ios::trunc).close();
    CHECK(app::load_config(path.string()).faults.empty());
    std::filesystem::remove(path);
}

TEST_CASE("config: a bad PIN is refused without ever showing it", "[config]") {
    for (const char* text : {"pin = \"12a4\"", "pin = \"123\"", "pin = 98765", "pin = \"1234567890123\""}) {
        INFO(text);
        const auto load = parse_config(std::string("[operator]\n") + text + "\n", "k.toml");
        REQUIRE(count(load.faults, FaultCode::BadSetting) == 1);
        CHECK(load.config.op.pin.empty());
        for (const char* secret : {"12a4", "123", "98765", "1234567890123"})
            CHECK(load.faults[0].message.find(secret) == std::string::npos);
    }
    CHECK(app::default_config_toml().find("# pin = \"\"") != std::string::npos);
}

TEST_CASE("config: the default file parses back to the defaults", "[config]") {
    const auto load = parse_config(app::default_config_toml(), "default.toml");
    CHECK(load.faults.empty());
    CHECK(app::config_reference().size() >= 20);
}

TEST_CASE("config: the README documents every setting with its default", "[config][docs]") {
    std::ifstream file(std::string(KIOSK_SOURCE_DIR) + "/README.md");
    std::stringstream readme;
    readme << file.rdbuf();
    for (const app::ConfigEntry& entry : app::config_reference()) {
        const std::string row = "| `" + entry.table + "." + entry.key + "` | `" + entry.default_text + "` |";
        INFO(row);
        CHECK(readme.str().find(row) != std::string::npos);
    }
}

TEST_CASE("kiosk --print-config prints a file that reads back without a fault", "[config][e2e]") {
    std::string output;
    REQUIRE(test::run_kiosk("--print-config", &output) == 0);
    CHECK(output == app::default_config_toml());
}

TEST_CASE("kiosk --config: a bad file is reported with its line, and the kiosk still shows the article",
          "[config][e2e]") {
    const std::string config = test::temp_path("bad.toml"), png = test::temp_path("bad-config.png");
    std::ofstream(config) << "[idle]\nquiet_s = -1\n[operator]\npin = \"12x4\"\n";
    std::string output;
    REQUIRE(test::run_kiosk("--config " + config + " --screenshot " + png + " --size 800x480", &output) == 0);
    CHECK(output.find("BadSetting") != std::string::npos);
    CHECK(output.find(":2:") != std::string::npos);
    CHECK(output.find("12x4") == std::string::npos);  // never the PIN, not even a wrong one
    const test::Image image = test::load_png(png);
    CHECK(image.width == 800);
    CHECK(test::ink(image, 80, 60, 720, 480) > 0.02);
    REQUIRE(test::run_kiosk("--config /nonexistent/kiosk.toml --screenshot " + png + " --size 800x480", &output) == 0);
    CHECK(output.find("ConfigUnreadable") != std::string::npos);
    std::filesystem::remove(config);
    std::filesystem::remove(png);
}

TEST_CASE("config: layers: the packaged file, then the drop-ins in name order, each over the one before", "[config]") {
    kiosk::testing::TempDir dir("config-layers");
    const std::string packaged = dir.path() + "/kiosk.toml", drop_ins = dir.path() + "/kiosk.toml.d";
    std::ofstream(packaged) << "[window]\nkiosk = true\n[idle]\nquiet_s = 60\ncountdown_s = 5\n";
    std::filesystem::create_directory(drop_ins);
    std::ofstream(drop_ins + "/50-site.toml") << "[idle]\nquiet_s = 120\n[display]\nschedule = true\n";
    std::ofstream(drop_ins + "/90-panel.toml") << "[idle]\nquiet_s = 45\n[touch]\ntap_slop_mm = \"wide\"\n";
    std::ofstream(drop_ins + "/README") << "not a settings file\n";
    std::ofstream(drop_ins + "/.50-site.toml.swp") << "[idle\n";

    const auto load = app::load_config_layers(packaged, drop_ins);
    CHECK(load.config.window.kiosk);                  // the packaged file's, untouched by the drop-ins
    CHECK(load.config.idle.countdown_s == Approx(5.0));
    CHECK(load.config.display.schedule);              // 50-site.toml's
    CHECK(load.config.idle.quiet_s == Approx(45.0));  // 90-panel.toml comes last
    CHECK(load.config.touch.tap_slop_mm == Approx(app::KioskConfig{}.touch.tap_slop_mm));
    REQUIRE(load.faults.size() == 1);                 // the bad value, in its own file; the others are not read
    CHECK(load.faults[0].file == drop_ins + "/90-panel.toml");

    // No drop-in folder is no fault; a broken drop-in changes nothing of what came before.
    CHECK(app::load_config_layers(packaged, dir.path() + "/none").faults.empty());
    std::ofstream(drop_ins + "/95-broken.toml") << "[idle\nquiet_s = 1\n";
    const auto broken = app::load_config_layers(packaged, drop_ins);
    CHECK(broken.config.idle.quiet_s == Approx(45.0));
    CHECK(broken.faults.back().code == FaultCode::ConfigSyntax);
}

TEST_CASE("config: layers: a bad value in a later file says which value is kept, and never a PIN", "[config]") {
    app::KioskConfig earlier;
    earlier.idle.quiet_s = 120.0;
    earlier.op.pin = "4711";
    const auto load = parse_config("[idle]\nquiet_s = -1\ncountdown_s = -1\n[operator]\npin = \"12a4\"\n", "90-panel.toml", earlier);
    CHECK(load.config.idle.quiet_s == Approx(120.0));
    CHECK(load.config.op.pin == "4711");
    REQUIRE(load.faults.size() == 3);
    CHECK_THAT(load.faults[0].message, Catch::Contains("keeping 120 from the settings read before"));
    CHECK_THAT(load.faults[1].message, Catch::Contains("using the default 10"));  // no earlier file set it
    CHECK_THAT(load.faults[2].message, Catch::Contains("the PIN from the settings read before stays"));
    for (const core::Fault& fault : load.faults) {
        CHECK(fault.message.find("4711") == std::string::npos);
        CHECK(fault.message.find("12a4") == std::string::npos);
    }
}
