#include "interaction/kiosk_lock.h"

namespace kiosk::app {

using platform::EventType;
using platform::Key;

QuitDecision quit_decision(const platform::InputEvent& event, bool kiosk_locked) {
    bool asks_to_quit = event.type == EventType::CloseRequested;
    if (event.type == EventType::KeyDown) {
        asks_to_quit = (event.alt && event.key == Key::F4) || (event.ctrl && (event.key == Key::Q || event.key == Key::W));
    }
    if (!asks_to_quit) return QuitDecision::NotQuit;
    return kiosk_locked ? QuitDecision::Refused : QuitDecision::Quit;
}

}  // namespace kiosk::app
