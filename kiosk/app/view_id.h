// The kiosk's views, as the tab bar orders them, and their names on the command line.
#pragma once
#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace kiosk::app {

enum class ViewId { Article, Memorial, Sources };

constexpr std::array<ViewId, 3> kViewOrder = {ViewId::Article, ViewId::Memorial, ViewId::Sources};

// "article", "memorial", "sources": what --view takes.
constexpr std::string_view view_name(ViewId view) {
    switch (view) {
        case ViewId::Memorial: return "memorial";
        case ViewId::Sources: return "sources";
        case ViewId::Article: break;
    }
    return "article";
}

// The view's place in kViewOrder (its tab).
constexpr int view_index(ViewId view) {
    for (size_t i = 0; i < kViewOrder.size(); ++i)
        if (kViewOrder[i] == view) return static_cast<int>(i);
    return 0;
}

constexpr std::optional<ViewId> view_from_name(std::string_view name) {
    for (ViewId view : kViewOrder)
        if (view_name(view) == name) return view;
    return std::nullopt;
}

}  // namespace kiosk::app
