#include <catch2/catch.hpp>

#include "app/options.h"

using kiosk::app::parse_options;

TEST_CASE("options: defaults with no arguments", "[options]") {
    const auto parsed = parse_options({});
    REQUIRE(parsed.ok);
    CHECK(parsed.options.content_dir.empty());
    CHECK(parsed.options.width == 0);
    CHECK_FALSE(parsed.options.fullscreen);
    CHECK(parsed.options.screenshot.empty());
}

TEST_CASE("options: every documented option parses", "[options]") {
    const auto parsed = parse_options({"--content", "/srv/bundle", "--size", "800x480", "--view", "article",
                                       "--scroll", "120.5", "--screenshot", "out.png"});
    REQUIRE(parsed.ok);
    CHECK(parsed.options.content_dir == "/srv/bundle");
    CHECK(parsed.options.width == 800);
    CHECK(parsed.options.height == 480);
    CHECK(parsed.options.scroll == Approx(120.5f));
    CHECK(parsed.options.screenshot == "out.png");
    CHECK(parse_options({"--size=1080x1920"}).options.height == 1920);
    CHECK(parse_options({"--fullscreen"}).options.fullscreen);
    CHECK(parse_options({"--version"}).options.version);
    CHECK(parse_options({"--help"}).options.help);
}

TEST_CASE("options: --view picks the start view, --time the moment, --reduced-motion the stillness", "[options]") {
    using kiosk::app::ViewId;
    CHECK(parse_options({}).options.view == ViewId::Article);
    CHECK(parse_options({"--view", "article"}).options.view == ViewId::Article);
    CHECK(parse_options({"--view", "memorial"}).options.view == ViewId::Memorial);
    CHECK(parse_options({"--view=sources"}).options.view == ViewId::Sources);
    CHECK(parse_options({}).options.time < 0.0);
    CHECK(parse_options({"--time", "1.5"}).options.time == Approx(1.5));
    CHECK(parse_options({"--time=0"}).options.time == 0.0);
    CHECK_FALSE(parse_options({}).options.reduced_motion);
    CHECK(parse_options({"--reduced-motion"}).options.reduced_motion);
}

TEST_CASE("options: bad values and unknown options are refused with a reason", "[options]") {
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"--size", "0x0"},
             {"--size", "abc"},
             {"--size", "800x"},
             {"--size", "800x480x2"},
             {"--size", "-800x480"},
             {"--size", "99999x480"},
             {"--size"},
             {"--scroll", "-5"},
             {"--scroll", "nan"},
             {"--scroll", "12px"},
             {"--view", "nowhere"},
             {"--view", "Memorial"},
             {"--time", "-1"},
             {"--time", "soon"},
             {"--time", "inf"},
             {"--time"},
             {"--reduced-motion=yes"},
             {"--content"},
             {"--content="},
             {"--content-if-present"},
             {"--content", "/a", "--content-if-present", "/b"},
             {"--content-if-present", "/a", "--check", "/b"},
             {"--screenshot"},
             {"--frobnicate"},
             {"article"},
             {"--fullscreen=yes"},
             {"--fullscreen", "--size", "800x480"},
             {"--config"},
             {"--config="},
             {"--print-config=yes"},
         }) {
        INFO((args.empty() ? std::string() : args[0]));
        const auto parsed = parse_options(args);
        CHECK_FALSE(parsed.ok);
        CHECK_FALSE(parsed.error.empty());
        CHECK(parsed.error.find('\n') == std::string::npos);
    }
}

TEST_CASE("options: usage names every option", "[options]") {
    const std::string text = kiosk::app::usage();
    for (const char* name : {"--content", "--content-if-present", "--fullscreen", "--size", "--view", "--scroll", "--screenshot", "--version", "--help",
                             "--time", "--reduced-motion", "memorial", "sources", "--config", "--print-config"})
        CHECK(text.find(name) != std::string::npos);
}

TEST_CASE("options: --content-if-present DIR is --content whose absence is no fault", "[options]") {
    const auto parsed = parse_options({"--content-if-present", "/etc/kiosk/content"});
    REQUIRE(parsed.ok);
    CHECK(parsed.options.content_dir.empty());
    CHECK(parsed.options.content_if_present == std::vector<std::string>{"/etc/kiosk/content"});
    CHECK(parse_options({"--content", "/etc/kiosk/content"}).options.content_if_present.empty());
    const auto chain = parse_options({"--content-if-present", "/a", "--content-if-present=/b"});
    REQUIRE(chain.ok);
    CHECK(chain.options.content_if_present == std::vector<std::string>{"/a", "/b"});
    CHECK_FALSE(parse_options({"--content", "/a", "--content", "/b"}).ok);
}

TEST_CASE("options: --config FILE and --print-config", "[options][config]") {
    const auto parsed = parse_options({"--config", "/etc/kiosk.toml"});
    REQUIRE(parsed.ok);
    CHECK(parsed.options.config_path == "/etc/kiosk.toml");
    CHECK(parse_options({"--config=k.toml"}).options.config_path == "k.toml");
    CHECK(parse_options({"--print-config"}).options.print_config);
    CHECK_FALSE(parse_options({}).options.print_config);
}
