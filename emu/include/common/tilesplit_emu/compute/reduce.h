// Reduce (reduce.h), the same in both profiles: reduce_tile accumulates into DST; REDUCE_ROW lands in
// column 0, REDUCE_COL in row 0, REDUCE_SCALAR at [0][0]; the result is scaled by the scaler tile's
// value (its element [0][0]).
#pragma once

#include "tilesplit_emu/compute/base.h"

#ifndef REDUCE_OP
#define REDUCE_OP PoolType::SUM
#endif
#ifndef REDUCE_DIM
#define REDUCE_DIM ReduceDim::REDUCE_ROW
#endif

namespace ckernel {
template <PoolType reduce_type = REDUCE_OP, ReduceDim reduce_dim = REDUCE_DIM, bool enforce_fp32_accumulation = false>
ALWI void reduce_init(std::uint32_t icb, std::uint32_t icb_scaler, std::uint32_t ocb,
                      std::uint32_t call_line = __builtin_LINE()) {
  (void)ocb;
  tilesplit::emu::dev::fpu_init(FpuOp::reduce, static_cast<std::uint32_t>(reduce_type) * 4 + static_cast<std::uint32_t>(reduce_dim), icb, icb_scaler, 0, "reduce_init",
                                call_line);
}
template <bool enforce_fp32_accumulation = false>
ALWI void reduce_uninit(std::uint32_t icb = 0, std::uint32_t line = __builtin_LINE()) {
  (void)icb;
  tilesplit::emu::dev::reduce_uninit(line);
}
template <PoolType reduce_type = REDUCE_OP, ReduceDim reduce_dim = REDUCE_DIM, bool enforce_fp32_accumulation = false>
ALWI void reduce_tile(std::uint32_t icb, std::uint32_t icb_scaler, std::uint32_t itile, std::uint32_t itile_scaler,
                      std::uint32_t idst, std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::fpu_tile(FpuOp::reduce, static_cast<std::uint32_t>(reduce_type) * 4 + static_cast<std::uint32_t>(reduce_dim), icb, icb_scaler, itile, itile_scaler,
                                idst, "reduce_tile", line);
}
}  // namespace ckernel
