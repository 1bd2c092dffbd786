// copy_tile (profile 2026-08): copy_init(cb) configures the unpacker for copies from cb.
#pragma once

#include "api/compute/common.h"
#include "tilesplit_emu/compute/copy.h"

namespace ckernel {
ALWI void copy_init(std::uint32_t cbid, std::uint32_t transpose = 0, std::uint32_t transpose_within_16x16_face = false,
                    std::uint32_t call_line = __builtin_LINE()) {
  (void)transpose_within_16x16_face;
  tilesplit_emu_init::copy(cbid, transpose, "copy_init", call_line);
}
}  // namespace ckernel
