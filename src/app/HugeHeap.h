#pragma once
// Backs the process heap with transparent huge pages (Linux + glibc; a no-op
// elsewhere). A default video's trace and program take ~290 MB that is
// touched once: with 4 KiB pages that is ~75,000 page faults, which cost more
// than reading the trace itself on a virtual machine (tools/bench/README.md).
namespace vgm::app {
void useHugeHeap();
}
