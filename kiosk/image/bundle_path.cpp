#include "image/bundle_path.h"

#include <filesystem>

namespace kiosk::image {
namespace fs = std::filesystem;
using core::FaultCode;

Error check_picture_name(std::string_view name) {
    const auto outside = [&](std::string why) {
        return Error{FaultCode::ImageOutsideBundle, "the picture \"" + std::string(name) + "\" " + why +
                                                        "; put it in the bundle folder and name it from there, "
                                                        "e.g. photos/evin.jpg"};
    };
    if (name.empty()) return outside("has no file name");
    if (name.find("://") != std::string_view::npos || name.substr(0, 5) == "data:")
        return outside("is a web address; the kiosk is offline");
    if (name.front() == '/' || name.front() == '\\' || (name.size() > 1 && name[1] == ':'))
        return outside("is an absolute path");
    const fs::path path{std::string(name)};
    for (const fs::path& part : path)
        if (part == "..") return outside("leads out of the bundle folder with \"..\"");
    return {};
}

BundlePath resolve_in_bundle(const std::string& root, std::string_view name) {
    BundlePath out;
    if (Error form = check_picture_name(name); !form.ok()) {
        out.error = std::move(form);
        return out;
    }
    std::error_code ec;
    const fs::path real_root = fs::canonical(root, ec);
    if (ec) {
        out.error = Error{FaultCode::FileMissing, "the bundle folder cannot be reached for the picture \"" + std::string(name) + "\""};
        return out;
    }
    const fs::path joined = real_root / std::string(name);
    const fs::path real = fs::canonical(joined, ec);
    if (ec) {
        // A dangling link is missing; a loop or a folder we may not search is unreadable.
        const bool missing = ec == std::errc::no_such_file_or_directory;
        out.error = Error{missing ? FaultCode::FileMissing : FaultCode::FileUnreadable,
                          missing ? "the picture \"" + std::string(name) + "\" is not in the bundle folder"
                                  : "the picture \"" + std::string(name) + "\" cannot be reached (" + ec.message() + ")"};
        return out;
    }
    // Inside means: root's real path is a prefix of the picture's, component by component.
    auto r = real_root.begin();
    auto p = real.begin();
    for (; r != real_root.end(); ++r, ++p)
        if (p == real.end() || *p != *r) {
            out.error = Error{FaultCode::ImageOutsideBundle, "the picture \"" + std::string(name) +
                                                                 "\" is a link to a file outside the bundle folder; "
                                                                 "copy the picture into the bundle instead"};
            return out;
        }
    if (!fs::is_regular_file(real, ec)) {
        out.error = Error{FaultCode::FileUnreadable, "the picture \"" + std::string(name) + "\" is not a plain file"};
        return out;
    }
    out.path = real.string();
    return out;
}

}  // namespace kiosk::image
