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
}  // namespace ckernel
