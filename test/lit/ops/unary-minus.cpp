// c = -a.tile(i): copy_tile into DST, then negative_tile in place; negative_tile_init() hoisted, header eltwise_unary/negative.h.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/unary_minus/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void unary_minus(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = -a.tile(i);
}

// COMPUTE: #include "api/compute/common.h"
// COMPUTE-NEXT: #include "api/compute/compute_kernel_hw_startup.h"
// COMPUTE-NEXT: #include "api/compute/eltwise_unary/negative.h"
// COMPUTE-NEXT: #include "api/compute/tile_move_copy.h"
// COMPUTE-NOT: #include
// COMPUTE: compute_kernel_hw_startup(cb_a, cb_c);
// COMPUTE-NEXT: copy_init(cb_a);
// COMPUTE-NEXT: negative_tile_init();
// COMPUTE-NEXT: // unary-minus.cpp:{{[0-9]+}}: for
// COMPUTE-NEXT: for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {
// COMPUTE-NEXT: // unary-minus.cpp:{{[0-9]+}}: c.tile(i) =
// COMPUTE-NEXT: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: copy_tile(cb_a, 0, 0);
// COMPUTE-NEXT: negative_tile(0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_c, 1);
// COMPUTE-NEXT: pack_tile(0, cb_c);
// COMPUTE-NEXT: cb_push_back(cb_c, 1);
// COMPUTE-NEXT: cb_pop_front(cb_a, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: }
