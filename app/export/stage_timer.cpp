// Stage timings and the export process's allocator set-up (see stage_timer.hpp).
#include "export/stage_timer.hpp"

#include <malloc.h>
#include <sys/mman.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace deportmap::exporter {

// Minor page faults of the calling thread so far (first touches of memory: costly on
// some virtual machines).
long page_faults() {
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return usage.ru_minflt;
}

void StageTimer::lap(const char* name) {
    const auto now = std::chrono::steady_clock::now();
    const long faults = page_faults();
    const double ms = std::chrono::duration<double, std::milli>(now - last_).count();
    // A stage timed again (a page written band by band) adds up.
    auto same = std::find_if(stages_.begin(), stages_.end(),
                             [&](const Stage& s) { return std::string_view(s.name) == name; });
    if (same != stages_.end()) {
        same->ms += ms;
        same->faults += faults - faults_;
    } else {
        stages_.push_back({name, ms, faults - faults_});
    }
    last_ = now;
    faults_ = faults;
}

// First touches of memory (page faults) are expensive on some virtual machines, and an
// export is one short process, so it sets glibc's allocator up once: big blocks come
// from the heap rather than fresh mmaps, freed memory is kept for reuse rather than
// returned, and the heap is grown once by about what the image will need and marked for
// transparent huge pages (2 MiB faults). Documented glibc and Linux calls; where huge
// pages are off the advice is ignored. The figures are in docs/rendering.md.
void prepare_memory(int width, int height) {
    const size_t pixels = static_cast<size_t>(width) * static_cast<size_t>(height);
    // 26 bytes a pixel plus room for the driver's bins and the meshes, at most 768 MiB:
    // an address range, mostly never touched (an export holds one tile and two page
    // bands), that also sets the threshold below which blocks come from the heap.
    const size_t reserve = std::min<size_t>(pixels * 26 + (size_t{96} << 20), size_t{768} << 20);
    // Blocks below the threshold come from the heap: the reserve itself must too.
    mallopt(M_MMAP_THRESHOLD, static_cast<int>(reserve + (size_t{16} << 20)));
    mallopt(M_TRIM_THRESHOLD, static_cast<int>(size_t{1} << 30));
    mallopt(M_ARENA_MAX, 1);  // the worker thread shares the prepared heap
    void* block = std::malloc(reserve);
    if (block == nullptr) return;
    constexpr uintptr_t kHuge = uintptr_t{2} << 20;
    const auto begin = reinterpret_cast<uintptr_t>(block);
    const uintptr_t first = (begin + kHuge - 1) & ~(kHuge - 1);
    const uintptr_t last = (begin + reserve) & ~(kHuge - 1);
    if (last > first) madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
    std::free(block);
}

}  // namespace deportmap::exporter
