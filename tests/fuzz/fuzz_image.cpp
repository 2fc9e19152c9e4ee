// libFuzzer entry point over the photograph loader (kiosk/image): any bytes, as a JPEG or PNG
// file's contents, through the header probe and a full decode scaled to a small box. Run by
// deploy/ci/fuzz.sh from a seed corpus of pictures made by tests/tools/image_fixture.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "image/image.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    kiosk::image::Limits limits;
    limits.decode_peak_bytes = 16u << 20;  // the fuzzer's RSS limit, not the kiosk's budget
    (void)kiosk::image::probe_bytes(bytes, limits);
    kiosk::image::DecodeParams params;
    params.max_width = params.max_height = 128;
    params.limits = limits;
    const kiosk::image::DecodeResult result = kiosk::image::decode_bytes(bytes, params);
    // What the loader promises: pixels only without an error, and never larger than asked.
    if (result.error.ok() != !result.image.rgba.empty()) __builtin_trap();
    if (result.image.width > 128 || result.image.height > 128) __builtin_trap();
    if (result.image.rgba.size() != static_cast<size_t>(result.image.width) * result.image.height * 4) __builtin_trap();
    return 0;
}
