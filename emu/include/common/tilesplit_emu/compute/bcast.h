// Broadcast ops (bcast.h), shared by both profiles: DST[idst] = A op broadcast(B), where ROW
// replicates B's first row down all rows, COL B's first column across all columns, SCALAR B[0][0].
#pragma once

#include "tilesplit_emu/compute/base.h"

namespace ckernel {
namespace tilesplit_emu_init {
ALWI void bcast(EltwiseBinaryType op, BroadcastType dim, std::uint32_t icb0, std::uint32_t icb1, const char* api,
                std::uint32_t line) {
  tilesplit::emu::dev::fpu_init(FpuOp::bcast, static_cast<std::uint32_t>(op) * 4 + static_cast<std::uint32_t>(dim), icb0, icb1, 0, api, line);
}
ALWI void unary_bcast(BroadcastType dim, std::uint32_t icb, const char* api, std::uint32_t line) {
  tilesplit::emu::dev::fpu_init(FpuOp::unary_bcast, static_cast<std::uint32_t>(dim), icb, 0, 0, api, line);
}
}  // namespace tilesplit_emu_init

// DST[dst_tile_index] = broadcast(icb's tile in_tile_index) along bcast_type.
template <BroadcastType bcast_type, auto... Ts>
ALWI void unary_bcast(std::uint32_t icb, std::uint32_t in_tile_index, std::uint32_t dst_tile_index,
                      std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::fpu_tile(FpuOp::unary_bcast, static_cast<std::uint32_t>(bcast_type), icb, 0, in_tile_index, 0,
                                dst_tile_index, "unary_bcast", line);
}

template <EltwiseBinaryType tBcastOp, BroadcastType tBcastDim>
ALWI void any_tiles_bcast(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t itile0, std::uint32_t itile1,
                          std::uint32_t idst, std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::fpu_tile(FpuOp::bcast, static_cast<std::uint32_t>(tBcastOp) * 4 + static_cast<std::uint32_t>(tBcastDim), icb0, icb1, itile0, itile1, idst,
                                "*_tiles_bcast", line);
}

#define TILESPLIT_EMU_BCAST_OP(op, ELW)                                                                  \
  template <BroadcastType tBcastDim, auto... Ts>                                                         \
  ALWI void op##_tiles_bcast(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t itile0, std::uint32_t itile1, \
                             std::uint32_t idst, std::uint32_t bcast_row_idx = 0,                        \
                             std::uint32_t line = __builtin_LINE()) {                                    \
    (void)bcast_row_idx;                                                                                 \
    tilesplit::emu::dev::fpu_tile(FpuOp::bcast, static_cast<std::uint32_t>(ELW) * 4 + static_cast<std::uint32_t>(tBcastDim), icb0, icb1, itile0, itile1, idst,    \
                                  #op "_tiles_bcast", line);                                             \
  }                                                                                                      \
  ALWI void op##_tiles_bcast_rows(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t itile0,          \
                                  std::uint32_t itile1, std::uint32_t idst, std::uint32_t bcast_row_idx = 0, \
                                  std::uint32_t line = __builtin_LINE()) {                               \
    (void)bcast_row_idx;                                                                                 \
    tilesplit::emu::dev::fpu_tile(FpuOp::bcast, static_cast<std::uint32_t>(ELW) * 4 + ROW, icb0, icb1, itile0, itile1, idst,          \
                                  #op "_tiles_bcast_rows", line);                                        \
  }                                                                                                      \
  ALWI void op##_tiles_bcast_cols(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t itile0,          \
                                  std::uint32_t itile1, std::uint32_t idst, std::uint32_t line = __builtin_LINE()) { \
    tilesplit::emu::dev::fpu_tile(FpuOp::bcast, static_cast<std::uint32_t>(ELW) * 4 + COL, icb0, icb1, itile0, itile1, idst,          \
                                  #op "_tiles_bcast_cols", line);                                        \
  }                                                                                                      \
  ALWI void op##_tiles_bcast_scalar(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t itile0,        \
                                    std::uint32_t itile1, std::uint32_t idst, std::uint32_t line = __builtin_LINE()) { \
    tilesplit::emu::dev::fpu_tile(FpuOp::bcast, static_cast<std::uint32_t>(ELW) * 4 + SCALAR, icb0, icb1, itile0, itile1, idst,       \
                                  #op "_tiles_bcast_scalar", line);                                      \
  }
TILESPLIT_EMU_BCAST_OP(add, ELWADD)
TILESPLIT_EMU_BCAST_OP(sub, ELWSUB)
TILESPLIT_EMU_BCAST_OP(mul, ELWMUL)
#undef TILESPLIT_EMU_BCAST_OP
}  // namespace ckernel
