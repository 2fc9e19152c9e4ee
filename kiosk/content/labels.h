// The interface's own words (tab names, the Aa panel, the idle card, the attract caption), which a
// bundle gives in its language in the manifest's `[labels]` table. Plain data with English defaults,
// the table of keys the manifest uses, and the question whether a bundle left any in English.
// Does NOT parse TOML (manifest_toml.cpp does), draw, or translate anything.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::content {

// The interface's own words, which the bundle may give in its language (the manifest's `[labels]`
// table). Every field holds its English default; a bundle sets only what it translates. Plain data:
// the views draw them, the parser fills them, the validator checks them (below).
struct Labels {
    std::string article = "Article";              // the tab of the article view
    std::string memorial = "Memorial";            // the tab of the memorial (counter) view
    std::string sources = "Sources";              // the tab of the sources list
    std::string close = "Close";                  // closes a citation card
    std::string source_unavailable = "Source unavailable";  // the card of a marker that names no source
    std::string text_size = "Text size";          // the Aa panel: the row that makes text larger or smaller
    std::string high_contrast = "High contrast";  // the Aa panel: the contrast switch
    std::string less_motion = "Less motion";      // the Aa panel: the switch that stills animations
    std::string done = "Done";                    // the Aa panel: closes the panel
    std::string still_reading = "Still reading?"; // the idle card's title
    std::string touch_to_continue = "Touch anywhere to keep reading.";  // the idle card's first line
    std::string returns_to_start = "Otherwise the kiosk returns to the start.";  // the idle card's second line
    std::string keep_reading = "Keep reading";    // the idle card's button
    std::string touch_to_read = "Touch the screen to read";  // the attract loop's caption
    std::string language_name = "English";        // the bundle's language named in its own script ("فارسی")
};

// One `[labels]` key and the field it sets.
struct LabelKey {
    std::string_view key;              // as written in the manifest: `still_reading = "..."`
    std::string Labels::*field = nullptr;
};

// Every key, in the order of the struct (and of the curator README's table).
const std::vector<LabelKey>& label_keys();

// The key's field, or nullptr when `key` is not a label.
const LabelKey* find_label_key(std::string_view key);

// True for "en" and every English tag ("en-GB", "EN_us"): the defaults are already its words.
bool is_english(std::string_view language);

// Keys whose text is still the English default (left out, or written in English).
std::vector<std::string_view> labels_left_in_english(const Labels& labels);

}  // namespace kiosk::content
