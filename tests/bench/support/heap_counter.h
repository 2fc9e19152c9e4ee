// Counts the kiosk's own heap apart from the GL driver's, inside a benchmark process.
//
// How: this file's .cpp replaces the global operator new/delete (every form) and gives ImGui an
// allocator (ImGui calls malloc directly otherwise). Each block carries a 16-byte header with its
// size and its owner. The owner is Kiosk when the block is allocated on the thread that called
// start_counting() (or count_thread_as_kiosk()) and outside any DriverScope; everything else is Other: blocks allocated inside
// a DriverScope (wrap every GL / EGL / GLFW call in one: Mesa's llvmpipe compiles shaders with
// LLVM, which allocates through operator new), on any other thread (llvmpipe's rasteriser threads)
// or before start_counting(). A block is credited back to the owner it was charged to, whoever
// frees it.
//
// Not seen: C code that calls malloc itself. In the kiosk that is Mesa and GLFW (the driver side),
// md4c's parse buffers (freed before parsing returns) and nothing else: stb_truetype allocates
// through ImGui's allocator. heap_totals() (mallinfo2) gives the whole heap for comparison, so the
// report can show "whole heap = kiosk + everything else" and the reader can see what is left out.
//
// Does NOT change how memory is allocated (plain malloc underneath) or free anything itself.
#pragma once
#include <cstdint>

namespace kiosk::bench {

struct HeapCount {
    int64_t live_bytes = 0;            // bytes requested and not yet freed
    int64_t peak_bytes = 0;            // the highest live_bytes seen since start_counting()
    int64_t live_blocks = 0;
    int64_t allocations = 0;           // blocks allocated since start_counting()
};

// Makes the calling thread the kiosk's main thread and installs ImGui's allocator. Call it first
// in main(), before any ImGui context exists.
void start_counting();

// Charges the calling thread's allocations (outside a DriverScope) to the kiosk as well: for the
// thread on which the app lays out while the surface opens, as kiosk/app/main.cpp does.
void count_thread_as_kiosk();

HeapCount kiosk_heap();                // what the kiosk's own code holds
HeapCount other_heap();                // operator new / ImGui blocks charged to the driver or others

// While one lives on the main thread, its allocations are charged to Other (the GL driver).
class DriverScope {
public:
    DriverScope();
    ~DriverScope();
    DriverScope(const DriverScope&) = delete;
    DriverScope& operator=(const DriverScope&) = delete;
};

struct HeapTotals {
    int64_t in_use_bytes = 0;          // mallinfo2: uordblks + hblkhd (all arenas, mmapped blocks)
    int64_t arena_bytes = 0;           // mallinfo2: arena + hblkhd (what malloc took from the system)
};
HeapTotals heap_totals();

}  // namespace kiosk::bench
