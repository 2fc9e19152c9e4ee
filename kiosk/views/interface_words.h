// The words the interface writes for visitors (tab names, Close, the Aa panel, the idle card, the
// attract caption), in one place. English until the bundle's `[labels]` table gives its own
// (content::Labels, same field names). Does NOT hold the operator overlay's words: that screen is
// for technicians and stays English. Plain data.
#pragma once
#include <string>

namespace kiosk::views {

struct InterfaceWords {
    std::string article = "Article";              // the tab of the article view
    std::string memorial = "Memorial";            // the tab of the memorial view
    std::string sources = "Sources";              // the tab of the sources list
    std::string close = "Close";                  // closes a citation card
    std::string source_unavailable = "Source unavailable";  // the card of a marker that names no source
    std::string text_size = "Text size";          // the Aa panel's size row
    std::string high_contrast = "High contrast";  // the Aa panel's contrast switch
    std::string less_motion = "Less motion";      // the Aa panel's motion switch
    std::string done = "Done";                    // closes the Aa panel
    std::string still_reading = "Still reading?"; // the idle card's title
    std::string touch_to_continue = "Touch anywhere to keep reading.";  // the idle card's first line
    std::string returns_to_start = "Otherwise the kiosk returns to the start.";  // its second line
    std::string keep_reading = "Keep reading";    // the idle card's button
    std::string touch_to_read = "Touch the screen to read";  // the attract loop's caption
};

// Every word of `words`, space-separated (for the ImGui atlas, which draws them when the engine cannot).
std::string all_words(const InterfaceWords& words);

}  // namespace kiosk::views
