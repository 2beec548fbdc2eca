#pragma once
// Declaration hooks, one per component; Registry.cpp calls them in order
// (which is also the order of keys in a resolved config).
#include "config/Schema.h"

namespace vgm::config {

void declareGeneralParams(Section& root);  // config/GeneralParams.cpp
void declareComputeParams(Section& root);  // timing/compute/ComputeParams.cpp
void declareMemoryParams(Section& root);   // timing/memory/MemoryParams.cpp
void declareEnergyParams(Section& root);   // power/EnergyParams.cpp
void declareSparsityParams(Section& root);  // timing/sparsity/SparsityParams.cpp
void declareSchedulerParams(Section& root);  // timing/schedule/SchedulerParams.cpp
void declareBufferParams(Section& root);     // timing/schedule/BufferParams.cpp
void declareResourceParams(Section& root);   // power/ResourceParams.cpp

}  // namespace vgm::config
