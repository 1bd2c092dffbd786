// c = exp(a) + b: both operands evaluated into DST slots 0 and 1 and combined with add_binary_tile; copy and SFPU inits re-issued per iteration because each engine changes op.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/expadd/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void expadd(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = exp(a.tile(i)) + b.tile(i);
}

// COMPUTE: #include "api/compute/common.h"
// COMPUTE-NEXT: #include "api/compute/compute_kernel_hw_startup.h"
// COMPUTE-NEXT: #include "api/compute/eltwise_binary_sfpu.h"
// COMPUTE-NEXT: #include "api/compute/eltwise_unary/exp.h"
// COMPUTE-NEXT: #include "api/compute/tile_move_copy.h"
// COMPUTE-NOT: #include
// COMPUTE: compute_kernel_hw_startup(cb_a, cb_c);
// COMPUTE-NEXT: // exp-plus-tile.cpp:{{[0-9]+}}: for
// COMPUTE-NEXT: for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {
// COMPUTE-NEXT: // exp-plus-tile.cpp
// COMPUTE-NEXT: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: cb_wait_front(cb_b, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: copy_init(cb_a);
// COMPUTE-NEXT: copy_tile(cb_a, 0, 0);
// COMPUTE-NEXT: exp_tile_init();
// COMPUTE-NEXT: exp_tile(0);
// COMPUTE-NEXT: copy_init(cb_b);
// COMPUTE-NEXT: copy_tile(cb_b, 0, 1);
// COMPUTE-NEXT: add_binary_tile_init();
// COMPUTE-NEXT: add_binary_tile(0, 1, 0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_c, 1);
// COMPUTE-NEXT: pack_tile(0, cb_c);
// COMPUTE-NEXT: cb_push_back(cb_c, 1);
// COMPUTE-NEXT: cb_pop_front(cb_a, 1);
// COMPUTE-NEXT: cb_pop_front(cb_b, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: }
