// The App's input path: kiosk lock -> idle machine -> touch recogniser -> operator gesture ->
// overlays (operator screens, accessibility panel) -> the views (tabs, card, citations, scrolling).
// Also the idle clock's effects (the reset, the attract loop) and the visitor's settings.
//
// Sections: [settings] motion, text size, theme, cursor  [idle] reset and attract loop
//           [input] events and gestures  [taps] what a tap hits
#include <algorithm>
#include <cmath>

#include "app/app.h"
#include "interaction/kiosk_lock.h"

namespace kiosk::app {

using platform::EventType;
using platform::Key;

// [settings] ------------------------------------------------------------------------------------

bool App::reduced_motion() const { return params_.reduced_motion || access_.reduced_motion; }

const views::Theme& App::theme() const { return views::theme_for(access_.high_contrast); }

void App::apply_motion_settings(double now) {
    const bool reduced = reduced_motion();
    const KioskConfig& config = params_.config;
    counter_.reduced_motion = reduced;
    KineticParams kinetic = scroll_.params();
    kinetic.overshoot = !reduced;
    kinetic.ease_seconds = reduced ? 0.0f : KineticParams{}.ease_seconds;
    kinetic.time_constant_s = static_cast<float>(config.touch.fling_time_constant_s);
    scroll_.set_params(kinetic, now);
    sources_scroll_.set_params(kinetic, now);
    IdleParams idle;
    idle.quiet_s = config.idle.quiet_s;
    idle.countdown_s = config.idle.countdown_s;
    idle.attract = config.idle.attract && !reduced;
    idle.attract_view_s = config.idle.attract_view_s;
    idle.attract_views = static_cast<int>(kViewOrder.size());
    idle_.set_params(idle);
    dirty_ = true;
}

void App::set_text_step(int step, double now) {
    step = std::clamp(step, 0, views::kTextSizeSteps - 1);
    if (step == access_.text_step) return;
    // Keep each page at the same place in its text: the same fraction of the way down.
    const auto fraction = [now](const KineticScroll& s) { return s.limit() > 0.0f ? s.position(now) / s.limit() : 0.0f; };
    const float article = fraction(scroll_), sources = fraction(sources_scroll_);
    access_.text_step = step;
    if (laid_out_for_.width > 0) {
        relayout(laid_out_for_, now);
        scroll_.jump_to(article * scroll_.limit(), now);
        sources_scroll_.jump_to(sources * sources_scroll_.limit(), now);
    }
    dirty_ = true;
}

bool App::cursor_visible(double now) const {
    if (!params_.config.window.kiosk) return true;
    const double hide_after = params_.config.window.cursor_hide_s;
    return hide_after > 0.0 && now - last_pointer_motion_ < hide_after;
}

bool App::take_reload_request() {
    const bool requested = reload_requested_;
    reload_requested_ = false;
    return requested;
}

void App::note_reload(std::string outcome, double now) {
    last_reload_ = std::move(outcome);
    last_reload_at_ = now;
    dirty_ = true;
}

void App::note_fault(std::string line) {
    constexpr size_t kKeep = 200;
    faults_seen_.push_back(std::move(line));
    if (faults_seen_.size() > kKeep) faults_seen_.erase(faults_seen_.begin());
    dirty_ = true;
}

float App::scroll_position(ViewId view, double now) const {
    if (view == ViewId::Sources) return sources_scroll_.position(now);
    if (view == ViewId::Article) return scroll_.position(now);
    return 0.0f;
}

KineticScroll* App::scroll_of(ViewId view) {
    if (view == ViewId::Article) return &scroll_;
    if (view == ViewId::Sources) return &sources_scroll_;
    return nullptr;
}

KineticScroll* App::current_scroll() { return card_source_ != 0 || photo_open_ >= 0 ? nullptr : scroll_of(view_); }

// [idle] ----------------------------------------------------------------------------------------

void App::reset_to_start(double now) {
    const KioskConfig& config = params_.config;
    operator_.close();
    access_.open = false;
    close_card();
    close_photo();
    touch_.cancel(now);
    drag_scroll_ = nullptr;
    pressed_ = Pressed::None;
    access_.high_contrast = config.accessibility.high_contrast;
    access_.reduced_motion = config.accessibility.reduced_motion;
    apply_motion_settings(now);
    set_text_step(config.accessibility.text_size, now);
    if (language() != start_language_) set_language(start_language_, now);
    show(view_from_name(config.idle.start_view).value_or(ViewId::Article), now);
    scroll_.jump_to(0.0f, now);
    sources_scroll_.jump_to(0.0f, now);
    attract_view_since_ = -1.0;
    dirty_ = true;
}

void App::advance(double now) {
    if (started_at_ < 0.0) {
        started_at_ = now;
        idle_.restart(now);
    }
    const IdleStatus status = idle_.status(now);
    if (status.reset_count > resets_done_) {
        resets_done_ = status.reset_count;
        reset_to_start(now);
        if (status.phase == IdlePhase::Attract) attract_view_since_ = now;  // the loop begins with a fade
    }
    follow_attract(now);
}

void App::follow_attract(double now) {
    const IdleStatus status = idle_.status(now);
    if (status.phase != IdlePhase::Attract) return;
    const ViewId start = view_from_name(params_.config.idle.start_view).value_or(ViewId::Article);
    const size_t count = kViewOrder.size();
    const ViewId wanted = kViewOrder[(static_cast<size_t>(view_index(start)) + status.attract_view) % count];
    if (view_ == wanted) return;
    // Everything is timed from the slot's start (the fade, the memorial's count), so a late frame
    // shows what it would have shown on time.
    const double slot_start = now - status.attract_view_t;
    show(wanted, slot_start);
    if (KineticScroll* scroll = scroll_of(wanted)) scroll->jump_to(0.0f, now);
    attract_view_since_ = slot_start;
    dirty_ = true;
}

// [input] ---------------------------------------------------------------------------------------

void App::handle(const platform::InputEvent& event, double now) {
    advance(now);
    const bool pointer = event.type == EventType::PointerDown || event.type == EventType::PointerMove ||
                         event.type == EventType::PointerUp;
    // A pointer moving with nothing pressed (a mouse hovering) changes nothing on screen.
    if (event.type != EventType::PointerMove || touch_.pressed()) dirty_ = true;
    if (pointer || event.type == EventType::Wheel) last_pointer_motion_ = now;

    switch (quit_decision(event, params_.config.window.kiosk)) {
        case QuitDecision::Quit: quit_requested_ = true; return;
        case QuitDecision::Refused: return;  // the kiosk lock: nothing a visitor does leaves the app
        case QuitDecision::NotQuit: break;
    }
    if (event.type == EventType::CloseRequested || event.type == EventType::KeyUp) return;

    // The rest of a gesture that woke the kiosk is ignored, up to the finger lifting.
    if (swallowing_ && pointer) {
        if (event.type == EventType::PointerUp) swallowing_ = false;
        return;
    }
    // Every start of an input, and a held finger moving, tells the idle machine someone is there.
    const bool activity = event.type == EventType::PointerDown || event.type == EventType::KeyDown ||
                          event.type == EventType::Wheel || (pointer && touch_.pressed());
    if (activity) {
        const WakeAction wake = idle_.input(now);
        if (wake != WakeAction::Pass) {
            if (wake == WakeAction::SwallowReset) reset_to_start(now);
            if (touch_.pressed()) handle_gesture(touch_.cancel(now), now);
            if (pointer && event.type != EventType::PointerUp) swallowing_ = true;
            dirty_ = true;
            return;
        }
    }

    if (pointer) {
        PointerSample sample;
        sample.phase = event.type == EventType::PointerDown ? ContactPhase::Down
                       : event.type == EventType::PointerUp ? ContactPhase::Up
                                                            : ContactPhase::Move;
        sample.x = event.x;
        sample.y = event.y;
        sample.time = now;
        handle_gesture(touch_.feed(sample), now);
        return;
    }

    const bool overlay = operator_.screen(now) != OperatorScreen::Closed;
    if (event.type == EventType::KeyDown && event.key == Key::Escape) {
        if (overlay) operator_.close();
        else if (access_.open) access_.open = false;
        else if (photo_open_ >= 0) close_photo();
        else if (card_source_ != 0) close_card();
        return;
    }
    if (overlay) return;  // the operator's screens take no other keys
    KineticScroll* scroll = current_scroll();
    const float page = std::max(line_step(), viewport_height() * 0.85f);
    if (event.type == EventType::Wheel) {
        if (scroll) scroll->ease_by(-event.wheel_y * line_step() * 3.0f, now);
        return;
    }
    if (event.type != EventType::KeyDown) return;
    if (event.key == Key::Tab) {
        const int step = event.shift ? -1 : 1;
        const int count = static_cast<int>(kViewOrder.size());
        show(kViewOrder[static_cast<size_t>((view_index(view_) + step + count) % count)], now);
        return;
    }
    if (!scroll) return;
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
}

void App::handle_gesture(const Gesture& gesture, double now) {
    if (gesture.type == GestureType::None) return;
    dirty_ = true;
    const float width = static_cast<float>(laid_out_for_.width), height = static_cast<float>(laid_out_for_.height);
    if (operator_gesture_.feed(gesture, width, height, panel_.mm)) {
        access_.open = false;
        operator_.open(now);
        pressed_ = Pressed::None;
        return;
    }
    const bool modal = operator_.screen(now) != OperatorScreen::Closed || access_.open;
    const auto let_go = [&](float velocity) {
        if (drag_scroll_) drag_scroll_->release(velocity, now);
        drag_scroll_ = nullptr;
    };
    switch (gesture.type) {
        case GestureType::Press:
            pressed_ = pressed_at(gesture.x, gesture.y, now);
            press_stopped_fling_ = false;
            drag_scroll_ = nullptr;
            // A finger on the page catches it: a moving page stops under the finger (and that touch is no tap).
            if (!modal && gesture.y >= panel_.top_bar) {
                drag_scroll_ = current_scroll();
                if (drag_scroll_) {
                    press_stopped_fling_ = std::abs(drag_scroll_->velocity(now)) > drag_scroll_->params().stop_speed;
                    drag_scroll_->hold(now);
                }
            }
            break;
        case GestureType::DragBegin:
            pressed_ = Pressed::None;
            [[fallthrough]];
        case GestureType::Drag:
            // Content follows the finger: a finger moving up moves the page further down the text.
            if (drag_scroll_) drag_scroll_->drag_by(-gesture.step_y, now);
            break;
        case GestureType::DragEnd: let_go(-gesture.velocity_y); break;
        case GestureType::Tap:
            pressed_ = Pressed::None;
            let_go(0.0f);
            if (!press_stopped_fling_) handle_tap(gesture.x, gesture.y, now);
            break;
        case GestureType::LongPress:
        case GestureType::Cancel:
        case GestureType::None:
            pressed_ = Pressed::None;
            let_go(0.0f);
            break;
    }
}

// [taps] ----------------------------------------------------------------------------------------

App::Pressed App::pressed_at(float x, float y, double now) {
    pressed_index_ = -1;
    switch (operator_.screen(now)) {
        case OperatorScreen::Pin:
            for (size_t i = 0; i < pin_pad_.keys.size(); ++i)
                if (pin_pad_.keys[i].contains(x, y)) pressed_index_ = static_cast<int>(i);
            if (pin_pad_.cancel.contains(x, y)) pressed_index_ = static_cast<int>(pin_pad_.keys.size());
            return pressed_index_ >= 0 ? Pressed::PinKey : Pressed::None;
        case OperatorScreen::Facts: {
            const layout::Box* buttons[] = {&facts_.reload, &facts_.exit, &facts_.close};
            for (int i = 0; i < 3; ++i)
                if (buttons[i]->contains(x, y)) pressed_index_ = i;
            return pressed_index_ >= 0 ? Pressed::Facts : Pressed::None;
        }
        case OperatorScreen::Closed: break;
    }
    if (access_layout_.button.contains(x, y)) return Pressed::AccessButton;
    if (!access_.open) {
        if (photo_open_ >= 0 && photo_close_.contains(x, y)) return Pressed::PhotoClose;
        if (language_switch_shown(now)) {
            pressed_index_ = layout::box_at(language_switch_.buttons, x, y);
            if (pressed_index_ >= 0) return Pressed::Language;
        }
        return Pressed::None;
    }
    if (access_layout_.smaller.contains(x, y)) return Pressed::Smaller;
    if (access_layout_.larger.contains(x, y)) return Pressed::Larger;
    if (access_layout_.contrast.contains(x, y)) return Pressed::Contrast;
    if (access_layout_.motion.contains(x, y)) return Pressed::Motion;
    if (access_layout_.done.contains(x, y)) return Pressed::Done;
    return Pressed::None;
}

bool App::handle_overlay_tap(float x, float y, double now) {
    switch (operator_.screen(now)) {
        case OperatorScreen::Pin: {
            for (size_t i = 0; i < pin_pad_.keys.size(); ++i) {
                if (!pin_pad_.keys[i].contains(x, y)) continue;
                const int key = views::kPinKeys[i];
                if (key == views::kPinBack) operator_.press(OperatorKey::Back, 0, now);
                else if (key == views::kPinEnter) operator_.press(OperatorKey::Enter, 0, now);
                else operator_.press(OperatorKey::Digit, key, now);
            }
            if (pin_pad_.cancel.contains(x, y)) operator_.press(OperatorKey::Cancel, 0, now);
            return true;  // the pad covers the screen: nothing under it is pressed
        }
        case OperatorScreen::Facts: {
            OperatorAction action = OperatorAction::None;
            if (facts_.reload.contains(x, y)) action = operator_.press(OperatorKey::Reload, 0, now);
            else if (facts_.exit.contains(x, y)) action = operator_.press(OperatorKey::Exit, 0, now);
            else if (facts_.close.contains(x, y)) operator_.press(OperatorKey::Close, 0, now);
            if (action == OperatorAction::Exit) quit_requested_ = true;
            if (action == OperatorAction::Reload) reload_requested_ = true;
            return true;
        }
        case OperatorScreen::Closed: break;
    }
    if (!access_.open) return false;
    const views::AccessLayout& a = access_layout_;
    if (a.smaller.contains(x, y)) set_text_step(access_.text_step - 1, now);
    else if (a.larger.contains(x, y)) set_text_step(access_.text_step + 1, now);
    else if (a.contrast.contains(x, y)) access_.high_contrast = !access_.high_contrast;
    else if (a.motion.contains(x, y)) {
        access_.reduced_motion = !access_.reduced_motion;
        apply_motion_settings(now);
    } else if (!a.panel.contains(x, y) || a.done.contains(x, y)) {
        access_.open = false;  // Done, the button again, or a tap beside the panel closes it
    }
    return true;
}

void App::handle_tap(float x, float y, double now) {
    if (handle_overlay_tap(x, y, now)) return;
    if (photo_open_ >= 0) {
        close_photo();  // a tap anywhere: the article is where it was
        return;
    }
    if (access_layout_.button.contains(x, y)) {
        access_.open = true;
        return;
    }
    if (language_switch_shown(now)) {
        const int choice = layout::box_at(language_switch_.buttons, x, y);
        if (choice >= 0 && static_cast<size_t>(choice) < bundle_.translations.size()) {
            const std::string language = bundle_.translations[static_cast<size_t>(choice)].manifest.language;
            set_language(language, now);  // the same view, the same paragraph; the page mirrors
            return;
        }
    }
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
        if (source != 0) {
            open_card(source, now);
            return;
        }
        const float ax = x - article_origin_x(), ay = y - article_origin_y(now);
        for (const layout::PlacedFigure& figure : article_.figures)
            if (ay >= figure.y && ay <= figure.y + figure.band_height && ax >= 0.0f && ax <= article_.width) {
                open_photo(figure.block);
                return;
            }
    }
}

}  // namespace kiosk::app
