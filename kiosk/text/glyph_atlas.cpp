#include "text/glyph_atlas.h"

#include <algorithm>

namespace kiosk::text {

size_t GlyphAtlas::KeyHash::operator()(const GlyphKey& key) const {
    const uint64_t packed = (static_cast<uint64_t>(key.glyph) << 32) ^ (static_cast<uint64_t>(key.em_size_64) << 8) ^
                            static_cast<uint64_t>(key.face);
    return std::hash<uint64_t>{}(packed);
}

GlyphAtlas::GlyphAtlas(std::vector<const FontFace*> faces, GlyphAtlasParams params)
    : faces_(std::move(faces)), params_(params) {
    params_.width = std::max(params_.width, 16);
    params_.max_height = std::max(params_.max_height, 16);
    params_.padding = std::max(params_.padding, 0);
    clear();
}

void GlyphAtlas::clear() {
    glyphs_.clear();
    height_ = std::min(64, params_.max_height);
    pixels_.assign(static_cast<size_t>(params_.width) * height_, 0);
    shelf_x_ = shelf_y_ = shelf_height_ = 0;
    ++version_;
}

bool GlyphAtlas::place(int width, int height, int& x, int& y) {
    const int padded_width = width + 2 * params_.padding, padded_height = height + 2 * params_.padding;
    if (padded_width > params_.width) return false;
    if (shelf_x_ + padded_width > params_.width) {  // this row is full: start the next one below it
        shelf_y_ += shelf_height_;
        shelf_x_ = shelf_height_ = 0;
    }
    const int needed = shelf_y_ + std::max(shelf_height_, padded_height);
    if (needed > params_.max_height) return false;
    if (needed > height_) {
        int grown = height_;
        while (grown < needed) grown *= 2;
        height_ = std::min(grown, params_.max_height);
        pixels_.resize(static_cast<size_t>(params_.width) * height_, 0);  // rows below stay empty
    }
    x = shelf_x_ + params_.padding;
    y = shelf_y_ + params_.padding;
    shelf_x_ += padded_width;
    shelf_height_ = std::max(shelf_height_, padded_height);
    return true;
}

std::optional<AtlasGlyph> GlyphAtlas::find(const GlyphKey& key) const {
    const auto found = glyphs_.find(key);
    if (found == glyphs_.end()) return std::nullopt;
    return found->second;
}

std::optional<AtlasGlyph> GlyphAtlas::glyph(const GlyphKey& key) {
    if (const auto found = glyphs_.find(key); found != glyphs_.end()) return found->second;
    if (key.face < 0 || key.face >= static_cast<int>(faces_.size()) || faces_[key.face] == nullptr || key.em_size_64 <= 0)
        return std::nullopt;
    const FontFace& face = *faces_[static_cast<size_t>(key.face)];
    const float em_size = static_cast<float>(key.em_size_64) / 64.0f;
    const FontFace::GlyphBox box = face.glyph_box(key.glyph, em_size);
    AtlasGlyph placed;
    placed.width = box.x1 - box.x0;
    placed.height = box.y1 - box.y0;
    placed.left = box.x0;
    placed.top = box.y0;
    if (placed.width > 0) {
        if (!place(placed.width, placed.height, placed.x, placed.y)) return std::nullopt;
        face.rasterise_glyph(key.glyph, em_size, &pixels_[static_cast<size_t>(placed.y) * params_.width + placed.x],
                             params_.width);
        ++version_;
    }
    glyphs_.emplace(key, placed);
    return placed;
}

}  // namespace kiosk::text
