// `kiosk --check [DIR] [--json]`: validates a bundle exactly as a load would, without a window,
// and prints every finding to stdout. Does NOT open a surface or show anything.
#pragma once
#include "app/options.h"

namespace kiosk::app {

// The exit status: 0 when the bundle would show as intended (warnings allowed), 1 when it has
// errors (the kiosk would refuse it and fall back).
int run_check(const Options& options);

}  // namespace kiosk::app
