// copy_tile (tile_move_copy.h): unpack a CB tile into DST. Its init is profile-specific.
#pragma once

#include "tilesplit_emu/compute/base.h"

namespace ckernel {
ALWI void copy_tile(std::uint32_t in_cb_id, std::uint32_t in_tile_index, std::uint32_t dst_tile_index,
                    std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::fpu_tile(FpuOp::copy, 0, in_cb_id, in_cb_id, in_tile_index, 0, dst_tile_index, "copy_tile",
                                line);
}
namespace tilesplit_emu_init {
ALWI void copy(std::uint32_t cb, std::uint32_t transpose, const char* api, std::uint32_t line) {
  tilesplit::emu::dev::fpu_init(FpuOp::copy, 0, cb, cb, transpose, api, line);
}
}  // namespace tilesplit_emu_init
}  // namespace ckernel
