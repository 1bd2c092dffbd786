// Full hardware start-up (profile 2026-08): once, at the top of the kernel. Matmul kernels pass
// SrcOrder::Reverse (in0 goes to SrcB).
#pragma once

#include "tilesplit_emu/compute/startup.h"

namespace ckernel {
enum class SrcOrder : std::uint8_t { Regular = 0, Reverse = 1 };

template <SrcOrder src_order = SrcOrder::Regular>
ALWI void compute_kernel_hw_startup(std::uint32_t icb0, std::uint32_t icb1, std::uint32_t ocb,
                                    std::uint32_t call_line = __builtin_LINE()) {
  (void)icb0;
  (void)icb1;
  (void)ocb;
  tilesplit_emu_init::startup("compute_kernel_hw_startup", call_line);
}
template <SrcOrder src_order = SrcOrder::Regular>
ALWI void compute_kernel_hw_startup(std::uint32_t icb0, std::uint32_t ocb) {
  // No call_line parameter here: it would make a 3-argument call ambiguous with the overload above.
  (void)icb0;
  (void)ocb;
  tilesplit_emu_init::startup("compute_kernel_hw_startup", 0);
}
}  // namespace ckernel
