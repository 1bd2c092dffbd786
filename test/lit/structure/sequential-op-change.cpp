// An inner sequential loop whose body alternates add and mul on the FPU re-issues add_init and mul_init every iteration; nothing is hoisted.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/addmul/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void addmul(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c, Tensor<bf16> d) {
#pragma tt tile_loop parallel
  for (uint32_t m = 0; m < c.tile_rows(); ++m) {
#pragma tt tile_loop
    for (uint32_t n = 0; n < c.tile_cols(); ++n) {
      c.tile(m, n) = a.tile(m, n) + b.tile(m, n);
      d.tile(m, n) = a.tile(m, n) * b.tile(m, n);
    }
  }
}

// COMPUTE: compute_kernel_hw_startup(cb_a, cb_b, cb_c);
// COMPUTE-NEXT: // sequential-op-change.cpp
// COMPUTE-NEXT: for (uint32_t m = unit_begin; m < unit_begin + unit_count; ++m) {
// COMPUTE-NEXT: // sequential-op-change.cpp
// COMPUTE-NEXT: for (uint32_t n = 0; n < c_tile_cols; ++n) {
// COMPUTE-NOT: _init
// COMPUTE: cb_wait_front(cb_a, 1);
// COMPUTE-NEXT: cb_wait_front(cb_b, 1);
// COMPUTE-NEXT: tile_regs_acquire();
// COMPUTE-NEXT: add_init(cb_a, cb_b);
// COMPUTE-NEXT: add_tiles(cb_a, cb_b, 0, 0, 0);
// COMPUTE: tile_regs_acquire();
// COMPUTE-NEXT: mul_init(cb_a, cb_b);
// COMPUTE-NEXT: mul_tiles(cb_a, cb_b, 0, 0, 0);
