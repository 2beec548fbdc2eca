#include "app/HugeHeap.h"

#include <climits>
#include <cstdint>
#include <cstdlib>  // defines __GLIBC__ with glibc

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#endif

namespace vgm::app {

void useHugeHeap() {
#if defined(__linux__) && defined(__GLIBC__) && defined(MADV_HUGEPAGE)
    // What glibc's tunable glibc.malloc.hugetlb=1 does, without needing it in the environment:
    // grow the heap once by a large reserve (address space only: pages come on first touch), mark
    // it for huge pages, and keep big blocks and freed memory in it (no per-block mmap, no trim
    // that would make the next use fault again). Beyond the reserve the heap grows as usual.
    constexpr size_t kHuge = size_t(2) << 20;
    constexpr int kReserve = 1 << 30;
    if (mallopt(M_MMAP_THRESHOLD, 32 << 20) != 1 || mallopt(M_TRIM_THRESHOLD, INT_MAX) != 1 ||
        mallopt(M_TOP_PAD, kReserve) != 1)
        return;
    const auto before = reinterpret_cast<uintptr_t>(sbrk(0));
    void* volatile probe = std::malloc(kHuge);  // more than the heap's free top: it grows by the reserve
    const auto after = reinterpret_cast<uintptr_t>(sbrk(0));
    const uintptr_t lo = (before + kHuge - 1) & ~(kHuge - 1), hi = after & ~(kHuge - 1);
    if (hi > lo) madvise(reinterpret_cast<void*>(lo), hi - lo, MADV_HUGEPAGE);  // best effort
    std::free(probe);
#endif
}

}  // namespace vgm::app
