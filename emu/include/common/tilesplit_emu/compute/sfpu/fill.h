// SFPU fill (fill.h), shared by both profiles: every element of DST[idst] becomes the value.
#pragma once

#include <cstring>

#include "tilesplit_emu/compute/sfpu_unary.h"

namespace ckernel {
ALWI void fill_tile_init(std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::sfpu_init(SfpuOp::fill, "fill_tile_init", line);
}
ALWI void fill_tile(std::uint32_t idst, float param0, std::uint32_t line = __builtin_LINE()) {
  std::uint32_t bits;
  std::memcpy(&bits, &param0, 4);
  tilesplit::emu::dev::sfpu_unary(SfpuOp::fill, SfpuOp::fill, idst, bits, "fill_tile", "fill_tile_init()", line);
}
ALWI void fill_tile_bitcast(std::uint32_t idst, std::uint32_t bits, std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::sfpu_unary(SfpuOp::fill, SfpuOp::fill, idst, bits, "fill_tile_bitcast", "fill_tile_init()",
                                  line);
}
}  // namespace ckernel
