#include "text/text_error.h"

namespace kiosk::text {

std::string_view text_error_name(TextErrorCode code) {
    switch (code) {
        case TextErrorCode::None: return "None";
        case TextErrorCode::NoFace: return "NoFace";
        case TextErrorCode::BidiFailed: return "BidiFailed";
        case TextErrorCode::BreakFailed: return "BreakFailed";
        case TextErrorCode::ShapingFailed: return "ShapingFailed";
        case TextErrorCode::TooLong: return "TooLong";
    }
    return "Unknown";
}

}  // namespace kiosk::text
