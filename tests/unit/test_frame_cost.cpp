// Render on change and frame cost: an idle app asks for no frame, and a frame deep in a 100x
// article builds exactly the work the same view builds in the 1x article (no cost per article
// length). Counts what a frame emits (runs, vertices, draw calls), not time: timings live in
// tests/bench/kiosk_bench.
#include <catch2/catch.hpp>

#include <imgui.h>

#include "app/app.h"
#include "content/bundle.h"
#include "views/article_view.h"

using namespace kiosk;

namespace {

content::Bundle builtin_times(int times) {
    content::Bundle bundle = content::load_builtin_bundle().bundle;
    const std::vector<content::Block> once = bundle.article;
    for (int copy = 1; copy < times; ++copy) bundle.article.insert(bundle.article.end(), once.begin(), once.end());
    return bundle;
}

constexpr app::FrameSize kPanel{1080, 1920, 96.0f};

}  // namespace

TEST_CASE("an idle app asks for no frame until something is due", "[app][frames]") {
    SECTION("the idle card is the only timer on a still article") {
        app::App app(builtin_times(1));
        const double card = app::IdleConfig{}.quiet_s;  // untouched this long: "Still reading?"
        CHECK(app.next_frame_due(0.0) == 0.0);  // nothing drawn yet
        app.frame(kPanel, 0.0);
        CHECK(app.next_frame_due(0.5) == card);
        CHECK(app.next_frame_due(card - 1.0) == card);

        platform::InputEvent key;
        key.type = platform::EventType::KeyDown;
        key.key = platform::Key::PageDown;
        app.handle(key, 10.0);
        CHECK(app.next_frame_due(10.0) == 10.0);
        app.frame(kPanel, 10.0);
        CHECK(app.next_frame_due(10.1) == 10.1);  // the eased scroll is still moving
        app.frame(kPanel, 11.0);
        CHECK(app.next_frame_due(11.0) == 10.0 + card);  // it settled: nothing until the card
        CHECK(app.frames_drawn() == 3);
    }
    SECTION("with the idle card off, nothing is ever due") {
        app::AppParams params;
        params.config.idle.quiet_s = 0.0;
        app::App app(builtin_times(1), params);
        app.frame(kPanel, 0.0);
        CHECK(app.next_frame_due(0.5) == app::kNever);
        CHECK(app.next_frame_due(3600.0) == app::kNever);
    }
}

TEST_CASE("a frame deep in a 100x article emits what the same view emits in a short one", "[app][frames]") {
    // The middle copy of a 3x article has text above and below it, as every copy of a 100x one has.
    app::App three(builtin_times(3));
    app::App hundred(builtin_times(100));
    three.frame(kPanel, 0.0);
    hundred.frame(kPanel, 0.0);
    const auto& runs_three = three.article_layout().runs;
    const auto& runs_hundred = hundred.article_layout().runs;
    const size_t per_copy = runs_three.size() / 3;
    REQUIRE(runs_hundred.size() == per_copy * 100);
    REQUIRE(hundred.article_layout().rules.size() == three.article_layout().rules.size() / 3 * 100);

    // Where copy `copy` starts, in scroll pixels (its first run's baseline).
    const auto copy_start = [per_copy](const app::App& app, size_t copy) {
        return app.article_layout().runs[per_copy * copy].baseline;
    };
    const float copy_height = copy_start(three, 2) - copy_start(three, 1);
    // Views over the whole middle copy, its end matter and rule included.
    for (int step = 0; step <= 10; ++step) {
        const float into_copy = copy_height * static_cast<float>(step) / 10.0f;
        three.scroll_to(copy_start(three, 1) + into_copy, 1.0);
        three.frame(kPanel, 1.0);
        hundred.scroll_to(copy_start(hundred, 73) + into_copy, 1.0);
        hundred.frame(kPanel, 1.0);
        INFO("scrolled " << step << "/10 into the copy");
        CHECK(three.last_frame_stats().runs_drawn > 10);
        CHECK(hundred.last_frame_stats().runs_drawn == three.last_frame_stats().runs_drawn);
        // The position indicator's thumb differs in length, not in vertices: all else is equal.
        CHECK(hundred.last_frame_stats().vertices == three.last_frame_stats().vertices);
        CHECK(hundred.last_frame_stats().draw_calls == three.last_frame_stats().draw_calls);
    }
}

TEST_CASE("the article view draws the rules in view wherever they are in the article", "[views][frames]") {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(1080.0f, 1920.0f);
    io.Fonts->Build();
    ImGui::NewFrame();

    layout::ArticleLayout article;  // rules only, one every 1000 px
    for (int i = 0; i < 200; ++i) article.rules.push_back({0.0f, 1000.0f * static_cast<float>(i), 100.0f});
    article.height = 200000.0f;
    views::ArticleViewParams params;
    params.viewport = {0.0f, 0.0f, 1080.0f, 1920.0f};
    params.indicator_width = 0.0f;  // only the rules make vertices
    const views::Fonts fonts{};

    const auto vertices_at = [&](float scroll) {
        ImDrawList* list = ImGui::GetBackgroundDrawList();
        const int before = list->VtxBuffer.Size;
        params.scroll = scroll;
        views::draw_article(list, article, fonts, views::dark_theme(), params);
        return list->VtxBuffer.Size - before;
    };
    CHECK(vertices_at(0.0f) == 8);            // rules at 0 and 1000 px; 2000 is below the view
    CHECK(vertices_at(150500.0f) == 8);       // 151000 and 152000, deep in the article
    CHECK(vertices_at(197500.0f) == 8);       // 198000 and 199000, the last two
    CHECK(vertices_at(199500.0f) == 0);       // past the last rule
    ImGui::EndFrame();
    ImGui::DestroyContext();
}
