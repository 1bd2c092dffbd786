// Values shared by host and kernels (tt-metal: hostdevcommon/common_values.hpp): the semaphore
// states tt-metal's multicast kernels use.
#pragma once

#include <cstdint>

constexpr static std::uint32_t INVALID = 0;
constexpr static std::uint32_t VALID = 1;
