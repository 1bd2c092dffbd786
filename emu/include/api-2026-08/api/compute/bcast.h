// Broadcast ops (profile 2026-08): bcast_init<op, dim>(icb0, icb1) or the per-op inits.
#pragma once

#include "api/compute/common.h"
#include "tilesplit_emu/compute/bcast.h"

namespace ckernel {
template <EltwiseBinaryType tBcastOp, BroadcastType tBcastDim>
ALWI void bcast_init(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t call_line = __builtin_LINE()) {
  tilesplit_emu_init::bcast(tBcastOp, tBcastDim, icb0, icb1, "bcast_init", call_line);
}
#define TILESPLIT_EMU_BCAST_INIT(name, OP, DIM)                                                    \
  ALWI void name(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t call_line = __builtin_LINE()) { \
    tilesplit_emu_init::bcast(OP, DIM, icb0, icb1, #name, call_line);                              \
  }
TILESPLIT_EMU_BCAST_INIT(add_bcast_rows_init, ELWADD, ROW)
TILESPLIT_EMU_BCAST_INIT(add_bcast_cols_init, ELWADD, COL)
TILESPLIT_EMU_BCAST_INIT(add_bcast_scalar_init, ELWADD, SCALAR)
TILESPLIT_EMU_BCAST_INIT(sub_bcast_rows_init, ELWSUB, ROW)
TILESPLIT_EMU_BCAST_INIT(sub_bcast_cols_init, ELWSUB, COL)
TILESPLIT_EMU_BCAST_INIT(sub_bcast_scalar_init, ELWSUB, SCALAR)
TILESPLIT_EMU_BCAST_INIT(mul_bcast_rows_init, ELWMUL, ROW)
TILESPLIT_EMU_BCAST_INIT(mul_bcast_cols_init, ELWMUL, COL)
TILESPLIT_EMU_BCAST_INIT(mul_bcast_scalar_init, ELWMUL, SCALAR)
#undef TILESPLIT_EMU_BCAST_INIT
// The short init after compute_kernel_hw_startup. (tt-metal's deprecated full init
// unary_bcast_init<dim>(icb, ocb) is not provided: with two arguments this one takes the second as
// the call line.)
template <BroadcastType bcast_type>
ALWI void unary_bcast_init(std::uint32_t icb, std::uint32_t call_line = __builtin_LINE()) {
  tilesplit_emu_init::unary_bcast(bcast_type, icb, "unary_bcast_init", call_line);
}
}  // namespace ckernel
