// ttnn's unary kernel shape (eltwise_sfpu.cpp): per block, one cb_reserve_back of `block` pages, then
// per tile acquire / copy to DST 0 / negative / pack_tile(0, cb_out) / release, and one cb_push_back.
// Every pack_tile writes DST 0 and names no page: the packer moves one page on per call.
// Runtime args: {n, block} (n a multiple of block).
#include <cstdint>

#include "api/compute/common.h"
#include "api/compute/eltwise_unary/eltwise_unary.h"
#include "api/compute/eltwise_unary/negative.h"
#include "api/compute/tile_move_copy.h"

void kernel_main() {
  const uint32_t n = get_arg_val<uint32_t>(0);
  const uint32_t block = get_arg_val<uint32_t>(1);
  constexpr uint32_t cb_in = tt::CBIndex::c_0;
  constexpr uint32_t cb_out = tt::CBIndex::c_16;

  compute_kernel_hw_startup(cb_in, cb_out);
  copy_init(cb_in);
  negative_tile_init();
  for (uint32_t b = 0; b < n / block; ++b) {
    cb_reserve_back(cb_out, block);
    for (uint32_t i = 0; i < block; ++i) {
      tile_regs_acquire();
      cb_wait_front(cb_in, 1);
      copy_tile(cb_in, 0, 0);
      negative_tile(0);
      tile_regs_commit();
      tile_regs_wait();
      pack_tile(0, cb_out);
      cb_pop_front(cb_in, 1);
      tile_regs_release();
    }
    cb_push_back(cb_out, block);
  }
}
