// MathFidelity and UnpackToDestMode (tt-metal: tt-metalium/base_types.hpp).
#pragma once

#include <cstdint>

enum class MathFidelity : std::uint8_t { LoFi = 0, HiFi2 = 2, HiFi3 = 3, HiFi4 = 4, Invalid = 0xff };
enum class UnpackToDestMode : std::uint8_t { Default, UnpackToDestFp32 };

namespace tt::tt_metal {
using ::MathFidelity;
using ::UnpackToDestMode;
}  // namespace tt::tt_metal
