// The kiosk lock refuses every quit a visitor can make; outside kiosk mode they quit.
#include <catch2/catch.hpp>

#include "interaction/kiosk_lock.h"

using namespace kiosk;
using app::QuitDecision;
using platform::EventType;
using platform::Key;

namespace {
platform::InputEvent key(Key k, bool ctrl = false, bool alt = false) {
    platform::InputEvent e;
    e.type = EventType::KeyDown;
    e.key = k;
    e.ctrl = ctrl;
    e.alt = alt;
    return e;
}
}  // namespace

TEST_CASE("kiosk lock: close, Alt+F4, Ctrl+Q, Ctrl+W are refused when locked and quit when not", "[kiosk]") {
    platform::InputEvent close;
    close.type = EventType::CloseRequested;
    for (const platform::InputEvent& e : {close, key(Key::F4, false, true), key(Key::Q, true), key(Key::W, true)}) {
        CHECK(app::quit_decision(e, true) == QuitDecision::Refused);
        CHECK(app::quit_decision(e, false) == QuitDecision::Quit);
    }
    for (const platform::InputEvent& e : {key(Key::Escape), key(Key::F4), key(Key::Q), key(Key::Space, true)}) {
        CHECK(app::quit_decision(e, true) == QuitDecision::NotQuit);
        CHECK(app::quit_decision(e, false) == QuitDecision::NotQuit);
    }
}
