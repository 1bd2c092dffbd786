// c = sqrt(abs(a)): two SFPU ops in one DST slot; each init is re-issued right before its op every iteration, the single copy init is hoisted.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/chain/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void chain(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = sqrt(abs(a.tile(i)));
}

// COMPUTE: #include "api/compute/common.h"
// COMPUTE-NEXT: #include "api/compute/compute_kernel_api.h"
// COMPUTE-NEXT: #include "api/compute/compute_kernel_hw_startup.h"
// COMPUTE-NEXT: #include "api/compute/eltwise_unary/sqrt.h"
// COMPUTE-NEXT: #include "api/compute/tile_move_copy.h"
// COMPUTE-NOT: #include
// COMPUTE: compute_kernel_hw_startup(cb_a, cb_c);
// COMPUTE-NEXT: copy_init(cb_a);
// COMPUTE-NEXT: // unary-chain.cpp:{{[0-9]+}}: for
// COMPUTE-NEXT: for (
// COMPUTE-NEXT: // unary-chain.cpp
// COMPUTE-NEXT: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: copy_tile(cb_a, 0, 0);
// COMPUTE-NEXT: abs_tile_init();
// COMPUTE-NEXT: abs_tile(0);
// COMPUTE-NEXT: sqrt_tile_init();
// COMPUTE-NEXT: sqrt_tile(0);
// COMPUTE-NEXT: tile_regs_commit();
