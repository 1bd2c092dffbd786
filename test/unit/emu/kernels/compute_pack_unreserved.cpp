// The shape of tt-metal's add_2_integers_in_compute compute kernel: pack_tile and cb_push_back
// without cb_reserve_back. Silicon runs it: the packer checks no reservation and the output CB's
// page is free. Runtime args: {n} (1 for that example's single tile).
#include <cstdint>

#include "api/compute/common.h"
#include "api/compute/eltwise_binary.h"

void kernel_main() {
  const uint32_t n = get_arg_val<uint32_t>(0);
  constexpr uint32_t cb_a = tt::CBIndex::c_0;
  constexpr uint32_t cb_b = tt::CBIndex::c_1;
  constexpr uint32_t cb_out = tt::CBIndex::c_16;

  compute_kernel_hw_startup(cb_a, cb_b, cb_out);
  add_init(cb_a, cb_b);
  for (uint32_t i = 0; i < n; ++i) {
    cb_wait_front(cb_a, 1);
    cb_wait_front(cb_b, 1);
    tile_regs_acquire();
    add_tiles(cb_a, cb_b, 0, 0, 0);
    tile_regs_commit();
    tile_regs_wait();
    pack_tile(0, cb_out);
    tile_regs_release();
    cb_pop_front(cb_a, 1);
    cb_pop_front(cb_b, 1);
    cb_push_back(cb_out, 1);
  }
}
