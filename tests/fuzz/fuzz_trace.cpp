// Trace reader: container line, JSON part, binary skip sets, activation block.
// Byte 0 chooses: even = the bytes as a file (container fuzzing); odd = the
// rest split at "\n@@@\n" into JSON / skip / activation parts and sealed with
// the right sizes and hash, so mutations reach the parts behind the hash.
#include "FuzzUtil.h"
#include "workload/Activations.h"
#include "workload/TraceSpec.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace vgm;
    if (size == 0) return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::string bytes;
    if (data[0] % 2 == 0) {
        bytes = std::string(rest);
    } else {
        const auto p = fuzz::split(rest, "\n@@@\n", 3);
        bytes = workload::sealTrace(p[0], p.size() > 1 ? p[1] : "", p.size() > 2 ? p[2] : "");
    }
    fuzz::expectOnlyInputErrors([&] {
        workload::TraceSpec spec = workload::decodeTrace(bytes, "t.vgmt");
        workload::checkAgainstHeader(spec, "t.vgmt");
        workload::Trace t = workload::expandTrace(spec, "t.vgmt");
        workload::attachActivations(t, spec, spec.actBegin, "t.vgmt");
    });
    return 0;
}
