// SFPU binary ops between DST tiles (eltwise_binary_sfpu.h): DST[odst] = DST[idst0] op DST[idst1].
// Each op has its own init.
#pragma once

#include "tilesplit_emu/compute/base.h"

#define TILESPLIT_EMU_SFPU_BINARY(name)                                                                 \
  namespace ckernel {                                                                                   \
  template <auto... Ts>                                                                                 \
  ALWI void name##_binary_tile_init(std::uint32_t line = __builtin_LINE()) {                           \
    tilesplit::emu::dev::sfpu_init(SfpuOp::binary_##name, #name "_binary_tile_init", line);             \
  }                                                                                                     \
  template <auto... Ts>                                                                                 \
  ALWI void name##_binary_tile(std::uint32_t idst0, std::uint32_t idst1, std::uint32_t odst,           \
                               std::uint32_t line = __builtin_LINE()) {                                \
    tilesplit::emu::dev::sfpu_binary(SfpuOp::binary_##name, idst0, idst1, odst, #name "_binary_tile",   \
                                     #name "_binary_tile_init()", line);                                \
  }                                                                                                     \
  }

TILESPLIT_EMU_SFPU_BINARY(add)
TILESPLIT_EMU_SFPU_BINARY(sub)
TILESPLIT_EMU_SFPU_BINARY(mul)
TILESPLIT_EMU_SFPU_BINARY(div)
TILESPLIT_EMU_SFPU_BINARY(rsub)
TILESPLIT_EMU_SFPU_BINARY(power)
