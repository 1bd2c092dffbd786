// Unary start-up (profile 2026-02): init_sfpu(icb, ocb) / unary_op_init_common(icb, ocb) do the
// full start-up and configure copies from icb.
#pragma once

#include "compute_kernel_api/common.h"
#include "tilesplit_emu/compute/copy.h"

namespace ckernel {
ALWI void unary_op_init_common(std::uint32_t icb, std::uint32_t ocb, std::uint32_t call_line = __builtin_LINE()) {
  (void)ocb;
  tilesplit_emu_init::startup("unary_op_init_common", call_line);
  tilesplit_emu_init::copy(icb, 0, "unary_op_init_common", call_line);
}
template <auto... Ts>
ALWI void init_sfpu(std::uint32_t icb, std::uint32_t ocb, std::uint32_t call_line = __builtin_LINE()) {
  (void)ocb;
  tilesplit_emu_init::startup("init_sfpu", call_line);
  tilesplit_emu_init::copy(icb, 0, "init_sfpu", call_line);
}
}  // namespace ckernel
