// BROKEN on purpose: reserves 2 pages of the 2-page output CB but packs 3 tiles before pushing; the
// third lands past the CB's end. Runtime args: {n}.
#include <cstdint>

#include "api/compute/common.h"
#include "api/compute/tile_move_copy.h"

void kernel_main() {
  const uint32_t n = get_arg_val<uint32_t>(0);
  constexpr uint32_t cb_in = tt::CBIndex::c_0;
  constexpr uint32_t cb_out = tt::CBIndex::c_16;
  compute_kernel_hw_startup(cb_in, cb_out);
  copy_init(cb_in);
  cb_reserve_back(cb_out, 2);
  for (uint32_t i = 0; i < n; ++i) {
    cb_wait_front(cb_in, 1);
    tile_regs_acquire();
    copy_tile(cb_in, 0, 0);
    tile_regs_commit();
    tile_regs_wait();
    if (i < 2) {
      pack_tile(0, cb_out);
    } else {
      pack_tile(0, cb_out);  // BUG: a third pack into a 2-page reservation
    }
    tile_regs_release();
    cb_pop_front(cb_in, 1);
  }
  cb_push_back(cb_out, 2);
}
