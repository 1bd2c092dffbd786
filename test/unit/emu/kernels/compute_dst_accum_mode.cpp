// Fills each output tile with a value that says what the kernel saw of DST_ACCUM_MODE: as in tt-metal's
// generated chlkc_dst_accum_mode.h it is a constexpr bool, not a macro, so `#ifdef` does not see it.
// 1: it was a macro; otherwise 2 when fp32_dest_acc_en, 3 when not. Runtime args: {n}.
#include <cstdint>

#include "api/compute/common.h"
#include "api/compute/eltwise_unary/fill.h"

#ifdef DST_ACCUM_MODE
constexpr float kSeen = 1.0f;
#else
constexpr float kSeen = DST_ACCUM_MODE ? 2.0f : 3.0f;
#endif

void kernel_main() {
  const uint32_t n = get_arg_val<uint32_t>(0);
  constexpr uint32_t cb_in = tt::CBIndex::c_0;
  constexpr uint32_t cb_out = tt::CBIndex::c_16;
  compute_kernel_hw_startup(cb_in, cb_out);
  fill_tile_init();
  for (uint32_t i = 0; i < n; ++i) {
    cb_wait_front(cb_in, 1);
    tile_regs_acquire();
    fill_tile(0, kSeen);
    tile_regs_commit();
    tile_regs_wait();
    cb_reserve_back(cb_out, 1);
    pack_tile(0, cb_out);
    cb_push_back(cb_out, 1);
    tile_regs_release();
    cb_pop_front(cb_in, 1);
  }
}
