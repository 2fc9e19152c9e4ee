// Files compiled into the binary at build time: the default content bundle and the fonts.
// CMake turns each file under assets/ into a byte array (kiosk/core/embed_files.cmake).
#pragma once
#include <string_view>
#include <vector>

namespace kiosk::core {

struct EmbeddedFile {
    std::string_view path;             // relative to assets/, e.g. "content/manifest.toml"
    std::string_view bytes;
};

const std::vector<EmbeddedFile>& embedded_files();

// The bytes of one embedded file; empty when there is no such file.
std::string_view embedded(std::string_view path);

}  // namespace kiosk::core
