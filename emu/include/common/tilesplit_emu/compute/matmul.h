// matmul_tiles (matmul.h): DST[idst] += A x B. Inits are profile-specific.
#pragma once

#include "tilesplit_emu/compute/base.h"

namespace ckernel {
ALWI void matmul_tiles(std::uint32_t in0_cb_id, std::uint32_t in1_cb_id, std::uint32_t in0_tile_index,
                       std::uint32_t in1_tile_index, std::uint32_t idst, std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::fpu_tile(FpuOp::matmul, 0, in0_cb_id, in1_cb_id, in0_tile_index, in1_tile_index, idst,
                                "matmul_tiles", line);
}
namespace tilesplit_emu_init {
ALWI void matmul(std::uint32_t in0, std::uint32_t in1, std::uint32_t transpose, const char* api, std::uint32_t line) {
  tilesplit::emu::dev::fpu_init(FpuOp::matmul, 0, in0, in1, transpose, api, line);
}
}  // namespace tilesplit_emu_init
}  // namespace ckernel
