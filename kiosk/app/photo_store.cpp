#include "app/photo_store.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "image/bundle_path.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace kiosk::app {

namespace {
constexpr int kDecodeNice = 10;        // how far below the drawing thread decodes run
}  // namespace

PhotoStore::PhotoStore() {
    try {
        worker_ = std::thread([this] { work(); });
    } catch (const std::system_error&) {
        // No thread: every picture stays a placeholder, the article still shows.
        std::fprintf(stderr, "kiosk: no thread for decoding photographs; they show as placeholders\n");
    }
}

PhotoStore::~PhotoStore() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
        jobs_.clear();
    }
    wake_worker_.notify_all();
    if (worker_.joinable()) worker_.join();
}

void PhotoStore::reset(const std::string& root, const std::vector<content::Block>& blocks) {
    std::vector<uintptr_t> textures;
    for (const Entry& entry : entries_)
        if (entry.texture != 0) textures.push_back(entry.texture);
    entries_.assign(blocks.size(), Entry{});
    // Textures are kept for reuse by the new bundle's pictures (the uploader cannot delete them).
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        Entry& entry = entries_[i];
        entry.figure = blocks[i].kind == content::BlockKind::Figure;
        entry.file = blocks[i].figure.file;
        entry.broken = entry.figure && (blocks[i].figure.broken || !worker_.joinable());
    }
    for (std::size_t i = 0, t = 0; i < entries_.size() && t < textures.size(); ++i)
        if (entries_[i].figure) entries_[i].texture = textures[t++];
    resident_ = 0;
    root_ = root;
    std::lock_guard lock(mutex_);
    ++generation_;
    jobs_.clear();
    results_.clear();
    worker_root_ = root;
}

void PhotoStore::forget_textures() {
    for (Entry& entry : entries_) entry.texture = 0, entry.resident = false;
    resident_ = 0;
}

void PhotoStore::set_on_decoded(std::function<void()> on_decoded) {
    std::lock_guard lock(mutex_);
    on_decoded_ = std::move(on_decoded);
}

bool PhotoStore::results_waiting() const {
    std::lock_guard lock(mutex_);
    return !results_.empty();
}

int PhotoStore::decodes_done() const {
    std::lock_guard lock(mutex_);
    return decodes_done_;
}

void PhotoStore::wait_idle() {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [this] { return stop_ || (jobs_.empty() && !running_job_) || !worker_.joinable(); });
}

PhotoState PhotoStore::state(std::size_t block) const {
    PhotoState state;
    if (block >= entries_.size()) return state;
    const Entry& entry = entries_[block];
    if (entry.broken) state.status = PhotoStatus::Broken;
    else if (entry.resident) state = PhotoState{PhotoStatus::Shown, entry.texture, entry.width, entry.height};
    return state;
}

bool PhotoStore::update(const std::vector<layout::PlacedFigure>& figures, float view_top, float view_bottom,
                        const PhotoUploader& upload) {
    bool changed = false;
    const float reach = (view_bottom - view_top) * kReachScreens;
    const auto near = [&](const layout::PlacedFigure& f) {
        return f.y + f.height >= view_top - reach && f.y <= view_bottom + reach;
    };
    const auto distance = [&](const layout::PlacedFigure& f) {
        return f.y > view_bottom ? f.y - view_bottom : f.y + f.height < view_top ? view_top - (f.y + f.height) : 0.0f;
    };

    // What the worker finished: uploaded when still near (and the generation still current).
    std::vector<Result> done;
    uint64_t generation = 0;
    {
        std::lock_guard lock(mutex_);
        done.swap(results_);
        generation = generation_;
    }
    for (Result& result : done) {
        if (result.job.generation != generation || result.job.block >= entries_.size()) continue;
        Entry& entry = entries_[result.job.block];
        entry.queued = false;
        if (!result.decoded.error.ok()) {
            entry.broken = true;
            changed = true;
            std::fprintf(stderr, "kiosk: %s %s: %s; a placeholder shows instead\n",
                         std::string(core::fault_name(result.decoded.error.code)).c_str(), entry.file.c_str(),
                         result.decoded.error.message.c_str());
            continue;
        }
        const auto placed = std::find_if(figures.begin(), figures.end(),
                                         [&](const layout::PlacedFigure& f) { return f.block == result.job.block; });
        if (placed == figures.end() || !near(*placed) || !upload) continue;  // scrolled away meanwhile: decoded again later
        const image::Image& img = result.decoded.image;
        const std::size_t bytes = img.rgba.size();
        if (entry.resident) resident_ -= static_cast<std::size_t>(entry.width) * entry.height * 4;
        if (resident_ + bytes > kResidentBytes) continue;  // over budget: it waits for room
        const uintptr_t id = upload(img.width, img.height, img.rgba.data(), entry.texture);
        if (id == 0) {
            entry.broken = true;
            std::fprintf(stderr, "kiosk: the GPU refused the picture %s; a placeholder shows instead\n", entry.file.c_str());
        } else {
            entry.texture = id;
            entry.resident = true;
            entry.width = img.width, entry.height = img.height;
            resident_ += bytes;
        }
        changed = true;
    }

    // Far pictures give their texture back: replaced by one pixel (the uploader has no delete;
    // the driver frees the storage), the id kept for the next upload.
    std::vector<const layout::PlacedFigure*> order;
    for (const layout::PlacedFigure& f : figures) order.push_back(&f);
    std::sort(order.begin(), order.end(), [&](auto* a, auto* b) { return distance(*a) < distance(*b); });
    for (const layout::PlacedFigure* f : order) {
        if (f->block >= entries_.size()) continue;
        Entry& entry = entries_[f->block];
        if (!entry.figure || entry.broken) continue;
        const int want_w = std::min(static_cast<int>(std::lround(f->width)), image::Limits{}.max_side);
        const int want_h = std::min(static_cast<int>(std::lround(f->height)), image::Limits{}.max_side);
        if (!near(*f)) {
            if (entry.resident && upload) {
                static const uint8_t clear[4] = {0, 0, 0, 0};
                upload(1, 1, clear, entry.texture);
                resident_ -= static_cast<std::size_t>(entry.width) * entry.height * 4;
                entry.resident = false;
                changed = true;
            }
            continue;
        }
        // A new size (another panel, another text size) is decoded again at that size.
        const bool fits = entry.resident && std::abs(entry.width - want_w) <= 1 && std::abs(entry.height - want_h) <= 1;
        if (fits || entry.queued || !upload) continue;  // without an uploader nothing could show it
        // No decode without room for its texture: nearer pictures came first in this loop.
        const std::size_t held = entry.resident ? static_cast<std::size_t>(entry.width) * entry.height * 4 : 0;
        if (resident_ - held + static_cast<std::size_t>(want_w) * want_h * 4 > kResidentBytes) continue;
        entry.queued = true;
        std::lock_guard lock(mutex_);
        jobs_.push_back(Job{f->block, generation_, want_w, want_h, entry.file});
    }
    wake_worker_.notify_one();
    return changed;
}

void PhotoStore::work() {
    // Below the drawing thread: on a busy core a frame wins over a decode (Linux: a thread's own
    // nice value). Failing leaves it at the normal priority.
    (void)setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), kDecodeNice);
    std::unique_lock lock(mutex_);
    while (true) {
        wake_worker_.wait(lock, [this] { return stop_ || !jobs_.empty(); });
        if (stop_) break;
        const Job job = jobs_.front();
        jobs_.pop_front();
        running_job_ = true;
        const std::string root = worker_root_;
        const std::string& file = job.file;
        lock.unlock();
        Result result;
        result.job = job;
        // The path is resolved again: the file may have changed since the bundle was checked.
        const image::BundlePath where = image::resolve_in_bundle(root, file);
        if (!where.error.ok()) {
            result.decoded.error = where.error;
        } else {
            image::DecodeParams params;
            params.max_width = job.width;
            params.max_height = job.height;
            result.decoded = image::decode_file(where.path, params);
        }
        lock.lock();
        running_job_ = false;
        ++decodes_done_;
        if (job.generation == generation_) results_.push_back(std::move(result));
        const std::function<void()> on_decoded = on_decoded_;
        if (jobs_.empty()) idle_.notify_all();
        lock.unlock();
        if (on_decoded) on_decoded();
        lock.lock();
    }
    idle_.notify_all();
}

}  // namespace kiosk::app
