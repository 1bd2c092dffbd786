// Runtime args, read from this core's L1 like on hardware. Reading an arg the host did not set on
// this core is an error (tt-metal would read stale memory).
#pragma once

#include <cstdint>

#include "tilesplit_emu/kernel/config.h"

template <typename T>
FORCE_INLINE T get_arg_val(int arg_idx, std::uint32_t line = __builtin_LINE()) {
  static_assert(sizeof(T) == 4, "get_arg_val: runtime args are 4 bytes");
  const std::uint32_t bits = *tilesplit::emu::dev::arg_ptr(static_cast<std::uint32_t>(arg_idx), false, line);
  T value;
  __builtin_memcpy(&value, &bits, 4);
  return value;
}

template <typename T>
FORCE_INLINE T get_common_arg_val(int arg_idx, std::uint32_t line = __builtin_LINE()) {
  static_assert(sizeof(T) == 4, "get_common_arg_val: runtime args are 4 bytes");
  const std::uint32_t bits = *tilesplit::emu::dev::arg_ptr(static_cast<std::uint32_t>(arg_idx), true, line);
  T value;
  __builtin_memcpy(&value, &bits, 4);
  return value;
}

FORCE_INLINE std::uint32_t get_arg_addr(int arg_idx, std::uint32_t line = __builtin_LINE()) {
  return tilesplit::emu::dev::arg_addr(static_cast<std::uint32_t>(arg_idx), false, line);
}
FORCE_INLINE std::uint32_t get_common_arg_addr(int arg_idx, std::uint32_t line = __builtin_LINE()) {
  return tilesplit::emu::dev::arg_addr(static_cast<std::uint32_t>(arg_idx), true, line);
}
