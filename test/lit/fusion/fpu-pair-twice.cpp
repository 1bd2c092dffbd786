// c = (a - b) - (b - a) * 2: two FPU subtractions with swapped CBs each get their own sub_init, results in slots 0 and 1.
// RUN: rm -rf %t && %tilesplit %s -o %t
// RUN: FileCheck %s --check-prefix=COMPUTE < %t/subsub/compute.cpp
#include <tilesplit/tile.hpp>
using namespace tilesplit;

void subsub(Tensor<bf16> a, Tensor<bf16> b, Tensor<bf16> c) {
#pragma tt tile_loop parallel
  for (uint32_t i = 0; i < c.num_tiles(); ++i)
    c.tile(i) = (a.tile(i) - b.tile(i)) - (b.tile(i) - a.tile(i)) * 2.0f;
}

// COMPUTE: tile_regs_acquire();
// COMPUTE-NEXT: sub_init(cb_a, cb_b);
// COMPUTE-NEXT: sub_tiles(cb_a, cb_b, 0, 0, 0);
// COMPUTE-NEXT: sub_init(cb_b, cb_a);
// COMPUTE-NEXT: sub_tiles(cb_b, cb_a, 0, 0, 1);
// COMPUTE-NEXT: binop_with_scalar_tile_init();
// COMPUTE-NEXT: mul_unary_tile(1, 0x40000000u);
// COMPUTE-NEXT: sub_binary_tile_init();
// COMPUTE-NEXT: sub_binary_tile(0, 1, 0);
// COMPUTE-NEXT: tile_regs_commit();
