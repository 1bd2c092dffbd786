// SFPU relu family (relu.h), shared by both profiles.
#pragma once

#include "tilesplit_emu/compute/sfpu_unary.h"

TILESPLIT_EMU_SFPU_UNARY(relu)
TILESPLIT_EMU_SFPU_UNARY_PARAM(relu_max)
TILESPLIT_EMU_SFPU_UNARY_PARAM(relu_min)

namespace ckernel {
template <auto... Ts>
ALWI void leaky_relu_tile_init(std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::sfpu_init(SfpuOp::leaky_relu, "leaky_relu_tile_init", line);
}
template <auto... Ts>
ALWI void leaky_relu_tile(std::uint32_t idst, std::uint32_t slope = 0, std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::sfpu_unary(SfpuOp::leaky_relu, SfpuOp::leaky_relu, idst, slope, "leaky_relu_tile",
                                  "leaky_relu_tile_init()", line);
}
}  // namespace ckernel
