#include "text/itemize.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>

namespace kiosk::text {
namespace {

struct CharInfo {
    int start = 0;                     // UTF-16 index of the code point
    uint32_t codepoint = 0;
    uint32_t script = kScriptCommon;   // resolved: common and inherited take a neighbour's
    bool neutral_script = false;       // its own script is Common or Inherited
    bool sticks_to_previous = false;   // a mark or an invisible control: never a face of its own
};

uint32_t tag_of(UScriptCode code) {
    const char* name = uscript_getShortName(code);  // "Arab"; always four letters for real scripts
    if (name == nullptr || std::char_traits<char>::length(name) != 4) return kScriptCommon;
    return script_tag(name[0], name[1], name[2], name[3]);
}

std::vector<CharInfo> decode(const std::u16string& text) {
    std::vector<CharInfo> chars;
    chars.reserve(text.size());
    const int32_t length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        CharInfo info;
        info.start = i;
        UChar32 c = 0;
        U16_NEXT(text.data(), i, length, c);
        info.codepoint = static_cast<uint32_t>(c);
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        info.neutral_script = U_FAILURE(status) || script == USCRIPT_COMMON || script == USCRIPT_INHERITED ||
                              script == USCRIPT_UNKNOWN;
        info.script = info.neutral_script ? kScriptCommon : tag_of(script);
        info.sticks_to_previous = script == USCRIPT_INHERITED || u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ||
                                  u_charType(c) == U_NON_SPACING_MARK || u_charType(c) == U_ENCLOSING_MARK;
        chars.push_back(info);
    }
    // Neutral characters take the script before them; the ones at the start take the first real one.
    uint32_t current = kScriptCommon;
    for (CharInfo& info : chars) {
        if (info.neutral_script) info.script = current;
        else current = info.script;
    }
    current = kScriptCommon;
    for (auto it = chars.rbegin(); it != chars.rend(); ++it) {
        if (!it->neutral_script) current = it->script;
        else if (it->script == kScriptCommon) it->script = current;
    }
    return chars;
}

int first_face_covering(uint32_t codepoint, const TextStyle& style, const std::vector<const ShapingFace*>& faces) {
    for (int face : style.faces)
        if (faces[static_cast<size_t>(face)]->covers(codepoint)) return face;
    return -1;
}

// The problem with the caller's table, styles and per-unit styles, or "" when they fit together.
std::string check_styles(const BidiParagraph& paragraph, const std::vector<const ShapingFace*>& faces,
                         const std::vector<TextStyle>& styles, const std::vector<int>& style_of) {
    if (faces.empty() || std::find(faces.begin(), faces.end(), nullptr) != faces.end())
        return "itemize needs at least one face and no null faces";
    if (style_of.size() != paragraph.text.size()) return "one style a UTF-16 unit is needed";
    for (const TextStyle& style : styles) {
        if (style.faces.empty()) return "a style with no face";
        for (int face : style.faces)
            if (face < 0 || face >= static_cast<int>(faces.size())) return "a style names a face past the table";
    }
    for (int style : style_of)
        if (style < 0 || style >= static_cast<int>(styles.size())) return "a unit names a style past the list";
    return "";
}

}  // namespace

ItemizedParagraph itemize(const BidiParagraph& paragraph, const std::vector<const ShapingFace*>& faces,
                          const std::vector<TextStyle>& styles, const std::vector<int>& style_of) {
    ItemizedParagraph result;
    if (!paragraph.error.ok()) {
        result.error = paragraph.error;
        return result;
    }
    if (const std::string problem = check_styles(paragraph, faces, styles, style_of); !problem.empty()) {
        result.error = {TextErrorCode::NoFace, problem};
        return result;
    }
    const std::vector<CharInfo> chars = decode(paragraph.text);
    std::vector<int> face_of(chars.size(), -1);
    int previous = -1;                 // the face of the character before, within the same style
    for (size_t i = 0; i < chars.size(); ++i) {
        const CharInfo& info = chars[i];
        const int style = style_of[static_cast<size_t>(info.start)];
        if (i > 0 && style != style_of[static_cast<size_t>(chars[i - 1].start)]) previous = -1;  // no face crosses styles
        const TextStyle& faces_of_style = styles[static_cast<size_t>(style)];
        int face = -1;
        if (info.sticks_to_previous) face = previous;
        else if (info.neutral_script && previous >= 0 && faces[previous]->covers(info.codepoint)) face = previous;
        if (face < 0 && !info.sticks_to_previous) {
            face = first_face_covering(info.codepoint, faces_of_style, faces);
            if (face < 0 && info.codepoint > 0x20 &&
                std::find(result.uncovered.begin(), result.uncovered.end(), info.codepoint) == result.uncovered.end())
                result.uncovered.push_back(info.codepoint);
            if (face < 0) face = previous >= 0 ? previous : faces_of_style.faces.front();  // .notdef, beside its neighbours
        }
        face_of[i] = face;
        if (face >= 0) previous = face;
    }
    // What still has no face (marks or controls starting a style) takes the face of the character
    // after it in the same style, else its style's first.
    const auto style_at = [&](size_t i) { return style_of[static_cast<size_t>(chars[i].start)]; };
    for (size_t i = chars.size(); i-- > 0;) {
        if (face_of[i] >= 0) continue;
        const bool next_same_style = i + 1 < chars.size() && style_at(i + 1) == style_at(i);
        face_of[i] = next_same_style ? face_of[i + 1] : styles[static_cast<size_t>(style_at(i))].faces.front();
    }
    for (size_t i = 0; i < chars.size(); ++i) {
        const CharInfo& info = chars[i];
        const uint8_t level = paragraph.levels.empty() ? paragraph.base_level : paragraph.levels[info.start];
        const int style = style_of[static_cast<size_t>(info.start)];
        const int end = i + 1 < chars.size() ? chars[i + 1].start : static_cast<int>(paragraph.text.size());
        if (!result.runs.empty()) {
            TextRun& run = result.runs.back();
            if (run.level == level && run.script == info.script && run.face == face_of[i] && run.style == style) {
                run.end = end;
                continue;
            }
        }
        result.runs.push_back({info.start, end, level, info.script, face_of[i], style});
    }
    return result;
}

}  // namespace kiosk::text
