// The validator's photograph checks (validate.h: picture_faults): each picture named in the
// article is a file inside the bundle, a JPEG or PNG within the limits, and (for --check) decodes;
// an EXIF orientation it carries but cannot be used is a warning (the picture shows as stored).
#include <string>
#include <vector>

#include "check/validate.h"
#include "image/bundle_path.h"
#include "image/image.h"

namespace kiosk::check {

std::vector<core::Fault> picture_faults(content::LoadResult& loaded, const ValidateParams& params) {
    std::vector<core::Fault> faults;
    const bool builtin = loaded.bundle.origin == "built-in";
    const std::string& article = loaded.bundle.manifest.article_file;
    for (content::Block& block : loaded.bundle.article) {
        if (block.kind != content::BlockKind::Figure) continue;
        content::Figure& figure = block.figure;
        const auto fault = [&](core::FaultCode code, const std::string& message) {
            figure.broken = true;
            faults.push_back(core::make_fault(code, article, block.line, 0, message));
        };
        if (builtin) {
            fault(core::FaultCode::FileMissing, "the picture " + figure.file + " cannot be shown: the built-in bundle holds no pictures");
            continue;
        }
        const image::BundlePath where = image::resolve_in_bundle(loaded.bundle.origin, figure.file);
        if (!where.error.ok()) {
            fault(where.error.code, where.error.message);
            continue;
        }
        image::ProbeResult probe = image::probe_file(where.path);
        std::string orientation_problem = probe.info.orientation_problem;
        if (probe.error.ok() && params.decode_pictures) {
            // Decoded as small as the decoder can: every byte is still read and checked.
            image::DecodeParams small;
            small.max_width = small.max_height = 64;
            image::DecodeResult decoded = image::decode_file(where.path, small);
            probe.error = std::move(decoded.error);
            // The decode also sees what comes after the pixels (a PNG's late eXIf chunk).
            orientation_problem = std::move(decoded.info.orientation_problem);
        }
        if (!probe.error.ok()) {
            fault(probe.error.code, "the picture " + figure.file + ": " + probe.error.message);
            continue;
        }
        // Not broken: the picture shows, as stored, and the curator is told why it may be turned.
        if (!orientation_problem.empty())
            faults.push_back(core::make_fault(core::FaultCode::ImageOrientation, article, block.line, 0,
                                              "the picture " + figure.file + ": " + orientation_problem));
        figure.width = probe.info.width;
        figure.height = probe.info.height;
        if (figure.width < params.min_picture_width) {
            faults.push_back(core::make_fault(core::FaultCode::ImageTooSmall, article, block.line, 0,
                                              "the picture " + figure.file + " is " + std::to_string(figure.width) +
                                                  " pixels wide; the column is about " +
                                                  std::to_string(params.min_picture_width) +
                                                  ", so it would be enlarged and look blurred"));
        }
    }
    return faults;
}

}  // namespace kiosk::check
