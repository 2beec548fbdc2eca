#pragma once
// Arithmetic precisions an operator can run in, and the DSP modes behind them.
#include <array>
#include <cstdint>
#include <string>

namespace vgm::timing {

enum class Precision : uint8_t { Int8, Int16, Fp16, Fp32 };
constexpr size_t kPrecisionCount = 4;
constexpr std::array<Precision, kPrecisionCount> kAllPrecisions = {Precision::Int8, Precision::Int16,
                                                                   Precision::Fp16, Precision::Fp32};

const char* toString(Precision p);
bool parsePrecision(const std::string& s, Precision& out);

}  // namespace vgm::timing
