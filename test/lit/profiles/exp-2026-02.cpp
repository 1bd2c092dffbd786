// Profile 2026-02, c = exp(a): exactly tt-metal's eltwise_sfpu set-up, init_sfpu(in, out) then exp_tile_init() (init_sfpu already configures copy from in, so no copy_tile_init).
// RUN: rm -rf %t && %tilesplit %s -o %t --tt-metal-api=2026-02
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/expk/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void expk(Tensor<bf16> a, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = exp(a.tile(i));
}

// COMPUTE: #include "compute_kernel_api/common.h"
// COMPUTE-NEXT: #include "compute_kernel_api/eltwise_unary/eltwise_unary.h"
// COMPUTE-NEXT: #include "compute_kernel_api/eltwise_unary/exp.h"
// COMPUTE-NEXT: #include "compute_kernel_api/tile_move_copy.h"
// COMPUTE-NOT: #include
// COMPUTE: init_sfpu(cb_a, cb_c);
// COMPUTE-NEXT: exp_tile_init();
// COMPUTE-NEXT: // exp-2026-02.cpp:{{[0-9]+}}: for
// COMPUTE-NEXT: for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {
// COMPUTE-NEXT: // exp-2026-02.cpp
// COMPUTE-NEXT: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: copy_tile(cb_a, 0, 0);
// COMPUTE-NEXT: exp_tile(0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NOT: compute_kernel_hw_startup
// COMPUTE-NOT: copy_tile_init
