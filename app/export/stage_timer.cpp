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

// Page faults are expensive on some virtual machines: on the project's 2-core VM a
// first touch of a 4 KiB page costs 10-25 µs, and a 50m export at 1920x1080 made about
// 42,000 of them (framebuffers, llvmpipe's bins, buffers freed and refaulted), a large
// share of its time. The export is one short process, so it sets glibc's allocator
// up once: big blocks come from the heap rather than fresh mmaps, freed memory is kept
// for reuse rather than returned, and the heap is grown once by about what the image
// will need and marked for transparent huge pages (2 MiB faults). Documented glibc and
// Linux calls; where huge pages are off the advice is simply ignored. Measured: about
// 9,000 faults instead of 42,000 (docs/rendering.md).
void prepare_memory(int width, int height) {
    const size_t pixels = static_cast<size_t>(width) * static_cast<size_t>(height);
    // Sized when the whole image was held at 4x MSAA (colour, resolve, coverage,
    // readback: 26 B/pixel), plus room for the driver's bins and the meshes. Exports now
    // hold at most a 4 Mpx tile and two page bands, so most of this address range is
    // never touched, and an untouched range costs nothing; it was kept as it is because
    // the threshold below also decides which blocks come from the heap, and changing it
    // would need the timings re-measured.
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
