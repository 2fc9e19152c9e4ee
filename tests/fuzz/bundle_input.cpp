#include "bundle_input.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <vector>

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
    // NUL-separated parts: an article alone (the built-in manifest); a manifest and an article; or
    // those and a Persian translation's manifest.fa.toml and article.fa.md.
    std::vector<std::string_view> parts;
    for (size_t start = 0;;) {
        const size_t nul = input.find('\0', start);
        if (nul == std::string_view::npos || parts.size() == 3) {
            parts.push_back(input.substr(start));
            break;
        }
        parts.push_back(input.substr(start, nul - start));
        start = nul + 1;
    }
    if (parts.size() == 1) {
        files["manifest.toml"] = std::string(core::embedded("content/manifest.toml"));
        files["article.md"] = std::string(parts[0]);
    } else {
        files["manifest.toml"] = std::string(parts[0]);
        files["article.md"] = std::string(parts[1]);
        if (parts.size() > 2) files["manifest.fa.toml"] = std::string(parts[2]);
        if (parts.size() > 3) files["article.fa.md"] = std::string(parts[3]);
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
    if (loaded.usable) {
        // Every language agrees where all must, and each can be brought to the top and back.
        const content::Bundle& bundle = loaded.bundle;
        require(bundle.manifest.languages.size() == bundle.translations.size() + 1, "languages and translations disagree");
        for (const content::Bundle& translation : bundle.translations) {
            require(translation.article.size() == bundle.article.size(), "a usable translation with other blocks");
            require(translation.sources.size() == bundle.sources.size(), "a usable translation with other sources");
            require(translation.memorial.figure == bundle.memorial.figure, "a usable translation with another figure");
            bool found = false;
            const content::Bundle top = content::in_language(bundle, translation.manifest.language, &found);
            require(found && top.manifest.language == translation.manifest.language, "a translation in_language cannot find");
            require(content::in_language(top, bundle.manifest.language).translations.size() == bundle.translations.size(),
                    "in_language and back loses a language");
        }
    }
    const std::string json = check::report_json(loaded.faults, "fuzz", loaded.bundle.manifest.languages);
    require(!json.empty() && json.front() == '{', "a JSON report that is not an object");
    return loaded.faults.size();
}

}  // namespace kiosk::fuzz
