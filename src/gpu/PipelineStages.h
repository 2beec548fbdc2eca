#pragma once
// The stages of a whole generation besides the DiT steps, as operator lists the
// GPU kernel model can cost: the T5-XXL text encoder (OpenSora, Latte) and the
// VAE decoder (OpenSora 1.2: SD-XL spatial decoder per frame after a causal 3-D
// temporal decoder). Shapes come from the public model definitions.
#include <string>
#include <vector>

#include "workload/Trace.h"

namespace vgm::gpu {

struct StageOps {
    std::vector<workload::Operator> ops;  // empty: the stage does not apply
    std::string note;                     // what was modelled, or why it does not apply
};

// T5 v1.1 XXL encoder over `tokens` tokens, batch 1 (the CFG null prompt is a learned embedding).
StageOps t5EncoderOps(uint64_t tokens);
// SD VAE decoder for one frame of latent h x w (pixels 8h x 8w), 4 latent channels.
void appendSpatialDecoder(std::vector<workload::Operator>& ops, uint64_t h, uint64_t w);
// The text encoder of the trace's model (text_tokens in its header), or an empty stage.
StageOps textEncoderStage(const workload::Trace& trace);
// The VAE decode of the trace's video (latent grid and pixel frames in its header).
StageOps vaeDecodeStage(const workload::Trace& trace);

}  // namespace vgm::gpu
