// The App's language: which of the bundle's languages it shows, at start, after an idle reset and
// when switched, keeping the reader's place by block.
#include <algorithm>
#include <cstdio>

#include "app/app.h"

namespace kiosk::app {

content::Bundle App::in_language_or_default(content::Bundle bundle, const std::string& language) {
    if (language.empty()) return bundle;
    bool found = false;
    content::Bundle chosen = content::in_language(bundle, language, &found);
    if (found) return chosen;
    std::string has;
    for (const std::string& tag : bundle.manifest.languages) has += (has.empty() ? "" : ", ") + tag;
    if (has.empty()) has = bundle.manifest.language;
    const core::Fault fault = core::make_fault(
        core::FaultCode::LanguageNotInBundle, "", 0, 0,
        "the language \"" + language + "\" was asked for but the bundle has only " + has + "; showing " +
            bundle.manifest.language + ", its default");
    std::fprintf(stderr, "kiosk: %s\n", core::format_fault(fault).c_str());
    return bundle;
}

int App::top_block(double now) const {
    if (laid_out_for_.width == 0) return -1;
    return article_.block_at(scroll_.position(now));
}

bool App::set_language(std::string_view language, double now) {
    bool found = false;
    content::Bundle next = content::in_language(bundle_, language, &found);
    if (!found) return false;
    if (next.manifest.language == bundle_.manifest.language) return true;
    int block = -1;
    float fraction = 0.0f;
    if (laid_out_for_.width != 0) {
        const float position = scroll_.position(now);
        block = article_.block_at(position);
        if (block >= 0 && position > 0.0f) {
            const float top = article_.block_tops[static_cast<size_t>(block)];
            const size_t next_block = static_cast<size_t>(block) + 1;
            const float bottom = next_block < article_.block_tops.size() ? article_.block_tops[next_block] : article_.height;
            if (bottom > top) fraction = std::clamp((position - top) / (bottom - top), 0.0f, 1.0f);
        }
        if (position <= 0.0f) block = -1;  // at the very top: stay there
    }
    const float sources_position = sources_scroll_.position(now);
    show_bundle(std::move(next), now);
    pending_scroll_ = block >= 0 ? -1.0f : 0.0f;
    pending_block_ = block;
    pending_block_fraction_ = fraction;
    sources_scroll_.jump_to(sources_position, now);  // the same entries: the sources are one for one
    return true;
}

void App::restore_block(double now) {
    if (pending_block_ < 0) return;
    const size_t block = static_cast<size_t>(pending_block_);
    pending_block_ = -1;
    if (block >= article_.block_tops.size()) return;
    const float top = article_.block_tops[block];
    const float bottom = block + 1 < article_.block_tops.size() ? article_.block_tops[block + 1] : article_.height;
    scroll_.jump_to(top + pending_block_fraction_ * (bottom - top), now);
}

}  // namespace kiosk::app
