// copy_tile (profile 2026-02): copy_tile_init(cb) or copy_tile_to_dst_init_short(cb).
#pragma once

#include "compute_kernel_api/common.h"
#include "tilesplit_emu/compute/copy.h"

namespace ckernel {
ALWI void copy_tile_init(std::uint32_t cbid, std::uint32_t call_line = __builtin_LINE()) {
  tilesplit_emu_init::copy(cbid, 0, "copy_tile_init", call_line);
}
ALWI void copy_tile_to_dst_init_short(std::uint32_t cbid, std::uint32_t transpose = 0,
                                      std::uint32_t transpose_within_16x16_face = false,
                                      std::uint32_t call_line = __builtin_LINE()) {
  (void)transpose_within_16x16_face;
  tilesplit_emu_init::copy(cbid, transpose, "copy_tile_to_dst_init_short", call_line);
}
}  // namespace ckernel
