// Safe loading: ContentSource loads and validates in full before handing a bundle over, keeps the
// last good one when a reload is bad, and records every attempt; App::set_bundle swaps what is
// shown; a frame that throws shows the fallback screen (the title) and the kiosk keeps going.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <unistd.h>

#include "test_support.h"
#include "test_process_support.h"
#include "app/app.h"
#include "service/content_reload.h"
#include "service/content_source.h"
#include "content/bundle.h"
#include "core/embedded.h"
#include "platform/platform.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

const std::string kBase = std::string(KIOSK_TEST_DATA) + "/bad_bundles_base";

void write(const std::string& path, const std::string& text) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

bool has_code(const app::LoadRecord& record, core::FaultCode code) {
    for (const core::Fault& fault : record.faults)
        if (fault.code == code) return true;
    return false;
}

std::string headline_of(const app::App& app) {
    for (const content::Block& block : app.bundle().article)
        if (block.kind == content::BlockKind::Headline) return content::block_text(block);
    return {};
}

// The text of the layout's first headline run, as drawn.
std::string first_headline_run(const app::App& app) {
    for (const layout::PlacedRun& run : app.article_layout().runs)
        if (run.role == layout::FontRole::Headline) return run.text;
    return {};
}

}  // namespace

TEST_CASE("reload: a good change is taken, a bad one keeps the last good bundle and is recorded", "[reload]") {
    testing::TempDir dir("reload");
    const std::string bundle = dir.path() + "/bundle";
    fs::copy(kBase, bundle);
    app::ContentSource source(bundle);

    const content::Bundle first = source.load_initial(1.0);
    CHECK(first.origin == bundle);
    CHECK(source.shown_origin() == bundle);
    const std::string first_hash = source.shown_hash();
    REQUIRE(source.history().size() == 1);
    CHECK(source.history().back().accepted);

    SECTION("unchanged: nothing to swap") {
        CHECK_FALSE(source.reload(2.0).has_value());
        CHECK(source.history().back().accepted);
        CHECK(source.shown_hash() == first_hash);
    }
    SECTION("broken: the shown bundle stays, the attempt says why") {
        write(bundle + "/manifest.toml", "[bundle\nid = ");
        CHECK_FALSE(source.reload(2.0).has_value());
        const app::LoadRecord& record = source.history().back();
        CHECK_FALSE(record.accepted);
        CHECK(record.time == 2.0);
        REQUIRE_FALSE(record.faults.empty());
        CHECK(record.faults.front().code == core::FaultCode::ReloadFailed);
        CHECK(has_code(record, core::FaultCode::BadToml));
        CHECK(source.shown_hash() == first_hash);
        CHECK(source.shown_origin() == bundle);

        // Fixed again: taken.
        fs::copy_file(kBase + "/manifest.toml", bundle + "/manifest.toml", fs::copy_options::overwrite_existing);
        write(bundle + "/article.md", testing::read_file(kBase + "/article.md") + "\nA new last paragraph.\n");
        const std::optional<content::Bundle> fixed = source.reload(3.0);
        REQUIRE(fixed.has_value());
        CHECK(fixed->hash != first_hash);
        CHECK(source.shown_hash() == fixed->hash);
        CHECK(source.history().back().accepted);
    }
    SECTION("the folder vanished: the shown bundle stays") {
        fs::remove_all(bundle);
        CHECK_FALSE(source.reload(2.0).has_value());
        CHECK(has_code(source.history().back(), core::FaultCode::BundleMissing));
        CHECK(source.shown_hash() == first_hash);
    }
    SECTION("the history is bounded") {
        for (int i = 0; i < 100; ++i) source.reload(10.0 + i);
        CHECK(source.history().size() == app::ContentSource::kMaxHistory);
        CHECK(source.history().back().time == 109.0);
    }
}

TEST_CASE("reload: a bad bundle at start shows the built-in one until the folder is fixed", "[reload]") {
    testing::TempDir dir("reload-start");
    const std::string bundle = dir.path() + "/bundle";
    fs::copy(kBase, bundle);
    write(bundle + "/article.md", "no headline here\n");
    app::ContentSource source(bundle);
    const content::Bundle first = source.load_initial(0.0);
    CHECK(first.origin == "built-in");
    REQUIRE(source.history().size() == 2);  // the refused folder, then the built-in bundle
    CHECK_FALSE(source.history().front().accepted);
    CHECK(has_code(source.history().front(), core::FaultCode::NoHeadline));

    fs::copy_file(kBase + "/article.md", bundle + "/article.md", fs::copy_options::overwrite_existing);
    const std::optional<content::Bundle> fixed = source.reload(1.0);
    REQUIRE(fixed.has_value());
    CHECK(fixed->origin == bundle);
}

TEST_CASE("reload: with no folder there is nothing to reload", "[reload]") {
    app::ContentSource source("");
    CHECK(source.load_initial(0.0).origin == "built-in");
    CHECK_FALSE(source.reload(1.0).has_value());
}

TEST_CASE("reload: --content-if-present shows the folder once it is made, and the built-in bundle once it goes", "[reload]") {
    testing::TempDir dir("reload-if-present");
    const std::string bundle = dir.path() + "/content";
    app::ContentSource source(bundle, true);
    CHECK(source.load_initial(0.0).origin == "built-in");
    CHECK(source.folder_absent());
    // No fault for a folder nobody made: only the built-in bundle's load is recorded.
    REQUIRE(source.history().size() == 1);
    CHECK(source.history().back().faults.empty());
    CHECK_FALSE(source.reload(1.0).has_value());

    fs::copy(kBase, bundle);
    const std::optional<content::Bundle> made = source.reload(2.0);
    REQUIRE(made.has_value());
    CHECK(made->origin == bundle);
    CHECK_FALSE(source.folder_absent());

    fs::remove_all(bundle);
    const std::optional<content::Bundle> gone = source.reload(3.0);
    REQUIRE(gone.has_value());
    CHECK(gone->origin == "built-in");
    CHECK(source.shown_origin() == "built-in");
}

TEST_CASE("reload: --content-if-present still reports a folder that exists but is broken", "[reload]") {
    testing::TempDir dir("reload-if-present-bad");
    const std::string bundle = dir.path() + "/content";
    fs::copy(kBase, bundle);
    write(bundle + "/article.md", "no headline here\n");
    app::ContentSource source(bundle, true);
    CHECK(source.load_initial(0.0).origin == "built-in");
    CHECK_FALSE(source.folder_absent());
    CHECK(has_code(source.history().front(), core::FaultCode::NoHeadline));

    // A dangling link is not an absent folder: it is reported.
    fs::remove_all(bundle);
    fs::create_symlink(dir.path() + "/nowhere", bundle);
    app::ContentSource dangling(bundle, true);
    CHECK(dangling.load_initial(0.0).origin == "built-in");
    CHECK_FALSE(dangling.folder_absent());
    CHECK_FALSE(dangling.history().front().accepted);
}

TEST_CASE("reload: folders in order: the first present and usable shows, a reload reads only the first present", "[reload]") {
    testing::TempDir dir("reload-chain");
    const std::string local = dir.path() + "/etc-content", packaged = dir.path() + "/packaged",
                      last_good = dir.path() + "/last-good";
    fs::copy(kBase, packaged);
    fs::copy(kBase, last_good);
    write(last_good + "/article.md", "###### Test section\n\n# The Last Good Headline\n\nA paragraph.\n");
    write(packaged + "/article.md", "no headline here\n");  // a broken content package arrived
    app::ContentSource source({{local, true}, {packaged, true}, {last_good, true}});

    // At start the absent local folder is no fault, the broken package is recorded and passed over.
    const content::Bundle first = source.load_initial(0.0);
    CHECK(first.origin == last_good);
    REQUIRE(source.history().size() == 2);
    CHECK_FALSE(source.history().front().accepted);
    CHECK(source.history().front().origin == packaged);
    CHECK(has_code(source.history().front(), core::FaultCode::NoHeadline));

    // A reload reads the packaged folder, the first present: still broken, so what is shown stays.
    CHECK_FALSE(source.reload(1.0).has_value());
    CHECK(source.shown_origin() == last_good);
    CHECK(has_code(source.history().back(), core::FaultCode::ReloadFailed));

    // A good package: shown. Then a technician's own bundle comes first.
    fs::copy_file(kBase + "/article.md", packaged + "/article.md", fs::copy_options::overwrite_existing);
    const std::optional<content::Bundle> fixed = source.reload(2.0);
    REQUIRE(fixed.has_value());
    CHECK(fixed->origin == packaged);
    fs::copy(kBase, local);
    const std::optional<content::Bundle> own = source.reload(3.0);
    REQUIRE(own.has_value());
    CHECK(own->origin == local);

    // Broken by hand: refused, the technician's last good version stays; removed: the package shows.
    write(local + "/article.md", "no headline here\n");
    CHECK_FALSE(source.reload(4.0).has_value());
    CHECK(source.shown_origin() == local);
    fs::remove_all(local);
    const std::optional<content::Bundle> back = source.reload(5.0);
    REQUIRE(back.has_value());
    CHECK(back->origin == packaged);
    CHECK_FALSE(source.folder_absent());
}

TEST_CASE("App::set_bundle shows the new bundle from the next frame, at the same place", "[reload][app]") {
    app::ContentSource builtin("");
    app::App app(builtin.load_initial(0.0));
    const app::FrameSize size{800, 480, 96.0f};
    app.frame(size, 0.0);
    CHECK(app.take_fonts_changed());
    const std::string old_headline = first_headline_run(app);
    REQUIRE_FALSE(old_headline.empty());
    app.scroll_to(300.0f, 0.0);
    app.frame(size, 0.1);

    content::LoadResult other = content::load_bundle_dir(kBase);
    REQUIRE(other.usable);
    app.set_bundle(std::move(other.bundle), 1.0);
    CHECK(app.next_frame_due(1.0) == 1.0);
    app.frame(size, 1.0);
    CHECK(app.take_fonts_changed());  // the new text's glyphs are in a new atlas
    CHECK(headline_of(app) == "A Test Headline");
    CHECK(first_headline_run(app) == "A Test Headline");
    // The new article is short: the reader is held within its end, not left past it.
    CHECK(app.scroll_position(1.0) == Approx(std::min(300.0f, app.scroll_limit())));
    CHECK(app.last_frame_stats().runs_drawn > 0);
}

namespace {

// Ink across the whole width, between two rows.
double ink(const platform::Pixels& pixels, int y0, int y1) {
    return test::ink(test::Image(pixels), 0, y0, pixels.width, y1);
}

// Captures what the process writes to stderr while it lives.
class StderrCapture {
public:
    StderrCapture() : file_(std::tmpfile()) {
        std::fflush(stderr);
        saved_ = dup(STDERR_FILENO);
        dup2(fileno(file_), STDERR_FILENO);
    }
    ~StderrCapture() {
        restore();
        std::fclose(file_);
    }
    std::string text() {
        restore();
        std::rewind(file_);
        std::string out;
        char buffer[4096];
        size_t n = 0;
        while ((n = std::fread(buffer, 1, sizeof buffer, file_)) > 0) out.append(buffer, n);
        return out;
    }

private:
    void restore() {
        if (saved_ < 0) return;
        std::fflush(stderr);
        dup2(saved_, STDERR_FILENO);
        close(saved_);
        saved_ = -1;
    }
    std::FILE* file_ = nullptr;
    int saved_ = -1;
};

size_t count(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("a frame that throws shows the title on a calm page, logs once, and the kiosk recovers", "[reload][fallback]") {
    app::ContentSource builtin("");
    app::App app(builtin.load_initial(0.0));
    const int width = 800, height = 480;
    StderrCapture capture;

    app.inject_frame_failure("view exploded");
    const platform::Pixels fallback = test::render_app(app, width, height, {0.0});
    CHECK(app.failed_frames() == 1);
    CHECK(app.last_failure() == "view exploded");
    // Not blank: the title is drawn across the middle, and nothing at the top where the article starts.
    CHECK(ink(fallback, height / 4, height * 3 / 4) > 0.01);
    CHECK(ink(fallback, 0, height / 8) == 0.0);
    // The same failure again is not logged again.
    app.inject_frame_failure("view exploded");
    app.inject_frame_failure("view exploded");
    const platform::Pixels again = test::render_app(app, width, height, {6.0});
    CHECK(app.failed_frames() == 2);
    CHECK(again.rgba == fallback.rgba);

    // Recovery: the next frame is the article again.
    const platform::Pixels normal = test::render_app(app, width, height, {11.0, 11.1});
    CHECK(app.failed_frames() == 2);
    CHECK(app.last_frame_stats().runs_drawn > 0);
    CHECK(ink(normal, 0, height / 4) > 0.01);

    // Scheduling (frames without a surface: App::frame needs no GL): the loop sleeps on the
    // fallback screen, tries a normal frame 5 s later, and has nothing due once it drew one.
    const app::FrameSize size{width, height, 96.0f};
    app.frame(size, 20.0);
    const double idle_due = app.next_frame_due(20.5);  // what is due with no failure (the idle clock)
    app.inject_frame_failure("view exploded");
    app.frame(size, 21.0);
    CHECK(app.failed_frames() == 3);
    CHECK(app.next_frame_due(22.0) == Approx(26.0));
    CHECK(app.next_frame_due(26.0) == 26.0);
    app.frame(size, 26.0);
    CHECK(app.failed_frames() == 3);
    CHECK(app.next_frame_due(27.0) == Approx(idle_due));

    const std::string log = capture.text();
    CHECK(count(log, "FrameFailed") == 1);
    CHECK_THAT(log, Catch::Contains("view exploded"));
}

TEST_CASE("operator overlay: Reload content swaps in a good folder and lists a bad one under Faults seen",
          "[reload][operator]") {
    testing::TempDir dir("reload-operator");
    const std::string bundle = dir.path() + "/bundle";
    fs::copy(kBase, bundle);
    app::ContentSource source(bundle);
    app::AppParams params;
    params.config.op.pin = "2468";
    params.config.window.kiosk = true;
    app::App app(source.load_initial(0.0), params);
    const app::FrameSize size{1080, 1920, 96.0f};
    double t = 10.0;
    app.frame(size, t);
    // A touch, then the frame that shows what it did.
    const auto tap = [&](float x, float y, double held = 0.08) {
        test::touch(app, x, y, t, held);
        app.frame(size, t);
    };
    const auto tap_box = [&](const layout::Box& box) {
        test::touch(app, box, t);
        app.frame(size, t);
    };
    const auto open_facts = [&] {
        tap(5, 5, 2.5);
        tap(1075, 1915, 2.5);
        REQUIRE(app.operator_screen(t) == app::OperatorScreen::Pin);
        for (char c : std::string("2468"))
            for (size_t i = 0; i < views::kPinKeys.size(); ++i)
                if (views::kPinKeys[i] == c - '0') tap_box(app.pin_pad_layout().keys[i]);
        tap_box(app.pin_pad_layout().keys[11]);  // OK
        REQUIRE(app.operator_screen(t) == app::OperatorScreen::Facts);
    };
    const std::string first_headline = headline_of(app);
    CHECK_FALSE(app.take_reload_request());

    // The curator changed the headline; the operator presses Reload content.
    std::string article = testing::read_file(kBase + "/article.md");
    const size_t headline = article.find("\n# ");
    REQUIRE(headline != std::string::npos);
    article.insert(headline + 3, "Changed: ");
    write(bundle + "/article.md", article);
    open_facts();
    tap_box(app.facts_layout().reload);
    REQUIRE(app.take_reload_request());
    CHECK_FALSE(app.take_reload_request());  // once per press
    const app::ReloadReport swapped = app::reload_content(source, app, t);
    CHECK(swapped.outcome == app::ReloadOutcome::Swapped);
    app.frame(size, t);
    CHECK(headline_of(app) == "Changed: " + first_headline);
    CHECK(first_headline_run(app).rfind("Changed:", 0) == 0);
    CHECK(app.faults_seen().empty());
    // The overlay stays open and says how it went.
    REQUIRE(app.operator_screen(t) == app::OperatorScreen::Facts);
    CHECK(app.last_reload() == "new content shown (" + source.shown_hash() + ")");
    CHECK(swapped.summary == "reloaded " + bundle + " (content " + source.shown_hash() + ")");

    // Pressed again with nothing changed: nothing to swap, nothing seen.
    tap_box(app.facts_layout().reload);
    REQUIRE(app.take_reload_request());
    CHECK(app::reload_content(source, app, t).outcome == app::ReloadOutcome::Unchanged);
    CHECK(app.faults_seen().empty());
    CHECK(app.last_reload() == "no change: the folder holds what is shown");

    // A broken manifest: refused, the changed article stays, and the overlay lists why.
    write(bundle + "/manifest.toml", "[bundle\nid = ");
    tap_box(app.facts_layout().reload);
    REQUIRE(app.take_reload_request());
    const app::ReloadReport refused = app::reload_content(source, app, t);
    CHECK(refused.outcome == app::ReloadOutcome::Refused);
    app.frame(size, t);
    CHECK(headline_of(app) == "Changed: " + first_headline);
    CHECK(app.last_reload() == "refused (1 error); the last good content stays");
    REQUIRE(app.faults_seen().size() == refused.fault_lines.size() - 1);  // all but ReloadFailed, the refusal itself
    const auto seen = [&](const std::string& part) {
        return std::any_of(app.faults_seen().begin(), app.faults_seen().end(),
                           [&](const std::string& line) { return line.find(part) != std::string::npos; });
    };
    CHECK(seen("reload: error " + std::string(core::fault_name(core::FaultCode::BadToml)) + " manifest.toml:1:8"));
    CHECK_FALSE(seen(std::string(core::fault_name(core::FaultCode::ReloadFailed))));
    CHECK(refused.summary == "reload refused; still showing " + bundle + " (content " + source.shown_hash() + ")");
}
