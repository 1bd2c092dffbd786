// c = relu(a) * relu(b): the second relu_tile reuses the SFPU configuration (no second relu_tile_init before it).
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/mulrelu/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void mulrelu(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = relu(a.tile(i)) * relu(b.tile(i));
}

// COMPUTE: tile_regs_acquire();
// COMPUTE-NEXT: copy_init(cb_a);
// COMPUTE-NEXT: copy_tile(cb_a, 0, 0);
// COMPUTE-NEXT: relu_tile_init();
// COMPUTE-NEXT: relu_tile(0);
// COMPUTE-NEXT: copy_init(cb_b);
// COMPUTE-NEXT: copy_tile(cb_b, 0, 1);
// COMPUTE-NEXT: relu_tile(1);
// COMPUTE-NEXT: mul_binary_tile_init();
// COMPUTE-NEXT: mul_binary_tile(0, 1, 0);
// COMPUTE-NEXT: tile_regs_commit();
