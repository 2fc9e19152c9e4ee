// What the photograph tests share: a temporary folder removed at the end of its scope, and a
// bundle with pictures made in it (tests/support/image_fixtures.h).
#pragma once
#include <filesystem>
#include <string>

#include "unit/test_support.h"

namespace kiosk::test {

class TempDir {
public:
    explicit TempDir(const std::string& name) : path_(temp_path(name)) {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace kiosk::test
