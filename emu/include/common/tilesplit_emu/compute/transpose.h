// Tile transpose DST[idst][w][h] = A[h][w]; the profile headers name it (transpose_tile /
// transpose_wh_tile).
#pragma once

#include "tilesplit_emu/compute/base.h"

namespace ckernel::tilesplit_emu_init {
ALWI void transpose(std::uint32_t icb, const char* api, std::uint32_t line) {
  tilesplit::emu::dev::fpu_init(FpuOp::transpose, 0, icb, icb, 0, api, line);
}
ALWI void transpose_tile(std::uint32_t icb, std::uint32_t itile, std::uint32_t idst, const char* api,
                         std::uint32_t line) {
  tilesplit::emu::dev::fpu_tile(FpuOp::transpose, 0, icb, icb, itile, 0, idst, api, line);
}
}  // namespace ckernel::tilesplit_emu_init
