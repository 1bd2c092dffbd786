// Tile transpose (profile 2026-02): transpose_wh_init(icb, ocb) (full start-up) or
// transpose_wh_init_short(icb), then transpose_wh_tile(icb, itile, idst).
#pragma once

#include "compute_kernel_api/common.h"
#include "tilesplit_emu/compute/transpose.h"

namespace ckernel {
ALWI void transpose_wh_init(std::uint32_t icb, std::uint32_t ocb, std::uint32_t call_line = __builtin_LINE()) {
  (void)ocb;
  tilesplit_emu_init::startup("transpose_wh_init", call_line);
  tilesplit_emu_init::transpose(icb, "transpose_wh_init", call_line);
}
ALWI void transpose_wh_init_short(std::uint32_t icb, std::uint32_t call_line = __builtin_LINE()) {
  tilesplit_emu_init::transpose(icb, "transpose_wh_init_short", call_line);
}
ALWI void transpose_wh_tile(std::uint32_t icb, std::uint32_t itile, std::uint32_t idst,
                            std::uint32_t line = __builtin_LINE()) {
  tilesplit_emu_init::transpose_tile(icb, itile, idst, "transpose_wh_tile", line);
}
}  // namespace ckernel
