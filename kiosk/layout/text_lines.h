// Short texts set in lines for any view: interface words, the memorial's captions, the fields of a
// source. Set by the text engine (article_text.h: shaped in the bundle's language, broken at UAX #14
// opportunities, reordered right to left where it must) or, when the engine is off or fails, by
// break_lines with ImGui's metrics. TextCache keeps each text's shaping and re-breaks it only when
// the width or the size changes, so a view can ask for its words every frame. Each line's runs start
// at x 0 (the line's own left edge): the caller aligns it (line_x). Does NOT draw or rasterise.
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "layout/article_layout.h"
#include "layout/article_text.h"
#include "layout/metrics.h"

namespace kiosk::layout {

class TextCache;

// A width no one line of interface words reaches: "set it on one line". Not 1e9: a right-to-left
// line is placed at width minus its own width, and floats that large move in steps of 64 px.
constexpr float kOneLine = 100000.0f;

// How texts are set for one bundle.
struct TextSetting {
    bool engine = false;               // the text engine; false: break_lines with the FontSet (tests' fixed fonts)
    std::string language = "en";       // BCP 47, the bundle's: direction, shaping, breaks
    TextCache* cache = nullptr;        // where shapes are kept between calls; null: shaped on every call

    bool rtl() const;                  // the language is written right to left (start is the right edge)
};

// `text` in `role`, in lines no wider than `width`, each line's runs from x 0.
std::vector<LineOfRuns> set_lines(const std::string& text, FontRole role, const FontSet& fonts, float width,
                                  const TextSetting& setting, bool tabular_figures = false);

// A number (digits and separators) set from its characters, each shaped alone once with tabular
// figures and put side by side in logical order (numbers read left to right in every script):
// a running count costs no shaping per value, and every digit has the same advance.
LineOfRuns set_figure(const std::string& number, FontRole role, const FontSet& fonts, const TextSetting& setting);

// Where a line of `line_width` starts in a box [box_x, box_x + box_width]: `align` Start is the left
// edge for a left-to-right language, the right edge for a right-to-left one; End the other edge.
enum class Align { Start, Centre, End };
float line_x(float line_width, float box_x, float box_width, Align align, bool rtl);

// Shaped texts by (text, role, language, tabular figures), each with its lines for the last width
// and size asked for. References stay valid until trim() or clear().
class TextCache {
public:
    explicit TextCache(size_t max_texts = 512) : max_texts_(max_texts) {}

    const std::vector<LineOfRuns>& lines(const std::string& text, FontRole role, const FontSet& fonts, float width,
                                         bool engine, std::string_view language, bool tabular_figures = false);

    // Forgets everything when more than max_texts are kept (a text that changes every second, the
    // operator's uptime, would otherwise grow it): call where no reference is held (a frame's start).
    void trim();
    void clear() { entries_.clear(); }
    size_t size() const { return entries_.size(); }
    int shapings() const { return shapings_; }  // texts shaped so far (tests: a second ask shapes nothing)
    int breakings() const { return breakings_; }  // line sets made so far

private:
    struct Entry {
        ShapedBlock shaped;
        bool shaped_ok = false;
        float width = -1.0f, size = -1.0f;  // what `lines` were made for
        std::vector<LineOfRuns> lines;
    };
    size_t max_texts_;
    std::unordered_map<std::string, Entry> entries_;
    std::string key_;                  // reused between calls: no allocation when the text is kept
    int shapings_ = 0, breakings_ = 0;
};

}  // namespace kiosk::layout
