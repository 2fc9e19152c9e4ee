// Which inputs ask to leave the app, and whether the kiosk lets them. In kiosk mode nothing a
// visitor can do quits: not the window manager's close (Alt+F4 under a window manager arrives as a
// close request), not Alt+F4 without one, not Esc, Ctrl+Q or Ctrl+W. Outside kiosk mode the close
// request, Alt+F4, Ctrl+Q and Ctrl+W quit (Esc only closes what is open: cards, panels, overlays).
// The operator overlay's Exit and SIGTERM are the ways out of a locked kiosk. Pure; no state.
#pragma once

#include "platform/platform.h"

namespace kiosk::app {

enum class QuitDecision {
    NotQuit,     // an ordinary input
    Quit,        // leave the app
    Refused      // a quit the kiosk lock refuses: swallow it
};

QuitDecision quit_decision(const platform::InputEvent& event, bool kiosk_locked);

}  // namespace kiosk::app
