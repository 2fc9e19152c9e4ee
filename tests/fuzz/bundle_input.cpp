#include "bundle_input.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "check/report.h"
#include "check/validate.h"
#include "content/bundle.h"
#include "core/embedded.h"
#include "layout/article_layout.h"

namespace kiosk::fuzz {
namespace {

void require(bool condition, const char* what) {
    if (condition) return;
    std::fprintf(stderr, "fuzz: invariant broken: %s\n", what);
    std::abort();
}

}  // namespace

size_t run_bundle_input(const uint8_t* data, size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    content::BundleFiles files;
    const size_t nul = input.find('\0');
    if (nul == std::string_view::npos) {
        files["manifest.toml"] = std::string(core::embedded("content/manifest.toml"));
        files["article.md"] = std::string(input);
    } else {
        files["manifest.toml"] = std::string(input.substr(0, nul));
        files["article.md"] = std::string(input.substr(nul + 1));
    }
    content::LoadResult loaded = content::parse_bundle(files, "fuzz");
    check::validate(loaded);
    for (const core::Fault& fault : loaded.faults) {
        require(fault.line >= 0 && fault.column >= 0, "a fault with a negative position");
        require(!fault.message.empty(), "a fault without a message");
    }
    if (loaded.usable) {
        const auto& blocks = loaded.bundle.article;
        require(std::any_of(blocks.begin(), blocks.end(),
                            [](const content::Block& b) { return b.kind == content::BlockKind::Headline; }),
                "a usable bundle without a headline");
        // Lay out at a narrow and a wide column with fixed-advance metrics: line breaking must
        // terminate and keep baselines in order for any text.
        for (float width : {40.0f, 900.0f}) {
            layout::ArticleLayoutParams params;
            params.column_width = width;
            const layout::ArticleLayout placed = layout::layout_article(blocks, layout::FontSet{}, params);
            for (size_t i = 1; i < placed.runs.size(); ++i)
                require(placed.runs[i].baseline >= placed.runs[i - 1].baseline, "baselines out of order");
        }
    }
    const std::string json = check::report_json(loaded.faults, "fuzz");
    require(!json.empty() && json.front() == '{', "a JSON report that is not an object");
    return loaded.faults.size();
}

}  // namespace kiosk::fuzz
