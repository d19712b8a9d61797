// Stage timings of an export (`--timings`): wall time and page faults of consecutive
// stages of one thread, and the allocator set-up an export process makes once.
#pragma once
#include <chrono>
#include <string>
#include <vector>

namespace deportmap::exporter {

// Minor page faults of the calling thread so far (first touches of memory: costly on
// some virtual machines).
long page_faults();

class StageTimer {
public:
    struct Stage {
        const char* name;
        double ms;
        long faults;
    };
    // Ends the current stage under `name` (a stage timed again adds up).
    void lap(const char* name);
    const std::vector<Stage>& stages() const { return stages_; }

private:
    std::vector<Stage> stages_;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
    long faults_ = page_faults();
};

// Sets glibc's allocator up for one export of about width x height pixels (see
// stage_timer.cpp and docs/rendering.md). Process-wide: for the export command's process.
void prepare_memory(int width, int height);

}  // namespace deportmap::exporter
