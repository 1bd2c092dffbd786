// Profile 2026-02, c = exp(a) + b: copy_tile_init (not copy_init) re-issued per CB inside the loop, SFPU inits as in 2026-08.
// RUN: rm -rf %t && %tilesplit %s -o %t --tt-metal-api=2026-02
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/expadd/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void expadd(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = exp(a.tile(i)) + b.tile(i);
}

// COMPUTE: #include "compute_kernel_api/common.h"
// COMPUTE-NEXT: #include "compute_kernel_api/eltwise_binary_sfpu.h"
// COMPUTE-NEXT: #include "compute_kernel_api/eltwise_unary/eltwise_unary.h"
// COMPUTE-NEXT: #include "compute_kernel_api/eltwise_unary/exp.h"
// COMPUTE-NEXT: #include "compute_kernel_api/tile_move_copy.h"
// COMPUTE-NOT: #include
// COMPUTE: init_sfpu(cb_a, cb_c);
// COMPUTE: tile_regs_acquire();
// COMPUTE-NEXT: copy_tile_init(cb_a);
// COMPUTE-NEXT: copy_tile(cb_a, 0, 0);
// COMPUTE-NEXT: exp_tile_init();
// COMPUTE-NEXT: exp_tile(0);
// COMPUTE-NEXT: copy_tile_init(cb_b);
// COMPUTE-NEXT: copy_tile(cb_b, 0, 1);
// COMPUTE-NEXT: add_binary_tile_init();
// COMPUTE-NEXT: add_binary_tile(0, 1, 0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NOT: copy_init(
