// The glyph check: what the screen draws for each character of the bundle. The article is shaped
// by the text engine exactly as the article view shapes it, so a character it cannot draw is found
// where the view would draw .notdef; the other texts (memorial, sources, cards, the interface's
// words) are set by the same engine with the same faces, and a character none of them has is
// drawn as .notdef there too. Either way the screen shows the font's .notdef, an empty box.
#include <algorithm>
#include <map>
#include <memory>
#include <utility>

#include "check/validate.h"
#include "layout/article_text.h"
#include "layout/number_format.h"
#include "text/font_face.h"
#include "text/utf8.h"

namespace kiosk::check {
namespace {

// One character the screen cannot draw, and where.
struct Finding {
    bool in_article = false;           // the engine draws .notdef (an empty box) for it
    bool elsewhere = false;            // on another screen (memorial, sources, cards, words)
    bool notdef_only = false;          // a font has it, but shaping gives .notdef (a mark on another font's letter)
    std::string context;               // for a mark: the letter it sits on and the mark, to find it in the files
    std::string font;                  // for a mark: the font of the letter it sits on
    std::string language;              // the bundle language it was first found in
};

std::string utf8_of(uint32_t codepoint) {
    std::string out;
    text::append_utf8(out, codepoint);
    return out;
}

std::string font_name(const std::string& file) {
    const size_t slash = file.rfind('/');
    return slash == std::string::npos ? file : file.substr(slash + 1);
}

// The article, shaped block by block as the article view does: every code point no face has, and
// every .notdef glyph whose characters a face does have (a mark that kept the previous letter's
// face), by code point.
void engine_findings(const content::Bundle& bundle, std::map<uint32_t, Finding>& found) {
    const layout::ArticleFaces& faces = layout::embedded_article_faces();
    if (!faces.ok()) return;  // the kiosk cannot show text at all; the frame's own fault says so
    for (const content::Block& block : bundle.article) {
        const layout::ShapedBlock shaped = layout::shape_block(block, bundle.manifest.language, faces);
        if (!shaped.error.ok()) continue;
        const text::ShapedParagraph& paragraph = shaped.shaped;
        for (uint32_t codepoint : paragraph.uncovered) {
            found[codepoint].in_article = true;
            if (found[codepoint].language.empty()) found[codepoint].language = bundle.manifest.language;
        }
        for (const text::ShapedRun& run : paragraph.runs) {
            const text::ShapingFace* face = faces.shaping[static_cast<size_t>(run.run.face)];
            for (const text::ShapedGlyph& glyph : run.glyphs) {
                if (glyph.glyph != 0) continue;
                // The cluster runs from its first unit to the next cluster's start within the run.
                size_t end = static_cast<size_t>(glyph.cluster) + 1;
                while (end < static_cast<size_t>(run.run.end) && !paragraph.cluster_start[end]) ++end;
                const int from = paragraph.utf8_offset[static_cast<size_t>(glyph.cluster)];
                const int to = paragraph.utf8_offset[end];
                const std::string cluster = shaped.text.substr(static_cast<size_t>(from), static_cast<size_t>(to - from));
                for (size_t at = 0; at < cluster.size();) {
                    const uint32_t codepoint = text::next_codepoint(cluster, at);
                    if (face->covers(codepoint) || codepoint <= 0x20) continue;
                    Finding& finding = found[codepoint];
                    finding.in_article = true;
                    if (finding.language.empty()) finding.language = bundle.manifest.language;
                    if (std::find(paragraph.uncovered.begin(), paragraph.uncovered.end(), codepoint) ==
                            paragraph.uncovered.end() &&
                        finding.context.empty()) {
                        finding.notdef_only = true;
                        finding.context = cluster;
                        finding.font = font_name(faces.files[static_cast<size_t>(run.run.face)]);
                    }
                }
            }
        }
    }
}

// Every text but the article, and the counter's digits in the bundle's language (۰–۹ and U+066C
// for Persian), which the bundle's own text need not contain: the views set them with the
// engine's faces (layout::faces_for_role), so a character no embedded face has shows as .notdef.
void other_screen_findings(const content::Bundle& bundle, std::map<uint32_t, Finding>& found) {
    const layout::ArticleFaces& faces = layout::embedded_article_faces();
    if (!faces.ok()) return;
    content::Bundle rest = bundle;
    rest.article.clear();
    rest.memorial.caption += " " + layout::format_count(1234567890, bundle.manifest.language);
    for (uint32_t codepoint : text::missing_codepoints(text::codepoints_of(content::visible_text(rest)), faces.raster)) {
        found[codepoint].elsewhere = true;
        if (found[codepoint].language.empty()) found[codepoint].language = bundle.manifest.language;
    }
}

// Where `needle` first occurs: in the articles first when the article cannot draw it, else in the
// manifests only (the other screens' texts come from there), so the place given is a place it fails.
content::TextLocation locate(const content::BundleFiles& files, const std::string& needle, bool in_article) {
    content::BundleFiles preferred;
    for (const auto& [name, bytes] : files) {
        const bool manifest = name.rfind("manifest", 0) == 0;
        if (manifest != in_article) preferred.emplace(name, bytes);
    }
    content::TextLocation at = content::find_text(preferred, needle);
    if (at.file.empty() && in_article) at = content::find_text(files, needle);
    return at;
}

std::string what_shows(const Finding& finding) {
    if (finding.in_article && finding.elsewhere)
        return "an empty box shows in its place, in the article and on the other screens";
    if (finding.in_article) return "the article shows an empty box in its place";
    return "the screen shows an empty box in its place";
}

}  // namespace

std::vector<core::Fault> glyph_faults(const content::LoadResult& loaded, int max_reported) {
    std::map<uint32_t, Finding> found;
    engine_findings(loaded.bundle, found);
    other_screen_findings(loaded.bundle, found);
    for (const content::Bundle& translation : loaded.bundle.translations) {
        engine_findings(translation, found);
        other_screen_findings(translation, found);
    }
    std::vector<core::Fault> faults;
    for (const auto& [codepoint, finding] : found) {
        if (static_cast<int>(faults.size()) == max_reported) {
            faults.push_back(core::make_fault(core::FaultCode::MissingGlyph, "", 0, 0,
                                              std::to_string(found.size() - faults.size()) +
                                                  " more characters cannot be drawn by the bundled fonts"));
            break;
        }
        const std::string utf8 = utf8_of(codepoint);
        const std::string name = text::codepoint_label(codepoint) + " (\"" + utf8 + "\")";
        if (finding.notdef_only && !finding.elsewhere) {
            content::TextLocation at = locate(loaded.files, finding.context, true);
            if (at.file.empty()) at = locate(loaded.files, utf8, true);
            faults.push_back(core::make_fault(core::FaultCode::NotdefGlyph, at.file, at.line, at.column,
                                              "the character " + name + " is set in " + finding.font +
                                                  " with the letter before it, and that font has no glyph for it; " +
                                                  what_shows(finding) +
                                                  " (check that the mark belongs on that letter)"));
            faults.back().language = finding.language;
            continue;
        }
        const content::TextLocation at = locate(loaded.files, utf8, finding.in_article);
        std::string message = "no bundled font has the character " + name + "; " + what_shows(finding);
        if (at.file.empty() && finding.elsewhere)
            message += " (the memorial counter writes its number with it in this bundle's language)";
        faults.push_back(core::make_fault(core::FaultCode::MissingGlyph, at.file, at.line, at.column, std::move(message)));
        faults.back().language = finding.language;
    }
    return faults;
}

}  // namespace kiosk::check
