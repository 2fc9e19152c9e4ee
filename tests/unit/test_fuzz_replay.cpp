// Replays the fuzzer's seed corpus and every crash it ever found through the same code the fuzzer
// runs (tests/fuzz/bundle_input.cpp), so a fixed bug stays fixed in every build, with or without
// clang. Under the sanitizer build this also runs the seeds with ASan and UBSan.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "../fuzz/bundle_input.h"
#include "test_process_support.h"

namespace fs = std::filesystem;

namespace {

size_t run(const std::string& bytes) {
    return kiosk::fuzz::run_bundle_input(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
}

}  // namespace

TEST_CASE("every fuzz seed and regression loads without breaking an invariant", "[fuzz]") {
    const fs::path fuzz = fs::path(KIOSK_SOURCE_DIR) / "tests" / "fuzz";
    size_t inputs = 0;
    for (const char* dir : {"corpus", "regressions"})
        for (const fs::directory_entry& entry : fs::directory_iterator(fuzz / dir)) {
            if (entry.path().extension() == ".md") continue;  // the folder's README
            INFO(entry.path().string());
            run(kiosk::testing::read_file(entry.path()));  // aborts (and fails the test run) when an invariant breaks
            ++inputs;
        }
    CHECK(inputs >= 40);
    // The seeds are real bundles: the built-in one gives no fault, a broken one gives its faults.
    CHECK(run(kiosk::testing::read_file(fuzz / "corpus" / "builtin")) == 0);
    CHECK(run(kiosk::testing::read_file(fuzz / "corpus" / "bad_truncated_manifest")) > 0);
    // Inputs with no manifest part use the built-in manifest.
    CHECK(run(kiosk::testing::read_file(fuzz / "corpus" / "builtin_article_only")) == 0);
    CHECK(run("") > 0);
    // Inputs of four parts carry a Persian translation; one whose blocks are not one for one has
    // an error more than the same bundle translated well.
    CHECK(run(kiosk::testing::read_file(fuzz / "corpus" / "bad_translation_blocks")) >
          run(kiosk::testing::read_file(fuzz / "corpus" / "bilingual")));
}
