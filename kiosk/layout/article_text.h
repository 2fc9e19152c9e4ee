// The article set by the text engine (kiosk/text): each block one styled paragraph, shaped in
// the bundle's language and direction (shape_block), then set in lines for a column width and
// text size (engine_lines), as the line source of layout_article. Runs carry their placed glyphs,
// so the view draws exactly what was measured. layout_article keeps no shaping: it shapes, sets
// and lets go block by block, so the 100x article stays within the heap budget (a relayout shapes
// again: about a millisecond for the built-in article). Does NOT draw, rasterise or touch ImGui;
// the faces are the fonts embedded in the binary.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "content/bundle.h"
#include "layout/article_layout.h"
#include "layout/metrics.h"
#include "text/font_face.h"
#include "text/line_break.h"
#include "text/line_layout.h"
#include "text/shape.h"

namespace kiosk::layout {

// The embedded fonts as one face table, for shaping and rasterising alike (same order).
struct ArticleFaces {
    std::vector<const text::ShapingFace*> shaping;
    std::vector<const text::FontFace*> raster;
    std::vector<std::string> files;    // "fonts/NotoSerif-Regular.ttf", for messages

    bool ok() const { return !shaping.empty() && shaping.size() == raster.size(); }
    int index_of(std::string_view file) const;  // -1 when not in the table
};

// Made once; empty (ok() false) when an embedded font cannot be read.
const ArticleFaces& embedded_article_faces();

// The faces text in `role` tries, in order: the role's own face, then the Arabic face; for a
// language written in Arabic script the Arabic face first (its ASCII punctuation and Latin
// letters still come from the role's face). Arabic script has no italic: Persian emphasis keeps
// the Arabic face's regular shapes (see the styles test).
std::vector<int> faces_for_role(const ArticleFaces& faces, FontRole role, std::string_view language);

struct ShapedBlock {
    text::TextError error;             // shaping or finding the break opportunities failed
    FontRole base = FontRole::Body;    // the block's role (its size sets the em)
    std::string text;                  // the paragraph as shaped, UTF-8, markers included ("…rights.3")
    text::ShapedParagraph shaped;
    std::vector<text::BreakOpportunity> breaks;
    std::vector<FontRole> style_roles;  // the role of each of the paragraph's styles
    std::vector<int> style_citations;   // the source a style's marker cites, 0 for text or an unknown id
};

ShapedBlock shape_block(const content::Block& block, std::string_view language,
                        const ArticleFaces& faces = embedded_article_faces());

// One string in one role, as one paragraph in the bundle's language (interface words, a memorial
// caption, a field of a source): the same faces, shaping and breaks as an article block.
// `tabular_figures`: every digit one advance ('tnum'), for a figure that counts.
ShapedBlock shape_plain(std::string_view text, FontRole role, std::string_view language, bool tabular_figures = false,
                        const ArticleFaces& faces = embedded_article_faces());

// One block in lines `width` wide, the block's role at ImGui's size fonts[role].size: runs by
// role and citation, left to right on each line, x from the column's left edge.
std::vector<LineOfRuns> engine_lines(const ShapedBlock& block, const FontSet& fonts, float width,
                                     const ArticleFaces& faces = embedded_article_faces());

}  // namespace kiosk::layout
