// libFuzzer entry point over the bundle loader (see bundle_input.h for the input format).
// Run by deploy/ci/fuzz.sh for about a minute from tests/fuzz/corpus; a crash it finds goes into
// tests/fuzz/regressions/, which the unit tests replay on every build.
#include "bundle_input.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    kiosk::fuzz::run_bundle_input(data, size);
    return 0;
}
