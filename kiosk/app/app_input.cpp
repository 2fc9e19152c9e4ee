// The App's input: taps (tabs, citation markers, the card), drags, the wheel and keys.
#include <algorithm>
#include <cmath>

#include "app/app.h"

namespace kiosk::app {

using platform::EventType;
using platform::Key;

Scroll* App::current_scroll() {
    if (card_source_ != 0) return nullptr;
    if (view_ == ViewId::Article) return &scroll_;
    if (view_ == ViewId::Sources) return &sources_scroll_;
    return nullptr;
}

void App::handle_tap(float x, float y, double now) {
    if (y < panel_.top_bar) {
        const int tab = layout::box_at(tabs_, x, y);
        if (tab >= 0) show(kViewOrder[static_cast<size_t>(tab)], now);
        return;
    }
    if (card_source_ != 0) {
        if (card_geometry_.close.contains(x, y) || !card_geometry_.card.contains(x, y)) close_card();
        return;
    }
    if (view_ == ViewId::Article) {
        const int source = layout::citation_at(article_, fonts_.metrics[layout::FontRole::Superscript],
                                               x - article_origin_x(), y - article_origin_y(now), target_pixels());
        if (source != 0) open_card(source, now);
    }
}

void App::handle(const platform::InputEvent& event, double now) {
    // A pointer moving with nothing pressed (a mouse hovering) changes nothing on screen.
    if (event.type != EventType::PointerMove || tap_.phase() != PointerPhase::Idle) dirty_ = true;
    const float page = std::max(line_step(), viewport_height() * 0.85f);
    Scroll* scroll = current_scroll();
    switch (event.type) {
        case EventType::PointerDown:
            tap_.down(event.x, event.y);
            drag_start_scroll_ = scroll ? scroll->position(now) : 0.0f;
            break;
        case EventType::PointerMove:
            // Scrolling starts only once the finger has moved past the slop: a tap never nudges the page.
            if (tap_.phase() != PointerPhase::Idle && tap_.move(event.x, event.y) && scroll &&
                tap_.start_y() >= panel_.top_bar)
                scroll->jump_to(drag_start_scroll_ - (event.y - tap_.start_y()), now);
            break;
        case EventType::PointerUp:
            if (tap_.up(event.x, event.y)) handle_tap(event.x, event.y, now);
            break;
        case EventType::Wheel:
            if (scroll) scroll->ease_by(-event.wheel_y * line_step() * 3.0f, now);
            break;
        case EventType::KeyDown:
            if (event.key == Key::Escape && card_source_ != 0) {
                close_card();
                break;
            }
            if (event.key == Key::Tab) {
                const int step = event.shift ? -1 : 1;
                const int count = static_cast<int>(kViewOrder.size());
                show(kViewOrder[static_cast<size_t>((view_index(view_) + step + count) % count)], now);
                break;
            }
            if (!scroll) break;
            switch (event.key) {
                case Key::Down: scroll->ease_by(line_step() * 2.0f, now); break;
                case Key::Up: scroll->ease_by(-line_step() * 2.0f, now); break;
                case Key::PageDown: scroll->ease_by(page, now); break;
                case Key::Space: scroll->ease_by(event.shift ? -page : page, now); break;
                case Key::PageUp: scroll->ease_by(-page, now); break;
                case Key::Home: scroll->ease_to(0.0f, now); break;
                case Key::End: scroll->ease_to(scroll->limit(), now); break;
                default: break;
            }
            break;
        case EventType::CloseRequested: quit_requested_ = true; break;
        case EventType::KeyUp: break;
    }
}

}  // namespace kiosk::app
