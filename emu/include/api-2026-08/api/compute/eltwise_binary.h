// FPU eltwise binary ops (profile 2026-08): add_init/sub_init/mul_init, then add/sub/mul_tiles.
#pragma once

#include "api/compute/common.h"
#include "tilesplit_emu/compute/binary.h"

namespace ckernel {
template <auto... Ts>
ALWI void add_init(std::uint32_t icb0, std::uint32_t icb1, bool acc_to_dest = false,
                   std::uint32_t call_line = __builtin_LINE()) {
  (void)acc_to_dest;
  tilesplit_emu_init::binary(FpuOp::add, icb0, icb1, "add_init", call_line);
}
template <auto... Ts>
ALWI void sub_init(std::uint32_t icb0, std::uint32_t icb1, bool acc_to_dest = false,
                   std::uint32_t call_line = __builtin_LINE()) {
  (void)acc_to_dest;
  tilesplit_emu_init::binary(FpuOp::sub, icb0, icb1, "sub_init", call_line);
}
ALWI void mul_init(std::uint32_t icb0, std::uint32_t icb1, bool acc_to_dest = true,
                   std::uint32_t call_line = __builtin_LINE()) {
  (void)acc_to_dest;
  tilesplit_emu_init::binary(FpuOp::mul, icb0, icb1, "mul_init", call_line);
}
// Dest reuse (2026-08 names): DEST_TO_SRCA gives DST - in, DEST_TO_SRCB in - DST.
#define TILESPLIT_EMU_REUSE_DEST(op, ELW)                                                                   \
  template <EltwiseBinaryReuseDestType reuse_dest>                                                          \
  ALWI void op##_reuse_dest_init(std::uint32_t icb, std::uint32_t call_line = __builtin_LINE()) {           \
    tilesplit_emu_init::reuse_dest(ELW, reuse_dest, icb, #op "_reuse_dest_init", call_line);                \
  }                                                                                                         \
  template <EltwiseBinaryReuseDestType reuse_dest>                                                          \
  ALWI void op##_reuse_dest_tiles(std::uint32_t in_cb, std::uint32_t in_tile, std::uint32_t dst_tile,       \
                                  std::uint32_t line = __builtin_LINE()) {                                  \
    tilesplit_emu_init::reuse_dest_tiles(ELW, reuse_dest, in_cb, in_tile, dst_tile, #op "_reuse_dest_tiles", line); \
  }
TILESPLIT_EMU_REUSE_DEST(add, ELWADD)
TILESPLIT_EMU_REUSE_DEST(sub, ELWSUB)
TILESPLIT_EMU_REUSE_DEST(mul, ELWMUL)
#undef TILESPLIT_EMU_REUSE_DEST
}  // namespace ckernel
