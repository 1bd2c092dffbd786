// c = a * b: FPU mul_tiles with mul_init hoisted before the loop (the loop only ever multiplies).
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/mul/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void mul(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = a.tile(i) * b.tile(i);
}

// COMPUTE: #include "api/compute/common.h"
// COMPUTE-NEXT: #include "api/compute/compute_kernel_hw_startup.h"
// COMPUTE-NEXT: #include "api/compute/eltwise_binary.h"
// COMPUTE-NOT: #include
// COMPUTE: constexpr uint32_t cb_a = tt::CBIndex::c_0;
// COMPUTE-NEXT: constexpr uint32_t cb_b = tt::CBIndex::c_1;
// COMPUTE-NEXT: constexpr uint32_t cb_c = tt::CBIndex::c_16;
// COMPUTE: compute_kernel_hw_startup(cb_a, cb_b, cb_c);
// COMPUTE-NEXT: mul_init(cb_a, cb_b);
// COMPUTE-NEXT: // mul.cpp:{{[0-9]+}}: for
// COMPUTE-NEXT: for (uint32_t i = unit_begin; i < unit_begin + unit_count; ++i) {
// COMPUTE-NEXT: // mul.cpp:{{[0-9]+}}: c.tile(i) = a.tile(i) * b.tile(i);
// COMPUTE-NEXT: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: cb_wait_front(cb_b, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: mul_tiles(cb_a, cb_b, 0, 0, 0);
// COMPUTE-NEXT: tile_regs_commit();
// COMPUTE-NEXT: tile_regs_wait();
// COMPUTE-NEXT: cb_reserve_back(cb_c, 1);
// COMPUTE-NEXT: pack_tile(0, cb_c);
// COMPUTE-NEXT: cb_push_back(cb_c, 1);
// COMPUTE-NEXT: cb_pop_front(cb_a, 1);
// COMPUTE-NEXT: cb_pop_front(cb_b, 1);
// COMPUTE-NEXT: tile_regs_release();
// COMPUTE-NEXT: }
// COMPUTE-NEXT: }
