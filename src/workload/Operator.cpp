#include "workload/Operator.h"

#include <iterator>

namespace vgm::workload {

namespace {
const char* const kKinds[] = {"linear", "attention_qk", "softmax",  "attention_av", "layernorm",
                              "gelu",   "modulate",     "residual", "embed"};
const char* const kRoles[] = {
    "qkv",     "out_proj", "cross_q", "cross_kv",       "cross_out",       "fc1",  "fc2",        "adaln",
    "t_block", "embed",    "final",   "self_attention", "cross_attention", "norm", "activation", "other"};
const char* const kPrecisions[] = {"int8", "fp16"};

template <typename E, size_t N>
bool parseName(const char* const (&names)[N], const std::string& s, E& out) {
    for (size_t i = 0; i < N; ++i)
        if (s == names[i]) {
            out = static_cast<E>(i);
            return true;
        }
    return false;
}
}  // namespace

const char* toString(OpKind k) {
    return kKinds[static_cast<size_t>(k)];
}
const char* toString(Role r) {
    return kRoles[static_cast<size_t>(r)];
}
const char* toString(PrecisionClass p) {
    return kPrecisions[static_cast<size_t>(p)];
}
bool parseOpKind(const std::string& s, OpKind& out) {
    return parseName(kKinds, s, out);
}
bool parseRole(const std::string& s, Role& out) {
    return parseName(kRoles, s, out);
}
bool parsePrecisionClass(const std::string& s, PrecisionClass& out) {
    return parseName(kPrecisions, s, out);
}

bool isGemm(OpKind k) {
    return k == OpKind::Linear || k == OpKind::AttentionQK || k == OpKind::AttentionAV;
}

std::string Operator::label() const {
    return "s" + std::to_string(step) + ".b" + std::to_string(block) + "." + toString(role);
}

}  // namespace vgm::workload
