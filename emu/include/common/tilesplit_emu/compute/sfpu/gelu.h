// SFPU gelu (shared by both profiles' headers). As in tt-metal, fast_and_approx = true, the
// default, is the lookup-table approximation and false the precise path; each init configures the
// SFPU for its own variant only.
#pragma once

#include "tilesplit_emu/compute/sfpu_unary.h"

namespace ckernel {
template <bool fast_and_approx = true, auto... Ts>
ALWI void gelu_tile_init(std::uint32_t line = __builtin_LINE()) {
  tilesplit::emu::dev::sfpu_init(fast_and_approx ? SfpuOp::gelu_lut : SfpuOp::gelu,
                                 fast_and_approx ? "gelu_tile_init<true>" : "gelu_tile_init<false>", line);
}
template <bool fast_and_approx = true, auto... Ts>
ALWI void gelu_tile(std::uint32_t idst, std::uint32_t line = __builtin_LINE()) {
  constexpr SfpuOp op = fast_and_approx ? SfpuOp::gelu_lut : SfpuOp::gelu;
  tilesplit::emu::dev::sfpu_unary(op, op, idst, 0, fast_and_approx ? "gelu_tile<true>" : "gelu_tile<false>",
                                  fast_and_approx ? "gelu_tile_init<true>()" : "gelu_tile_init<false>()", line);
}
}  // namespace ckernel
