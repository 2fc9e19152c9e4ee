// Geometry of the visitor controls and the operator screens at every panel size and text size:
// every touch target at least 9 mm each way, everything on screen, nothing overlapping.
#include <catch2/catch.hpp>

#include <vector>

#include "core/embedded.h"
#include "layout/metrics.h"
#include "text/font_face.h"
#include "text/utf8.h"
#include "views/operator_view.h"
#include "views/theme.h"
#include "views/visitor_controls.h"

using namespace kiosk;
using layout::Box;

namespace {

struct PanelSize {
    int width, height;
    float dpi;
};
// The panels the kiosk is made for, at 96 DPI and at plausible physical DPIs.
const std::vector<PanelSize> kPanels = {
    {800, 480, 96},  {1024, 600, 96}, {1280, 800, 96},  {720, 1280, 96},  {1080, 1920, 96}, {1920, 1080, 96},
    {3840, 2160, 96}, {800, 480, 133}, {1024, 600, 170}, {1920, 1080, 92}, {3840, 2160, 163}, {720, 1280, 294},
};

bool on_screen(const layout::Box& r, const PanelSize& p) {
    return r.x >= 0 && r.y >= 0 && r.x + r.width <= p.width + 0.5f && r.y + r.height <= p.height + 0.5f;
}
bool overlap(const layout::Box& a, const layout::Box& b) {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

layout::Panel panel_for(const PanelSize& p, int step) {
    layout::PanelParams params;
    params.width = p.width;
    params.height = p.height;
    params.dpi = p.dpi;
    params.text_scale = views::text_scale_for_step(step);
    return layout::panel_layout(params);
}

}  // namespace

TEST_CASE("visitor controls: targets of at least 9 mm, on screen, apart, at every panel and text size", "[controls]") {
    for (const PanelSize& p : kPanels) {
        for (int step = 0; step < views::kTextSizeSteps; ++step) {
            INFO(p.width << "x" << p.height << " at " << p.dpi << " dpi, text step " << step);
            const layout::Panel panel = panel_for(p, step);
            const float target = 9.0f * panel.mm;
            const views::AccessLayout access = views::access_layout(panel, float(p.width), float(p.height), target);
            const std::vector<layout::Box> targets = {access.button, access.smaller, access.larger, access.contrast,
                                               access.motion, access.done};
            for (const layout::Box& r : targets) {
                CHECK(r.width >= target - 0.5f);
                CHECK(r.height >= target - 0.5f);
                CHECK(on_screen(r, p));
            }
            CHECK(on_screen(access.panel, p));
            for (size_t i = 1; i < targets.size(); ++i)
                for (size_t j = i + 1; j < targets.size(); ++j) CHECK_FALSE(overlap(targets[i], targets[j]));
            // The button sits in the top bar.
            CHECK(access.button.y + access.button.height <= panel.top_bar + 0.5f);

            const views::IdleCardLayout card = views::idle_card_layout(panel, float(p.width), float(p.height), target);
            CHECK(on_screen(card.card, p));
            CHECK(card.keep.height >= target - 0.5f);
            CHECK(card.keep.width >= target - 0.5f);
            CHECK(card.ring_radius * 2.0f >= target - 0.5f);
            CHECK(card.ring_y + card.ring_radius <= card.keep.y);
        }
    }
}

TEST_CASE("operator screens: keys of at least 9 mm, on screen, apart, at every panel", "[controls][operator]") {
    for (const PanelSize& p : kPanels) {
        INFO(p.width << "x" << p.height << " at " << p.dpi << " dpi");
        const layout::Panel panel = panel_for(p, 0);
        const float target = 9.0f * panel.mm;
        const views::PinPadLayout pad = views::pin_pad_layout(panel, float(p.width), float(p.height), target);
        std::vector<layout::Box> keys(pad.keys.begin(), pad.keys.end());
        keys.push_back(pad.cancel);
        for (size_t i = 0; i < keys.size(); ++i) {
            CHECK(keys[i].width >= target - 0.5f);
            CHECK(keys[i].height >= target - 0.5f);
            CHECK(on_screen(keys[i], p));
            for (size_t j = i + 1; j < keys.size(); ++j) CHECK_FALSE(overlap(keys[i], keys[j]));
        }
        const views::FactsLayout facts = views::facts_layout(panel, float(p.width), float(p.height), target);
        for (const layout::Box& r : {facts.reload, facts.exit, facts.close}) {
            CHECK(r.height >= target - 0.5f);
            CHECK(r.width >= target - 0.5f);
            CHECK(on_screen(r, p));
            CHECK_FALSE(overlap(r, facts.text));
        }
    }
}

TEST_CASE("visitor controls: every character they write is in the interface font", "[controls]") {
    const auto face = text::FontFace::from_bytes(core::embedded("fonts/NotoSans-Regular.ttf"));
    REQUIRE(face);
    const std::vector<uint32_t> missing = text::missing_codepoints(
        text::codepoints_of(views::visitor_controls_text(content::Labels{}) + views::operator_view_text()), {face.get()});
    std::string labels;
    for (uint32_t c : missing) labels += text::codepoint_label(c) + " ";
    INFO(labels);
    CHECK(missing.empty());
}
