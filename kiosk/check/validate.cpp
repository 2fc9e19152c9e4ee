#include "check/validate.h"

#include <memory>

#include "core/embedded.h"
#include "text/font_face.h"
#include "text/utf8.h"

namespace kiosk::check {
namespace {

// Only the text engine shapes with it so far; the screen (ImGui's atlas, views/fonts.cpp) does not
// draw it yet, so counting it would tell a curator that Persian shows while the screen shows "?".
// Goes when the engine draws the article (issue 15).
constexpr std::string_view kFontNotDrawnYet = "fonts/NotoNaskhArabic-Regular.ttf";

// Every font compiled into the binary that the screen draws with. Faces only point into the
// embedded bytes, which live for the whole run, so they are made once.
const std::vector<const text::FontFace*>& embedded_faces() {
    static const std::vector<std::unique_ptr<text::FontFace>> owned = [] {
        std::vector<std::unique_ptr<text::FontFace>> faces;
        for (const core::EmbeddedFile& file : core::embedded_files())
            if (file.path.substr(0, 6) == "fonts/" && file.path != kFontNotDrawnYet)
                if (auto face = text::FontFace::from_bytes(file.bytes)) faces.push_back(std::move(face));
        return faces;
    }();
    static const std::vector<const text::FontFace*> faces = [] {
        std::vector<const text::FontFace*> pointers;
        for (const auto& face : owned) pointers.push_back(face.get());
        return pointers;
    }();
    return faces;
}

}  // namespace

std::vector<core::Fault> glyph_faults(const content::LoadResult& loaded, int max_reported) {
    std::vector<core::Fault> faults;
    const std::vector<uint32_t> missing =
        text::missing_codepoints(text::codepoints_of(content::visible_text(loaded.bundle)), embedded_faces());
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

void validate(content::LoadResult& loaded) {
    try {
        std::vector<core::Fault> found = content::check_wording(loaded);
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

content::LoadResult load_and_validate_dir(const std::string& dir) {
    content::LoadResult loaded = content::load_bundle_dir(dir);
    validate(loaded);
    return loaded;
}

content::LoadResult load_and_validate_builtin() {
    content::LoadResult loaded = content::load_builtin_bundle();
    validate(loaded);
    return loaded;
}

}  // namespace kiosk::check
