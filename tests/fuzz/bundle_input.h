// One fuzz input through the whole bundle loader: parse, validate, lay out, report. Shared by the
// libFuzzer target and the unit test that replays the seed corpus and every crash ever found.
// Input: manifest.toml's bytes, one NUL byte, then article.md's bytes; with no NUL the whole input
// is the article and the manifest is the built-in one. Two more NUL-separated parts, when present,
// are manifest.fa.toml and article.fa.md: a translation (it counts when manifest.toml lists "fa").
#pragma once
#include <cstddef>
#include <cstdint>

namespace kiosk::fuzz {

// Runs one input. Returns the number of faults found; aborts when an invariant breaks (a fault
// with a negative position, a usable bundle without a headline), which the fuzzer reports as a crash.
size_t run_bundle_input(const uint8_t* data, size_t size);

}  // namespace kiosk::fuzz
