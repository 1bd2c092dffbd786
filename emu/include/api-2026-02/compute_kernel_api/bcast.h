// Broadcast ops (profile 2026-02): init_bcast<op, dim>(icb0, icb1, ocb) (full start-up) or the
// *_init_short inits (note the irregular sub/mul scalar names, as in tt-metal).
#pragma once

#include "compute_kernel_api/common.h"
#include "tilesplit_emu/compute/bcast.h"

namespace ckernel {
template <EltwiseBinaryType tBcastOp, BroadcastType tBcastDim>
ALWI void init_bcast(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t ocb, std::uint32_t call_line = __builtin_LINE()) {
  (void)ocb;
  tilesplit_emu_init::startup("init_bcast", call_line);
  tilesplit_emu_init::bcast(tBcastOp, tBcastDim, icb0, icb1, "init_bcast", call_line);
}
#define TILESPLIT_EMU_BCAST_INIT(name, OP, DIM)                                                    \
  ALWI void name(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t call_line = __builtin_LINE()) { \
    tilesplit_emu_init::bcast(OP, DIM, icb0, icb1, #name, call_line);                              \
  }
TILESPLIT_EMU_BCAST_INIT(add_bcast_rows_init_short, ELWADD, ROW)
TILESPLIT_EMU_BCAST_INIT(add_bcast_cols_init_short, ELWADD, COL)
TILESPLIT_EMU_BCAST_INIT(add_bcast_scalar_init_short, ELWADD, SCALAR)
TILESPLIT_EMU_BCAST_INIT(sub_bcast_rows_init_short, ELWSUB, ROW)
TILESPLIT_EMU_BCAST_INIT(sub_bcast_cols_init_short, ELWSUB, COL)
TILESPLIT_EMU_BCAST_INIT(sub_tiles_bcast_scalar_init_short, ELWSUB, SCALAR)
TILESPLIT_EMU_BCAST_INIT(mul_bcast_rows_init_short, ELWMUL, ROW)
TILESPLIT_EMU_BCAST_INIT(mul_bcast_cols_init_short, ELWMUL, COL)
TILESPLIT_EMU_BCAST_INIT(mul_tiles_bcast_scalar_init_short, ELWMUL, SCALAR)
#undef TILESPLIT_EMU_BCAST_INIT
// A full init in this release: it configures the unpacker, math and packer hardware for icb and ocb.
template <BroadcastType bcast_type>
ALWI void unary_bcast_init(std::uint32_t icb, std::uint32_t ocb, std::uint32_t call_line = __builtin_LINE()) {
  (void)ocb;
  tilesplit_emu_init::startup("unary_bcast_init", call_line);
  tilesplit_emu_init::unary_bcast(bcast_type, icb, "unary_bcast_init", call_line);
}
}  // namespace ckernel
