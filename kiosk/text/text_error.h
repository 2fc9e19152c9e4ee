// What can go wrong inside the text engine, as a value: every engine step returns its result with
// a TextError beside it (code None when it worked) and never throws. A caller that gets an error
// draws nothing for that text and reports it once; it does not retry every frame.
#pragma once
#include <string>
#include <string_view>

namespace kiosk::text {

enum class TextErrorCode {
    None,
    NoFace,            // no face was given, or a face index points past the list
    BidiFailed,        // ICU's bidi algorithm refused the text
    BreakFailed,       // ICU's line break iterator could not be made
    ShapingFailed,     // HarfBuzz could not allocate its buffer
    TooLong,           // the paragraph is longer than the engine accepts (ICU indexes with int32)
};

struct TextError {
    TextErrorCode code = TextErrorCode::None;
    std::string detail;                // what failed, for the log (ICU's error name, sizes)

    bool ok() const { return code == TextErrorCode::None; }
};

// Stable name, e.g. "BidiFailed", for the log and for tests that print what they got.
std::string_view text_error_name(TextErrorCode code);

}  // namespace kiosk::text
