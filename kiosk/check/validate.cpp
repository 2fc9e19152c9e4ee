#include "check/validate.h"

#include <utility>

#include "core/embedded.h"
#include "image/bundle_path.h"
#include "image/image.h"
#include "text/font_face.h"
#include "text/utf8.h"

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
        if (probe.error.ok() && params.decode_pictures) {
            // Decoded as small as the decoder can: every byte is still read and checked.
            image::DecodeParams small;
            small.max_width = small.max_height = 64;
            probe.error = image::decode_file(where.path, small).error;
        }
        if (!probe.error.ok()) {
            fault(probe.error.code, "the picture " + figure.file + ": " + probe.error.message);
            continue;
        }
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

void validate(content::LoadResult& loaded, const ValidateParams& params) {
    try {
        std::vector<core::Fault> found = picture_faults(loaded, params);
        for (core::Fault& fault : content::check_wording(loaded)) found.push_back(std::move(fault));
        for (core::Fault& fault : glyph_faults(loaded)) found.push_back(std::move(fault));
        for (core::Fault& fault : found) loaded.faults.push_back(std::move(fault));
    } catch (const std::exception& error) {
        // Out of memory in a check: the bundle parsed, so showing it is still better than nothing.
        core::Fault fault = core::make_fault(core::FaultCode::FileUnreadable, "", 0, 0,
                                             std::string("the bundle could not be checked in full: ") + error.what());
        fault.severity = core::Severity::Warning;
        loaded.faults.push_back(std::move(fault));
    }
    loaded.usable = !core::has_errors(loaded.faults);
}

content::LoadResult load_and_validate_dir(const std::string& dir, const ValidateParams& params) {
    content::LoadResult loaded = content::load_bundle_dir(dir);
    validate(loaded, params);
    return loaded;
}

content::LoadResult load_and_validate_builtin() {
    content::LoadResult loaded = content::load_builtin_bundle();
    validate(loaded);
    return loaded;
}

}  // namespace kiosk::check
