// Copied unchanged from docs/generated-code.md: the emulator must compile what the translator emits.
// Compute for kernel 'eltwise' (examples/eltwise.cpp).
#include <cstdint>

#include "api/compute/common.h"
#include "api/compute/eltwise_binary.h"
#include "api/compute/eltwise_unary/binop_with_scalar.h"
#include "api/compute/eltwise_unary/relu.h"

void kernel_main() {
  const uint32_t alpha = get_arg_val<uint32_t>(0);
  const uint32_t unit_begin = get_arg_val<uint32_t>(1);
  const uint32_t unit_count = get_arg_val<uint32_t>(2);

  constexpr uint32_t cb_a = tt::CBIndex::c_0;
  constexpr uint32_t cb_b = tt::CBIndex::c_1;
  constexpr uint32_t cb_out = tt::CBIndex::c_16;

  compute_kernel_hw_startup(cb_a, cb_b, cb_out);
  for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {
    // examples/eltwise.cpp:10: out.tile(i) = relu(a.tile(i) + b.tile(i)) * alpha
    cb_wait_front(cb_a, 1);
    cb_wait_front(cb_b, 1);
    tile_regs_acquire();
    add_init(cb_a, cb_b);
    add_tiles(cb_a, cb_b, 0, 0, 0);
    relu_tile_init();
    relu_tile(0);
    binop_with_scalar_tile_init();
    mul_unary_tile(0, alpha);
    tile_regs_commit();
    tile_regs_wait();
    cb_reserve_back(cb_out, 1);
    pack_tile(0, cb_out);
    cb_push_back(cb_out, 1);
    cb_pop_front(cb_a, 1);
    cb_pop_front(cb_b, 1);
    tile_regs_release();
  }
}
