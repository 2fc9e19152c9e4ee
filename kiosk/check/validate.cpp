#include "check/validate.h"

#include <algorithm>
#include <array>
#include <memory>
#include <utility>

#include "core/embedded.h"
#include "image/bundle_path.h"
#include "image/image.h"
#include "text/font_face.h"
#include "text/utf8.h"

namespace kiosk::check {
namespace {

// Only the text engine draws with it: the article is set by the engine, everything else on the
// screen is still ImGui text (views/fonts.cpp), which has no Arabic face. Counting it for the rest
// would tell a curator that Persian shows there while the screen shows "?". Goes when the engine
// sets every text (issue 15).
constexpr std::string_view kEngineOnlyFont = "fonts/NotoNaskhArabic-Regular.ttf";

// The fonts compiled into the binary: all of them (`with_engine_only`: what the article can use),
// or those ImGui draws the rest with. Faces only point into the embedded bytes, which live for the
// whole run, so they are made once.
const std::vector<const text::FontFace*>& embedded_faces(bool with_engine_only) {
    static const std::vector<std::pair<std::unique_ptr<text::FontFace>, bool>> owned = [] {
        std::vector<std::pair<std::unique_ptr<text::FontFace>, bool>> faces;
        for (const core::EmbeddedFile& file : core::embedded_files())
            if (file.path.substr(0, 6) == "fonts/")
                if (auto face = text::FontFace::from_bytes(file.bytes))
                    faces.emplace_back(std::move(face), file.path == kEngineOnlyFont);
        return faces;
    }();
    static const std::array<std::vector<const text::FontFace*>, 2> faces = [] {
        std::array<std::vector<const text::FontFace*>, 2> pointers;
        for (const auto& [face, engine_only] : owned) {
            pointers[1].push_back(face.get());
            if (!engine_only) pointers[0].push_back(face.get());
        }
        return pointers;
    }();
    return faces[with_engine_only ? 1 : 0];
}

// Code points of the bundle's visible text that no face drawing them covers.
std::vector<uint32_t> missing_in(const content::Bundle& bundle) {
    content::Bundle article_only;
    article_only.article = bundle.article;
    content::Bundle rest = bundle;
    rest.article.clear();
    std::vector<uint32_t> missing =
        text::missing_codepoints(text::codepoints_of(content::visible_text(article_only)), embedded_faces(true));
    for (uint32_t codepoint : text::missing_codepoints(text::codepoints_of(content::visible_text(rest)), embedded_faces(false)))
        missing.push_back(codepoint);
    std::sort(missing.begin(), missing.end());
    missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
    return missing;
}

}  // namespace

std::vector<core::Fault> glyph_faults(const content::LoadResult& loaded, int max_reported) {
    std::vector<core::Fault> faults;
    const std::vector<uint32_t> missing = missing_in(loaded.bundle);
    for (uint32_t codepoint : missing) {
        if (static_cast<int>(faults.size()) == max_reported) {
            faults.push_back(core::make_fault(core::FaultCode::MissingGlyph, "", 0, 0,
                                              std::to_string(missing.size() - faults.size()) +
                                                  " more characters have no glyph in the bundled fonts"));
            break;
        }
        std::string utf8;
        text::append_utf8(utf8, codepoint);
        const content::TextLocation at = content::find_text(loaded.files, utf8);
        faults.push_back(core::make_fault(core::FaultCode::MissingGlyph, at.file, at.line, at.column,
                                          "no bundled font has the character " + text::codepoint_label(codepoint) +
                                              " (\"" + utf8 + "\"); it would show as a blank gap"));
    }
    return faults;
}

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
