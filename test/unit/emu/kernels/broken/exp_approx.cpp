// BROKEN on purpose, for the emulator: the approximate exp, which it does not model. The run
// fails at the init, before any tile moves.
#include <cstdint>

#include "api/compute/common.h"
#include "api/compute/eltwise_unary/exp.h"

void kernel_main() {
  compute_kernel_hw_startup(tt::CBIndex::c_0, tt::CBIndex::c_1, tt::CBIndex::c_16);
  exp_tile_init</*approx=*/true>();  // BUG: not emulated
}
