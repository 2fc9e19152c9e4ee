// What the App draws over the views: the accessibility button (always) and its panel, the attract
// loop's fade and caption, the "Still reading?" card, and the operator's screens with their facts.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/app.h"

namespace kiosk::app {

namespace {

std::string duration_text(double seconds) {
    const long total = static_cast<long>(std::max(0.0, seconds));
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%ldd %02ldh %02ldm %02lds", total / 86400, total / 3600 % 24, total / 60 % 60,
                  total % 60);
    return buffer;
}

// "just now", "40 s ago", "12 min ago", "5 h ago", "3 days ago": how long since, at a glance.
std::string ago_text(double seconds) {
    const long total = static_cast<long>(std::max(0.0, seconds));
    if (total < 5) return "just now";
    if (total < 60) return std::to_string(total) + " s ago";
    if (total < 3600) return std::to_string(total / 60) + " min ago";
    if (total < 86400) return std::to_string(total / 3600) + " h ago";
    const long days = total / 86400;
    return std::to_string(days) + (days == 1 ? " day ago" : " days ago");
}

}  // namespace

void App::draw_overlays(ImDrawList* draw_list, const views::TextPainter& text, double now) {
    const views::Theme& theme = this->theme();
    const float width = static_cast<float>(laid_out_for_.width), height = static_cast<float>(laid_out_for_.height);
    const IdleStatus idle = idle_.status(now);

    // The attract loop: each view fades in from the page colour, and a quiet line invites a touch.
    if (idle.phase == IdlePhase::Attract) {
        const float fade = attract_view_since_ < 0.0
                               ? 0.0f
                               : std::clamp(1.0f - static_cast<float>((now - attract_view_since_) / kAttractFadeSeconds),
                                            0.0f, 1.0f);
        if (fade > 0.0f) draw_list->AddRectFilled(ImVec2(0, 0), ImVec2(width, height), views::pack(theme.background, fade));
        views::draw_attract_caption(draw_list, text, bundle_.labels, theme, panel_, width, height, 1.0f);
    }

    views::AccessState access = access_;
    access.pressed = pressed_ == Pressed::AccessButton ? 0
                     : pressed_ == Pressed::Smaller    ? 1
                     : pressed_ == Pressed::Larger     ? 2
                     : pressed_ == Pressed::Contrast   ? 3
                     : pressed_ == Pressed::Motion     ? 4
                     : pressed_ == Pressed::Done       ? 5
                                                       : -1;
    views::draw_access_button(draw_list, text, theme, access_layout_, access);
    if (access_.open) views::draw_access_panel(draw_list, text, bundle_.labels, theme, access_layout_, access, width, height);

    if (idle.phase == IdlePhase::Prompt) {
        views::IdleCardState card;
        card.seconds_shown = idle.countdown_shown;
        const double countdown = std::max(1e-3, idle_.params().countdown_s);
        // With reduced motion the ring moves a whole second at a time, with the number.
        card.remaining = static_cast<float>((reduced_motion() ? idle.countdown_shown : idle.countdown_left_s) / countdown);
        views::draw_idle_card(draw_list, text, bundle_.labels, theme, idle_card_, card, width, height);
    }

    switch (operator_.screen(now)) {
        case OperatorScreen::Pin: {
            views::PinPadState pad;
            pad.digits = operator_.digits_entered();
            pad.message = operator_.message(now);
            pad.pressed = pressed_ == Pressed::PinKey ? pressed_index_ : -1;
            views::draw_pin_pad(draw_list, text, theme, pin_pad_, pad, width, height);
            break;
        }
        case OperatorScreen::Facts: {
            views::OperatorFacts facts;
            const content::Manifest& manifest = bundle_.manifest;
            char panel_text[160];
            std::snprintf(panel_text, sizeof panel_text, "%dx%d px, %.0f dpi (%s), %.2f px/mm, text step %d",
                          laid_out_for_.width, laid_out_for_.height, laid_out_for_.dpi,
                          platform_facts_.dpi_source.empty() ? "assumed" : platform_facts_.dpi_source.c_str(), panel_.mm,
                          access_.text_step);
            facts.lines = {
                {"Version", std::string("kiosk ") + KIOSK_VERSION},
                {"Content", manifest.id + " " + manifest.version},
                {"Source", bundle_.origin},
                {"Hash", bundle_.hash},
                {"Uptime", duration_text(now - started_at_)},
                {"Frames drawn", std::to_string(frames_drawn_)},
                {"GL renderer", platform_facts_.gl_renderer.empty() ? "unknown" : platform_facts_.gl_renderer},
                {"GL version", platform_facts_.gl_version.empty() ? "unknown" : platform_facts_.gl_version},
                {"Panel", panel_text},
                {"Kiosk lock", params_.config.window.kiosk ? "on" : "off"},
            };
            // Each language the bundle holds, the one shown first, with the hash of its own files.
            std::string languages = manifest.language + " (" + bundle_.language_hash + ")";
            for (const content::Bundle& translation : bundle_.translations)
                languages += ", " + translation.manifest.language + " (" + translation.language_hash + ")";
            facts.lines.insert(facts.lines.begin() + 4, {"Languages", languages});
            if (!last_reload_.empty())
                facts.lines.push_back({"Last reload", ago_text(now - last_reload_at_) + ": " + last_reload_});
            facts.faults = faults_seen_;
            facts.pressed = pressed_ == Pressed::Facts ? pressed_index_ : -1;
            views::draw_facts(draw_list, text, theme, facts_, facts, width, height);
            break;
        }
        case OperatorScreen::Closed: break;
    }
}

}  // namespace kiosk::app
