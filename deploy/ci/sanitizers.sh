#!/usr/bin/env bash
# Builds everything with clang, AddressSanitizer and UndefinedBehaviorSanitizer (and libFuzzer's
# coverage, so the fuzzer shares this build), then runs the whole ctest suite. Any ASan, LSan or
# UBSan report fails a test.
#
# Mesa unloads its driver libraries at exit, before LeakSanitizer looks, so what they still hold
# shows as leaks in "<unknown module>" that no suppression can name. The tests-only shim
# tests/support/no_dlclose.c (dlclose does nothing) keeps them loaded and their memory
# attributable, without hiding leaks of ours. It must come after the ASan runtime: clang links
# that runtime statically into each executable, so it is always first, and the shim is the only
# preloaded library. Never set fast_unwind_on_malloc=0: it deadlocks inside LLVM under llvmpipe.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${KIOSK_ASAN_BUILD:-build-asan}
# -O1 with line tables only: readable sanitizer stacks, and a quarter less compile time than -O2 -g
# (the Catch2 test files dominate the build). Asserts stay on.
cmake -S . -B "$build" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
      -DKIOSK_FUZZ=ON -DKIOSK_BUILD_TESTS=ON >/dev/null
cmake --build "$build" -j"$(nproc)"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:check_initialization_order=1:strict_init_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export LSAN_OPTIONS=report_objects=0
shim="$PWD/$build/libkiosk_no_dlclose.so"
cd "$build"
# One test makes contexts of several GL APIs in one process and relies on Mesa loading its driver
# again for each (MESA_GLES_VERSION_OVERRIDE is read at load): with the shim the first load stays.
# It runs on its own without the shim, and without leak checking, whose only findings there are
# the unloaded drivers' allocations described above.
in_one_process='textures and long draw lists render on every GL API'
LD_PRELOAD="$shim" ctest --output-on-failure -j"$(nproc)" -E "^${in_one_process}\$"
ASAN_OPTIONS="$ASAN_OPTIONS:detect_leaks=0" ctest --output-on-failure -R "^${in_one_process}\$"
