// Sparsity inputs applied to a small model: byte 0 chooses the source
// (measured log, stat profile, masks file) and the model; the rest is the file.
#include "FuzzUtil.h"
#include "workload/Models.h"
#include "workload/Sparsity.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace vgm;
    if (size == 0) return 0;
    static const char* kinds[] = {"measured", "stat", "masks"};
    const std::string kind = kinds[data[0] % 3];
    const std::string path =
        fuzz::writeScratch("sparsity.in", std::string_view(reinterpret_cast<const char*>(data) + 1, size - 1));
    workload::ModelOptions o;
    if ((data[0] / 3) % 2 == 0) {
        o.model = "stdit3-xl-2", o.frames = 17, o.steps = 2;
    } else {
        o.model = "dit-xl-2", o.resolution = "256", o.steps = 2, o.cfg = false;
    }
    static workload::TraceSpec base[2] = {};
    static bool built[2] = {};
    const int which = (data[0] / 3) % 2;
    if (!built[which]) base[which] = workload::buildModel(o), built[which] = true;
    fuzz::expectOnlyInputErrors([&] {
        workload::TraceSpec spec = base[which];
        workload::applySparsity(spec, kind + ":" + path, data[0] / 6 % 2, 1);
    });
    return 0;
}
