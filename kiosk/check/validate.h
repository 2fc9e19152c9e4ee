// The validator: everything the kiosk checks before it shows a bundle, in one place, used by
// `kiosk --check` and by every load and reload, so that what --check accepts is what the kiosk
// shows. Parsing (content::) finds the faults of form; this adds the checks that need more than
// parsing: wording against the article, and characters no embedded font covers.
// Does NOT print, draw, or decide which bundle to show.
#pragma once
#include <string>
#include <vector>

#include "content/bundle.h"
#include "core/fault.h"

namespace kiosk::check {

// The faults about characters the screen cannot draw, each saying what shows instead, one per
// character at its first use (at most `max_reported`, then one fault that says how many more):
// - MissingGlyph: no embedded font has the character. Every screen is set by the text engine and
//   shows the font's .notdef glyph (an empty box) in its place.
// - NotdefGlyph: a font has the character, but the article's shaping still gives .notdef: a mark
//   stays with the letter before it, and that letter's font has no glyph for the mark.
// The article is shaped exactly as the article view shapes it (layout::shape_block), so the
// message and the screen agree.
std::vector<core::Fault> glyph_faults(const content::LoadResult& loaded, int max_reported = 20);

struct ValidateParams {
    // Decode every photograph in full, to find a truncated or damaged one (`kiosk --check`). At
    // start and reload the kiosk reads only their headers (a full decode of 50 pictures would
    // delay the first frame by seconds on a Pi); one damaged past its header shows as a
    // placeholder with its caption.
    bool decode_pictures = false;
    // A picture narrower than this is enlarged, and blurred, to the column: ImageTooSmall. The
    // article column of a 1080-pixel-wide portrait panel is 873 pixels (bench_photos prints it).
    int min_picture_width = 860;
};

// The photographs' checks (file inside the bundle, a JPEG or PNG within the limits, and with
// decode_pictures not damaged; an unusable EXIF orientation warned about): faults, and each
// Figure's size as shown, after its orientation (or `broken`), set in the bundle.
std::vector<core::Fault> picture_faults(content::LoadResult& loaded, const ValidateParams& params = {});

// Adds the validator's findings to a parsed bundle's faults (after the parser's own) and sets
// `usable` again. Never throws.
void validate(content::LoadResult& loaded, const ValidateParams& params = {});

// Read (or take the built-in bundle), parse and validate in one step.
content::LoadResult load_and_validate_dir(const std::string& dir, const ValidateParams& params = {});
content::LoadResult load_and_validate_builtin();

}  // namespace kiosk::check
