// Where a picture named in the article is on disk: a path relative to the bundle folder, which
// must stay inside it after every symbolic link is followed (a link out of the bundle, an
// absolute path, "..", or a web address are refused). Does NOT read the picture.
#pragma once
#include <string>
#include <string_view>

#include "image/image.h"

namespace kiosk::image {

struct BundlePath {
    std::string path;                  // the file on disk, all links resolved; "" on error
    Error error;                       // FileMissing, FileUnreadable or ImageOutsideBundle
};

// Only the form of `name`: ImageOutsideBundle for an absolute path, "..", a web address or an
// empty name. Needs no disk (the parser's check).
Error check_picture_name(std::string_view name);

// `root`: the bundle folder. Follows links; the result must lie inside root's real path.
BundlePath resolve_in_bundle(const std::string& root, std::string_view name);

}  // namespace kiosk::image
