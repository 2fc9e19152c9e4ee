// The article's photographs between file and screen: decoded on a worker thread (never on the
// drawing path), uploaded as textures when they come within reach of the viewport, and released
// when they are far from it, so 50 pictures never fill a Pi's GPU memory. The first frame is
// never held up: a picture not decoded yet is drawn as its placeholder. Does NOT draw or lay out.
//
// Memory budget. Peak during a decode: image::Limits::decode_peak_bytes (64 MiB), one decode at
// a time. Resident: the textures of the pictures within kReachScreens viewport heights of the
// viewport, at most kResidentBytes in all; a CPU copy lives only between decode and upload.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "content/bundle.h"
#include "image/image.h"
#include "layout/article_layout.h"

namespace kiosk::app {

constexpr float kReachScreens = 1.0f;            // viewport heights above and below that count as near
constexpr std::size_t kResidentBytes = 48u << 20;  // all photographs' textures together

enum class PhotoStatus { Waiting, Shown, Broken };

struct PhotoState {
    PhotoStatus status = PhotoStatus::Waiting;
    uintptr_t texture = 0;             // the ImGui texture id when Shown
    int width = 0, height = 0;         // the texture's pixels
};

// Uploads RGBA pixels; `replace` a texture it returned before (0: a new one). 0 on failure.
using PhotoUploader = std::function<uintptr_t(int width, int height, const uint8_t* rgba, uintptr_t replace)>;

class PhotoStore {
public:
    PhotoStore();
    ~PhotoStore();                     // stops and joins the worker
    PhotoStore(const PhotoStore&) = delete;
    PhotoStore& operator=(const PhotoStore&) = delete;

    // A new bundle: `root` is its folder; one entry per article block (non-figures ignored).
    void reset(const std::string& root, const std::vector<content::Block>& blocks);
    // The uploader's textures are gone (a new surface): every picture is uploaded again.
    void forget_textures();
    // Called each frame with the placed figures and the article's visible span (layout pixels):
    // asks for decodes near it, uploads what is decoded, releases what is far. True when a
    // texture changed (the frame must be drawn again).
    bool update(const std::vector<layout::PlacedFigure>& figures, float view_top, float view_bottom,
                const PhotoUploader& upload);
    PhotoState state(std::size_t block) const;
    // Called from the worker after each decode (the loop's wake-up); may be empty.
    void set_on_decoded(std::function<void()> on_decoded);
    bool results_waiting() const;      // a decode finished that update() has not taken yet
    // Blocks until no decode is queued or running (screenshots, tests).
    void wait_idle();
    std::size_t resident_bytes() const { return resident_; }
    int decodes_done() const;          // for tests: how many decodes the worker finished

private:
    struct Job {
        std::size_t block = 0;
        uint64_t generation = 0;
        int width = 0, height = 0;
        std::string file;              // bundle-relative
    };
    struct Result {
        Job job;
        image::DecodeResult decoded;
    };
    struct Entry {
        std::string file;              // bundle-relative
        bool figure = false;
        bool broken = false;           // the validator or a decode found it unusable
        bool queued = false;
        uintptr_t texture = 0;         // kept for reuse after a release (1x1 then)
        bool resident = false;         // the texture holds the picture (not the 1x1 stand-in)
        int width = 0, height = 0;     // the pixels it holds or was asked for
    };
    void work();

    std::vector<Entry> entries_;
    std::string root_;
    std::size_t resident_ = 0;

    mutable std::mutex mutex_;
    std::condition_variable wake_worker_, idle_;
    std::deque<Job> jobs_;
    std::vector<Result> results_;
    uint64_t generation_ = 0;          // bumps on reset: old results are dropped
    bool running_job_ = false;
    bool stop_ = false;
    int decodes_done_ = 0;
    std::string worker_root_;          // root_ as the worker reads it (under the mutex)
    std::function<void()> on_decoded_;
    std::thread worker_;
};

}  // namespace kiosk::app
