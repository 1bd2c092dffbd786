// SFPU ops with a scalar (binop_with_scalar.h): DST[idst] = DST[idst] op scalar, where the scalar is
// passed as the IEEE-754 float32 bit pattern. One init serves all of them.
#pragma once

#include "tilesplit_emu/compute/sfpu_unary.h"

namespace ckernel {
enum { ADD_UNARY = 0, SUB_UNARY = 1, MUL_UNARY = 2, DIV_UNARY = 3, RSUB_UNARY = 4 };

ALWI void binop_with_scalar_tile_init(std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::sfpu_init(SfpuOp::scalar_add, "binop_with_scalar_tile_init", line);
}
#define TILESPLIT_EMU_SCALAR_OP(name)                                                                   \
  ALWI void name##_unary_tile(std::uint32_t idst, std::uint32_t param1, std::uint32_t line = __builtin_LINE()) { \
    tilesplit::emu::dev::sfpu_unary(SfpuOp::scalar_##name, SfpuOp::scalar_add, idst, param1, #name "_unary_tile", \
                                    "binop_with_scalar_tile_init()", line);                             \
  }
TILESPLIT_EMU_SCALAR_OP(add)
TILESPLIT_EMU_SCALAR_OP(sub)
TILESPLIT_EMU_SCALAR_OP(mul)
TILESPLIT_EMU_SCALAR_OP(div)
TILESPLIT_EMU_SCALAR_OP(rsub)
#undef TILESPLIT_EMU_SCALAR_OP
}  // namespace ckernel
