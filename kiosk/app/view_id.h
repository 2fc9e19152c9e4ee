// The kiosk's views, as the tab bar orders them, and their names on the command line.
#pragma once
#include <array>
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

constexpr std::optional<ViewId> view_from_name(std::string_view name) {
    for (ViewId view : kViewOrder)
        if (view_name(view) == name) return view;
    return std::nullopt;
}

}  // namespace kiosk::app
