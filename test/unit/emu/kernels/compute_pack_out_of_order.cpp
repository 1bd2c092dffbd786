// pack_tile<true> (out_of_order_output): each pair of input tiles is copied to DST 0 and 1 and packed
// to pages 1 and 0 of one reservation, so the output swaps each pair. Runtime args: {n} (even).
#include <cstdint>

#include "api/compute/common.h"
#include "api/compute/tile_move_copy.h"

void kernel_main() {
  const uint32_t n = get_arg_val<uint32_t>(0);
  constexpr uint32_t cb_in = tt::CBIndex::c_0;
  constexpr uint32_t cb_out = tt::CBIndex::c_16;

  compute_kernel_hw_startup(cb_in, cb_out);
  copy_init(cb_in);
  for (uint32_t i = 0; i < n; i += 2) {
    cb_wait_front(cb_in, 2);
    tile_regs_acquire();
    copy_tile(cb_in, 0, 0);
    copy_tile(cb_in, 1, 1);
    tile_regs_commit();
    tile_regs_wait();
    cb_reserve_back(cb_out, 2);
    pack_tile<true>(0, cb_out, 1);
    pack_tile<true>(1, cb_out, 0);
    tile_regs_release();
    cb_push_back(cb_out, 2);
    cb_pop_front(cb_in, 2);
  }
}
