// Tile transpose (profile 2026-08): transpose_init(icb) then transpose_tile(icb, itile, idst).
#pragma once

#include "api/compute/common.h"
#include "tilesplit_emu/compute/transpose.h"

namespace ckernel {
ALWI void transpose_init(std::uint32_t icb, std::uint32_t call_line = __builtin_LINE()) {
  tilesplit_emu_init::transpose(icb, "transpose_init", call_line);
}
ALWI void transpose_tile(std::uint32_t icb, std::uint32_t itile, std::uint32_t idst,
                         std::uint32_t line = __builtin_LINE()) {
  tilesplit_emu_init::transpose_tile(icb, itile, idst, "transpose_tile", line);
}
}  // namespace ckernel
