#include "heap_counter.h"

#include <imgui.h>
#include <malloc.h>

#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>

namespace kiosk::bench {

namespace {

enum Owner : uint32_t { kOwnerKiosk = 0, kOwnerOther = 1, kOwnerCount = 2 };

struct Header {
    uint64_t size;                     // bytes the caller asked for
    uint32_t owner;                    // Owner
    uint32_t offset;                   // from the malloc'd start to the block the caller sees
};
static_assert(sizeof(Header) == 16);

struct Counters {
    std::atomic<int64_t> live_bytes{0}, peak_bytes{0}, live_blocks{0}, allocations{0};
};
Counters g_counters[kOwnerCount];
std::atomic<bool> g_counting{false};

// Plain TLS (no constructors), so it is safe inside operator new during static initialisation.
thread_local bool t_is_main = false;
thread_local int t_driver_depth = 0;

Owner current_owner() {
    return (g_counting.load(std::memory_order_relaxed) && t_is_main && t_driver_depth == 0) ? kOwnerKiosk
                                                                                           : kOwnerOther;
}

void* allocate(size_t size, size_t alignment) {
    if (alignment < alignof(Header)) alignment = alignof(Header);
    // Room for the header before a block aligned to `alignment`.
    const size_t slack = alignment > sizeof(Header) ? alignment : sizeof(Header);
    unsigned char* raw = static_cast<unsigned char*>(std::malloc(size + slack + alignment));
    if (raw == nullptr) return nullptr;
    uintptr_t user = reinterpret_cast<uintptr_t>(raw) + sizeof(Header);
    user = (user + alignment - 1) & ~(uintptr_t(alignment) - 1);
    Header* header = reinterpret_cast<Header*>(user) - 1;
    const Owner owner = current_owner();
    header->size = size;
    header->owner = owner;
    header->offset = static_cast<uint32_t>(user - reinterpret_cast<uintptr_t>(raw));
    Counters& c = g_counters[owner];
    const int64_t live = c.live_bytes.fetch_add(static_cast<int64_t>(size), std::memory_order_relaxed) +
                         static_cast<int64_t>(size);
    int64_t peak = c.peak_bytes.load(std::memory_order_relaxed);
    while (live > peak && !c.peak_bytes.compare_exchange_weak(peak, live, std::memory_order_relaxed)) {
    }
    c.live_blocks.fetch_add(1, std::memory_order_relaxed);
    c.allocations.fetch_add(1, std::memory_order_relaxed);
    return reinterpret_cast<void*>(user);
}

void release(void* block) {
    if (block == nullptr) return;
    Header* header = static_cast<Header*>(block) - 1;
    Counters& c = g_counters[header->owner < kOwnerCount ? header->owner : kOwnerOther];
    c.live_bytes.fetch_sub(static_cast<int64_t>(header->size), std::memory_order_relaxed);
    c.live_blocks.fetch_sub(1, std::memory_order_relaxed);
    std::free(static_cast<unsigned char*>(block) - header->offset);
}

void* allocate_or_throw(size_t size, size_t alignment) {
    void* block = allocate(size == 0 ? 1 : size, alignment);
    if (block == nullptr) throw std::bad_alloc();
    return block;
}

void* imgui_alloc(size_t size, void*) { return allocate(size, alignof(std::max_align_t)); }
void imgui_free(void* block, void*) { release(block); }

HeapCount snapshot(const Counters& c) {
    return {c.live_bytes.load(), c.peak_bytes.load(), c.live_blocks.load(), c.allocations.load()};
}

}  // namespace

void start_counting() {
    t_is_main = true;
    ImGui::SetAllocatorFunctions(imgui_alloc, imgui_free, nullptr);
    for (Counters& c : g_counters) c.peak_bytes = c.live_bytes.load();
    g_counting = true;
}

void count_thread_as_kiosk() { t_is_main = true; }

HeapCount kiosk_heap() { return snapshot(g_counters[kOwnerKiosk]); }
HeapCount other_heap() { return snapshot(g_counters[kOwnerOther]); }

DriverScope::DriverScope() { ++t_driver_depth; }
DriverScope::~DriverScope() { --t_driver_depth; }

HeapTotals heap_totals() {
    const struct mallinfo2 info = mallinfo2();
    return {static_cast<int64_t>(info.uordblks + info.hblkhd), static_cast<int64_t>(info.arena + info.hblkhd)};
}

}  // namespace kiosk::bench

// The replaced global allocation functions (every form the standard lists).

void* operator new(size_t size) { return kiosk::bench::allocate_or_throw(size, alignof(std::max_align_t)); }
void* operator new[](size_t size) { return kiosk::bench::allocate_or_throw(size, alignof(std::max_align_t)); }
void* operator new(size_t size, std::align_val_t align) {
    return kiosk::bench::allocate_or_throw(size, static_cast<size_t>(align));
}
void* operator new[](size_t size, std::align_val_t align) {
    return kiosk::bench::allocate_or_throw(size, static_cast<size_t>(align));
}
void* operator new(size_t size, const std::nothrow_t&) noexcept {
    return kiosk::bench::allocate(size == 0 ? 1 : size, alignof(std::max_align_t));
}
void* operator new[](size_t size, const std::nothrow_t&) noexcept {
    return kiosk::bench::allocate(size == 0 ? 1 : size, alignof(std::max_align_t));
}
void* operator new(size_t size, std::align_val_t align, const std::nothrow_t&) noexcept {
    return kiosk::bench::allocate(size == 0 ? 1 : size, static_cast<size_t>(align));
}
void* operator new[](size_t size, std::align_val_t align, const std::nothrow_t&) noexcept {
    return kiosk::bench::allocate(size == 0 ? 1 : size, static_cast<size_t>(align));
}
void operator delete(void* block) noexcept { kiosk::bench::release(block); }
void operator delete[](void* block) noexcept { kiosk::bench::release(block); }
void operator delete(void* block, size_t) noexcept { kiosk::bench::release(block); }
void operator delete[](void* block, size_t) noexcept { kiosk::bench::release(block); }
void operator delete(void* block, std::align_val_t) noexcept { kiosk::bench::release(block); }
void operator delete[](void* block, std::align_val_t) noexcept { kiosk::bench::release(block); }
void operator delete(void* block, size_t, std::align_val_t) noexcept { kiosk::bench::release(block); }
void operator delete[](void* block, size_t, std::align_val_t) noexcept { kiosk::bench::release(block); }
void operator delete(void* block, const std::nothrow_t&) noexcept { kiosk::bench::release(block); }
void operator delete[](void* block, const std::nothrow_t&) noexcept { kiosk::bench::release(block); }
void operator delete(void* block, std::align_val_t, const std::nothrow_t&) noexcept { kiosk::bench::release(block); }
void operator delete[](void* block, std::align_val_t, const std::nothrow_t&) noexcept { kiosk::bench::release(block); }
