// out = relu(a + b) * alpha: FPU add, then two SFPU ops in DST; the FPU init is hoisted, the SFPU inits alternate so they stay in the loop.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/eltwise/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void eltwise(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> out, float alpha) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < out.num_tiles(); ++i)
    out.tile(i) = relu(a.tile(i) + b.tile(i)) * alpha;
}

// COMPUTE: #include "api/compute/common.h"
// COMPUTE-NEXT: #include "api/compute/compute_kernel_hw_startup.h"
// COMPUTE-NEXT: #include "api/compute/eltwise_binary.h"
// COMPUTE-NEXT: #include "api/compute/eltwise_unary/binop_with_scalar.h"
// COMPUTE-NEXT: #include "api/compute/eltwise_unary/relu.h"
// COMPUTE-NOT: #include
// COMPUTE: const uint32_t alpha = get_arg_val<uint32_t>(0);
// COMPUTE-NEXT: const uint32_t unit_begin = get_arg_val<uint32_t>(1);
// COMPUTE-NEXT: const uint32_t unit_count = get_arg_val<uint32_t>(2);
// COMPUTE: constexpr uint32_t cb_a = tt::CBIndex::c_0;
// COMPUTE-NEXT: constexpr uint32_t cb_b = tt::CBIndex::c_1;
// COMPUTE-NEXT: constexpr uint32_t cb_out = tt::CBIndex::c_16;
// COMPUTE: compute_kernel_hw_startup(cb_a, cb_b, cb_out);
// COMPUTE-NEXT: add_init(cb_a, cb_b);
// COMPUTE-NEXT: // eltwise.cpp:{{[0-9]+}}: for
// COMPUTE-NEXT: for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {
// COMPUTE-NEXT: // eltwise.cpp
// COMPUTE-NEXT: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: cb_wait_front(cb_b, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: add_tiles(cb_a, cb_b, 0, 0, 0);
// COMPUTE-NEXT: relu_tile_init();
// COMPUTE-NEXT: relu_tile(0);
// COMPUTE-NEXT: binop_with_scalar_tile_init();
// COMPUTE-NEXT: mul_unary_tile(0, alpha);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_out, 1);
// COMPUTE-NEXT: pack_tile(0, cb_out);
// COMPUTE-NEXT: cb_push_back(cb_out, 1);
// COMPUTE-NEXT: cb_pop_front(cb_a, 1);
// COMPUTE-NEXT: cb_pop_front(cb_b, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: }
